package dev.peregrine.journal.importer;

import java.nio.file.Path;

/**
 * Opens a historical file of one product as an {@link EventSource} in time order, with the synthesized
 * quotes ({@link SyntheticTouch}) and clocks ({@link ClockTicks}) the live engine would have had. Journals
 * are opened by the backtest itself ({@link JournalSource}), because their products come from the header.
 */
public final class Importers
{
    private Importers()
    {
    }

    /**
     * @param format         a file format (not {@link DataFormat#JOURNAL})
     * @param instrumentId   the engine's id of the file's product
     * @param priceIncrement the product's tick, for the synthesized quotes
     * @throws ImportException naming the file (and line and field) of the first problem found; candle files
     *                         are read and checked whole here, trade files row by row as they are consumed
     */
    public static EventSource open(final Path path, final DataFormat format, final int instrumentId,
        final long priceIncrement, final TimeWindow window)
    {
        return open(path, format, instrumentId, priceIncrement, window, null, null);
    }

    /**
     * As {@link #open(Path, DataFormat, int, long, TimeWindow)}, with a perpetual's mark-price klines and funding
     * rates merged in by time ({@link PerpetualEvents}); either may be null (both null: the file alone).
     */
    public static EventSource open(final Path path, final DataFormat format, final int instrumentId,
        final long priceIncrement, final TimeWindow window, final Path marks, final Path funding)
    {
        return open(path, format, instrumentId, priceIncrement, window, marks, funding, false);
    }

    /**
     * As {@link #open(Path, DataFormat, int, long, TimeWindow, Path, Path)}; {@code candleBars} gives a candle file as
     * the bar path's one flagged CANDLE per candle ({@link CandleBars}) instead of the four-trade expansion
     * ({@link CandleTicks}); it does not apply to trade files.
     */
    public static EventSource open(final Path path, final DataFormat format, final int instrumentId,
        final long priceIncrement, final TimeWindow window, final Path marks, final Path funding,
        final boolean candleBars)
    {
        final InputFile file = InputFile.open(path);
        try
        {
            final EventSource data;
            switch (format)
            {
                case BINANCE_TRADES:
                    data = new BinanceTradeSource(file, instrumentId, priceIncrement, window);
                    break;
                case TRADES:
                    data = new TradesCsvSource(file, instrumentId, priceIncrement, window);
                    break;
                case COINBASE_CANDLES:
                    data = candles(CoinbaseCandleReader.read(file), file, instrumentId, priceIncrement, window, candleBars);
                    break;
                case OHLCV:
                    data = candles(OhlcvCsvReader.read(file), file, instrumentId, priceIncrement, window, candleBars);
                    break;
                default:
                    throw new IllegalArgumentException("a journal is not a file format: open it with JournalSource");
            }
            return new ClockTicks(marks == null && funding == null ? data
                : PerpetualEvents.open(data, marks, funding, instrumentId));
        }
        catch (final RuntimeException e)
        {
            file.close();
            throw e;
        }
    }

    private static EventSource candles(final CandleSeries series, final InputFile file, final int instrumentId,
        final long priceIncrement, final TimeWindow window, final boolean candleBars)
    {
        file.close(); // read whole; the expansion runs from memory
        return candleBars ? new CandleBars(series, instrumentId, window)
            : new CandleTicks(series, instrumentId, priceIncrement, window);
    }
}
