package dev.peregrine.ops;

import dev.peregrine.gateway.testing.TestJson;
import dev.peregrine.journal.statistics.EquityStatistics;
import dev.peregrine.ops.report.PeriodCloses;
import dev.peregrine.ops.report.Report;
import dev.peregrine.ops.report.ReportReplay;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The tearsheet over a real backtest: 60 days of hourly candles (a random walk written here) through
 * {@code backtest --report}, then report.json's tearsheet checked against what it must agree with: the
 * benchmark against the candles themselves, the daily returns against the total return, the deepest
 * drawdown against the statistics module's max drawdown, the per-strategy and per-product rows against the
 * totals, and the HTML against the JSON (the same figures, computed once). The strategy column's Sharpe and
 * drawdown are the headline's (one set of statistics), the benchmark's those of the same statistics class.
 */
class ReportTearsheetTest
{
    private static final Path DIR = ReportFixtures.ROOT.resolve("tearsheet");
    private static final int CANDLES = 60 * 24;
    private static double firstOpen;
    private static double lastClose;
    private static Map<String, Object> report;
    private static String html;

    @BeforeAll
    static void backtest() throws IOException
    {
        ReportFixtures.delete(DIR);
        Files.createDirectories(DIR);
        final StringBuilder csv = new StringBuilder("timestamp,open,high,low,close,volume\n");
        final java.util.Random random = new java.util.Random(18);
        double price = 30_000;
        firstOpen = price;
        final long start = 1_704_067_200L; // 2024-01-01T00:00Z
        for (int i = 0; i < CANDLES; i++)
        {
            final double open = price;
            price = price * Math.exp(random.nextGaussian() * 0.01 + 0.0002);
            final double high = Math.max(open, price) * 1.002;
            final double low = Math.min(open, price) * 0.998;
            csv.append(String.format(Locale.ROOT, "%d,%.2f,%.2f,%.2f,%.2f,%.3f%n", start + i * 3600L, open, high, low, price,
                20 + random.nextDouble() * 50));
            lastClose = Double.parseDouble(String.format(Locale.ROOT, "%.2f", price));
        }
        final Path data = DIR.resolve("BTC-USD-1h.csv");
        Files.writeString(data, csv);
        final ReportFixtures.Run run = ReportFixtures.cli("backtest", "--data", data.toString(), "--product", "BTC-USD",
            "--strategy", "trend-following:bar=1h", "--report", DIR.resolve("out").toString());
        assertThat(run.exit()).as("backtest: %s %s", run.out(), run.err()).isZero();
        report = TestJson.object(Files.readString(DIR.resolve("out").resolve("report.json")));
        html = Files.readString(DIR.resolve("out").resolve("report.html"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final Object o)
    {
        return (Map<String, Object>)o;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(final Object o)
    {
        return (List<Map<String, Object>>)o;
    }

    private static double number(final Object o)
    {
        return ((BigDecimal)o).doubleValue();
    }

    private static Map<String, Object> sheet()
    {
        return map(report.get("tearsheet"));
    }

    @Test
    void theHeaderNamesTheRunAndTheStrategyWithItsParameters()
    {
        assertThat(report.get("name")).isEqualTo("out");
        final Map<String, Object> strategy = list(report.get("strategy_parameters")).get(0);
        assertThat(strategy.get("type")).isEqualTo("trend-following");
        assertThat(map(strategy.get("parameters"))).containsEntry("bar", "1h");
        assertThat(html).contains("<h1>Peregrine report: out</h1>").contains("trend-following, bar=1h");
    }

    @Test
    void theBenchmarkIsBuyAndHoldOfTheCandles()
    {
        assertThat(list(map(sheet().get("benchmark")).get("products"))).asList().containsExactly("BTC-USD");
        final double expected = lastClose / firstOpen - 1;
        // the core's first mark is the first synthesized quote's mid around the first open: within a few ticks
        assertThat(number(map(sheet().get("buy_and_hold")).get("total_return"))).isCloseTo(expected, within(1e-3));
        final double total = number(map(report.get("statistics")).get("total_return"));
        assertThat(number(sheet().get("excess_return")))
            .isCloseTo(total - number(map(sheet().get("buy_and_hold")).get("total_return")), within(1e-8));
        assertThat(sheet().get("beta")).isNotNull();
        assertThat(sheet().get("alpha")).isNotNull();
        assertThat(list(sheet().get("benchmark_curve"))).isNotEmpty();
    }

    @Test
    void dailyReturnsCompoundToTheTotalReturnAndFeedTheDistribution()
    {
        assertThat(sheet().get("returns_period")).isEqualTo("1d");
        final List<Map<String, Object>> daily = list(sheet().get("daily"));
        assertThat(daily).hasSize(60);
        double growth = 1;
        for (final Map<String, Object> day : daily)
        {
            growth *= 1 + number(day.get("return"));
        }
        assertThat(growth - 1).isCloseTo(number(map(report.get("statistics")).get("total_return")), within(1e-6));
        assertThat(list(sheet().get("period_returns"))).hasSize(60);
        // returns on the fixed capital, as the headline Sharpe's: they add up to the total return (8-decimal JSON)
        final double added = list(sheet().get("period_returns")).stream().mapToDouble(r -> number(r.get("return"))).sum();
        assertThat(added).isCloseTo(number(map(report.get("statistics")).get("total_return")), within(1e-6));
        assertThat(number(sheet().get("periods_per_year"))).isEqualTo(365);
        final Map<String, Object> strategy = map(sheet().get("strategy"));
        assertThat(number(strategy.get("cvar_95"))).isGreaterThanOrEqualTo(number(strategy.get("var_95")));
        assertThat(strategy.get("skew")).isNotNull();
        assertThat(strategy.get("kurtosis")).isNotNull();
        final long counted = list(sheet().get("returns_histogram")).stream().mapToLong(b -> number(b.get("count")) > 0 ?
            (long)number(b.get("count")) : 0).sum();
        assertThat(counted).isEqualTo(60);
        // 30-day windows: the first 29 days have none
        final List<Map<String, Object>> returns = list(sheet().get("period_returns"));
        assertThat(returns.get(28).get("rolling_sharpe")).isNull();
        assertThat(returns.get(29).get("rolling_volatility")).isNotNull();
        assertThat(list(sheet().get("weekdays"))).hasSize(7);
        assertThat(list(sheet().get("monthly"))).extracting(m -> m.get("period")).containsExactly("2024-01", "2024-02"); // 60 days from January 1st of a leap year
        final double compounded = growth - 1;
        assertThat(list(sheet().get("yearly"))).singleElement().satisfies(y -> assertThat(number(y.get("return")))
            .isCloseTo(compounded, within(1e-6)));
    }

    @Test
    void theDeepestDrawdownIsTheStatisticsMaxDrawdown()
    {
        final List<Map<String, Object>> worst = list(sheet().get("worst_drawdowns"));
        assertThat(worst).isNotEmpty().hasSizeLessThanOrEqualTo(10);
        final Map<String, Object> statistics = map(report.get("statistics"));
        assertThat(number(worst.get(0).get("depth"))).isCloseTo(number(statistics.get("max_drawdown")), within(1e-9));
        assertThat(number(worst.get(0).get("depth_quote"))).isCloseTo(number(statistics.get("max_drawdown_quote")), within(1e-6));
        for (int i = 1; i < worst.size(); i++)
        {
            assertThat(number(worst.get(i).get("depth"))).isLessThanOrEqualTo(number(worst.get(i - 1).get("depth")));
        }
        final Object recovery = worst.get(0).get("recovery");
        assertThat(recovery == null).isEqualTo(!(Boolean)statistics.get("max_drawdown_recovered"));
    }

    @Test
    void strategyAndProductRowsAddUpAndTradesCarryTheirSignals()
    {
        final Map<String, Object> statistics = map(report.get("statistics"));
        final List<Map<String, Object>> strategies = list(sheet().get("by_strategy"));
        assertThat(strategies).extracting(s -> s.get("strategy")).containsExactly("trend-following");
        final List<Map<String, Object>> products = list(sheet().get("by_product"));
        assertThat(products).singleElement().satisfies(p -> {
            assertThat(number(p.get("trades"))).isEqualTo(number(statistics.get("trades")));
            assertThat(number(p.get("fees"))).isCloseTo(number(statistics.get("fees")), within(1e-6));
            assertThat(number(p.get("buy_and_hold_return"))).isCloseTo(lastClose / firstOpen - 1, within(1e-3));
        });
        assertThat(number(strategies.get(0).get("trades"))).isEqualTo(number(statistics.get("trades")));
        assertThat(sheet().get("sqn")).isNotNull();
        final long byEntry = list(sheet().get("by_entry_signal")).stream().mapToLong(s -> (long)number(s.get("trades"))).sum();
        final long byExit = list(sheet().get("by_exit_reason")).stream().mapToLong(s -> (long)number(s.get("trades"))).sum();
        assertThat(byEntry).isEqualTo(byExit).isEqualTo((long)number(statistics.get("trades")));
        assertThat(list(sheet().get("by_entry_signal"))).extracting(s -> s.get("entry_signal"))
            .as("the strategy names its signals").doesNotContain("none");
    }

    @Test
    void aJournalWithoutEventsGivesATearsheetOfNothingRatherThanAnError() throws IOException
    {
        final Path demo = ReportFixtures.demoJournal();
        final Path empty = DIR.resolve("empty-journal");
        ReportFixtures.delete(empty);
        try (dev.peregrine.journal.JournalReader reader = dev.peregrine.journal.JournalReader.open(demo);
             dev.peregrine.journal.JournalWriter ignored = dev.peregrine.journal.JournalWriter.open(empty,
                 dev.peregrine.journal.Replay.settingsOf(demo, reader.header())))
        {
            // the header only
        }
        final Path out = DIR.resolve("empty-report");
        final ReportFixtures.Run run = ReportFixtures.cli("report", "--journal", empty.toString(), "--out", out.toString());
        assertThat(run.exit()).as("stderr: %s", run.err()).isZero();
        final Map<String, Object> json = TestJson.object(Files.readString(out.resolve("report.json")));
        final Map<String, Object> tearsheet = map(json.get("tearsheet"));
        assertThat(list(tearsheet.get("period_returns"))).isEmpty();
        assertThat(tearsheet.get("beta")).isNull();
        assertThat(list(tearsheet.get("worst_drawdowns"))).isEmpty();
        assertThat(Files.readString(out.resolve("report.html"))).contains("no returns").contains("no drawdown");
    }

    @Test
    void theHtmlShowsTheSameFiguresAsTheJson()
    {
        final String excess = String.format(Locale.ROOT, "%.2f%%", number(sheet().get("excess_return")) * 100);
        assertThat(html).contains("data-stat=\"excess_return\"").contains(">" + excess + "<")
            .contains("id=\"benchmark-comparison\"").contains("id=\"by-strategy\"").contains("id=\"by-product\"")
            .contains("id=\"by-entry-signal\"").contains("id=\"by-exit-reason\"").contains("id=\"worst-drawdowns\"")
            .contains("id=\"rolling-sharpe-chart\"").contains("id=\"rolling-volatility-chart\"")
            .contains("id=\"returns-histogram\"").contains("id=\"weekdays\"").contains("id=\"yearly-returns\"")
            .contains("class=\"benchmark\"").contains("id=\"best-worst-day\"");
        final String beta = String.format(Locale.ROOT, "%.2f", number(sheet().get("beta")));
        assertThat(html).contains("data-stat=\"beta\"").contains(">" + beta + "<");
        assertThat(map(report.get("definitions"))).containsKeys("alpha", "beta", "var_95", "cvar_95", "skew", "kurtosis",
            "recovery_factor", "sqn", "worst_drawdowns", "rolling_sharpe");
    }

    @Test
    void theStrategyColumnIsTheHeadlineStatisticsNotASecondComputation()
    {
        final Map<String, Object> statistics = map(report.get("statistics"));
        final Map<String, Object> strategy = map(sheet().get("strategy"));
        for (final String figure : List.of("sharpe", "sortino", "cagr", "max_drawdown", "max_drawdown_quote", "total_return"))
        {
            assertThat(strategy.get(figure)).as(figure).isNotNull().isEqualTo(statistics.get(figure));
        }
        assertThat(sheet().get("returns_period")).isEqualTo(statistics.get("returns_period"));
        assertThat(map(report.get("definitions"))).doesNotContainKey("tearsheet_sharpe").containsKeys("sharpe", "period_returns");
    }

    @Test
    void theBenchmarkSharpeIsTheStatisticsClassFedTheBenchmarkSeries()
    {
        // the same journal replayed here; the buy-and-hold equity of the one product at each hour's close,
        // worked out by this test from the marks and fed to an EquityStatistics of its own
        final Report replayed = ReportReplay.run(DIR.resolve("out").resolve("journal"), EquityStatistics.DEFAULT_CAPITAL);
        final PeriodCloses closes = replayed.closes();
        final double capital = EquityStatistics.DEFAULT_CAPITAL;
        final long first = replayed.curve().firstNanos();
        final long last = replayed.curve().lastNanos();
        final EquityStatistics byTest = new EquityStatistics(capital);
        byTest.observe(first, 0);
        for (int i = 0; i < closes.hours(); i++)
        {
            final double equity = capital * (closes.mark(0, i) / closes.firstMark(0));
            byTest.observe(Math.min(closes.hourStartNanos(i) + PeriodCloses.HOUR_NANOS - 1, last), equity - capital);
        }
        byTest.finish();
        assertThat(byTest.sharpe().available()).isTrue();
        final Map<String, Object> buyAndHold = map(sheet().get("buy_and_hold"));
        assertThat(number(buyAndHold.get("sharpe"))).isCloseTo(byTest.sharpe().value(), within(1e-8));
        assertThat(number(buyAndHold.get("sortino"))).isCloseTo(byTest.sortino().value(), within(1e-8));
        assertThat(number(buyAndHold.get("max_drawdown"))).isCloseTo(byTest.maxDrawdown(), within(1e-8));
        assertThat(number(buyAndHold.get("total_return"))).isCloseTo(byTest.totalReturn(), within(1e-8));
        assertThat(replayed.tearsheet().buyAndHold.statistics().sharpe().value()).isCloseTo(byTest.sharpe().value(), within(1e-12));
    }

    @Test
    void theHtmlShowsTheStrategySharpeAndDrawdownAsTheHeadlineDoesWithOneDefinition()
    {
        final Matcher headline = Pattern.compile("data-stat=\"sharpe\" title=\"([^\"]*)\"><div class=\"label\">Sharpe</div>" +
            "<div class=\"value\">([^<]*)</div>").matcher(html);
        assertThat(headline.find()).as("the headline Sharpe tile").isTrue();
        final Matcher row = Pattern.compile("<tr title=\"([^\"]*)\"><td>Sharpe</td><td>([^<]*)</td>").matcher(html);
        assertThat(row.find()).as("the comparison's Sharpe row").isTrue();
        assertThat(row.group(2)).isEqualTo(headline.group(2))
            .isEqualTo(String.format(Locale.ROOT, "%.2f", number(map(report.get("statistics")).get("sharpe"))));
        assertThat(row.group(1)).as("one definition of Sharpe").isEqualTo(headline.group(1));
        assertThat(row.find()).as("one Sharpe row").isFalse();

        final Matcher drawdown = Pattern.compile("data-stat=\"max_drawdown\" title=\"[^\"]*\"><div class=\"label\">" +
            "Max drawdown</div><div class=\"value\">([^<]*)</div>").matcher(html);
        assertThat(drawdown.find()).isTrue();
        assertThat(html).contains("<td>max drawdown (buy and hold: over hourly closes)</td><td>" + drawdown.group(1) + "</td>")
            .doesNotContain("tearsheet_sharpe").doesNotContain("period closes)");
    }
}
