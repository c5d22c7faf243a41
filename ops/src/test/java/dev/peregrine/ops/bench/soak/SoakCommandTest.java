package dev.peregrine.ops.bench.soak;

import dev.peregrine.ops.PeregrineCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code peregrine bench soak} for a few seconds: the real simulator and daemon as two processes, sampled every second.
 * Checks what a user reads (rows in the CSV, the chart, the growth lines with sane values), never a time or a ratio.
 */
class SoakCommandTest
{
    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int soak(final String... args)
    {
        final String[] full = new String[args.length + 2];
        full[0] = "bench";
        full[1] = "soak";
        System.arraycopy(args, 0, full, 2, args.length);
        return PeregrineCli.run(full, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void aShortSoakWritesTheCsvTheChartAndTheGrowthLines() throws Exception
    {
        final Path dir = temp.resolve("soak");
        assertThat(soak("--duration", "6s", "--interval", "1s", "--warmup", "2s", "--heap", "256m",
            "--strategies", "market-maker:instrument=BTC-USD,spread-bps=4", "ma-crossover:fast=5,slow=20",
            "--out", dir.toString())).as(err.toString()).isZero();

        final List<String> csv = Files.readAllLines(dir.resolve("soak.csv"));
        assertThat(csv.get(0)).isEqualTo(SoakSample.HEADER);
        assertThat(csv).hasSizeGreaterThanOrEqualTo(5);
        final String[] last = csv.get(csv.size() - 1).split(",", -1);
        assertThat(last[1]).isEqualTo("true");
        assertThat(Long.parseLong(last[2])).as("anon rss KiB").isPositive();
        assertThat(Long.parseLong(last[4])).as("old gen live set after the soak's full collection at the end").isPositive();
        assertThat(Integer.parseInt(last[5])).as("threads").isPositive();
        assertThat(Integer.parseInt(last[6])).as("fds").isPositive();
        assertThat(Long.parseLong(last[9])).as("events").isPositive();
        final String[] middle = csv.get(csv.size() - 2).split(",", -1);
        assertThat(middle[4]).as("no full collection between the first warm sample and the last (--live-set-every 10m)").isEmpty();
        assertThat(Files.readString(dir.resolve("soak.html"))).contains("<svg", "anon rss growth:").doesNotContain("<script");

        final String printed = out.toString();
        assertThat(printed).containsPattern("anon rss growth: [+-]\\d+\\.\\d\\d%")
            .containsPattern("old gen growth: [+-]\\d+\\.\\d\\d%")
            .containsPattern("old gen live set growth: [+-]\\d+\\.\\d\\d% \\(\\d+ -> \\d+ bytes after full collections")
            .containsPattern("threads delta: [+-]\\d+")
            .containsPattern("fds delta: [+-]\\d+")
            .containsPattern("gc collections after warm-up: \\d+ \\([1-9]\\d* of them the soak's full collections\\)")
            .containsPattern("errors after warm-up: \\d+")
            .containsPattern("hot peregrine-core +[\\d,]+ B")
            .contains("csv: ", "chart: ");
    }

    @Test
    void aBadDurationIsOneLineNamingTheOption()
    {
        assertThat(soak("--duration", "2x", "--out", temp.toString())).isEqualTo(2);
        assertThat(err.toString().lines()).hasSize(1);
        assertThat(err.toString()).contains("--duration").contains("2x");
    }

    @Test
    void aWarmUpLongerThanTheRunIsRefused()
    {
        assertThat(soak("--duration", "5s", "--warmup", "10s", "--out", temp.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--warmup");
    }
}
