package dev.peregrine.ops.http;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.peregrine.ops.logging.JsonOutput;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Checks that an admin request body is one JSON object (Jackson's strict parser; nothing is built), so a
 * malformed body gets 400 with the position and reason rather than being ignored or throwing. The reasons are
 * the API's own short phrases ({@code expected a value}, {@code expected ':'}), not the parser's sentences.
 */
final class JsonSyntax
{
    /** Deeper than any command body needs: a deeper one is a mistake or an attack. */
    private static final int MAX_DEPTH = 32;
    /** The parser's phrase, then the API's: the first that the parser's message contains names the problem. */
    private static final String[][] REASONS = {
        {"Unrecognized token", "expected a value"},
        {"expected a value", "expected a value"},
        {"expected a valid value", "expected a value"},
        {"numeric value", "expected a value"},
        {"Leading zeroes", "expected a value"},
        {"expecting a colon", "expected ':'"},
        {"double-quote to start field name", "expected '\"'"},
        {"separate Object entries", "expected '}'"},
        {"separate Array entries", "expected ']'"},
        {"CTRL-CHAR", "control character in a string"},
        {"character escape", "bad escape in a string"},
        {"closing quote", "unterminated string"},
        {"nesting depth", "nesting deeper than " + MAX_DEPTH},
        {"end-of-input", "unexpected end of the body"},
    };
    private static final com.fasterxml.jackson.core.JsonFactory STRICT = JsonOutput.FACTORY.copy()
        .setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build());

    private JsonSyntax()
    {
    }

    /** Null when {@code text} is one valid JSON object; otherwise why not, with the character offset. */
    static String objectProblem(final String text)
    {
        try (JsonParser parser = STRICT.createParser(text))
        {
            if (parser.nextToken() != JsonToken.START_OBJECT)
            {
                return "the body must be a JSON object, e.g. {} (at offset " +
                    parser.currentTokenLocation().getCharOffset() + ")";
            }
            parser.skipChildren();
            final int end = (int)parser.currentLocation().getCharOffset();
            try
            {
                if (parser.nextToken() != null)
                {
                    return "unexpected text after the JSON object at offset " + firstNonSpace(text, end);
                }
            }
            catch (final JsonProcessingException ex)
            {
                return "unexpected text after the JSON object at offset " + firstNonSpace(text, end);
            }
            return null;
        }
        catch (final JsonProcessingException ex)
        {
            return "invalid JSON: " + reason(ex) + " at offset " + offset(ex, text);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    private static String reason(final JsonProcessingException ex)
    {
        final String message = ex.getOriginalMessage();
        for (final String[] reason : REASONS)
        {
            if (message.contains(reason[0]))
            {
                return reason[1];
            }
        }
        return message.split("\n", 2)[0];
    }

    /**
     * Where the bad token starts. For an unrecognized word Jackson's location is its end in some versions and its
     * start in others, so the word is looked up in the text at either place.
     */
    private static long offset(final JsonProcessingException ex, final String text)
    {
        final long at = ex.getLocation() == null ? 0 : ex.getLocation().getCharOffset();
        final String message = ex.getOriginalMessage();
        final String prefix = "Unrecognized token '";
        if (message.startsWith(prefix) && at >= 0 && at <= text.length())
        {
            final int close = message.indexOf('\'', prefix.length());
            if (close > prefix.length())
            {
                final String word = message.substring(prefix.length(), close);
                if (text.startsWith(word, (int)at))
                {
                    return at;
                }
                final int start = (int)at - word.length();
                if (start >= 0 && text.startsWith(word, start))
                {
                    return start;
                }
            }
        }
        return at;
    }

    private static int firstNonSpace(final String text, final int from)
    {
        int at = Math.min(Math.max(from, 0), text.length());
        while (at < text.length() && " \t\r\n".indexOf(text.charAt(at)) >= 0)
        {
            at++;
        }
        return at;
    }
}
