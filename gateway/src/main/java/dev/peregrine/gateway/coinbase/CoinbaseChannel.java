package dev.peregrine.gateway.coinbase;

import java.nio.charset.StandardCharsets;

/**
 * The channels of the Coinbase Advanced Trade market-data WebSocket, as named in the {@code channel}
 * key of a received frame ({@code level2} subscriptions arrive as {@code l2_data}).
 *
 * <p>{@link #decoded()} says whether the gateway turns the channel into ring events today; the others
 * are counted as received but not yet handled, so their arrival is visible before support lands.
 */
public enum CoinbaseChannel
{
    HEARTBEATS("heartbeats", false),
    SUBSCRIPTIONS("subscriptions", false),
    TICKER("ticker", true),
    TICKER_BATCH("ticker_batch", true),
    MARKET_TRADES("market_trades", true),
    L2_DATA("l2_data", true),
    CANDLES("candles", true),
    STATUS("status", true);

    private static final CoinbaseChannel[] VALUES = values();

    private final String label;
    private final byte[] labelBytes;
    private final boolean decoded;

    CoinbaseChannel(final String label, final boolean decoded)
    {
        this.label = label;
        this.labelBytes = label.getBytes(StandardCharsets.US_ASCII);
        this.decoded = decoded;
    }

    /** The wire name, also the Prometheus label value. */
    public String label()
    {
        return label;
    }

    /** True if frames of this channel become ring events; false for control and not-yet-handled ones. */
    public boolean decoded()
    {
        return decoded;
    }

    /** The channel spelled by {@code bytes[offset, offset + length)}, or null. Allocation-free. */
    public static CoinbaseChannel of(final byte[] bytes, final int offset, final int length)
    {
        for (final CoinbaseChannel channel : VALUES)
        {
            final byte[] name = channel.labelBytes;
            if (name.length == length && java.util.Arrays.equals(name, 0, length, bytes, offset, offset + length))
            {
                return channel;
            }
        }
        return null;
    }
}
