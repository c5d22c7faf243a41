package dev.peregrine.ops.backtest;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BacktestCommandTest
{
    /** One-minute candles from 2024-08-09, trending up and down in turns, seeded. */
    private static final CliRun.CandleTrend CANDLES = new CliRun.CandleTrend(42, 30, 1.5, -1.5);

    @TempDir
    Path dir;

    @Test
    void aRunPrintsTheSummaryAndItsJournalReplaysToTheSameHashes() throws IOException
    {
        final Path data = CANDLES.write(dir, "ETH-USD-1m.csv", 300);
        final Path report = dir.resolve("report");
        final CliRun r = CliRun.of("backtest", "--data", data.toString(), "--strategy", "trend-following:bar=1m",
            "--param", "fast=3", "--param", "slow=8", "--report", report.toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("data: " + data + " (ohlcv), 2024-08-09T00:00:00Z .. 2024-08-09T04:59:45Z"), r.out());
        assertTrue(r.out().contains("no order book in the data: before each trade a quote is synthesized"), r.out());
        assertEquals(report.resolve("journal").toString(), r.value("journal"));
        // The report of the run, from its journal: the same replay, so the same digest.
        assertTrue(r.out().contains("report: " + report.resolve("report.html")), r.out());
        final String reportJson = Files.readString(report.resolve("report.json"));
        assertTrue(reportJson.contains("\"output_digest\": \"" + r.value("output-digest") + "\""), reportJson.substring(0, 400));
        assertTrue(Files.readString(report.resolve("report.html")).contains("<svg"));

        final CliRun replay = CliRun.of("replay", "--journal", report.resolve("journal").toString());
        assertEquals(0, replay.exit(), replay.err());
        assertEquals(r.value("output-digest"), replay.value("output-digest"));
        assertEquals(r.value("state-hash"), replay.value("state-hash"));
        final CliRun decisions = CliRun.of("decisions", "--journal", report.resolve("journal").toString(), "--limit", "1");
        assertEquals(0, decisions.exit(), decisions.err());
        assertTrue(decisions.out().contains("trend-following"), decisions.out());

        final CliRun again = CliRun.of("backtest", "--data", data.toString(), "--strategy", "trend-following:bar=1m",
            "--report", report.toString());
        assertEquals(2, again.exit());
        assertTrue(again.err().contains("is not empty"), again.err());
    }

    @Test
    void aSweepTablesEveryCombinationSortedWithTheSingleRunsDigests() throws IOException
    {
        final Path data = CANDLES.write(dir, "ETH-USD-1m.csv", 200);
        final CliRun sweep = CliRun.of("backtest", "--data", data.toString(), "--strategy", "trend-following", "--param", "bar=1m",
            "--sweep", "fast=3,5", "--sweep", "slow=8,13", "--sort", "trades", "--report", dir.resolve("s").toString());
        assertEquals(0, sweep.exit(), sweep.err());
        final List<String> rows = new ArrayList<>();
        for (final String line : sweep.out().split("\n"))
        {
            if (line.matches("\\s*\\d+\\s+\\d+\\s+.*"))
            {
                rows.add(line.trim());
            }
        }
        assertEquals(4, rows.size(), sweep.out());
        final CliRun single = CliRun.of("backtest", "--data", data.toString(), "--strategy", "trend-following:bar=1m,fast=5,slow=13",
            "--report", dir.resolve("single").toString());
        assertTrue(sweep.out().contains(single.value("output-digest")), "row fast=5,slow=13 has the single run's digest");
        assertTrue(Files.isDirectory(dir.resolve("s").resolve("sweep").resolve("4")));
        final double gridPointsPerSecond = Double.parseDouble(sweep.value("grid points per second"));
        assertTrue(gridPointsPerSecond > 0, sweep.out());
    }

    @Test
    void withoutKeepJournalNoJournalIsWrittenAndTheDigestIsTheKeptJournalsReplayDigest() throws IOException
    {
        final Path data = CANDLES.write(dir, "ETH-USD-1m.csv", 200);
        final CliRun fast = CliRun.of("backtest", "--data", data.toString(), "--strategy", "trend-following:bar=1m,fast=3,slow=8");
        assertEquals(0, fast.exit(), fast.err());
        assertTrue(fast.out().contains("journal: not kept (--keep-journal DIR"), fast.out());
        assertFalse(fast.out().contains("replay it:"), fast.out());

        final Path kept = dir.resolve("kept");
        final CliRun keep = CliRun.of("backtest", "--data", data.toString(), "--strategy", "trend-following:bar=1m,fast=3,slow=8",
            "--keep-journal", kept.toString());
        assertEquals(0, keep.exit(), keep.err());
        assertEquals(kept.toString(), keep.value("journal"));
        final CliRun replay = CliRun.of("replay", "--journal", kept.toString());
        assertEquals(0, replay.exit(), replay.err());
        assertEquals(fast.value("output-digest"), replay.value("output-digest"));
        assertEquals(fast.value("state-hash"), replay.value("state-hash"));
    }

    @Test
    void usageAndDataErrorsExitWithTwoAndNameWhatAndWhere() throws IOException
    {
        final CliRun list = CliRun.of("backtest", "--list-strategies");
        assertEquals(0, list.exit());
        assertEquals(List.of("ma-crossover", "trend-following", "mean-reversion", "market-maker", "perp-trend"),
            List.of(list.out().trim().split("\\R")));

        final Path data = CANDLES.write(dir, "ETH-USD-1m.csv", 20);
        assertEquals(2, CliRun.of("backtest", "--strategy", "trend-following").exit());
        final CliRun unknown = CliRun.of("backtest", "--data", data.toString(), "--strategy", "no-such");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("unknown type 'no-such'"), unknown.err());
        final CliRun params = CliRun.of("backtest", "--data", data.toString(), "--strategy", "trend-following", "--param", "fast=0",
            "--param", "colour=red");
        assertEquals(2, params.exit());
        assertTrue(params.err().contains("backtest has 2 problems"), params.err());
        assertEquals(2, CliRun.of("backtest", "--data", data.toString(), "--strategy", "trend-following", "--format", "csv").exit());
        assertEquals(2, CliRun.of("backtest", "--data", data.toString(), "--strategy", "trend-following", "--from", "tomorrow").exit());
        assertEquals(2, CliRun.of("backtest", "--data", dir.resolve("missing.csv").toString(), "--strategy", "trend-following").exit());

        final Path bad = Files.writeString(dir.resolve("BTC-USD-bad.csv"),
            "timestamp,open,high,low,close,volume\n2024-08-09T00:00:00Z,100,101,99,100,1\n2024-08-09T00:01:00Z,100,101,99\n");
        final Path report = dir.resolve("bad-report");
        final CliRun badRow = CliRun.of("backtest", "--data", bad.toString(), "--strategy", "trend-following", "--report", report.toString());
        assertEquals(2, badRow.exit());
        assertEquals("peregrine: " + bad + ":3: expected 6 fields like the header, found 4", badRow.err().trim());
        assertFalse(Files.exists(report.resolve("journal")), "no journal is left for a run that did not complete");
        assertEquals("", badRow.out(), "no summary for a run that did not complete");
    }

    @Test
    void theProgressLineShowsBarRateAndTimeLeft()
    {
        assertEquals("backtest [###############...............]  50% 1,000,000 events, 500,000 events/s, 0:02 left",
            ProgressBar.line("backtest", 1_000_000, 0.5, 2.0));
        assertEquals("backtest 10 events, 5 events/s", ProgressBar.line("backtest", 10, -1, 2.0));
    }
}
