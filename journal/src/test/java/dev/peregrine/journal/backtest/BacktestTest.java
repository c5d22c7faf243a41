package dev.peregrine.journal.backtest;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.output.OutputFanOut;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.core.testing.RecordingOutputs;
import dev.peregrine.journal.DecisionJournalReader;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.ReplayResult;
import dev.peregrine.journal.importer.DataFormat;
import dev.peregrine.journal.importer.EventSource;
import dev.peregrine.journal.importer.ImportException;
import dev.peregrine.journal.importer.Importers;
import dev.peregrine.journal.importer.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestTest
{
    static final String TREND = "trend-following:bar=1m,fast=3,slow=8";

    @TempDir
    Path dir;

    static BacktestRequest request(final Path data, final String spec)
    {
        return new BacktestRequest(TestProducts.CATALOG, data, null, null, StrategySpec.parse(spec, "trend-following"), TimeWindow.ALL,
            BacktestRequest.DEFAULT_ORDER_NOTIONAL, PaperVenueSettings.DEFAULT);
    }

    @Test
    void ordersAreExactlyWhatTheSameEventsFedToATradingCoreProduce() throws IOException
    {
        final Path data = GeneratedCandles.write(dir.resolve("BTC-USD-1m.csv"), 400, 7);
        final BacktestPlan plan = Backtest.plan(request(data, TREND));
        assertEquals(DataFormat.OHLCV, plan.format());
        final RecordingOutputs backtested = new RecordingOutputs();
        final BacktestResult result = Backtest.run(plan, dir.resolve("journal"), new BacktestProgress(), backtested);

        final RecordingOutputs direct = new RecordingOutputs();
        final OutputDigest digest = new OutputDigest();
        final TradingCore core = CoreAssembly.build(TestProducts.CATALOG, plan.settings(), new OutputFanOut(digest, direct),
            new CoreMetrics(1), new TradingSwitch());
        long events = 0;
        try (EventSource source = Importers.open(data, DataFormat.OHLCV, 0, plan.priceIncrement(), TimeWindow.ALL))
        {
            final InboundEvent event = new InboundEvent();
            while (source.next(event))
            {
                core.onEvent(event, events++, true);
            }
        }
        assertEquals(direct.lines(), backtested.lines());
        assertEquals(direct.decisions(), backtested.decisions());
        assertTrue(result.orders() >= 4 && result.fills() >= 4, "the trend turns every 40 minutes: " + result);
        assertEquals(direct.count("order"), result.orders());
        assertEquals(events, result.events());
        assertEquals(400 * 9, result.events() - result.clocks(), "4 quotes, 4 trades and the candle, per candle");
        assertEquals(399 * 60 + 45, result.clocks(), "one a second from the first second after the first event to the last");
        assertEquals(digest.hex(), result.outputDigestHex());
        assertEquals(Hash64.hex(core.stateHash()), result.stateHashHex());
        assertEquals(GeneratedCandles.START_SECONDS * 1_000_000_000L, result.firstEventNanos());
        assertTrue(result.fees() > 0);
        assertEquals(core.positions().totalRealizedPnl(), result.realizedPnl());
    }

    @Test
    void theJournalReplaysToThePrintedDigestAndStateHashAndHoldsTheDecisions() throws IOException
    {
        final Path data = GeneratedCandles.write(dir.resolve("ETH-USD-1m.csv"), 300, 11);
        final BacktestResult result = Backtest.run(Backtest.plan(request(data, TREND)), dir.resolve("j"), null, null);
        final ReplayResult replay = Replay.run(TestProducts.CATALOG, result.journal());
        assertEquals(result.outputDigestHex(), replay.outputDigestHex());
        assertEquals(result.stateHashHex(), replay.stateHashHex());
        assertEquals(result.events(), replay.events());
        long decisions = 0;
        try (DecisionJournalReader reader = DecisionJournalReader.open(result.journal()))
        {
            final dev.peregrine.core.decision.DecisionRecord record = new dev.peregrine.core.decision.DecisionRecord();
            while (reader.next(record))
            {
                decisions++;
            }
        }
        assertEquals(result.orders() + result.rejects(), decisions);

        // The journal is data too: a backtest over it feeds the same events and reaches the same result.
        final BacktestResult again = Backtest.run(Backtest.plan(request(result.journal(), TREND)), dir.resolve("j2"), null, null);
        assertEquals(DataFormat.JOURNAL, again.format());
        assertEquals(result.outputDigestHex(), again.outputDigestHex());
        assertEquals(result.stateHashHex(), again.stateHashHex());
    }

    @Test
    void fromAndToKeepWholeCandlesInsideTheWindow() throws IOException
    {
        final Path data = GeneratedCandles.write(dir.resolve("BTC-USD.csv"), 100, 3);
        final long from = (GeneratedCandles.START_SECONDS + 600) * 1_000_000_000L;
        final long to = (GeneratedCandles.START_SECONDS + 1200) * 1_000_000_000L;
        final BacktestRequest r = request(data, TREND);
        final BacktestResult result = Backtest.run(Backtest.plan(new BacktestRequest(TestProducts.CATALOG, data, null, null, r.strategy(),
            new TimeWindow(from, to), r.orderNotional(), r.venue())), dir.resolve("j"), null, null);
        assertEquals(from, result.firstEventNanos());
        assertEquals(to - 15_000_000_000L, result.lastEventNanos(), "the last candle's close tick, at 3/4 of its minute");
    }

    @Test
    void aBadRowDeepInTheFileStopsTheRunAndDeletesThePartialJournal() throws IOException
    {
        final Path data = dir.resolve("BTCUSDT-trades-2024-08-08.csv");
        final StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 20_000; i++)
        {
            sb.append(i).append(",60000.00,0.01,600.0,").append(1723161253937L + i * 100L).append(",true,true\n");
        }
        sb.append("20000,60000.00,0.01,600.0,1723161200000,true,true\n");
        Files.writeString(data, sb.toString());
        final Path journal = dir.resolve("journal");
        final ImportException e = assertThrows(ImportException.class,
            () -> Backtest.run(Backtest.plan(request(data, TREND)), journal, null, null));
        assertEquals(data + ":20001: time: '1723161200000' is earlier than the previous row's (line 20000); rows must be " +
            "in time order", e.getMessage());
        assertFalse(Files.exists(journal), "no partial journal is left to pass for a whole one");
    }

    @Test
    void everyProblemOfTheRequestIsListedBeforeAnythingRuns() throws IOException
    {
        final Path data = GeneratedCandles.write(dir.resolve("candles.csv"), 10, 1);
        final BacktestException noProduct = assertThrows(BacktestException.class, () -> Backtest.plan(request(data, TREND)));
        assertTrue(noProduct.getMessage().startsWith("--data candles.csv: the file name names no known product; give one " +
            "with --product (known: BTC-USD,"), noProduct.getMessage());

        final BacktestRequest r = request(data, "trend-following:bar=1m,fast=30,slow=8,speed=3");
        final BacktestException bad = assertThrows(BacktestException.class, () -> Backtest.plan(
            new BacktestRequest(TestProducts.CATALOG, data, null, "BTC-USD", r.strategy(), r.window(), r.orderNotional(), r.venue())));
        assertEquals(2, bad.problems().size(), bad.getMessage());
        assertTrue(bad.problems().stream().anyMatch(p -> p.contains("'speed'")), bad.getMessage());

        final BacktestException journalTaken = assertThrows(BacktestException.class, () ->
        {
            Files.createDirectories(dir.resolve("used"));
            Files.writeString(dir.resolve("used").resolve("x"), "x");
            Backtest.run(Backtest.plan(new BacktestRequest(TestProducts.CATALOG, data, null, "BTC-USD", StrategySpec.parse(TREND, "t"),
                TimeWindow.ALL, 1000, PaperVenueSettings.DEFAULT)), dir.resolve("used"), null, null);
        });
        assertTrue(journalTaken.getMessage().contains("is not empty"), journalTaken.getMessage());
    }
}
