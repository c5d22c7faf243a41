package dev.peregrine.acceptance;

import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.Summary;
import dev.peregrine.acceptance.support.UserChecks;
import dev.peregrine.acceptance.support.Workspace;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A newcomer's first contact: {@code ./peregrine demo} with its defaults, and again at
 * {@code --trades-per-second 500}. The default strategy trades without piling up rejects, its position moves
 * (it is not pinned at a limit from the first seconds), and the journal replays to the printed hashes.
 */
class DemoTest
{
    /** Status lines at the start that are left out of the "position moves" check: the first orders are still in flight. */
    private static final int WARM_UP_LINES = 3;

    @Test
    void theDefaultDemoTradesWithFewRejectsAndReplays()
    {
        demo("demo-default", "25s");
    }

    @Test
    void theDefaultDemoAtFiveHundredTradesPerSecondTradesWithFewRejectsAndReplays()
    {
        demo("demo-500tps", "20s", "--trades-per-second", "500");
    }

    private static void demo(final String name, final String duration, final String... more)
    {
        final Path dir = Workspace.caseDir(name);
        final Path journal = dir.resolve("journal");
        final List<String> args = new ArrayList<>(List.of("demo", "--duration", duration, "--journal", journal.toString(),
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking"));
        args.addAll(List.of(more));

        final Peregrine.Result demo = Peregrine.run(dir, Map.of(), Duration.ofMinutes(2), args.toArray(String[]::new));

        final Summary summary = new Summary(demo.output());
        final SoftAssertions soft = new SoftAssertions();
        soft.assertThat(demo.exitCode()).as("demo exit code\n%s", demo.describe()).isZero();
        UserChecks.rejectRateUnderFivePercent(soft, summary);
        notStuck(soft, summary);
        UserChecks.replayEqualsLive(soft, dir, journal, summary);
        soft.assertAll();
    }

    /**
     * "Stuck" is what the issue saw: a product whose position never leaves one non-zero value after the first
     * seconds (pinned at the limit while every further order is refused). Flat all along is not stuck (the reject
     * and order counts speak for that).
     */
    private static void notStuck(final SoftAssertions soft, final Summary summary)
    {
        final List<Map<String, BigDecimal>> lines = summary.statusPositions();
        soft.assertThat(lines.size()).as("status lines with positions\n%s", summary.text()).isGreaterThan(WARM_UP_LINES + 5);
        if (lines.size() <= WARM_UP_LINES)
        {
            return;
        }
        for (final String product : lines.get(lines.size() - 1).keySet())
        {
            final Set<BigDecimal> seen = new HashSet<>();
            for (final Map<String, BigDecimal> line : lines.subList(WARM_UP_LINES, lines.size()))
            {
                if (line.containsKey(product))
                {
                    seen.add(line.get(product).stripTrailingZeros());
                }
            }
            final boolean pinned = seen.size() == 1 && seen.iterator().next().signum() != 0;
            soft.assertThat(pinned).as("%s held at the one position %s in every status line after the first %d s",
                product, seen, WARM_UP_LINES).isFalse();
        }
    }
}
