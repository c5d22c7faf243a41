package dev.peregrine.journal.backtest;

import dev.peregrine.core.testing.RecordingOutputs;
import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.ReplayResult;
import dev.peregrine.journal.importer.ImportException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The fast ways a backtest runs reach exactly what the journaled, single-threaded run reaches: without a journal
 * (the default of {@code backtest}, {@code --keep-journal} keeps it) the printed digest and state hash are the
 * ones the kept journal replays to, and with import and core on two threads ({@link ImportPipeline}) the outputs
 * are the same, in the same order, as on one.
 */
class BacktestWithoutJournalTest
{
    @TempDir
    Path dir;

    @Test
    void withoutAJournalTheDigestIsTheKeptJournalsReplayDigest() throws IOException
    {
        final Path data = trades(dir.resolve("BTC-USD-trades.csv"), 30_000);
        final BacktestPlan plan = Backtest.plan(BacktestTest.request(data, BacktestTest.TREND));
        final RecordingOutputs keptOutputs = new RecordingOutputs();
        final BacktestResult kept = Backtest.run(plan, dir.resolve("kept"), null, keptOutputs, false);
        final RecordingOutputs fastOutputs = new RecordingOutputs();
        final BacktestResult fast = Backtest.run(plan, null, null, fastOutputs, true);

        assertNull(fast.journal());
        assertTrue(kept.orders() > 0, "the strategy trades on this data: " + kept);
        final ReplayResult replay = Replay.run(TestProducts.CATALOG, kept.journal());
        assertEquals(replay.outputDigestHex(), fast.outputDigestHex());
        assertEquals(replay.stateHashHex(), fast.stateHashHex());
        assertEquals(kept.outputDigestHex(), fast.outputDigestHex());
        assertEquals(keptOutputs.lines(), fastOutputs.lines());
        assertEquals(kept.events(), fast.events());
        assertEquals(kept.clocks(), fast.clocks());
        assertEquals(kept.netPnl(), fast.netPnl());
        assertEquals(kept.fees(), fast.fees());
        assertEquals(kept.maxDrawdown(), fast.maxDrawdown());
        assertEquals(kept.sharpe(), fast.sharpe());

        final BacktestResult keptPipelined = Backtest.run(plan, dir.resolve("kept-pipelined"), null, null, true);
        assertEquals(kept.outputDigestHex(), keptPipelined.outputDigestHex());
        assertEquals(replay.stateHashHex(), Replay.run(TestProducts.CATALOG, keptPipelined.journal()).stateHashHex());
    }

    @Test
    void aBadRowOnTheImportThreadStopsTheRunWithTheSameMessage() throws IOException
    {
        final Path data = trades(dir.resolve("ETH-USD-trades.csv"), 50_000);
        Files.writeString(data, "1000,60000.00,0.01,buy\n", java.nio.file.StandardOpenOption.APPEND);
        final BacktestPlan plan = Backtest.plan(BacktestTest.request(data, BacktestTest.TREND));
        final ImportException alone = assertThrows(ImportException.class, () -> Backtest.run(plan, null, null, null, false));
        final ImportException pipelined = assertThrows(ImportException.class, () -> Backtest.run(plan, null, null, null, true));
        assertEquals(alone.getMessage(), pipelined.getMessage());
        assertTrue(pipelined.getMessage().contains(":50002: timestamp:"), pipelined.getMessage());
    }

    /** A trades CSV that trends up and down every half hour, a trade every 0.3 s. */
    static Path trades(final Path file, final int rows) throws IOException
    {
        final StringBuilder sb = new StringBuilder("timestamp,price,quantity,side\n");
        final long start = 1_723_075_200_000L;
        for (int i = 0; i < rows; i++)
        {
            final double phase = (i % 12_000) / 6_000.0;
            final double price = 60_000 + 300 * (phase < 1 ? phase : 2 - phase) + (i % 7) * 0.5;
            sb.append(start + i * 300L).append(',').append(String.format(Locale.ROOT, "%.2f", price)).append(',')
                .append(i % 3 == 0 ? "0.5" : "0.0125").append(',').append(i % 2 == 0 ? "buy" : "sell").append('\n');
        }
        Files.writeString(file, sb.toString());
        return file;
    }
}
