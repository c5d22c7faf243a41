package dev.peregrine.gateway.coinbase;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Settings of a {@link CoinbaseMarketDataClient}. Immutable; start from {@link #defaults()} and
 * override with the {@code with*} methods.
 *
 * @param connectTimeout     TCP connect plus WebSocket handshake, per attempt.
 * @param maxFrameBytes      largest accepted (aggregated) message; real level2 snapshots are 5.1 MB.
 * @param staleThreshold     an instrument with no data message for longer is published FEED_STALE.
 * @param staleCheckInterval how often the event loop checks staleness.
 * @param backoffBase        first reconnection delay (before jitter); doubles per failed attempt...
 * @param backoffMax         ...up to this.
 * @param subscribeSpacing   gap between two subscribe/unsubscribe messages: the venue allows 8
 *                           unauthenticated messages per second, so 150 ms keeps well inside it.
 * @param channels           subscription channels ({@code level2}, not {@code l2_data}); {@code heartbeats}
 *                           is always subscribed first, whether listed or not.
 * @param jitterSeed         seed of the reconnection jitter (it runs off the deterministic core).
 */
public record CoinbaseClientConfig(
    Duration connectTimeout,
    int maxFrameBytes,
    Duration staleThreshold,
    Duration staleCheckInterval,
    Duration backoffBase,
    Duration backoffMax,
    Duration subscribeSpacing,
    List<String> channels,
    long jitterSeed)
{
    /** Every market-data channel the gateway decodes, in subscription order. */
    public static final List<String> ALL_CHANNELS =
        List.of("heartbeats", "status", "ticker", "market_trades", "candles", "level2");
    /** Channels the gateway may subscribe to without credentials. */
    public static final List<String> KNOWN_CHANNELS =
        List.of("heartbeats", "status", "ticker", "ticker_batch", "market_trades", "candles", "level2");

    public CoinbaseClientConfig
    {
        positive("connectTimeout", connectTimeout);
        positive("staleThreshold", staleThreshold);
        positive("staleCheckInterval", staleCheckInterval);
        positive("backoffBase", backoffBase);
        positive("backoffMax", backoffMax);
        if (subscribeSpacing == null || subscribeSpacing.isNegative())
        {
            throw new IllegalArgumentException("subscribeSpacing must be >= 0, was " + subscribeSpacing);
        }
        if (backoffMax.compareTo(backoffBase) < 0)
        {
            throw new IllegalArgumentException("backoffMax (" + backoffMax + ") must be >= backoffBase (" + backoffBase + ")");
        }
        if (maxFrameBytes <= 0)
        {
            throw new IllegalArgumentException("maxFrameBytes must be > 0, was " + maxFrameBytes);
        }
        if (channels == null)
        {
            throw new IllegalArgumentException("channels must not be null; use ALL_CHANNELS");
        }
        final List<String> ordered = new ArrayList<>();
        ordered.add("heartbeats");
        for (final String channel : channels)
        {
            if (!KNOWN_CHANNELS.contains(channel))
            {
                throw new IllegalArgumentException("unknown channel '" + channel + "' (known: " + KNOWN_CHANNELS +
                    "; level2 frames arrive as l2_data but are subscribed as level2)");
            }
            if (!ordered.contains(channel))
            {
                ordered.add(channel);
            }
        }
        channels = List.copyOf(ordered);
    }

    public static CoinbaseClientConfig defaults()
    {
        return new CoinbaseClientConfig(Duration.ofSeconds(10), CoinbaseMarketDataDecoder.DEFAULT_MAX_FRAME_BYTES,
            Duration.ofSeconds(10), Duration.ofSeconds(1), Duration.ofMillis(100), Duration.ofSeconds(30),
            Duration.ofMillis(150), ALL_CHANNELS, System.nanoTime());
    }

    public boolean subscribes(final String channel)
    {
        return channels.contains(channel);
    }

    public CoinbaseClientConfig withConnectTimeout(final Duration value)
    {
        return new CoinbaseClientConfig(value, maxFrameBytes, staleThreshold, staleCheckInterval, backoffBase,
            backoffMax, subscribeSpacing, channels, jitterSeed);
    }

    public CoinbaseClientConfig withMaxFrameBytes(final int value)
    {
        return new CoinbaseClientConfig(connectTimeout, value, staleThreshold, staleCheckInterval, backoffBase,
            backoffMax, subscribeSpacing, channels, jitterSeed);
    }

    public CoinbaseClientConfig withStaleness(final Duration threshold, final Duration checkInterval)
    {
        return new CoinbaseClientConfig(connectTimeout, maxFrameBytes, threshold, checkInterval, backoffBase,
            backoffMax, subscribeSpacing, channels, jitterSeed);
    }

    public CoinbaseClientConfig withBackoff(final Duration base, final Duration max)
    {
        return new CoinbaseClientConfig(connectTimeout, maxFrameBytes, staleThreshold, staleCheckInterval, base,
            max, subscribeSpacing, channels, jitterSeed);
    }

    public CoinbaseClientConfig withSubscribeSpacing(final Duration value)
    {
        return new CoinbaseClientConfig(connectTimeout, maxFrameBytes, staleThreshold, staleCheckInterval, backoffBase,
            backoffMax, value, channels, jitterSeed);
    }

    public CoinbaseClientConfig withChannels(final List<String> value)
    {
        return new CoinbaseClientConfig(connectTimeout, maxFrameBytes, staleThreshold, staleCheckInterval, backoffBase,
            backoffMax, subscribeSpacing, value, jitterSeed);
    }

    public CoinbaseClientConfig withJitterSeed(final long value)
    {
        return new CoinbaseClientConfig(connectTimeout, maxFrameBytes, staleThreshold, staleCheckInterval, backoffBase,
            backoffMax, subscribeSpacing, channels, value);
    }

    private static void positive(final String name, final Duration value)
    {
        if (value == null || value.isNegative() || value.isZero())
        {
            throw new IllegalArgumentException(name + " must be > 0, was " + value);
        }
    }
}
