package dev.peregrine.journal.importer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import static dev.peregrine.journal.importer.ImportTesting.TICK;
import static dev.peregrine.journal.importer.ImportTesting.drain;
import static dev.peregrine.journal.importer.ImportTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class BinanceTradeSourceTest
{
    @TempDir
    Path dir;

    private static final String ROWS =
        "3887431,60012.34000000,0.00150000,90.01851000,1723161253937,true,true\n" +
        "3887432,60012.35000000,0.02000000,1200.24700000,1723161253937,false,true\n" +
        // microseconds (archives from 2025 on), same instant plus 500 us
        "3887433,60012.36000000,0.10000000,6001.23600000,1723161253937500,False,True\n";

    private EventSource open(final Path file, final TimeWindow window)
    {
        return new BinanceTradeSource(InputFile.open(file), 3, TICK, window);
    }

    @Test
    void eachTradeBecomesTheSynthesizedQuoteThenTheTradeWithTheMakersSide() throws IOException
    {
        final Path file = write(dir, "BTCUSDT-trades-2024-08-08.csv", ROWS);
        assertEquals(List.of(
            "QUOTE t=1723161253937000000 i=3 bid=0.0015@60012.33 ask=0.0015@60012.35 last=60012.34",
            "TRADE t=1723161253937000000 i=3 id=3887431 0.0015@60012.34 maker=BUY",
            "QUOTE t=1723161253937000000 i=3 bid=0.02@60012.34 ask=0.02@60012.36 last=60012.35",
            "TRADE t=1723161253937000000 i=3 id=3887432 0.02@60012.35 maker=SELL",
            "QUOTE t=1723161253937500000 i=3 bid=0.1@60012.35 ask=0.1@60012.37 last=60012.36",
            "TRADE t=1723161253937500000 i=3 id=3887433 0.1@60012.36 maker=SELL"), drain(open(file, TimeWindow.ALL)));
    }

    @Test
    void readsTheZipBinanceShipsAndSkipsAHeaderAndBlankLines() throws IOException
    {
        final Path zip = dir.resolve("BTCUSDT-trades-2024-08-08.zip");
        try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream z = new ZipOutputStream(out))
        {
            z.putNextEntry(new ZipEntry("BTCUSDT-trades-2024-08-08.csv"));
            z.write(("id,price,qty,quote_qty,time,is_buyer_maker,is_best_match\r\n" + ROWS.replace("\n", "\r\n") + "\r\n")
                .getBytes(StandardCharsets.US_ASCII));
        }
        assertEquals(6, drain(open(zip, TimeWindow.ALL)).size());
    }

    @Test
    void theWindowKeepsEventTimesFromInclusiveToExclusive() throws IOException
    {
        final Path file = write(dir, "t.csv", ROWS);
        final List<String> events = drain(open(file, new TimeWindow(1723161253937000001L, 1723161253937500001L)));
        assertEquals(2, events.size());
        assertEquals("TRADE t=1723161253937500000 i=3 id=3887433 0.1@60012.36 maker=SELL", events.get(1));
    }

    @Test
    void badRowsNameTheFileLineAndField() throws IOException
    {
        assertError("3887431,60012.34,0.0015,90.01,1723161253937,true\n",
            ":1: expected 7 fields (id,price,qty,quote_qty,time,is_buyer_maker,is_best_match), found 6: " +
                "'3887431,60012.34,0.0015,90.01,1723161253937,true'");
        assertError(ROWS + "3887434,60O12.34,0.0015,90.01,1723161253938,true,true\n",
            ":4: price: '60O12.34' is not a number");
        assertError("3887434,-60012.34,0.0015,90.01,1723161253938,true,true\n", ":1: price: -60012.34 is negative");
        assertError("3887434,60012.34,0,0,1723161253938,true,true\n", ":1: qty: 0 (must be greater than 0)");
        assertError("3887434,60012.34,0.001,0.06,1723161253938,yes,true\n", ":1: is_buyer_maker: 'yes' is not true or false");
        assertError(ROWS + "3887434,60012.34,0.0015,90.01,1723161253936,true,true\n",
            ":4: time: '1723161253936' is earlier than the previous row's (line 3); rows must be in time order");
        assertError("3887434,60012.34,0.0015,90.01,1723161253,true,true\n",
            ":1: time: 1723161253 is too small for epoch milliseconds (Binance archives hold milliseconds, or " +
                "microseconds since 2025; seconds are not accepted)");
    }

    private void assertError(final String content, final String expectedAfterFile) throws IOException
    {
        final Path file = write(dir, "bad.csv", content);
        final ImportException e = assertThrows(ImportException.class, () -> drain(open(file, TimeWindow.ALL)));
        assertEquals(file + expectedAfterFile, e.getMessage());
    }

    @Test
    void theArchivePathAllocatesNothingPerRowAfterWarmUp() throws IOException
    {
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 60_000; i++)
        {
            sb.append(3887431 + i).append(",60012.").append(10 + i % 80).append(",0.0015,90.01,").append(1723161253937L + i * 7L)
                .append(i % 3 == 0 ? ",true,true\n" : ",false,true\n");
        }
        final Path file = write(dir, "BTCUSDT-trades.csv", sb.toString());
        final com.sun.management.ThreadMXBean threads =
            (com.sun.management.ThreadMXBean)java.lang.management.ManagementFactory.getThreadMXBean();
        org.junit.jupiter.api.Assumptions.assumeTrue(threads.isThreadAllocatedMemorySupported());
        try (EventSource source = new ClockTicks(open(file, TimeWindow.ALL)))
        {
            final dev.peregrine.core.event.InboundEvent event = new dev.peregrine.core.event.InboundEvent();
            for (int i = 0; i < 40_000; i++)
            {
                source.next(event); // warm-up: buffers grown, code compiled
            }
            final long thread = Thread.currentThread().getId();
            final long before = threads.getThreadAllocatedBytes(thread);
            int events = 0;
            while (source.next(event))
            {
                events++;
            }
            final long allocated = threads.getThreadAllocatedBytes(thread) - before;
            org.junit.jupiter.api.Assertions.assertTrue(events > 70_000, "events " + events);
            org.junit.jupiter.api.Assertions.assertTrue(allocated < 16_384, allocated + " bytes allocated by " + events + " events");
        }
    }
}
