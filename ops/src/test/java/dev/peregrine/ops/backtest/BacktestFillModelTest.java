package dev.peregrine.ops.backtest;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code backtest --fill-model} over a seeded random walk of 200,000 BTC-USD trades of realistic sizes
 * (log-normal around 0.005 BTC, so a default 0.0154 BTC order is about three prints) and spacing (about
 * ten a second): what each model fills, what the summary and the report say about it, and that the
 * journal replays to the printed hashes.
 */
class BacktestFillModelTest
{
    private static final int TRADES = 200_000;
    private static final Pattern FILL = Pattern.compile("(?m)^fill: requested (\\S+) \\(notional (\\S+)\\), filled (\\S+) " +
        "\\(notional (\\S+)\\), fill ratio (\\S+)% \\((\\w+) fill model\\)$");

    @TempDir
    static Path shared;
    private static Path data;

    @TempDir
    Path dir;

    @BeforeAll
    static void randomWalk() throws IOException
    {
        data = shared.resolve("BTC-USD-random-walk.csv");
        final Random random = new Random(20_261_206L);
        long timeMillis = 1_735_689_600_000L;
        long cents = 9_000_000L;
        try (BufferedWriter w = Files.newBufferedWriter(data))
        {
            w.write("timestamp,price,quantity,side\n");
            for (int i = 0; i < TRADES; i++)
            {
                timeMillis += 1 + (long)(-Math.log(1 - random.nextDouble()) * 100);
                cents += (random.nextInt(3) - 1) * (1 + random.nextInt(300));
                final double size = Math.min(2.0, Math.exp(-5.3 + 1.2 * random.nextGaussian()));
                w.write(String.format(Locale.ROOT, "%d,%d.%02d,%.8f,%s%n", timeMillis, cents / 100, cents % 100, size,
                    random.nextBoolean() ? "buy" : "sell"));
            }
        }
    }

    private CliRun backtest(final Path report, final String... extra)
    {
        final String[] base = {"backtest", "--data", data.toString(), "--strategy", "ma-crossover", "--report",
            report.toString()};
        final String[] args = new String[base.length + extra.length];
        System.arraycopy(base, 0, args, 0, base.length);
        System.arraycopy(extra, 0, args, base.length, extra.length);
        final CliRun r = CliRun.of(args);
        assertEquals(0, r.exit(), r.err());
        return r;
    }

    private static double jsonNumber(final String json, final String key)
    {
        final Matcher m = Pattern.compile("\"" + key + "\": ([-0-9.eE]+)").matcher(json);
        assertTrue(m.find(), key + " in report.json");
        return Double.parseDouble(m.group(1));
    }

    @Test
    void theDefaultModelIsVolumeAndFillsTheOrdersAndTheReportAgrees() throws IOException
    {
        final Path report = dir.resolve("default");
        final CliRun r = backtest(report);
        final Matcher fill = r.find(FILL, "the fill line");
        assertEquals("volume", fill.group(6));
        final double ratio = Double.parseDouble(fill.group(5)) / 100;
        assertTrue(ratio >= 0.99, "fill ratio near 1 with the default model, was " + ratio + "\n" + r.out());
        final Matcher orders = Pattern.compile("(?m)^orders: ([0-9,]+), rejects: ([0-9,]+), fills: ([0-9,]+)$").matcher(r.out());
        assertTrue(orders.find(), r.out());
        final long placed = Long.parseLong(orders.group(1).replace(",", ""));
        assertTrue(placed > 100, "the crossover trades on a random walk: " + placed + " orders");
        assertTrue(Long.parseLong(orders.group(2).replace(",", "")) * 20 < placed, "rejects under 5% of orders\n" + r.out());
        assertTrue(r.out().contains("  - paper venue: ") && r.out().contains("fill model volume: a market order takes " +
            "the displayed liquidity, then keeps working for 60 s: each later trade fills 25% of its size"), r.out());
        assertFalse(r.out().contains("WARNING:"), r.out());

        final String json = Files.readString(report.resolve("report.json"));
        assertEquals(Double.parseDouble(fill.group(1)), jsonNumber(json, "requested_quantity"), 1e-8);
        assertEquals(Double.parseDouble(fill.group(3)), jsonNumber(json, "filled_quantity"), 1e-8);
        assertEquals(Double.parseDouble(fill.group(2)), jsonNumber(json, "requested_notional"), 0.01);
        assertEquals(Double.parseDouble(fill.group(4)), jsonNumber(json, "filled_notional"), 0.01);
        assertTrue(json.contains("\"warnings\": []"), "no warnings in report.json");
        assertTrue(Files.readString(report.resolve("report.html")).contains("data-stat=\"fill_ratio\""));
    }

    @Test
    void theTouchModelFillsOnlyThePrintsAndSaysSoLoudly() throws IOException
    {
        final Path report = dir.resolve("touch");
        final CliRun r = backtest(report, "--fill-model", "touch");
        final Matcher fill = r.find(FILL, "the fill line");
        assertEquals("touch", fill.group(6));
        final double ratio = Double.parseDouble(fill.group(5)) / 100;
        assertTrue(ratio < 0.8, "a 0.0154 BTC order against ~0.005 BTC prints fills in part, was " + ratio);
        final Matcher warning = Pattern.compile("(?m)^WARNING: orders were cut short: (\\S+) of (\\S+) requested filled " +
            "\\(fill ratio [0-9.]+%\\); ([0-9,]+) market orders ended with (\\S+) unfilled under the touch fill model").matcher(r.out());
        assertTrue(warning.find(), r.out());
        assertEquals(fill.group(3), warning.group(1));
        assertEquals(fill.group(1), warning.group(2));
        // What was asked and not filled is exactly what the cut-short orders left.
        assertEquals(Double.parseDouble(fill.group(1)) - Double.parseDouble(fill.group(3)),
            Double.parseDouble(warning.group(4)), 1e-8);
        final String json = Files.readString(report.resolve("report.json"));
        assertTrue(json.contains("WARNING: orders were cut short: " + fill.group(3) + " of " + fill.group(1)), "report.json warns");
        assertTrue(Files.readString(report.resolve("report.html")).contains("WARNING: orders were cut short"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"touch", "volume", "unlimited"})
    void eachModelsJournalReplaysToThePrintedHashes(final String model)
    {
        final Path report = dir.resolve(model);
        final CliRun r = backtest(report, "--fill-model", model);
        assertEquals(model, r.find(FILL, "the fill line").group(6));
        if (!"touch".equals(model))
        {
            assertEquals("100.0", r.find(FILL, "the fill line").group(5), "volume and unlimited fill every order on this walk\n" + r.out());
        }
        final CliRun replay = CliRun.of("replay", "--journal", report.resolve("journal").toString());
        assertEquals(0, replay.exit(), replay.err());
        assertEquals(r.value("output-digest"), replay.value("output-digest"));
        assertEquals(r.value("state-hash"), replay.value("state-hash"));
        assertTrue(replay.out().contains("fill model " + model), replay.out());
    }

    @Test
    void badFillModelOptionsExitWithTwoAndOneLine()
    {
        final CliRun unknown = CliRun.of("backtest", "--data", data.toString(), "--strategy", "ma-crossover", "--fill-model", "infinite");
        assertEquals(2, unknown.exit());
        assertTrue(unknown.err().contains("--fill-model 'infinite': expected one of touch, volume, unlimited"), unknown.err());
        final CliRun misplaced = CliRun.of("backtest", "--data", data.toString(), "--strategy", "ma-crossover", "--fill-model",
            "touch", "--participation", "0.5");
        assertEquals(2, misplaced.exit());
        assertTrue(misplaced.err().contains("--participation applies to --fill-model volume only, not touch"), misplaced.err());
        final CliRun share = CliRun.of("backtest", "--data", data.toString(), "--strategy", "ma-crossover", "--participation", "1.5");
        assertEquals(2, share.exit());
        assertTrue(share.err().contains("participation must be above 0 and at most 1"), share.err());
    }
}
