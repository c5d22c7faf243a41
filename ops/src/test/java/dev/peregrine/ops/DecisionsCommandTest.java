package dev.peregrine.ops;

import dev.peregrine.gateway.testing.TestJson;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two strategies in one demo engine over real sockets, then {@code decisions} over its journal: every
 * order the engine sent has a decision record naming its strategy and signal, the recorded decisions
 * equal those a replay regenerates, and the filters and bad arguments behave.
 */
class DecisionsCommandTest
{
    @TempDir
    static Path temp;

    private static Path journal;
    private static Map<String, Object> summary;

    @BeforeAll
    static void runTwoStrategies() throws Exception
    {
        journal = temp.resolve("journal");
        final Path summaryFile = temp.resolve("summary.json");
        final CliRun demo = new CliRun("demo", "--duration", "4s", "--trades-per-second", "200",
            "--strategy", "ma-crossover:name=quick,fast=3,slow=8",
            "--strategy", "ma-crossover:name=patient,fast=5,slow=20,order=limit",
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking",
            "--journal", journal.toString(), "--summary-json", summaryFile.toString());
        assertThat(demo.exit).as("stderr: %s; stdout: %s", demo.err.lines(), demo.out.lines()).isZero();
        summary = TestJson.object(Files.readString(summaryFile));
    }

    private static List<Map<String, Object>> decisions(final String... extra)
    {
        final List<String> args = new ArrayList<>(List.of("decisions", "--journal", journal.toString(), "--json"));
        args.addAll(List.of(extra));
        final CliRun run = new CliRun(args.toArray(new String[0]));
        assertThat(run.exit).as("stderr: %s", run.err.lines()).isZero();
        final List<Map<String, Object>> records = new ArrayList<>();
        for (final String line : run.out.lines())
        {
            records.add(TestJson.object(line));
        }
        return records;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(final Object o)
    {
        return (Map<String, Object>)o;
    }

    @Test
    void everySentOrderHasItsDecisionWithStrategyAndSignal()
    {
        final List<Map<String, Object>> all = decisions();
        final Map<String, Object> engine = map(summary.get("engine"));
        final long orders = ((BigDecimal)engine.get("orders")).longValueExact();
        assertThat(orders).as("the run must trade for this test to mean anything").isPositive();
        assertThat(((BigDecimal)engine.get("decisions_journaled")).longValueExact()).isEqualTo(all.size());

        final long accepted = all.stream().filter(d -> Boolean.TRUE.equals(map(d.get("risk")).get("accepted"))).count();
        assertThat(accepted).as("one accepted decision per order sent").isEqualTo(orders);
        final Set<Object> ids = new HashSet<>();
        for (final Map<String, Object> d : all)
        {
            assertThat(ids.add(d.get("orderId"))).as("order ids are unique: %s", d).isTrue();
            assertThat(d.get("strategy")).isIn("quick", "patient", "engine");
            assertThat(((BigDecimal)d.get("strategyId")).intValue())
                .isEqualTo(d.get("strategy").equals("quick") ? 1 : d.get("strategy").equals("patient") ? 2 : 0);
            if (!d.get("strategy").equals("engine"))
            {
                assertThat(d.get("signal")).isIn("sma-cross-up", "sma-cross-down");
                assertThat(map(d.get("values")).keySet()).containsExactly("sma_fast", "sma_slow", "last_price");
            }
            if (d.get("strategy").equals("patient"))
            {
                assertThat(d.get("type")).isEqualTo("LIMIT");
            }
        }
        assertThat(all).extracting(d -> d.get("strategy")).contains("quick", "patient");
        assertThat(map(((List<?>)summary.get("strategies")).get(1)).get("name")).isEqualTo("patient");
    }

    @Test
    void theDecisionJournalEqualsWhatAReplayRegenerates()
    {
        final CliRun recorded = new CliRun("decisions", "--journal", journal.toString(), "--json");
        final CliRun replayed = new CliRun("decisions", "--journal", journal.toString(), "--json", "--replay");
        assertThat(recorded.exit).isZero();
        assertThat(replayed.exit).isZero();
        assertThat(recorded.out.lines()).isNotEmpty().isEqualTo(replayed.out.lines());
    }

    @Test
    void filtersByStrategyOrderAndLimit()
    {
        final List<Map<String, Object>> patient = decisions("--strategy", "patient");
        assertThat(patient).isNotEmpty().allSatisfy(d -> assertThat(d.get("strategy")).isEqualTo("patient"));
        final Object firstId = patient.stream().filter(d -> Boolean.TRUE.equals(map(d.get("risk")).get("accepted")))
            .findFirst().orElseThrow().get("orderId");
        final List<Map<String, Object>> one = decisions("--order", firstId.toString());
        assertThat(one).hasSize(1);
        assertThat(one.get(0).get("orderId")).isEqualTo(firstId);
        assertThat(decisions("--limit", "2")).hasSize(2);

        final CliRun text = new CliRun("decisions", "--journal", journal.toString(), "--order", firstId.toString());
        assertThat(text.exit).isZero();
        assertThat(text.out.lines().get(0)).startsWith("#" + firstId + " ").contains(" patient ")
            .contains("| signal sma-cross-").contains("| risk passed 12/12 checks");
        assertThat(text.out.lines().get(1)).isEqualTo("1 decision listed of " + decisions().size() + " read from " + journal);
    }

    @Test
    void aRejectedDecisionNamesItsReasonAndTheChecksItPassed()
    {
        final List<Map<String, Object>> rejected = decisions("--rejected");
        assertThat(rejected).allSatisfy(d ->
        {
            final Map<String, Object> risk = map(d.get("risk"));
            assertThat(risk.get("accepted")).isEqualTo(false);
            assertThat(risk.get("rejectReason")).isNotNull();
        });
        assertThat(rejected.size() + (long)decisions().stream()
            .filter(d -> Boolean.TRUE.equals(map(d.get("risk")).get("accepted"))).count()).isEqualTo(decisions().size());
    }

    @Test
    void badArgumentsAreUsageErrors()
    {
        final CliRun unknown = new CliRun("decisions", "--journal", journal.toString(), "--strategy", "nobody");
        assertThat(unknown.exit).isEqualTo(2);
        assertThat(unknown.err.lines()).containsExactly(
            "peregrine: --strategy 'nobody' is not a strategy of this journal (engine, quick, patient)");
        final CliRun missing = new CliRun("decisions", "--journal", temp.resolve("nowhere").toString());
        assertThat(missing.exit).isEqualTo(2);
        assertThat(missing.err.lines().get(0)).contains("does not exist");
        assertThat(new CliRun("decisions", "--journal", journal.toString(), "--limit", "0").exit).isEqualTo(2);
    }

    @Test
    void aDemoWithBadStrategiesListsEveryProblemAndStartsNothing()
    {
        final Path never = temp.resolve("never");
        final CliRun run = new CliRun("demo", "--journal", never.toString(), "--metrics-port", "0", "--health-port", "0",
            "--strategy", "ma-crossover:fast=x,speed=2", "--strategy", "martingale");
        assertThat(run.exit).isEqualTo(2);
        assertThat(String.join("\n", run.err.lines()))
            .contains("strategy configuration has 3 problems")
            .contains("strategy 'ma-crossover' (ma-crossover): parameter 'fast' = 'x': expected an integer")
            .contains("unknown parameter 'speed'")
            .contains("strategy 'martingale': unknown type 'martingale'");
        assertThat(never).doesNotExist();
    }
}
