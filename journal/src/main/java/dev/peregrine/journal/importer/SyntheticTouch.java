package dev.peregrine.journal.importer;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;

/**
 * The top of book a trades-only or candles-only input implies. The paper venue fills a market order
 * by walking the L2 book, or, with no book, by taking the quoted touch; a file of trades carries neither,
 * so without a quote every market order would be refused for want of a market. Before each trade the
 * importers therefore emit a QUOTE:
 * <pre>
 *   bid = trade price - one price increment (never below 0), ask = trade price + one increment,
 *   bid size = ask size = the trade's quantity, last price = the trade price
 * </pre>
 * Assumptions this states (and the backtest prints): the spread is two ticks around the print (a market
 * order pays one tick over the trade price, slightly worse than a one-tick market like BTCUSDT's), and
 * the liquidity at the touch is what demonstrably traded, so an order larger than the print fills only
 * in part under the touch fill model (the volume and unlimited models fill the rest their way). The quote comes first at the trade's own time, so whatever the trade triggers meets the
 * market the trade showed, not the one before it.
 */
public final class SyntheticTouch
{
    /** One line for run summaries. */
    public static final String ASSUMPTION = "no order book in the data: before each trade a quote is synthesized at " +
        "trade price -/+ one price increment, with the trade's quantity on each side (market orders pay one tick " +
        "at least; the fill model decides what fills beyond the printed size)";

    private SyntheticTouch()
    {
    }

    /** Writes the QUOTE that precedes a trade of {@code quantity} at {@code price}. */
    public static void quote(final InboundEvent into, final int instrumentId, final long timeNanos, final long price,
        final long quantity, final long priceIncrement)
    {
        head(into, EventType.QUOTE, instrumentId, timeNanos);
        into.price = price;
        into.bidPrice = Math.max(0, price - priceIncrement);
        into.bidQuantity = quantity;
        into.askPrice = price + priceIncrement;
        into.askQuantity = quantity;
    }

    /** Writes a TRADE. */
    public static void trade(final InboundEvent into, final int instrumentId, final long timeNanos, final long tradeId,
        final long price, final long quantity, final int makerSide)
    {
        head(into, EventType.TRADE, instrumentId, timeNanos);
        into.tradeId = tradeId;
        into.price = price;
        into.quantity = quantity;
        into.side = makerSide;
    }

    /** Both events' head: a synthetic event's exchange and event times are the trade's time. */
    private static void head(final InboundEvent into, final int type, final int instrumentId, final long timeNanos)
    {
        into.clearInputs();
        into.type = type;
        into.instrumentId = instrumentId;
        into.exchangeTimeNanos = timeNanos;
        into.eventTimeNanos = timeNanos;
    }
}
