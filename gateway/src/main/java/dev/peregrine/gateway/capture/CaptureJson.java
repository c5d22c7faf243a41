package dev.peregrine.gateway.capture;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one line of a capture file as a JSON value: objects become {@link LinkedHashMap}s, arrays
 * {@link List}s, numbers {@link BigDecimal}s (so an epoch-seconds float converts to nanoseconds
 * exactly), strings unescaped {@link String}s. Off the hot path: capture files are read once, ahead of
 * the frames they hold, so this favours being obviously correct over being allocation-free.
 */
final class CaptureJson
{
    private static final int MAX_DEPTH = 64;

    private final String text;
    private int pos;

    private CaptureJson(final String text)
    {
        this.text = text;
    }

    /** @throws IllegalArgumentException saying where, if {@code text} is not one JSON value. */
    static Object parse(final String text)
    {
        final CaptureJson parser = new CaptureJson(text);
        parser.skipWhitespace();
        final Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos != text.length())
        {
            throw parser.error("trailing text");
        }
        return value;
    }

    private Object value(final int depth)
    {
        if (depth > MAX_DEPTH)
        {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        if (pos >= text.length())
        {
            throw error("unexpected end");
        }
        final char c = text.charAt(pos);
        switch (c)
        {
            case '{': return object(depth);
            case '[': return array(depth);
            case '"': return string();
            case 't': return literal("true", Boolean.TRUE);
            case 'f': return literal("false", Boolean.FALSE);
            case 'n': return literal("null", null);
            default:
                if (c == '-' || (c >= '0' && c <= '9'))
                {
                    return number();
                }
                throw error("unexpected '" + c + "'");
        }
    }

    private Map<String, Object> object(final int depth)
    {
        final Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipWhitespace();
        if (peek('}'))
        {
            pos++;
            return map;
        }
        while (true)
        {
            skipWhitespace();
            if (!peek('"'))
            {
                throw error("expected a key");
            }
            final String key = string();
            skipWhitespace();
            expect(':');
            skipWhitespace();
            map.put(key, value(depth + 1));
            skipWhitespace();
            if (peek(','))
            {
                pos++;
                continue;
            }
            expect('}');
            return map;
        }
    }

    private List<Object> array(final int depth)
    {
        final List<Object> list = new ArrayList<>();
        pos++;
        skipWhitespace();
        if (peek(']'))
        {
            pos++;
            return list;
        }
        while (true)
        {
            skipWhitespace();
            list.add(value(depth + 1));
            skipWhitespace();
            if (peek(','))
            {
                pos++;
                continue;
            }
            expect(']');
            return list;
        }
    }

    private String string()
    {
        pos++;
        final StringBuilder sb = new StringBuilder();
        while (true)
        {
            if (pos >= text.length())
            {
                throw error("unterminated string");
            }
            final char c = text.charAt(pos++);
            if (c == '"')
            {
                return sb.toString();
            }
            if (c < 0x20)
            {
                throw error("control character in a string");
            }
            if (c != '\\')
            {
                sb.append(c);
                continue;
            }
            if (pos >= text.length())
            {
                throw error("unterminated escape");
            }
            final char e = text.charAt(pos++);
            switch (e)
            {
                case '"': sb.append('"'); break;
                case '\\': sb.append('\\'); break;
                case '/': sb.append('/'); break;
                case 'b': sb.append('\b'); break;
                case 'f': sb.append('\f'); break;
                case 'n': sb.append('\n'); break;
                case 'r': sb.append('\r'); break;
                case 't': sb.append('\t'); break;
                case 'u':
                    if (pos + 4 > text.length())
                    {
                        throw error("short \\u escape");
                    }
                    try
                    {
                        // UTF-16 code units: a surrogate pair arrives as two escapes and joins up by itself.
                        sb.append((char)Integer.parseInt(text.substring(pos, pos + 4), 16));
                    }
                    catch (final NumberFormatException ex)
                    {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                    break;
                default:
                    throw error("bad escape '\\" + e + "'");
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
        try
        {
            return new BigDecimal(text.substring(start, pos));
        }
        catch (final NumberFormatException ex)
        {
            pos = start;
            throw error("bad number");
        }
    }

    private Object literal(final String word, final Object value)
    {
        if (!text.startsWith(word, pos))
        {
            throw error("unexpected text");
        }
        pos += word.length();
        return value;
    }

    private boolean peek(final char c)
    {
        return pos < text.length() && text.charAt(pos) == c;
    }

    private void expect(final char c)
    {
        if (!peek(c))
        {
            throw error("expected '" + c + "'");
        }
        pos++;
    }

    private void skipWhitespace()
    {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0)
        {
            pos++;
        }
    }

    private IllegalArgumentException error(final String what)
    {
        return new IllegalArgumentException("not JSON: " + what + " at character " + pos);
    }
}
