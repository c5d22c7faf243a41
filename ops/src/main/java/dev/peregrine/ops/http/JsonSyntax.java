package dev.peregrine.ops.http;

/**
 * Checks that an admin request body is one JSON value (RFC 8259 syntax only; nothing is built), so a
 * malformed body gets 400 with the position and reason rather than being ignored or throwing.
 */
final class JsonSyntax
{
    private final String text;
    private int pos;

    private JsonSyntax(final String text)
    {
        this.text = text;
    }

    /** Null when {@code text} is one valid JSON object; otherwise why not, with the character offset. */
    static String objectProblem(final String text)
    {
        final JsonSyntax parser = new JsonSyntax(text);
        try
        {
            parser.space();
            if (parser.peek() != '{')
            {
                return "the body must be a JSON object, e.g. {} (at offset " + parser.pos + ")";
            }
            parser.value(0);
            parser.space();
            if (parser.pos != text.length())
            {
                return "unexpected text after the JSON object at offset " + parser.pos;
            }
            return null;
        }
        catch (final IllegalStateException ex)
        {
            return ex.getMessage();
        }
    }

    private void value(final int depth)
    {
        if (depth > 32)
        {
            fail("nesting deeper than 32");
        }
        space();
        final char c = peek();
        if (c == '{')
        {
            pos++;
            space();
            if (peek() == '}')
            {
                pos++;
                return;
            }
            while (true)
            {
                space();
                string();
                space();
                expect(':');
                value(depth + 1);
                space();
                if (peek() == ',')
                {
                    pos++;
                    continue;
                }
                expect('}');
                return;
            }
        }
        if (c == '[')
        {
            pos++;
            space();
            if (peek() == ']')
            {
                pos++;
                return;
            }
            while (true)
            {
                value(depth + 1);
                space();
                if (peek() == ',')
                {
                    pos++;
                    continue;
                }
                expect(']');
                return;
            }
        }
        if (c == '"')
        {
            string();
            return;
        }
        if (literal("true") || literal("false") || literal("null"))
        {
            return;
        }
        number();
    }

    private void string()
    {
        expect('"');
        while (pos < text.length())
        {
            final char c = text.charAt(pos++);
            if (c == '"')
            {
                return;
            }
            if (c == '\\')
            {
                if (pos >= text.length() || "\"\\/bfnrtu".indexOf(text.charAt(pos)) < 0)
                {
                    fail("bad escape in a string");
                }
                pos++;
            }
            else if (c < 0x20)
            {
                fail("control character in a string");
            }
        }
        fail("unterminated string");
    }

    private void number()
    {
        final int start = pos;
        while (pos < text.length() && "+-0123456789.eE".indexOf(text.charAt(pos)) >= 0)
        {
            pos++;
        }
        if (start == pos || !text.substring(start, pos).matches("-?(0|[1-9][0-9]*)(\\.[0-9]+)?([eE][+-]?[0-9]+)?"))
        {
            pos = start;
            fail("expected a value");
        }
    }

    private boolean literal(final String word)
    {
        if (text.startsWith(word, pos))
        {
            pos += word.length();
            return true;
        }
        return false;
    }

    private void space()
    {
        while (pos < text.length() && " \t\r\n".indexOf(text.charAt(pos)) >= 0)
        {
            pos++;
        }
    }

    private char peek()
    {
        return pos < text.length() ? text.charAt(pos) : '\0';
    }

    private void expect(final char c)
    {
        if (peek() != c)
        {
            fail("expected '" + c + "'");
        }
        pos++;
    }

    private void fail(final String reason)
    {
        throw new IllegalStateException("invalid JSON: " + reason + " at offset " + pos);
    }
}
