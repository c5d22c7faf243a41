package dev.peregrine.journal.importer;

import dev.peregrine.core.event.CandleFlags;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;

/**
 * Candles as the bar path takes them: one CANDLE per candle, flagged {@link CandleFlags#BAR} (its interval's whole
 * market data), at the time it is known, its interval's end ({@code start + I}; exchange time = its start, as every
 * CANDLE). The core takes it as the market at its close and as a closed bar for strategies that take candles as bars
 * ({@code bars=candles}); no synthesized quote or trade goes with it, which is what makes a bar one event instead of
 * {@link CandleTicks}' nine. Chosen by the backtest when its strategy takes candles as bars.
 */
public final class CandleBars implements EventSource
{
    private final CandleSeries candles;
    private final int instrumentId;
    private final TimeWindow window;
    private final long interval;
    private int index = -1;

    public CandleBars(final CandleSeries candles, final int instrumentId, final TimeWindow window)
    {
        this.candles = candles;
        this.instrumentId = instrumentId;
        this.window = window;
        this.interval = candles.intervalNanos();
    }

    @Override
    public boolean next(final InboundEvent into)
    {
        do
        {
            index++;
        }
        while (index < candles.size() && !window.contains(candles.start(index)));
        if (index >= candles.size())
        {
            index = candles.size();
            return false;
        }
        final int i = index;
        into.clearInputs();
        into.type = EventType.CANDLE;
        into.instrumentId = instrumentId;
        into.flags = CandleFlags.BAR;
        into.exchangeTimeNanos = candles.start(i);
        into.eventTimeNanos = candles.start(i) + interval;
        into.open = candles.open(i);
        into.high = candles.high(i);
        into.low = candles.low(i);
        into.close = candles.close(i);
        into.volume = candles.volume(i);
        return true;
    }

    @Override
    public double progress()
    {
        return candles.size() == 0 ? 1.0 : Math.max(0, index) / (double)candles.size();
    }

    @Override
    public void close()
    {
    }
}
