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

class PerpetualEventsTest
{
    @TempDir
    Path dir;

    // 2024-01-01T00:00:00Z = 1704067200000 ms.
    private static final String TRADES = "timestamp,price,quantity\n" +
        "2024-01-01T00:00:30Z,100,1\n" +
        "2024-01-01T00:01:00Z,101,1\n" +
        "2024-01-01T00:02:00Z,102,1\n";

    // 1m mark klines: the first ends before the first trade (remembered, not fed), the last after the last trade.
    private static final String MARKS =
        "1704067140000,99,100,99,99.5,0,1704067199999,0,0,0,0,0\n" +
        "1704067200000,99.5,100.5,99.5,100.2,0,1704067259999,0,0,0,0,0\n" +
        "1704067260000,100.2,101.5,100.2,101.4,0,1704067319999,0,0,0,0,0\n" +
        "1704067320000,101.4,102.5,101.4,102.1,0,1704067379999,0,0,0,0,0\n";

    // One settlement before the data (its rate is remembered), one at the second trade's instant, one after the data.
    private static final String FUNDING = "calc_time,funding_interval_hours,last_funding_rate\n" +
        "1704067199000,8,0.0002\n" +
        "1704067260000,8,0.0001\n" +
        "1704067500000,8,-0.0001\n";

    @Test
    void marksAndSettlementsAreMergedByTimeInsideTheDataSpanMarkFirstThenSettlementThenData() throws IOException
    {
        final Path trades = write(dir, "BTCUSDT-trades.csv", TRADES);
        final Path marks = write(dir, "BTCUSDT-1m-2024-01-01.csv", MARKS);
        final Path funding = write(dir, "BTCUSDT-fundingRate-2024-01.csv", FUNDING);
        final EventSource source = PerpetualEvents.open(new TradesCsvSource(InputFile.open(trades), 2, TICK, TimeWindow.ALL),
            marks, funding, 2);
        assertEquals(List.of(
            "QUOTE t=1704067230000000000 i=2 bid=1@99.99 ask=1@100.01 last=100",
            "TRADE t=1704067230000000000 i=2 id=1 1@100 maker=NONE",
            // the kline 00:00-00:00:59.999 closes at 100.2; the rate is the last settled one (0.0002, before the data)
            "MARK_PRICE t=1704067259999000000 i=2 venue=1704067259999000000 mark=100.2 index=0 rate=0.0002 next=1704067260000000000",
            // settled at the mark of its instant, before the trade of the same instant
            "FUNDING_SETTLEMENT t=1704067260000000000 i=2 venue=1704067260000000000 mark=100.2 rate=0.0001 fee=0 next=1704067500000000000",
            "QUOTE t=1704067260000000000 i=2 bid=1@100.99 ask=1@101.01 last=101",
            "TRADE t=1704067260000000000 i=2 id=2 1@101 maker=NONE",
            "MARK_PRICE t=1704067319999000000 i=2 venue=1704067319999000000 mark=101.4 index=0 rate=0.0001 next=1704067500000000000",
            "QUOTE t=1704067320000000000 i=2 bid=1@101.99 ask=1@102.01 last=102",
            "TRADE t=1704067320000000000 i=2 id=3 1@102 maker=NONE"), drain(source));
    }

    @Test
    void withoutMarksASettlementIsValuedAtTheLastTradeAndTheLastOneNamesItsIntervalEnd() throws IOException
    {
        final Path trades = write(dir, "t.csv", TRADES + "2024-01-01T00:06:00Z,103,1\n");
        final Path funding = write(dir, "f.csv", FUNDING);
        final List<String> events = drain(PerpetualEvents.open(new TradesCsvSource(InputFile.open(trades), 0, TICK,
            TimeWindow.ALL), null, funding, 0));
        assertEquals(List.of(
            "FUNDING_SETTLEMENT t=1704067260000000000 i=0 venue=1704067260000000000 mark=100 rate=0.0001 fee=0 next=1704067500000000000",
            // the last row of the file: next = its time + 8 h
            "FUNDING_SETTLEMENT t=1704067500000000000 i=0 venue=1704067500000000000 mark=102 rate=-0.0001 fee=0 next=1704096300000000000"),
            events.stream().filter(e -> e.startsWith("FUNDING")).toList());
        assertEquals(10, events.size());
    }

    @Test
    void throughTheImporterClocksTickBetweenMarksAsBetweenTrades() throws IOException
    {
        final Path trades = write(dir, "BTCUSDT-trades.csv", TRADES);
        final Path marks = write(dir, "m.csv", MARKS);
        final List<String> events = drain(Importers.open(trades, DataFormat.TRADES, 1, TICK, TimeWindow.ALL, marks, null));
        // 00:00:30 to 00:02:00: clocks at 00:00:31 .. 00:02:00 (90), 2 marks fed, 3 quotes and 3 trades
        assertEquals(90 + 2 + 6, events.size());
        assertEquals(2, events.stream().filter(e -> e.startsWith("MARK_PRICE")).count());
        long last = Long.MIN_VALUE;
        for (final String e : events)
        {
            final long t = Long.parseLong(e.substring(e.indexOf("t=") + 2, e.indexOf(' ', e.indexOf("t="))));
            assertEquals(true, t >= last, "out of time order: " + e);
            last = t;
        }
    }

    @Test
    void aBadMarksRowStopsTheOpenNamingFileLineAndField() throws IOException
    {
        final Path trades = write(dir, "t.csv", TRADES);
        final Path marks = write(dir, "m.csv", MARKS.replace("101.4,0,1704067319999", "101.x,0,1704067319999"));
        final ImportException e = assertThrows(ImportException.class,
            () -> Importers.open(trades, DataFormat.TRADES, 0, TICK, TimeWindow.ALL, marks, null));
        assertEquals(marks + ":3: close: '101.x' is not a number", e.getMessage());
    }
}
