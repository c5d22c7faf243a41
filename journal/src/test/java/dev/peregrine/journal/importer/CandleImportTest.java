package dev.peregrine.journal.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.peregrine.journal.importer.ImportTesting.TICK;
import static dev.peregrine.journal.importer.ImportTesting.drain;
import static dev.peregrine.journal.importer.ImportTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class CandleImportTest
{
    @TempDir
    Path dir;

    private static final long T0 = 1_723_161_240L; // 2024-08-08T23:54:00Z, a whole minute
    private static final long NS = 1_000_000_000L;

    /** What an up candle (open nearer the low) and a down candle at T0 and T0+60 expand to. */
    private static final List<String> EXPANDED = List.of(
        "QUOTE t=" + T0 * NS + " i=0 bid=0.25@99.99 ask=0.25@100.01 last=100",
        "TRADE t=" + T0 * NS + " i=0 id=1 0.25@100 maker=NONE",
        "QUOTE t=" + (T0 * NS + 15 * NS) + " i=0 bid=0.25@98.99 ask=0.25@99.01 last=99",
        "TRADE t=" + (T0 * NS + 15 * NS) + " i=0 id=2 0.25@99 maker=NONE",
        "QUOTE t=" + (T0 * NS + 30 * NS) + " i=0 bid=0.25@104.99 ask=0.25@105.01 last=105",
        "TRADE t=" + (T0 * NS + 30 * NS) + " i=0 id=3 0.25@105 maker=NONE",
        "QUOTE t=" + (T0 * NS + 45 * NS) + " i=0 bid=0.25@103.99 ask=0.25@104.01 last=104",
        "TRADE t=" + (T0 * NS + 45 * NS) + " i=0 id=4 0.25@104 maker=NONE",
        "CANDLE t=" + (T0 * NS + 45 * NS) + " i=0 start=" + T0 * NS + " ohlcv=100/105/99/104/1",
        "QUOTE t=" + (T0 + 60) * NS + " i=0 bid=2.25@103.99 ask=2.25@104.01 last=104",
        "TRADE t=" + (T0 + 60) * NS + " i=0 id=5 2.25@104 maker=NONE",
        "QUOTE t=" + ((T0 + 60) * NS + 15 * NS) + " i=0 bid=2.25@104.49 ask=2.25@104.51 last=104.5",
        "TRADE t=" + ((T0 + 60) * NS + 15 * NS) + " i=0 id=6 2.25@104.5 maker=NONE",
        "QUOTE t=" + ((T0 + 60) * NS + 30 * NS) + " i=0 bid=2.25@101.99 ask=2.25@102.01 last=102",
        "TRADE t=" + ((T0 + 60) * NS + 30 * NS) + " i=0 id=7 2.25@102 maker=NONE",
        "QUOTE t=" + ((T0 + 60) * NS + 45 * NS) + " i=0 bid=2.25@102.99 ask=2.25@103.01 last=103",
        "TRADE t=" + ((T0 + 60) * NS + 45 * NS) + " i=0 id=8 2.25@103 maker=NONE",
        "CANDLE t=" + ((T0 + 60) * NS + 45 * NS) + " i=0 start=" + (T0 + 60) * NS + " ohlcv=104/104.5/102/103/9");

    private List<String> read(final Path file, final DataFormat format)
    {
        final CandleSeries series = format == DataFormat.OHLCV ? OhlcvCsvReader.read(InputFile.open(file)) :
            CoinbaseCandleReader.read(InputFile.open(file));
        return drain(new CandleTicks(series, 0, TICK, TimeWindow.ALL));
    }

    @Test
    void coinbaseJsonNewestFirstIsReversedAndExpandedToFourTicksAndTheCandle() throws IOException
    {
        final Path file = write(dir, "BTC-USD-candles.json",
            "[\n  [" + (T0 + 60) + ", 102, 104.5, 104, 103, 9],\n  [" + T0 + ", 99, 105, 100, 104, 1]\n]\n");
        assertEquals(EXPANDED, read(file, DataFormat.COINBASE_CANDLES));
    }

    @Test
    void coinbaseCsvWithItsHeaderReadsTheSame() throws IOException
    {
        final Path file = write(dir, "c.csv", "time,low,high,open,close,volume\n" + T0 + ",99,105,100,104,1\n" +
            (T0 + 60) + ",102,104.5,104,103,9\n");
        assertEquals(EXPANDED, read(file, DataFormat.COINBASE_CANDLES));
        assertEquals(DataFormat.COINBASE_CANDLES, FormatDetector.detect(file));
    }

    @Test
    void genericOhlcvInAnyColumnOrderReadsTheSame() throws IOException
    {
        final Path file = write(dir, "o.csv", "Volume,Close,Low,High,Open,Date\n1,104,99,105,100,2024-08-08T23:54:00Z\n" +
            "9,103,102,104.5,104,2024-08-08T23:55:00Z\n");
        assertEquals(EXPANDED, read(file, DataFormat.OHLCV));
        assertEquals(DataFormat.OHLCV, FormatDetector.detect(file));
    }

    @Test
    void badCandlesNameTheFileLineAndField() throws IOException
    {
        assertError("o.csv", "timestamp,open,high,low,volume\n", DataFormat.OHLCV,
            ":1: close: missing column (header: timestamp,open,high,low,volume; expected close)");
        assertError("o.csv", "timestamp,open,high,low,close,volume\n2024-08-08,100,99,98,99,1\n", DataFormat.OHLCV,
            ":2: open: open 100 is outside [low 98, high 99]");
        assertError("o.csv", "timestamp,open,high,low,close,volume\n2024-08-08,100,99,101,99,1\n", DataFormat.OHLCV,
            ":2: high: high 99 is below low 101");
        assertError("o.csv", "timestamp,open,high,low,close,volume\n2024-08-08,1O0,101,99,100,1\n", DataFormat.OHLCV,
            ":2: open: '1O0' is not a number");
        assertError("o.csv", "timestamp,open,high,low,close,volume\n2024-08-08,100,101,99,100,-1\n", DataFormat.OHLCV,
            ":2: volume: -1 is negative");
        assertError("o.csv", "timestamp,open,high,low,close,volume\n2024-08-09,100,101,99,100,1\n" +
                "2024-08-10,100,101,99,100,1\n2024-08-09,100,101,99,100,1\n", DataFormat.OHLCV,
            ":4: timestamp: earlier than the previous candle's (line 3); candles must be in time order, one per start time");
        assertError("c.csv", T0 + ",99,105,100,104,1\n" + (T0 + 60) + ",99,105,100,104,1\n" + T0 + ",99,105,100,104,1\n",
            DataFormat.COINBASE_CANDLES,
            ":3: time: earlier than the previous candle's (line 2); candles must be in time order, one per start time");
        assertError("c.json", "[[" + T0 + ",99,105,100,104]]", DataFormat.COINBASE_CANDLES,
            ":1: candle 1: has 5 values, expected 6 (time,low,high,open,close,volume)");
    }

    private void assertError(final String name, final String content, final DataFormat format, final String expected)
        throws IOException
    {
        final Path file = write(dir, name, content);
        final ImportException e = assertThrows(ImportException.class, () -> read(file, format));
        assertEquals(file + expected, e.getMessage());
    }
}
