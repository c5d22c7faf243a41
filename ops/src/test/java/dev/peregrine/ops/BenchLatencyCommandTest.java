package dev.peregrine.ops;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code peregrine bench latency} for a few seconds, as a user runs it: both histograms have counts with p50 <= p99,
 * every order the engine sent is tied to the frame that caused it, the ratio lines parse, the stage breakdown, the
 * layout and the collections line are printed. Never a time or a ratio's value (tests do not assert times). And the
 * refusals: another venue, a bad duration.
 */
class BenchLatencyCommandTest
{
    private static final Pattern ROW = Pattern.compile("^(engine|floor)\\s+(\\d+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)\\s+([\\d.]+)$");
    private static final Pattern ENGINE_ORDERS = Pattern.compile("^engine orders: (\\d+), matched to their frame: (\\d+) .*");

    @Test
    void aShortRunPrintsBothHistogramsTheRatiosTheStagesAndTheCollections()
    {
        final CliRun run = new CliRun("bench", "latency", "--duration", "3s", "--warmup", "1s", "--rate", "200",
            "--trigger-every", "10");
        assertThat(run.exit).as("exit; stderr %s", run.err.lines()).isZero();
        final List<String> lines = run.out.lines();
        int rows = 0;
        for (final String line : lines)
        {
            final Matcher row = ROW.matcher(line.trim());
            if (row.matches())
            {
                rows++;
                assertThat(Long.parseLong(row.group(2))).as(line).isPositive();
                assertThat(Double.parseDouble(row.group(3))).as(line).isLessThanOrEqualTo(Double.parseDouble(row.group(5)));
            }
            final Matcher orders = ENGINE_ORDERS.matcher(line);
            if (orders.matches())
            {
                assertThat(Integer.parseInt(orders.group(1))).as(line).isPositive();
                assertThat(orders.group(2)).as("every engine order tied to its frame: " + line).isEqualTo(orders.group(1));
            }
        }
        assertThat(rows).as("engine and floor rows in %s", lines).isEqualTo(2);
        assertThat(lines).anyMatch(l -> l.startsWith("engine orders: "));
        assertThat(Double.parseDouble(value(lines, "p50 ratio: "))).isPositive();
        assertThat(Double.parseDouble(value(lines, "p99 ratio: "))).isPositive();
        assertThat(lines).anyMatch(l -> l.trim().startsWith("ring_wait"));
        assertThat(lines).anyMatch(l -> l.startsWith("ring wait strategy: YieldingWaitStrategy"));
        assertThat(lines).anyMatch(l -> l.startsWith("threads: ") && l.contains("peregrine-core") && l.contains("peregrine-floor"));
        assertThat(Long.parseLong(value(lines, "gc collections during measurement: ").split(" ")[0])).isNotNegative();
        assertThat(value(lines, "engine threads' allocation during measurement, bytes per engine frame:")).contains("peregrine-core ");
    }

    @Test
    void anotherVenueOrABadDurationIsOneLineAndExitTwo()
    {
        final CliRun binance = new CliRun("bench", "latency", "--venue", "binance");
        assertThat(binance.exit).isEqualTo(2);
        assertThat(binance.err.lines()).anyMatch(l -> l.startsWith("peregrine: --venue binance: the latency bench runs against the Coinbase simulator only"));
        final CliRun duration = new CliRun("bench", "latency", "--duration", "soon");
        assertThat(duration.exit).isEqualTo(2);
        assertThat(duration.err.lines()).anyMatch(l -> l.startsWith("peregrine: --duration: 'soon' is not a duration"));
    }

    private static String value(final List<String> lines, final String prefix)
    {
        return lines.stream().filter(l -> l.startsWith(prefix)).findFirst()
            .map(l -> l.substring(prefix.length()).trim()).orElseThrow(() -> new AssertionError("no line '" + prefix + "' in " + lines));
    }
}
