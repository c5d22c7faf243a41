package dev.peregrine.journal.importer;

import dev.peregrine.core.event.Side;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;

/**
 * The generic trades CSV: a header naming {@code timestamp} (or {@code time}, {@code date},
 * {@code datetime}), {@code price}, {@code quantity} (or {@code qty}, {@code size}, {@code amount}) and
 * optionally {@code side}, in any case and order, then one trade a row in time order (equal times
 * allowed). {@code side} is the <em>taker's</em> (aggressor's) side, as most exports and ccxt write it:
 * {@code buy}/{@code b} or {@code sell}/{@code s}, any case, empty for unknown; the TRADE event carries
 * the maker's side, its opposite, like the live feeds. Each trade is preceded by the
 * {@link SyntheticTouch} quote.
 *
 * <p>Read through the shared {@link CsvReader}, which makes strings per field: fine for the exports
 * this format is for; the Binance archive reader is the allocation-free path for very large files.
 */
public final class TradesCsvSource extends TradeFileSource
{
    private static final List<String> QUANTITY = List.of("quantity", "qty", "size", "amount");

    private final CsvReader reader;
    private final int time;
    private final int price;
    private final int quantity;
    private final int side;

    private long tradeCount;

    public TradesCsvSource(final InputFile file, final int instrumentId, final long priceIncrement, final TimeWindow window)
    {
        super(file, instrumentId, priceIncrement, window);
        this.reader = new CsvReader(new InputStreamReader(file.content(), StandardCharsets.UTF_8), source);
        readHeader();
        this.time = reader.column(CsvReader.TIME_COLUMN, true);
        this.price = reader.column(List.of("price"), true);
        this.quantity = reader.column(QUANTITY, true);
        this.side = reader.column(List.of("side"), false);
    }

    private void readHeader()
    {
        try
        {
            reader.readHeader("timestamp,price,quantity[,side]");
        }
        catch (final IOException e)
        {
            throw new ImportException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    @Override
    protected boolean nextRow()
    {
        try
        {
            final List<String> row = reader.nextRow();
            if (row == null)
            {
                return false;
            }
            readRow(row, reader.recordLine());
            return true;
        }
        catch (final IOException e)
        {
            throw new ImportException(source + ": cannot read (" + e.getMessage() + ")", e);
        }
    }

    private void readRow(final List<String> row, final long line)
    {
        rowTime = reader.time(row, time);
        rowPrice = ScaledFieldParser.parse(row.get(price), source, line, reader.columnName(price), true);
        rowQuantity = ScaledFieldParser.parse(row.get(quantity), source, line, reader.columnName(quantity), true);
        rowMakerSide = side < 0 ? Side.NONE : makerSide(row.get(side).trim().toLowerCase(Locale.ROOT), line);
        if (!touches.inOrder(rowTime, line))
        {
            throw touches.outOfOrder(source, line, reader.columnName(time), row.get(time).trim());
        }
        rowTradeId = ++tradeCount; // the file has no trade ids: the row's number among the trades
    }

    private int makerSide(final String taker, final long line)
    {
        switch (taker)
        {
            case "buy":
            case "b":
                return Side.SELL;
            case "sell":
            case "s":
                return Side.BUY;
            case "":
                return Side.NONE;
            default:
                throw ImportException.at(source, line, reader.columnName(side), "'" + taker + "' is not buy or sell " +
                    "(the taker's side; empty when unknown)");
        }
    }
}
