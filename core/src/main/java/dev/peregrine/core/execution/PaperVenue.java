package dev.peregrine.core.execution;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.output.Hash64;

/**
 * A deterministic matching simulator for immediate-or-cancel market orders, run on the core thread
 * right after execution. A buy fills at the best ask, a sell at the best bid, for at most the quantity
 * displayed there; the rest is cancelled. Liquidity it hands out is remembered until the next quote for
 * that instrument, so two orders on the same quote cannot both take the whole displayed size.
 *
 * <p>Assumptions (printed with results): no latency, no queue, no fees, no price improvement, and the
 * quote is the only liquidity (no depth beyond the touch).
 */
public final class PaperVenue
{
    public static final String ASSUMPTIONS =
        "paper venue: IOC market orders fill at the touch (buy at best ask, sell at best bid) up to the " +
        "displayed size, remainder cancelled; zero latency; no fees; no depth beyond the touch";

    private final MarketState market;
    private final long[] takenAtAsk;
    private final long[] takenAtBid;
    private long lastFillPrice;

    public PaperVenue(final MarketState market)
    {
        this.market = market;
        takenAtAsk = new long[market.instrumentCount()];
        takenAtBid = new long[market.instrumentCount()];
    }

    /** A new quote replaces the displayed liquidity, so what we took from the old one no longer counts. */
    public void onQuote(final int instrumentId)
    {
        takenAtAsk[instrumentId] = 0;
        takenAtBid[instrumentId] = 0;
    }

    /** True if there is an opposite quote to fill against. */
    public boolean hasMarket(final int instrumentId, final int side)
    {
        return side == Side.BUY ? market.askPrice(instrumentId) > 0 : market.bidPrice(instrumentId) > 0;
    }

    /**
     * Fills a market order as far as the touch allows.
     *
     * @return the filled quantity (0 when the touch is used up); the price is {@link #lastFillPrice()}.
     */
    public long executeMarket(final int instrumentId, final int side, final long quantity)
    {
        final long available;
        if (side == Side.BUY)
        {
            available = market.askQuantity(instrumentId) - takenAtAsk[instrumentId];
            lastFillPrice = market.askPrice(instrumentId);
        }
        else
        {
            available = market.bidQuantity(instrumentId) - takenAtBid[instrumentId];
            lastFillPrice = market.bidPrice(instrumentId);
        }
        final long filled = Math.max(0, Math.min(quantity, available));
        if (side == Side.BUY)
        {
            takenAtAsk[instrumentId] += filled;
        }
        else
        {
            takenAtBid[instrumentId] += filled;
        }
        return filled;
    }

    public long lastFillPrice()
    {
        return lastFillPrice;
    }

    public long hash(final long seed)
    {
        long h = seed;
        for (int i = 0; i < takenAtAsk.length; i++)
        {
            h = Hash64.mix(h, takenAtAsk[i]);
            h = Hash64.mix(h, takenAtBid[i]);
        }
        return h;
    }
}
