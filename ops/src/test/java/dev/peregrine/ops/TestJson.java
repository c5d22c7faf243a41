package dev.peregrine.ops;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, slow, obviously-correct JSON reader for tests: objects become {@link LinkedHashMap}s, arrays
 * {@link List}s, numbers {@link BigDecimal}s, strings unescaped {@link String}s. It shares no code with
 * the gateway's scanner, so the tests compare the decoder against an independent reading.
 */
public final class TestJson
{
    private final String text;
    private int pos;

    private TestJson(final String text)
    {
        this.text = text;
    }

    public static Object parse(final String text)
    {
        final TestJson parser = new TestJson(text);
        parser.ws();
        final Object value = parser.value();
        parser.ws();
        if (parser.pos != text.length())
        {
            throw new IllegalArgumentException("trailing text at " + parser.pos);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(final String text)
    {
        return (Map<String, Object>)parse(text);
    }

    private Object value()
    {
        final char c = text.charAt(pos);
        switch (c)
        {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default: return number();
        }
    }

    private Map<String, Object> object()
    {
        final Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        ws();
        if (text.charAt(pos) == '}')
        {
            pos++;
            return map;
        }
        while (true)
        {
            ws();
            final String key = string();
            ws();
            expect(':');
            ws();
            map.put(key, value());
            ws();
            if (text.charAt(pos) == '}')
            {
                pos++;
                return map;
            }
            expect(',');
        }
    }

    private List<Object> array()
    {
        final List<Object> list = new ArrayList<>();
        pos++;
        ws();
        if (text.charAt(pos) == ']')
        {
            pos++;
            return list;
        }
        while (true)
        {
            ws();
            list.add(value());
            ws();
            if (text.charAt(pos) == ']')
            {
                pos++;
                return list;
            }
            expect(',');
        }
    }

    private String string()
    {
        expect('"');
        final StringBuilder sb = new StringBuilder();
        while (true)
        {
            final char c = text.charAt(pos++);
            if (c == '"')
            {
                return sb.toString();
            }
            if (c != '\\')
            {
                sb.append(c);
                continue;
            }
            final char e = text.charAt(pos++);
            switch (e)
            {
                case 'n': sb.append('\n'); break;
                case 't': sb.append('\t'); break;
                case 'r': sb.append('\r'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'u':
                    sb.append((char)Integer.parseInt(text.substring(pos, pos + 4), 16));
                    pos += 4;
                    break;
                default: sb.append(e);
            }
        }
    }

    private BigDecimal number()
    {
        final int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0)
        {
            pos++;
        }
        return new BigDecimal(text.substring(start, pos));
    }

    private Object literal(final String word, final Object value)
    {
        if (!text.startsWith(word, pos))
        {
            throw new IllegalArgumentException("bad literal at " + pos);
        }
        pos += word.length();
        return value;
    }

    private void expect(final char c)
    {
        if (text.charAt(pos) != c)
        {
            throw new IllegalArgumentException("expected '" + c + "' at " + pos + " but found '" + text.charAt(pos) + "'");
        }
        pos++;
    }

    private void ws()
    {
        while (pos < text.length() && Character.isWhitespace(text.charAt(pos)))
        {
            pos++;
        }
    }
}
