package dev.peregrine.bench.book;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.bench.capture.CoinbaseCapture;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * One product's real level2 feed from the Coinbase capture, flattened into primitive arrays at setup so
 * the book benchmark spends its time in the books, not in JSON: the first {@code l2_data} snapshot of the
 * product, then every later {@code l2_data} update of it, grouped by message.
 *
 * <p>Levels are {@code (side, price, quantity)} with {@link Side#BUY} for bids and {@link Side#SELL} for
 * offers, prices and quantities as {@link FixedPoint} scaled longs; quantity 0 removes the level.
 */
public final class Level2Stream
{
    private final int snapshotLevels;
    private final int[] sides;
    private final long[] prices;
    private final long[] quantities;
    /** End (exclusive) of each update message's levels; the first message starts at snapshotLevels. */
    private final int[] messageEnds;

    private Level2Stream(
        final int snapshotLevels, final int[] sides, final long[] prices, final long[] quantities, final int[] messageEnds)
    {
        this.snapshotLevels = snapshotLevels;
        this.sides = sides;
        this.prices = prices;
        this.quantities = quantities;
        this.messageEnds = messageEnds;
    }

    public static Level2Stream load(final CoinbaseCapture capture, final String productId)
    {
        final ObjectMapper mapper = new ObjectMapper();
        final Builder builder = new Builder();
        boolean snapshotSeen = false;
        for (final CoinbaseCapture.Frame frame : capture.frames())
        {
            if (!"l2_data".equals(frame.channel))
            {
                continue;
            }
            final JsonNode root = read(mapper, frame.bytes);
            for (final JsonNode event : root.path("events"))
            {
                if (!productId.equals(event.path("product_id").asText()))
                {
                    continue;
                }
                final boolean snapshot = "snapshot".equals(event.path("type").asText());
                if (snapshot && snapshotSeen)
                {
                    throw new IllegalStateException("a second " + productId + " snapshot: the benchmark assumes one");
                }
                if (!snapshot && !snapshotSeen)
                {
                    continue; // an update before the snapshot applies to no book
                }
                for (final JsonNode level : event.path("updates"))
                {
                    builder.add(
                        "bid".equals(level.path("side").asText()) ? Side.BUY : Side.SELL,
                        FixedPoint.parseOrThrow("price_level", level.path("price_level").asText()),
                        FixedPoint.parseOrThrow("new_quantity", level.path("new_quantity").asText()));
                }
                if (snapshot)
                {
                    builder.snapshotLevels = builder.size;
                    snapshotSeen = true;
                }
                else
                {
                    builder.endMessage();
                }
            }
        }
        if (!snapshotSeen || builder.messages == 0)
        {
            throw new IllegalStateException("no " + productId + " l2_data snapshot and updates in the capture");
        }
        return builder.build();
    }

    private static JsonNode read(final ObjectMapper mapper, final byte[] frame)
    {
        try
        {
            return mapper.readTree(frame);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("unreadable frame " + new String(frame, 0, 200, StandardCharsets.UTF_8), ex);
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    public int snapshotLevels()
    {
        return snapshotLevels;
    }

    public int updateMessages()
    {
        return messageEnds.length;
    }

    /** Level updates in one pass over the update messages (the snapshot not counted). */
    public int updateLevels()
    {
        return messageEnds[messageEnds.length - 1] - snapshotLevels;
    }

    /** First level of update message {@code message}. */
    public int messageStart(final int message)
    {
        return message == 0 ? snapshotLevels : messageEnds[message - 1];
    }

    public int messageEnd(final int message)
    {
        return messageEnds[message];
    }

    public int side(final int level)
    {
        return sides[level];
    }

    public long price(final int level)
    {
        return prices[level];
    }

    public long quantity(final int level)
    {
        return quantities[level];
    }

    /** Grows plain arrays while loading; setup code. */
    private static final class Builder
    {
        int[] sides = new int[1 << 16];
        long[] prices = new long[1 << 16];
        long[] quantities = new long[1 << 16];
        int[] messageEnds = new int[1 << 10];
        int size;
        int messages;
        int snapshotLevels;

        void add(final int side, final long price, final long quantity)
        {
            if (size == sides.length)
            {
                sides = Arrays.copyOf(sides, size * 2);
                prices = Arrays.copyOf(prices, size * 2);
                quantities = Arrays.copyOf(quantities, size * 2);
            }
            sides[size] = side;
            prices[size] = price;
            quantities[size] = quantity;
            size++;
        }

        void endMessage()
        {
            if (messages == messageEnds.length)
            {
                messageEnds = Arrays.copyOf(messageEnds, messages * 2);
            }
            messageEnds[messages++] = size;
        }

        Level2Stream build()
        {
            return new Level2Stream(snapshotLevels, Arrays.copyOf(sides, size), Arrays.copyOf(prices, size),
                Arrays.copyOf(quantities, size), Arrays.copyOf(messageEnds, messages));
        }
    }
}
