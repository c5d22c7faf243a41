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

class TradesCsvSourceTest
{
    @TempDir
    Path dir;

    private EventSource open(final Path file)
    {
        return new TradesCsvSource(InputFile.open(file), 1, TICK, TimeWindow.ALL);
    }

    @Test
    void theTakersSideBecomesTheMakersSideAsTheLiveFeedsReportIt() throws IOException
    {
        final Path file = write(dir, "ETH-USD-trades.csv", "timestamp,price,quantity,side\n" +
            "2024-08-08T23:54:13.5Z,2600.5,0.5,buy\n" +
            "1723161254000,2600.25,1.25,SELL\n" +
            "1723161254,2600.25,2,\n");
        assertEquals(List.of(
            "QUOTE t=1723161253500000000 i=1 bid=0.5@2600.49 ask=0.5@2600.51 last=2600.5",
            "TRADE t=1723161253500000000 i=1 id=1 0.5@2600.5 maker=SELL",
            "QUOTE t=1723161254000000000 i=1 bid=1.25@2600.24 ask=1.25@2600.26 last=2600.25",
            "TRADE t=1723161254000000000 i=1 id=2 1.25@2600.25 maker=BUY",
            "QUOTE t=1723161254000000000 i=1 bid=2@2600.24 ask=2@2600.26 last=2600.25",
            "TRADE t=1723161254000000000 i=1 id=3 2@2600.25 maker=NONE"), drain(open(file)));
        assertEquals(DataFormat.TRADES, FormatDetector.detect(file));
    }

    @Test
    void badRowsNameTheFileLineAndField() throws IOException
    {
        assertError("timestamp,quantity\n", ":1: price: missing column (header: timestamp,quantity; expected price)");
        assertError("1723161254,2600,1\n", ":1: no header line (expected column names timestamp,price,quantity[,side] " +
            "before the data)");
        assertError("time,price,size\n1723161254,abc,1\n", ":2: price: 'abc' is not a number");
        assertError("time,price,size\n1723161254,2600\n", ":2: expected 3 fields like the header, found 2");
        assertError("time,price,size,side\n1723161254,2600,1,up\n",
            ":2: side: 'up' is not buy or sell (the taker's side; empty when unknown)");
        assertError("time,price,size\n1723161255,2600,1\n1723161254,2600,1\n",
            ":3: time: '1723161254' is earlier than the previous row's (line 2); rows must be in time order");
        assertError("time,price,size\nyesterday,2600,1\n",
            ":2: time: 'yesterday' is not an ISO-8601 time (2024-08-08T23:54:13Z) or whole epoch seconds or milliseconds");
    }

    private void assertError(final String content, final String expected) throws IOException
    {
        final Path file = write(dir, "bad.csv", content);
        final ImportException e = assertThrows(ImportException.class, () -> drain(open(file)));
        assertEquals(file + expected, e.getMessage());
    }
}
