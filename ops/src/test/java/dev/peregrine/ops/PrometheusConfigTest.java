package dev.peregrine.ops;

import dev.peregrine.core.testing.ExternalResources;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped Prometheus configuration and alert rules, checked by the real {@code promtool}: the rules
 * parse, every rule's unit test passes, and the configuration (with the rules it loads) is valid. Skipped
 * without promtool, failed under CI ({@code PEREGRINE_REQUIRE_EXTERNAL=true}).
 */
class PrometheusConfigTest
{
    private static final Pattern ALERT = Pattern.compile("(?m)^\\s*-\\s*alert:\\s*(\\w+)\\s*$");
    private static final Pattern TESTED = Pattern.compile("(?m)^\\s*alertname:\\s*(\\w+)\\s*$");

    @Test
    void promtoolAcceptsTheAlertRules() throws Exception
    {
        final String output = promtool("check", "rules", ObservabilityFiles.prometheusDir().resolve("alerts.yml"));
        assertThat(output).contains("SUCCESS: " + alertNames().size() + " rules found");
    }

    @Test
    void everyAlertRulePassesItsUnitTests() throws Exception
    {
        final String output = promtool("test", "rules", ObservabilityFiles.prometheusDir().resolve("alerts_test.yml"));
        assertThat(output).contains("SUCCESS");
    }

    @Test
    void promtoolAcceptsTheConfiguration() throws Exception
    {
        final String output = promtool("check", "config", ObservabilityFiles.prometheusDir().resolve("prometheus.yml"));
        assertThat(output).contains("is valid prometheus config file syntax", "1 rule files found");
    }

    /** Every rule has a case in which it fires and one in which it does not (the file's own promise). */
    @Test
    void everyRuleHasAFiringAndAQuietCase() throws Exception
    {
        final Set<String> rules = alertNames();
        assertThat(rules).hasSizeGreaterThanOrEqualTo(15)
            .contains("PeregrineHeapNearMax", "PeregrineMemoryGrowth", "PeregrineHighCpu", "PeregrineFeedStale",
                "PeregrineSequenceGaps", "PeregrineRingNearFull", "PeregrineStageFailed", "PeregrineCoreStalled",
                "PeregrineJournalStalled", "PeregrineOrderErrorRate", "PeregrineDrawdownNearLimit", "PeregrineCircuitOpen",
                "PeregrineTradingHalted", "PeregrineJournalDiskLow");
        final String tests = Files.readString(ObservabilityFiles.prometheusDir().resolve("alerts_test.yml"));
        final Set<String> firing = new TreeSet<>();
        final Set<String> quiet = new TreeSet<>();
        // Each alert_rule_test entry: "alertname: X" then "exp_alerts: []" (quiet) or "exp_alerts:" plus a list.
        final Matcher m = TESTED.matcher(tests);
        while (m.find())
        {
            final String after = tests.substring(m.end()).stripLeading();
            (after.startsWith("exp_alerts: []") ? quiet : firing).add(m.group(1));
        }
        assertThat(firing).as("rules with a case that fires them").containsAll(rules);
        assertThat(quiet).as("rules with a case that does not fire them").containsAll(rules);
        // Each rule's block (up to the next rule) has a for: clause, a severity label and both annotations.
        final String[] blocks = Files.readString(ObservabilityFiles.prometheusDir().resolve("alerts.yml")).split("- alert: ");
        assertThat(blocks).hasSize(rules.size() + 1);
        for (int i = 1; i < blocks.length; i++)
        {
            final String name = blocks[i].substring(0, blocks[i].indexOf('\n')).trim();
            assertThat(blocks[i]).as(name).containsPattern("\\n\\s+for: \\d+[smh]\\n")
                .containsPattern("severity: (critical|warning)").contains("summary: ", "description: ");
        }
    }

    private static Set<String> alertNames() throws Exception
    {
        final Matcher m = ALERT.matcher(Files.readString(ObservabilityFiles.prometheusDir().resolve("alerts.yml")));
        final Set<String> names = new TreeSet<>();
        while (m.find())
        {
            assertThat(names.add(m.group(1))).as("alert %s defined once", m.group(1)).isTrue();
        }
        return names;
    }

    /** Runs the real promtool and returns its output; the exit code must be 0. */
    static String promtool(final String... argsThenFile) throws Exception
    {
        final Path promtool = Promtool.find();
        ExternalResources.present(promtool != null, "promtool (Debian package 'prometheus')");
        final List<String> command = new ArrayList<>();
        command.add(promtool.toString());
        for (int i = 0; i < argsThenFile.length - 1; i++)
        {
            command.add(argsThenFile[i]);
        }
        command.add(argsThenFile[argsThenFile.length - 1]);
        return run(command);
    }

    static String promtool(final String first, final String second, final Path file) throws Exception
    {
        return promtool(first, second, file.toString());
    }

    private static String run(final List<String> command) throws Exception
    {
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        final String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("%s finished", command).isTrue();
        assertThat(process.exitValue()).as("%s said:%n%s", command, output).isZero();
        return output;
    }
}
