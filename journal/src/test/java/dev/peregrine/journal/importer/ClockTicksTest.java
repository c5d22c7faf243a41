package dev.peregrine.journal.importer;

import dev.peregrine.core.testing.TestProducts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static dev.peregrine.journal.importer.ImportTesting.TICK;
import static dev.peregrine.journal.importer.ImportTesting.drain;
import static dev.peregrine.journal.importer.ImportTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ClockTicksTest
{
    @TempDir
    Path dir;

    @Test
    void aClockEveryWholeSecondBetweenDataClockFirstOnATieNoneAfterTheLast() throws IOException
    {
        final Path file = write(dir, "t.csv", "time,price,qty\n1723161253500,100,1\n1723161256000,101,1\n");
        final List<String> events = drain(new ClockTicks(new TradesCsvSource(InputFile.open(file), 0, TICK, TimeWindow.ALL)));
        assertEquals(List.of(
            "QUOTE t=1723161253500000000 i=0 bid=1@99.99 ask=1@100.01 last=100",
            "TRADE t=1723161253500000000 i=0 id=1 1@100 maker=NONE",
            "CLOCK t=1723161254000000000 i=-1",
            "CLOCK t=1723161255000000000 i=-1",
            "CLOCK t=1723161256000000000 i=-1",
            "QUOTE t=1723161256000000000 i=0 bid=1@100.99 ask=1@101.01 last=101",
            "TRADE t=1723161256000000000 i=0 id=2 1@101 maker=NONE"), events);
    }

    @Test
    void formatsAreToldByContent() throws IOException
    {
        assertEquals(DataFormat.BINANCE_TRADES, FormatDetector.detect(write(dir, "x.csv",
            "1,60000.1,0.1,6000.01,1723161253937,true,true\n")));
        assertEquals(DataFormat.COINBASE_CANDLES, FormatDetector.detect(write(dir, "y.csv", "1723161240,99,105,100,104,1\n")));
        assertEquals(DataFormat.COINBASE_CANDLES, FormatDetector.detect(write(dir, "z.json", " [[1723161240,99,105,100,104,1]]")));
        assertEquals(DataFormat.JOURNAL, FormatDetector.detect(dir));
        final Path unknown = write(dir, "u.csv", "a,b\n");
        assertEquals(unknown + ":1: cannot tell the format from the first line 'a,b'; name it with --format " +
                "(binance-trades, coinbase-candles, ohlcv, trades, journal)",
            org.junit.jupiter.api.Assertions.assertThrows(ImportException.class, () -> FormatDetector.detect(unknown)).getMessage());
    }

    @Test
    void productsAreTakenFromFileNames()
    {
        assertEquals("BTCUSDT", ProductNames.fromFileName(TestProducts.CATALOG, Path.of("BTCUSDT-trades-2024-08-08.zip")));
        assertEquals("BTC-USD", ProductNames.fromFileName(TestProducts.CATALOG, Path.of("coinbase_BTC-USD_60.json")));
        assertEquals("ETH-BTC", ProductNames.fromFileName(TestProducts.CATALOG, Path.of("eth-btc.csv")));
        assertEquals(null, ProductNames.fromFileName(TestProducts.CATALOG, Path.of("XBTCUSDTX.csv")));
    }
}
