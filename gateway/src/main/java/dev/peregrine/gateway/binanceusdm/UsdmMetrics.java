package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.core.metrics.SingleWriterCounter;

import java.util.Locale;

/**
 * The USD-M feed's own counters, beside the spot {@code BinanceMetrics} it shares for drops, connects and the book
 * sync: frames by stream, and funding settlements derived from the marks. Single writer (the feed's event loop); any
 * thread reads through the getters.
 */
public final class UsdmMetrics
{
    private final SingleWriterCounter[] frames = new SingleWriterCounter[UsdmStream.values().length];
    private final SingleWriterCounter fundingSettlements = new SingleWriterCounter("funding_settlements");

    public UsdmMetrics()
    {
        for (final UsdmStream stream : UsdmStream.values())
        {
            frames[stream.ordinal()] = new SingleWriterCounter("frames_received." + stream.name().toLowerCase(Locale.ROOT));
        }
    }

    void onFrame(final UsdmStream stream)
    {
        frames[stream.ordinal()].increment();
    }

    void onFundingSettlement()
    {
        fundingSettlements.increment();
    }

    public long frames(final UsdmStream stream)
    {
        return frames[stream.ordinal()].get();
    }

    /** FUNDING_SETTLEMENT events the feed published. */
    public long fundingSettlements()
    {
        return fundingSettlements.get();
    }
}
