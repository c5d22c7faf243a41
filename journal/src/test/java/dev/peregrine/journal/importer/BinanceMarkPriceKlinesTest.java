package dev.peregrine.journal.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;

import static dev.peregrine.journal.importer.ImportTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BinanceMarkPriceKlinesTest
{
    @TempDir
    Path dir;

    // The daily archive's shape: header, then 12 columns, volume and the rest "0" (a mark has none).
    static final String ARCHIVE = "open_time,open,high,low,close,volume,close_time,quote_volume,count," +
        "taker_buy_volume,taker_buy_quote_volume,ignore\n" +
        "1704067200000,42314.00000000,42350.10000000,42300.00000000,42340.50000000,0,1704067259999,0,60,0,0,0\n" +
        "1704067260000,42340.50000000,42345.00000000,42280.25000000,42290.75000000,0,1704067319999,0,60,0,0,0\n";

    private BinanceMarkPriceKlines read(final Path file)
    {
        try (InputFile input = InputFile.open(file))
        {
            return BinanceMarkPriceKlines.read(input);
        }
    }

    @Test
    void eachKlineIsItsCloseAtItsCloseTime() throws IOException
    {
        final BinanceMarkPriceKlines marks = read(write(dir, "BTCUSDT-1m-2024-01-01.csv", ARCHIVE));
        assertEquals(2, marks.size());
        assertEquals(1_704_067_259_999_000_000L, marks.timeNanos(0));
        assertEquals(4_234_050_000_000L, marks.markPrice(0)); // 42340.5 x 10^8
        assertEquals(1_704_067_319_999_000_000L, marks.timeNanos(1));
        assertEquals(4_229_075_000_000L, marks.markPrice(1));
    }

    @Test
    void rowsWithoutTheIgnoredColumnsAndWithoutHeaderAreRead() throws IOException
    {
        final BinanceMarkPriceKlines marks = read(write(dir, "m.csv",
            "1704067200000,100.5,101,100,100.75,0,1704067259999\n1704067260000,100.75,100.8,99,99.5,0,1704067319999\n"));
        assertEquals(2, marks.size());
        assertEquals(9_950_000_000L, marks.markPrice(1));
    }

    @Test
    void badRowsNameTheFileLineAndField() throws IOException
    {
        assertError("1704067200000,100,101,99,100\n", ":1: expected 7 to 12 fields (open_time,open,high,low,close,volume," +
            "close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore), found 5: '1704067200000,100,101,99,100'");
        assertError("1704067200000,100,101,99,102,0,1704067259999\n",
            ":1: high: high 101 and low 99 do not contain open 100 and close 102");
        assertError("1704067200000,100,101,99,-100,0,1704067259999\n", ":1: close: -100 is negative");
        assertError("1704067200000,100,101,99,0,0,1704067259999\n", ":1: close: 0 (must be greater than 0)");
        assertError("1704067200000,100,101,99,100,0,1704067199999\n", ":1: close_time: 1704067199999 is before open_time 1704067200000");
        assertError("1704067200000,100,101,99,100,0,1704067259999\n1704067230000,100,101,99,100,0,1704067289999\n",
            ":2: open_time: 1704067230000 is not after the previous kline's close_time (klines must be in time order " +
                "and must not overlap)");
        // A trades archive given as marks is refused at its header, not misread.
        assertError("id,price,qty,quote_qty,time,is_buyer_maker,is_best_match\n1,2,3,4,1704067200000,true,true\n",
            ":1: header: column 1 is 'id', expected 'open_time' (the columns are open_time,open,high,low,close,volume," +
                "close_time,quote_volume,count,taker_buy_volume,taker_buy_quote_volume,ignore)");
    }

    private void assertError(final String content, final String expectedAfterFile) throws IOException
    {
        final Path file = write(dir, "bad.csv", content);
        final ImportException e = assertThrows(ImportException.class, () -> read(file));
        assertEquals(file + expectedAfterFile, e.getMessage());
    }
}
