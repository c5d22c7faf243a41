package dev.peregrine.journal.importer;

import dev.peregrine.core.event.InboundEvent;

/**
 * A file of trades as an {@link EventSource}: each row a format parses ({@link #nextRow}) is fed through
 * {@link TouchedTrades} (the quote it implies, then the trade, inside the window); progress and closing are the
 * file's. The formats ({@link TradesCsvSource}, {@link BinanceTradeSource}) only parse rows. No allocation here.
 */
abstract class TradeFileSource implements EventSource
{
    protected final InputFile file;
    /** The file's path, for messages. */
    protected final String source;
    protected final TouchedTrades touches;

    // The row the last nextRow() parsed.
    protected long rowTime;
    protected long rowTradeId;
    protected long rowPrice;
    protected long rowQuantity;
    protected int rowMakerSide;

    private boolean ended;

    protected TradeFileSource(final InputFile file, final int instrumentId, final long priceIncrement,
        final TimeWindow window)
    {
        this.file = file;
        this.source = file.path().toString();
        this.touches = new TouchedTrades(instrumentId, priceIncrement, window);
    }

    /**
     * Parses the next row into the row fields, having checked its time keeps the order ({@link TouchedTrades#inOrder});
     * false at the end of the file.
     *
     * @throws ImportException naming the file, line and field of a bad row
     */
    protected abstract boolean nextRow();

    @Override
    public final boolean next(final InboundEvent into)
    {
        if (touches.pendingTrade(into))
        {
            return true;
        }
        while (!ended && nextRow())
        {
            final int offered = touches.offer(into, rowTime, rowTradeId, rowPrice, rowQuantity, rowMakerSide);
            if (offered == TouchedTrades.PAST)
            {
                break;
            }
            if (offered == TouchedTrades.QUOTED)
            {
                return true;
            }
        }
        ended = true;
        return false;
    }

    @Override
    public double progress()
    {
        return file.progress();
    }

    @Override
    public void close()
    {
        file.close();
    }
}
