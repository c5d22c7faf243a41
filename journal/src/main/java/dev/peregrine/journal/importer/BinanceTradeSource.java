package dev.peregrine.journal.importer;

import dev.peregrine.core.event.Side;

/**
 * A Binance spot trade archive ({@code data.binance.vision}, {@code <SYMBOL>-trades-<date>.csv}, or the
 * {@code .zip} it ships in): no header (one is skipped if present), seven columns
 * {@code id,price,qty,quote_qty,time,is_buyer_maker,is_best_match}, one trade a row in id order.
 * <ul>
 *   <li>{@code time} is epoch milliseconds in the archives up to 2024 and microseconds from 2025 on;
 *       the unit is told by magnitude, row by row: below 10^14 milliseconds (10^14 ms is the year 5138),
 *       from 10^14 below 10^17 microseconds (10^14 µs is 1973); anything below 10^11 (before 1973 as
 *       milliseconds, so most likely seconds) or from 10^17 on is refused, not guessed.</li>
 *   <li>side: {@code is_buyer_maker=true} means the buyer was the maker, so the TRADE's side is
 *       {@link Side#BUY}, the maker's side, exactly as the gateway maps the live stream's {@code m}
 *       ({@code BinanceMarketDataDecoder}, {@code TradeMessage}).</li>
 *   <li>each trade is preceded by the {@link SyntheticTouch} quote (an archive has no book).</li>
 *   <li>{@code quote_qty} and {@code is_best_match} are checked for presence only.</li>
 * </ul>
 * Rows must be in time order (equal times are normal); a later row with an earlier time is an error.
 *
 * <p>The per-row path parses straight from a reused byte buffer: no {@code String}, no allocation.
 */
public final class BinanceTradeSource extends TradeFileSource
{
    static final String[] COLUMNS = {"id", "price", "qty", "quote_qty", "time", "is_buyer_maker", "is_best_match"};

    private final AsciiLines lines;

    public BinanceTradeSource(final InputFile file, final int instrumentId, final long priceIncrement,
        final TimeWindow window)
    {
        super(file, instrumentId, priceIncrement, window);
        this.lines = new AsciiLines(file.content(), source);
    }

    @Override
    protected boolean nextRow()
    {
        while (lines.next())
        {
            if (lines.fieldCount() == 0)
            {
                continue; // a blank line (the archives end with one)
            }
            if (lines.lineNumber() == 1 && lines.length(0) > 0 && lines.bytes()[lines.start(0)] == 'i')
            {
                continue; // an "id,price,..." header some re-exports add
            }
            readRow();
            return true;
        }
        return false;
    }

    private void readRow()
    {
        final long line = lines.lineNumber();
        if (lines.fieldCount() != COLUMNS.length)
        {
            throw new ImportException(source + ":" + line + ": expected " + COLUMNS.length + " fields (" +
                String.join(",", COLUMNS) + "), found " + Math.min(lines.fieldCount(), 99) + ": '" + abbreviate(lines.lineText()) + "'");
        }
        final byte[] bytes = lines.bytes();
        rowTradeId = lines.wholeNumber(0);
        if (rowTradeId < 0)
        {
            throw ImportException.at(source, line, "id", "'" + lines.text(0) + "' is not a whole number");
        }
        rowPrice = ScaledFieldParser.parse(bytes, lines.start(1), lines.length(1), source, line, "price", true);
        rowQuantity = ScaledFieldParser.parse(bytes, lines.start(2), lines.length(2), source, line, "qty", true);
        if (lines.length(3) == 0)
        {
            throw ImportException.at(source, line, "quote_qty", "empty (a number is required)");
        }
        rowTime = BinanceArchiveTime.nanos(lines, 4, source, "time");
        final int buyerMaker = lines.bool(5);
        if (buyerMaker < 0)
        {
            throw ImportException.at(source, line, "is_buyer_maker", "'" + lines.text(5) + "' is not true or false");
        }
        rowMakerSide = buyerMaker == 1 ? Side.BUY : Side.SELL;
        if (lines.bool(6) < 0)
        {
            throw ImportException.at(source, line, "is_best_match", "'" + lines.text(6) + "' is not true or false");
        }
        if (!touches.inOrder(rowTime, line))
        {
            throw touches.outOfOrder(source, line, "time", lines.text(4));
        }
    }

    static String abbreviate(final String text)
    {
        return text.length() <= 80 ? text : text.substring(0, 77) + "...";
    }
}
