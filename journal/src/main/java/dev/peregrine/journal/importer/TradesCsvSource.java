package dev.peregrine.journal.importer;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;

import java.io.Reader;
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
 * <p>Rows are split by {@link CsvByteRecords} ({@link CsvReader}'s rules on bytes) and their fields parsed
 * straight from the bytes: epoch and ISO times by {@link TimestampBytes}, prices and quantities by
 * {@link FixedPoint}, the side by its letters. No {@code String} per row. A field those fast parsers do not
 * decide (surrounding spaces, an exponent, more than eight decimals, a time with an offset, a bad value) is
 * decoded and parsed by the text rules the format always had, which give the same value or the same error:
 * the fast path changes speed, never a result.
 */
public final class TradesCsvSource extends TradeFileSource
{
    private static final List<String> QUANTITY = List.of("quantity", "qty", "size", "amount");

    private final CsvByteRecords records;
    /** Holds the header only: its column lookup and names are the ones every CSV importer shares. */
    private final CsvReader header;
    private final int columns;
    private final int time;
    private final int price;
    private final int quantity;
    private final int side;

    private long tradeCount;

    public TradesCsvSource(final InputFile file, final int instrumentId, final long priceIncrement, final TimeWindow window)
    {
        super(file, instrumentId, priceIncrement, window);
        this.records = new CsvByteRecords(file.content(), source);
        this.header = new CsvReader(Reader.nullReader(), source);
        columns = header.acceptHeader(records.next() ? records.texts() : null, "timestamp,price,quantity[,side]").size();
        this.time = header.column(CsvReader.TIME_COLUMN, true);
        this.price = header.column(List.of("price"), true);
        this.quantity = header.column(QUANTITY, true);
        this.side = header.column(List.of("side"), false);
    }

    @Override
    protected boolean nextRow()
    {
        while (records.next())
        {
            if (records.fieldCount() == 0)
            {
                continue; // an empty line, skipped as CsvReader.nextRow() skips it
            }
            if (records.fieldCount() != columns)
            {
                throw new ImportException(source + ":" + records.recordLine() + ": expected " + columns +
                    " fields like the header, found " + records.fieldCount());
            }
            readRow(records.recordLine());
            return true;
        }
        return false;
    }

    private void readRow(final long line)
    {
        final byte[] bytes = records.bytes();
        rowTime = TimestampBytes.nanos(bytes, records.start(time), records.length(time));
        if (rowTime == TimestampBytes.UNDECIDED)
        {
            rowTime = CsvReader.epochNanos(records.text(time), source, line, header.columnName(time));
        }
        rowPrice = scaled(price, line);
        rowQuantity = scaled(quantity, line);
        rowMakerSide = side < 0 ? Side.NONE : makerSide(line);
        if (!touches.inOrder(rowTime, line))
        {
            throw touches.outOfOrder(source, line, header.columnName(time), records.text(time).trim());
        }
        rowTradeId = ++tradeCount; // the file has no trade ids: the row's number among the trades
    }

    /** A positive scaled field: from the bytes when they are a plain decimal, else by the text rules. */
    private long scaled(final int field, final long line)
    {
        final long value = FixedPoint.parse(records.bytes(), records.start(field), records.length(field));
        if (value > 0)
        {
            return value;
        }
        return ScaledFieldParser.parse(records.text(field), source, line, header.columnName(field), true);
    }

    private int makerSide(final long line)
    {
        final byte[] b = records.bytes();
        final int start = records.start(side);
        final int length = records.length(side);
        if (length == 0)
        {
            return Side.NONE;
        }
        final int first = b[start] | 0x20;
        if (length == 1 && first == 'b' || length == 3 && first == 'b' && (b[start + 1] | 0x20) == 'u' &&
            (b[start + 2] | 0x20) == 'y')
        {
            return Side.SELL;
        }
        if (length == 1 && first == 's' || length == 4 && first == 's' && (b[start + 1] | 0x20) == 'e' &&
            (b[start + 2] | 0x20) == 'l' && (b[start + 3] | 0x20) == 'l')
        {
            return Side.BUY;
        }
        return makerSide(records.text(side).trim().toLowerCase(Locale.ROOT), line);
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
                throw ImportException.at(source, line, header.columnName(side), "'" + taker + "' is not buy or sell " +
                    "(the taker's side; empty when unknown)");
        }
    }
}
