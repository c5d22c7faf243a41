package dev.peregrine.ops;

import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.gateway.testing.TestJson;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code peregrine report --compare}: a demo run's journal against a copy of its events under the same
 * settings (no differences) and under a changed strategy parameter (every difference listed, and the
 * counts reconcile with both journals' decisions).
 */
class ReportCompareTest
{
    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final Object o)
    {
        return (Map<String, Object>)o;
    }

    private static long number(final Object o)
    {
        return ((BigDecimal)o).longValueExact();
    }

    private static Map<String, Object> compare(final Path journal, final Path other, final String name) throws IOException
    {
        final Path out = ReportFixtures.ROOT.resolve(name);
        ReportFixtures.delete(out);
        final ReportFixtures.Run run = ReportFixtures.cli("report", "--journal", journal.toString(), "--compare",
            other.toString(), "--out", out.toString());
        assertThat(run.exit()).as("stderr: %s", run.err()).isZero();
        final Map<String, Object> report = TestJson.object(Files.readString(out.resolve("report.json")));
        final Map<String, Object> comparison = map(report.get("comparison"));
        assertThat(run.out()).contains("compare with " + other + ": " + comparison.get("summary"));
        assertThat(Files.readString(out.resolve("report.html"))).contains("id=\"comparison-summary\"");
        return comparison;
    }

    @Test
    void theSameEventsUnderTheSameSettingsShowNoDifferences() throws IOException
    {
        final Path journal = ReportFixtures.demoJournal();
        final Path copy = ReportFixtures.copy(journal, ReportFixtures.ROOT.resolve("same-journal"), s -> s);
        final Map<String, Object> c = compare(journal, copy, "compare-same");
        assertThat(c.get("identical")).isEqualTo(true);
        assertThat((String)c.get("summary")).startsWith("no differences: ");
        assertThat(number(c.get("decisions"))).isPositive().isEqualTo(number(c.get("other_decisions")))
            .isEqualTo(number(c.get("matched")));
        assertThat(c.get("output_digest")).isEqualTo(c.get("other_output_digest"));
        assertThat(c.get("state_hash")).isEqualTo(c.get("other_state_hash"));
        assertThat((List<?>)c.get("differences")).isEmpty();
    }

    @Test
    void aChangedStrategyParameterListsEveryDifference() throws IOException
    {
        final Path journal = ReportFixtures.demoJournal();
        final Path other = ReportFixtures.copy(journal, ReportFixtures.ROOT.resolve("changed-journal"),
            s -> s.withStrategies(List.of(StrategySpec.parse("ma-crossover:name=quick,fast=4,slow=8,min-hold=0s", "quick"),
                s.strategies().get(1))));
        final Map<String, Object> c = compare(journal, other, "compare-changed");
        assertThat(c.get("identical")).isEqualTo(false);
        final long missing = number(c.get("missing"));
        final long extra = number(c.get("extra"));
        final long different = number(c.get("different"));
        final long matched = number(c.get("matched"));
        assertThat(missing + extra + different).isPositive();
        // Every decision of each journal is matched, different, or only on its side.
        assertThat(matched + different + missing).isEqualTo(number(c.get("decisions")));
        assertThat(matched + different + extra).isEqualTo(number(c.get("other_decisions")));
        assertThat(c.get("output_digest")).isNotEqualTo(c.get("other_output_digest"));

        final List<Map<String, Object>> differences = ((List<?>)c.get("differences")).stream().map(ReportCompareTest::map).toList();
        assertThat(differences).hasSize((int)(missing + extra + different));
        for (final Map<String, Object> d : differences)
        {
            switch ((String)d.get("kind"))
            {
                case "MISSING" -> assertThat(d.get("expected")).isNotNull().satisfies(x -> assertThat(d.get("actual")).isNull());
                case "EXTRA" -> assertThat(d.get("actual")).isNotNull().satisfies(x -> assertThat(d.get("expected")).isNull());
                case "DIFFERENT" -> assertThat((List<?>)d.get("fields")).isNotEmpty();
                default -> throw new AssertionError("unknown kind in " + d);
            }
        }
        assertThat((String)c.get("summary")).isEqualTo((missing + extra + different) + " differences in " +
            c.get("decisions") + " vs " + c.get("other_decisions") + " decisions: " + missing + " missing, " + extra +
            " extra, " + different + " different (" + matched + " match)");
    }

    /**
     * Issue 6's promise end to end: a live (demo) run over real sockets, then a backtest over its journal as
     * data (market data and clocks with their recorded times, the paper venue answering this run's orders),
     * then the live-versus-backtest report: decision by decision, no differences.
     */
    @Test
    void aLiveRunAndTheBacktestOfItsJournalReachTheSameDecisions() throws IOException
    {
        final Path live = ReportFixtures.ROOT.resolve("live-vs-backtest/live");
        final Path backtest = ReportFixtures.ROOT.resolve("live-vs-backtest/backtest");
        ReportFixtures.delete(live.getParent());
        final ReportFixtures.Run demo = ReportFixtures.cli("demo", "--duration", "4s", "--journal", live.toString(),
            "--strategy", "ma-crossover:name=x,fast=3,slow=8", "--metrics-port", "0", "--health-port", "0",
            "--wait-strategy", "blocking");
        assertThat(demo.exit()).as("stderr: %s", demo.err()).isZero();
        final ReportFixtures.Run run = ReportFixtures.cli("backtest", "--data", live.toString(), "--strategy",
            "ma-crossover:name=x,fast=3,slow=8", "--report", backtest.toString());
        assertThat(run.exit()).as("stderr: %s", run.err()).isZero();

        final Map<String, Object> c = compare(live, backtest.resolve("journal"), "live-vs-backtest/report");
        assertThat((String)c.get("summary")).startsWith("no differences: ");
        assertThat(number(c.get("decisions"))).as("the live run decided something").isPositive()
            .isEqualTo(number(c.get("matched")));
        assertThat((List<?>)c.get("differences")).isEmpty();
    }
}
