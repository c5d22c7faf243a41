package dev.peregrine.acceptance;

import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.Summary;
import dev.peregrine.acceptance.support.UserChecks;
import dev.peregrine.acceptance.support.Workspace;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A newcomer's first contact: {@code ./peregrine demo} with its defaults, and again at
 * {@code --trades-per-second 500}. The default strategy trades without piling up rejects, no product sits at its
 * position limit from the first seconds on, and the journal replays to the printed hashes.
 */
class DemoTest
{
    /** Status lines at the start that are left out of the "position moves" check: the first orders are still in flight. */
    private static final int WARM_UP_LINES = 3;
    /** The demo's documented defaults: one order is 1000 in quote currency, the position limit four orders. */
    private static final BigDecimal ORDER_NOTIONAL = new BigDecimal("1000");
    private static final int MAX_POSITION_ORDERS = 4;

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
        // The orders are the default strategy's, by its name, in the PnL per strategy.
        soft.assertThat(summary.strategyOrders("ma-crossover")).as("ma-crossover's orders in\n%s", summary.text())
            .isPresent().isEqualTo(summary.count("orders"));
        UserChecks.replayEqualsLive(soft, dir, journal, summary);
        soft.assertAll();
    }

    /**
     * "Stuck" is what the issue saw: a product held at its maximum position from the first seconds on, while every
     * further order is refused. The demo's limit is documented as four orders ({@code --order-notional}, default 1000 in
     * quote currency; max position 4x), so at the final position's average price it is 4 x 1000 / price. A product
     * whose position is at 95 % of that or more in every status line after the warm-up is stuck.
     */
    private static void notStuck(final SoftAssertions soft, final Summary summary)
    {
        final List<Map<String, BigDecimal>> lines = summary.statusPositions();
        soft.assertThat(lines.size()).as("status lines with positions\n%s", summary.text()).isGreaterThan(WARM_UP_LINES + 5);
        if (lines.size() <= WARM_UP_LINES)
        {
            return;
        }
        for (final Map.Entry<String, BigDecimal> product : summary.averagePrices().entrySet())
        {
            if (product.getValue().signum() <= 0)
            {
                continue;
            }
            final BigDecimal maxPosition = ORDER_NOTIONAL.multiply(BigDecimal.valueOf(MAX_POSITION_ORDERS))
                .divide(product.getValue(), 8, RoundingMode.HALF_UP);
            final BigDecimal nearMax = maxPosition.multiply(new BigDecimal("0.95"));
            final List<BigDecimal> after = new ArrayList<>();
            for (final Map<String, BigDecimal> line : lines.subList(WARM_UP_LINES, lines.size()))
            {
                after.add(line.getOrDefault(product.getKey(), BigDecimal.ZERO).abs());
            }
            soft.assertThat(after.stream().allMatch(position -> position.compareTo(nearMax) >= 0))
                .as("%s at its maximum position (%s) in every status line after the first %d s: %s", product.getKey(),
                    maxPosition, WARM_UP_LINES, after).isFalse();
        }
    }
}
