package dev.peregrine.core.market;

import java.util.Locale;
import java.util.Map;

/**
 * The bounds market data must keep to be believed ({@link MarketSanity}). Part of the risk settings, so
 * the journal header records them and a replay drops exactly what the live run dropped.
 *
 * <ul>
 *   <li>{@code band}: a price may be at most this fraction away from the instrument's reference (a slow
 *       follower of accepted prices); default {@value #DEFAULT_BAND} (10 %).</li>
 *   <li>{@code maxMove}: one update may move at most this fraction from the last accepted price; default
 *       {@value #DEFAULT_MAX_MOVE} (5 %).</li>
 *   <li>{@code rangeFactor}: the venue's range, a price between the catalog's reference price divided and
 *       multiplied by this factor (and never above {@link MarketSanity#MAX_PRICE}); default
 *       {@value #DEFAULT_RANGE_FACTOR}.</li>
 *   <li>{@code reanchorUpdates}, {@code reanchorNanos}: a market that really moved is not locked out: after
 *       this many rejected updates in a row, each within {@code maxMove} of the one before, spanning at
 *       least this much event time, the reference jumps to the new level; defaults
 *       {@value #DEFAULT_REANCHOR_UPDATES} updates and 10 s.</li>
 *   <li>{@code silenceNanos}: after this much event time without any price of the instrument (a feed outage,
 *       the hours between the ticks of daily candles in a backtest) the old reference says little: the next
 *       price is held to the venue's range only and becomes the reference; default 60 s.</li>
 * </ul>
 */
public final class MarketSanitySettings
{
    public static final double DEFAULT_BAND = 0.10;
    public static final double DEFAULT_MAX_MOVE = 0.05;
    public static final double DEFAULT_RANGE_FACTOR = 1000;
    public static final int DEFAULT_REANCHOR_UPDATES = 20;
    public static final long DEFAULT_REANCHOR_NANOS = 10_000_000_000L;
    public static final long DEFAULT_SILENCE_NANOS = 60_000_000_000L;

    /** What a new engine uses. */
    public static final MarketSanitySettings DEFAULTS = new MarketSanitySettings(true, DEFAULT_BAND, DEFAULT_MAX_MOVE,
        DEFAULT_RANGE_FACTOR, DEFAULT_REANCHOR_UPDATES, DEFAULT_REANCHOR_NANOS, DEFAULT_SILENCE_NANOS);
    /** No checks: what a journal written before these checks existed replays with, so it replays as it ran. */
    public static final MarketSanitySettings OFF = new MarketSanitySettings(false, DEFAULT_BAND, DEFAULT_MAX_MOVE,
        DEFAULT_RANGE_FACTOR, DEFAULT_REANCHOR_UPDATES, DEFAULT_REANCHOR_NANOS, DEFAULT_SILENCE_NANOS);

    public final boolean enabled;
    public final double band;
    public final double maxMove;
    public final double rangeFactor;
    public final int reanchorUpdates;
    public final long reanchorNanos;
    public final long silenceNanos;

    public MarketSanitySettings(
        final boolean enabled,
        final double band,
        final double maxMove,
        final double rangeFactor,
        final int reanchorUpdates,
        final long reanchorNanos,
        final long silenceNanos)
    {
        require(band > 0 && band < 1, "market data band must be in (0, 1), e.g. 0.10 for 10 %, was " + band);
        require(maxMove > 0 && maxMove <= band, "market data max move must be in (0, band], e.g. 0.05, was " + maxMove);
        require(rangeFactor > 1, "market data range factor must be > 1, e.g. 1000, was " + rangeFactor);
        require(reanchorUpdates >= 1, "market data re-anchor updates must be >= 1, was " + reanchorUpdates);
        require(reanchorNanos >= 0, "market data re-anchor time must be >= 0, was " + reanchorNanos);
        require(silenceNanos > 0, "market data silence must be > 0, was " + silenceNanos);
        this.enabled = enabled;
        this.band = band;
        this.maxMove = maxMove;
        this.rangeFactor = rangeFactor;
        this.reanchorUpdates = reanchorUpdates;
        this.reanchorNanos = reanchorNanos;
        this.silenceNanos = silenceNanos;
    }

    public void encodeInto(final Map<String, String> map)
    {
        map.put("sanity.enabled", Boolean.toString(enabled));
        map.put("sanity.band", Double.toString(band));
        map.put("sanity.maxMove", Double.toString(maxMove));
        map.put("sanity.rangeFactor", Double.toString(rangeFactor));
        map.put("sanity.reanchorUpdates", Integer.toString(reanchorUpdates));
        map.put("sanity.reanchorNanos", Long.toString(reanchorNanos));
        map.put("sanity.silenceNanos", Long.toString(silenceNanos));
    }

    /** Reads {@link #encodeInto}; settings without these keys (older journals) had no checks: {@link #OFF}. */
    public static MarketSanitySettings decode(final Map<String, String> map)
    {
        if (!map.containsKey("sanity.enabled"))
        {
            return OFF;
        }
        return new MarketSanitySettings(
            Boolean.parseBoolean(map.get("sanity.enabled")),
            Double.parseDouble(map.getOrDefault("sanity.band", Double.toString(DEFAULT_BAND))),
            Double.parseDouble(map.getOrDefault("sanity.maxMove", Double.toString(DEFAULT_MAX_MOVE))),
            Double.parseDouble(map.getOrDefault("sanity.rangeFactor", Double.toString(DEFAULT_RANGE_FACTOR))),
            Integer.parseInt(map.getOrDefault("sanity.reanchorUpdates", Integer.toString(DEFAULT_REANCHOR_UPDATES))),
            Long.parseLong(map.getOrDefault("sanity.reanchorNanos", Long.toString(DEFAULT_REANCHOR_NANOS))),
            Long.parseLong(map.getOrDefault("sanity.silenceNanos", Long.toString(DEFAULT_SILENCE_NANOS))));
    }

    @Override
    public String toString()
    {
        return String.format(Locale.ROOT,
            "sanity[enabled=%s band=%s maxMove=%s rangeFactor=%s reanchor=%d updates/%d ns silence=%d ns]",
            enabled, band, maxMove, rangeFactor, reanchorUpdates, reanchorNanos, silenceNanos);
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
