package dev.peregrine.acceptance;

import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.Summary;
import dev.peregrine.acceptance.support.UserChecks;
import dev.peregrine.acceptance.support.Workspace;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The two perpetual demos of the README, as a user runs them: {@code demo --venue binance-usdm --products BTCUSDT}
 * and {@code demo --venue coinbase --products BTC-PERP-INTX}. Each trades the perpetual built-in strategy on its
 * venue's simulator, whose demo market settles funding every few seconds (INTX hourly and Binance every 8 h on the
 * real venues), so a 15-second run sees funding settled; the summary shows the
 * margin account and funding; the journal replays to the printed hashes.
 */
class PerpetualDemoTest
{
    /** The summary's perpetual line: "perpetual BTCUSDT: contracts ..., funding paid +0.0500 in 2 settlements". */
    private static final Pattern PERPETUAL = Pattern.compile("(?m)^perpetual (\\S+): contracts .*, funding paid [-+]?[0-9.,]+ in ([0-9]+) settlements?$");
    private static final Pattern MARGIN = Pattern.compile(
        "(?m)^margin account \\((\\S+)\\): collateral [0-9.,]+, equity [0-9.,]+, margin used [0-9.,]+, available [-0-9.,]+, " +
            "margin ratio [0-9.]+%, effective leverage [0-9.]+x$");

    @Test
    void theBinanceUsdmPerpetualDemoTradesSettlesFundingAndReplays()
    {
        demo("demo-binance-usdm", "binance-usdm", "BTCUSDT");
    }

    @Test
    void theCoinbaseIntxPerpetualDemoTradesSettlesFundingAndReplays()
    {
        demo("demo-coinbase-intx", "coinbase", "BTC-PERP-INTX");
    }

    private static void demo(final String name, final String venue, final String product)
    {
        final Path dir = Workspace.caseDir(name);
        final Path journal = dir.resolve("journal");
        final Peregrine.Result demo = Peregrine.run(dir, Map.of(), Duration.ofMinutes(2), "demo", "--venue", venue,
            "--products", product, "--duration", "15s", "--journal", journal.toString(),
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking");

        final Summary summary = new Summary(demo.output());
        final SoftAssertions soft = new SoftAssertions();
        soft.assertThat(demo.exitCode()).as("demo exit code\n%s", demo.describe()).isZero();
        soft.assertThat(summary.count("orders")).as("orders placed\n%s", summary.text()).hasValueSatisfying(
            orders -> soft.assertThat(orders).isPositive());
        soft.assertThat(summary.count("fills")).as("fills\n%s", summary.text()).hasValueSatisfying(
            fills -> soft.assertThat(fills).isPositive());
        UserChecks.rejectRateUnderFivePercent(soft, summary);
        final Matcher perpetual = PERPETUAL.matcher(summary.text());
        soft.assertThat(perpetual.find()).as("a perpetual line for %s in\n%s", product, summary.text()).isTrue();
        if (perpetual.find(0))
        {
            soft.assertThat(perpetual.group(1)).isEqualTo(product);
            soft.assertThat(Long.parseLong(perpetual.group(2))).as("funding settlements applied to %s", product).isPositive();
        }
        soft.assertThat(MARGIN.matcher(summary.text()).find()).as("the margin account line in\n%s", summary.text()).isTrue();
        soft.assertThat(summary.tradingState()).as("final trading state\n%s", summary.text()).contains("ACTIVE");
        UserChecks.replayEqualsLive(soft, dir, journal, summary);
        soft.assertAll();
    }
}
