package dev.peregrine.gateway.coinbase.orders;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small, strict JSON reader and writer for the order path: REST answers, user-channel frames, the
 * downloadable key file and the emulator's requests. Off the hot path by design (a few requests a
 * second), so it builds a tree: objects are {@code LinkedHashMap<String, Object>}, arrays
 * {@code List<Object>}, strings {@code String} (escapes decoded, unlike {@code JsonScanner}: a PEM in
 * a key file carries {@code \n}), numbers their literal text as a {@link JsonNumber}, booleans
 * {@code Boolean}, null {@link #NULL}.
 */
public final class JsonTree
{
    /** The JSON literal {@code null}; a sentinel so that a missing key and a null value differ. */
    public static final Object NULL = new Object()
    {
        @Override
        public String toString()
        {
            return "null";
        }
    };

    private static final int MAX_DEPTH = 32;

    /** A number kept as its text, so that no precision is lost before the caller decides the type. */
    public record JsonNumber(String text)
    {
        @Override
        public String toString()
        {
            return text;
        }
    }

    private final String text;
    private int pos;

    private JsonTree(final String text)
    {
        this.text = text;
    }

    /** @throws IllegalArgumentException with the offset of the first error. */
    public static Object parse(final String text)
    {
        final JsonTree parser = new JsonTree(text);
        final Object value = parser.value(0);
        parser.skipWhitespace();
        if (parser.pos != text.length())
        {
            throw parser.error("trailing characters");
        }
        return value;
    }

    /** Parses a JSON object, or throws if the text is anything else. */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> parseObject(final String text)
    {
        final Object value = parse(text);
        if (!(value instanceof Map))
        {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return (Map<String, Object>)value;
    }

    /** The string at {@code key}, the text of a number, or null when absent, null or another type. */
    public static String string(final Map<String, Object> object, final String key)
    {
        final Object value = object == null ? null : object.get(key);
        return value instanceof String || value instanceof JsonNumber ? value.toString() : null;
    }

    @SuppressWarnings("unchecked")
    public static Map<String, Object> object(final Map<String, Object> object, final String key)
    {
        final Object value = object == null ? null : object.get(key);
        return value instanceof Map ? (Map<String, Object>)value : null;
    }

    @SuppressWarnings("unchecked")
    public static List<Object> array(final Map<String, Object> object, final String key)
    {
        final Object value = object == null ? null : object.get(key);
        return value instanceof List ? (List<Object>)value : List.of();
    }

    public static boolean bool(final Map<String, Object> object, final String key)
    {
        final Object value = object == null ? null : object.get(key);
        return Boolean.TRUE.equals(value) || "true".equals(value);
    }

    /** Appends {@code value} as a JSON string literal, quotes included. */
    public static StringBuilder quote(final StringBuilder sb, final String value)
    {
        sb.append('"');
        for (int i = 0; i < value.length(); i++)
        {
            final char c = value.charAt(i);
            switch (c)
            {
                case '"': sb.append("\\\""); break;
                case '\\': sb.append("\\\\"); break;
                case '\n': sb.append("\\n"); break;
                case '\r': sb.append("\\r"); break;
                case '\t': sb.append("\\t"); break;
                default:
                    if (c < 0x20)
                    {
                        sb.append(String.format("\\u%04x", (int)c));
                    }
                    else
                    {
                        sb.append(c);
                    }
            }
        }
        return sb.append('"');
    }

    public static String quote(final String value)
    {
        return quote(new StringBuilder(value.length() + 2), value).toString();
    }

    /** Writes maps, lists, strings, numbers, booleans and null; for the emulator and tests. */
    public static String write(final Object value)
    {
        final StringBuilder sb = new StringBuilder(128);
        write(sb, value);
        return sb.toString();
    }

    private static void write(final StringBuilder sb, final Object value)
    {
        if (value == null || value == NULL)
        {
            sb.append("null");
        }
        else if (value instanceof String)
        {
            quote(sb, (String)value);
        }
        else if (value instanceof Map)
        {
            sb.append('{');
            boolean first = true;
            for (final Map.Entry<?, ?> e : ((Map<?, ?>)value).entrySet())
            {
                if (!first)
                {
                    sb.append(',');
                }
                first = false;
                quote(sb, String.valueOf(e.getKey())).append(':');
                write(sb, e.getValue());
            }
            sb.append('}');
        }
        else if (value instanceof List)
        {
            sb.append('[');
            boolean first = true;
            for (final Object element : (List<?>)value)
            {
                if (!first)
                {
                    sb.append(',');
                }
                first = false;
                write(sb, element);
            }
            sb.append(']');
        }
        else
        {
            sb.append(value); // Boolean, Number, JsonNumber
        }
    }

    private Object value(final int depth)
    {
        if (depth > MAX_DEPTH)
        {
            throw error("nested deeper than " + MAX_DEPTH);
        }
        skipWhitespace();
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
            case 'n': return literal("null", NULL);
            default: return number();
        }
    }

    private Map<String, Object> object(final int depth)
    {
        final Map<String, Object> map = new LinkedHashMap<>();
        pos++;
        skipWhitespace();
        if (peek() == '}')
        {
            pos++;
            return map;
        }
        while (true)
        {
            skipWhitespace();
            if (peek() != '"')
            {
                throw error("expected a key");
            }
            final String key = string();
            skipWhitespace();
            if (peek() != ':')
            {
                throw error("expected ':'");
            }
            pos++;
            map.put(key, value(depth + 1));
            skipWhitespace();
            final char c = peek();
            pos++;
            if (c == '}')
            {
                return map;
            }
            if (c != ',')
            {
                throw error("expected ',' or '}'");
            }
        }
    }

    private List<Object> array(final int depth)
    {
        final List<Object> list = new ArrayList<>();
        pos++;
        skipWhitespace();
        if (peek() == ']')
        {
            pos++;
            return list;
        }
        while (true)
        {
            list.add(value(depth + 1));
            skipWhitespace();
            final char c = peek();
            pos++;
            if (c == ']')
            {
                return list;
            }
            if (c != ',')
            {
                throw error("expected ',' or ']'");
            }
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
                throw error("raw control character in a string");
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
                        sb.append((char)Integer.parseInt(text.substring(pos, pos + 4), 16));
                    }
                    catch (final NumberFormatException ex)
                    {
                        throw error("bad \\u escape");
                    }
                    pos += 4;
                    break;
                default:
                    throw error("bad escape");
            }
        }
    }

    private Object literal(final String word, final Object value)
    {
        if (!text.startsWith(word, pos))
        {
            throw error("unexpected token");
        }
        pos += word.length();
        return value;
    }

    private JsonNumber number()
    {
        final int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0)
        {
            pos++;
        }
        final String literal = text.substring(start, pos);
        if (literal.isEmpty() || !literal.matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?"))
        {
            pos = start;
            throw error("bad number or unexpected character");
        }
        return new JsonNumber(literal);
    }

    private char peek()
    {
        if (pos >= text.length())
        {
            throw error("unexpected end");
        }
        return text.charAt(pos);
    }

    private void skipWhitespace()
    {
        while (pos < text.length())
        {
            final char c = text.charAt(pos);
            if (c != ' ' && c != '\t' && c != '\n' && c != '\r')
            {
                return;
            }
            pos++;
        }
    }

    private IllegalArgumentException error(final String what)
    {
        // The offset only: the text may be a key file, whose content must never reach a message.
        return new IllegalArgumentException("malformed JSON at offset " + pos + ": " + what);
    }
}
