package dev.peregrine.core.bar;

import dev.peregrine.core.output.Hash64;

/**
 * Bars that arrive whole: each closed candle of one instrument ({@code CandleFlags.BAR}) is handed on as
 * one bar, with no building from trades. Trades and clock events are ignored (the candle is the bar), and a
 * builder of trades ignores candles, so a strategy gets its bars from exactly one source.
 *
 * <p>The candle carries its start; its end is the start plus the subscribed interval. A candle does not
 * say how many trades it had: the bar counts 1 when it has volume and 0 when not, which keeps the meaning
 * of {@link BarListener}'s {@code tradeCount} (0: a flat interval without trades).
 */
public final class CandleBarBuilder implements BarBuilder
{
    private final int instrumentId;
    private final long intervalNanos;
    private final BarListener listener;
    private long candles;

    public CandleBarBuilder(final int instrumentId, final long intervalNanos, final BarListener listener)
    {
        if (intervalNanos <= 0)
        {
            throw new IllegalArgumentException("candle interval must be > 0 ns, got " + intervalNanos);
        }
        if (listener == null)
        {
            throw new IllegalArgumentException("a bar listener is required");
        }
        this.instrumentId = instrumentId;
        this.intervalNanos = intervalNanos;
        this.listener = listener;
    }

    @Override
    public void onTrade(final long price, final long quantity, final long timeNanos)
    {
        // The candle is the bar: trades of the same interval would count twice.
    }

    @Override
    public void onClock(final long timeNanos)
    {
    }

    @Override
    public void onCandle(final long startNanos, final long open, final long high, final long low, final long close,
        final long volume)
    {
        candles++;
        listener.onBar(instrumentId, startNanos, startNanos + intervalNanos, open, high, low, close, volume,
            volume > 0 ? 1 : 0);
    }

    /** Candles handed on so far. */
    public long candles()
    {
        return candles;
    }

    @Override
    public void reset()
    {
        candles = 0;
    }

    /**
     * The subscription only: the builder holds no bar in progress, so nothing a snapshot would have to carry
     * (the candle count is a diagnostic, left out so a restored engine hashes as the live one).
     */
    @Override
    public long hash(final long seed)
    {
        return Hash64.mix(Hash64.mix(seed, instrumentId), intervalNanos);
    }
}
