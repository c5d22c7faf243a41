package dev.peregrine.bench.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;

/**
 * How the Jackson baselines turn text into the engine's values, the way a team using Jackson would:
 * decimals through {@link BigDecimal} (exact, as the engine's scaled longs are; {@code Double.parseDouble}
 * would be cheaper but can round a price, so it is not the same job), timestamps through
 * {@link Instant#parse}. These are the conversions DESIGN.md keeps off the hot path.
 */
final class JacksonValues
{
    private JacksonValues()
    {
    }

    /** A decimal to a {@link FixedPoint} scaled long, straight from the parser's characters (no String). */
    static long scaled(final char[] text, final int offset, final int length)
    {
        return new BigDecimal(text, offset, length).movePointRight(FixedPoint.DECIMALS).longValueExact();
    }

    static long scaled(final String text)
    {
        return new BigDecimal(text).movePointRight(FixedPoint.DECIMALS).longValueExact();
    }

    /** The streaming parser's current decimal value (a JSON string or number) as a scaled long. */
    static long scaled(final JsonParser parser) throws IOException
    {
        return scaled(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength());
    }

    /** A tree node's required decimal field as a scaled long. */
    static long scaled(final JsonNode node, final String key)
    {
        return scaled(node.required(key).asText());
    }

    /** A venue's side word as {@link Side}: {@code buy} means BUY, {@code sell} SELL, anything else fails. */
    static int side(final String text, final String buy, final String sell)
    {
        if (buy.equals(text))
        {
            return Side.BUY;
        }
        if (sell.equals(text))
        {
            return Side.SELL;
        }
        throw new IllegalArgumentException("bad side " + text);
    }

    /** Fails an entry that lacked a field: {@code seen} is the mask of fields read, {@code all} the full mask. */
    static void complete(final int seen, final int all, final String what)
    {
        if (seen != all)
        {
            throw new IllegalArgumentException(what + " entry is missing a field (seen mask " + seen + ")");
        }
    }

    /** Fails a frame whose next token is not the one its layout requires. */
    static void expect(final JsonToken actual, final JsonToken expected)
    {
        if (actual != expected)
        {
            throw new IllegalArgumentException("expected " + expected + ", found " + actual);
        }
    }

    /**
     * The book flags Peregrine's level2 decoding sets on one event's levels {@code out[first..]}: the last
     * level ends the message; a snapshot's first level begins it and its last ends it.
     */
    static void flagLevels(final DecodedEvents out, final int first, final boolean snapshot)
    {
        final int last = out.count() - 1;
        if (last < first)
        {
            return;
        }
        out.get(last).flags |= BookFlags.END_OF_MESSAGE;
        if (snapshot)
        {
            out.get(first).flags |= BookFlags.SNAPSHOT_BEGIN;
            out.get(last).flags |= BookFlags.SNAPSHOT_END;
        }
    }

    /** An RFC 3339 UTC timestamp to epoch nanoseconds. */
    static long epochNanos(final String text)
    {
        final Instant instant = Instant.parse(text);
        return instant.getEpochSecond() * 1_000_000_000L + instant.getNano();
    }
}
