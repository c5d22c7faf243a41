package dev.peregrine.journal.backtest;

import dev.peregrine.core.testing.RecordingOutputs;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.ReplayResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The bar path from a candle file: a strategy that takes candles as bars ({@code bars=candles}) gets each candle as
 * one event, and decides exactly what it decides on the same candles expanded to four trades each with time bars
 * built from them (the same bars, closed at the same time, so the same indicator values and the same orders); only
 * the fills differ, at the close instead of the next tick. Its journal replays to its digest; trade data with
 * {@code bars=candles} is refused before anything runs.
 */
class CandleBarBacktestTest
{
    @TempDir
    Path dir;

    @Test
    void oneEventPerCandleAndTheDecisionsOfTheFourTradeExpansion() throws IOException
    {
        final Path data = GeneratedCandles.write(dir.resolve("BTC-USD-1m.csv"), 400, 7);
        final RecordingOutputs ticks = new RecordingOutputs();
        final BacktestResult expanded = Backtest.run(Backtest.plan(BacktestTest.request(data, BacktestTest.TREND)), null,
            null, ticks);
        final RecordingOutputs bars = new RecordingOutputs();
        final BacktestPlan plan = Backtest.plan(BacktestTest.request(data, BacktestTest.TREND + ",bars=candles"));
        final BacktestResult barPath = Backtest.run(plan, dir.resolve("journal"), null, bars);

        assertEquals(400, barPath.events() - barPath.clocks(), "one CANDLE per candle, nothing synthesized beside it");
        assertEquals(400 * 9, expanded.events() - expanded.clocks());
        assertTrue(barPath.orders() >= 4, "the trend turns every 40 minutes: " + barPath);
        assertEquals(ticks.decisions(), bars.decisions(), "same bars, same indicator values, same decisions");
        assertEquals(orders(ticks), orders(bars));
        assertEquals(barPath.orders(), barPath.fills(), "market orders fill at the bar's close");
        assertTrue(plan.assumptions().stream().anyMatch(a -> a.startsWith("bar path")), String.join("\n", plan.assumptions()));

        final ReplayResult replay = Replay.run(dev.peregrine.core.testing.TestProducts.CATALOG, barPath.journal());
        assertEquals(barPath.outputDigestHex(), replay.outputDigestHex());
        assertEquals(barPath.stateHashHex(), replay.stateHashHex());
    }

    @Test
    void tradeDataWithCandleBarsIsRefusedBeforeItRuns() throws IOException
    {
        final Path trades = dir.resolve("BTC-USD-trades.csv");
        Files.writeString(trades, "timestamp,price,quantity,side\n1723075200020,59999.50,0.5,sell\n");
        final BacktestException refused = assertThrows(BacktestException.class,
            () -> Backtest.plan(BacktestTest.request(trades, BacktestTest.TREND + ",bars=candles")));
        assertTrue(refused.getMessage().contains("bars=candles takes candle data"), refused.getMessage());
        assertFalse(Files.exists(dir.resolve("journal")));
    }

    private static List<String> orders(final RecordingOutputs outputs)
    {
        return outputs.lines().stream().filter(l -> l.startsWith("ORDER")).collect(Collectors.toList());
    }
}
