package dev.peregrine.journal.importer;

import dev.peregrine.core.event.InboundEvent;

/**
 * How a file of trades becomes inputs, whatever its layout: rows in time order (equal times allowed), and each
 * trade inside the {@link TimeWindow} fed as the {@link SyntheticTouch} quote it implies, then, on the next call,
 * as the trade itself. The trade sources ({@link TradesCsvSource}, {@link BinanceTradeSource}) only parse their
 * rows and hand each one here. No allocation per row.
 */
final class TouchedTrades
{
    /** {@link #offer}: the row is before the window; read on. */
    static final int BEFORE = 0;
    /** {@link #offer}: the row's quote was written; its trade follows on the next {@link #pendingTrade}. */
    static final int QUOTED = 1;
    /** {@link #offer}: the row is after the window, so (rows being in time order) is every later one. */
    static final int PAST = 2;

    private final int instrumentId;
    private final long priceIncrement;
    private final TimeWindow window;

    /** The trade of the last quoted row, written as it will be fed; {@link #pending} until it is. */
    private final InboundEvent trade = new InboundEvent();
    private boolean pending;
    private long previousTime = Long.MIN_VALUE;
    private long previousLine;

    TouchedTrades(final int instrumentId, final long priceIncrement, final TimeWindow window)
    {
        this.instrumentId = instrumentId;
        this.priceIncrement = priceIncrement;
        this.window = window;
    }

    /** Writes the trade whose quote the last {@link #offer} wrote, once; false when there is none. */
    boolean pendingTrade(final InboundEvent into)
    {
        if (!pending)
        {
            return false;
        }
        pending = false;
        into.copyInputsFrom(trade); // every input field, as SyntheticTouch.trade(into, ...) would write them
        return true;
    }

    /** Whether the row on {@code line} keeps time order (its time not earlier than the previous row's); then it is the previous row. */
    boolean inOrder(final long timeNanos, final long line)
    {
        if (timeNanos < previousTime)
        {
            return false;
        }
        previousTime = timeNanos;
        previousLine = line;
        return true;
    }

    /** The error for the row on {@code line} that is not {@link #inOrder}; {@code text} is its time as written. */
    ImportException outOfOrder(final String source, final long line, final String column, final String text)
    {
        return ImportException.at(source, line, column, "'" + text + "' is earlier than the previous row's (line " +
            previousLine + "); rows must be in time order");
    }

    /** A row's trade: {@link #BEFORE} the window, {@link #QUOTED} into {@code into} inside it, or {@link #PAST} it. */
    int offer(final InboundEvent into, final long timeNanos, final long tradeId, final long price, final long quantity,
        final int makerSide)
    {
        if (window.isPast(timeNanos))
        {
            return PAST;
        }
        if (!window.contains(timeNanos))
        {
            return BEFORE;
        }
        SyntheticTouch.quote(into, instrumentId, timeNanos, price, quantity, priceIncrement);
        SyntheticTouch.trade(trade, instrumentId, timeNanos, tradeId, price, quantity, makerSide);
        pending = true;
        return QUOTED;
    }
}
