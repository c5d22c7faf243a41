package dev.peregrine.ops.http.ui;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page names the alerts it judges by itself as {@code ops/prometheus/alerts.yml} names them, so each must
 * mean what the rule means: same name, same severity, same threshold. (The ring rule once fired at 80 % full in
 * Prometheus and at 90 % on the page; the loss rules at 80 % of the limit there and at the limit here.)
 */
class AlertsFiringMatchesTheRulesTest
{
    @Test
    void everyAlertThePageJudgesIsARuleWithTheSameSeverityAndThreshold() throws Exception
    {
        final Map<String, Map<String, Object>> rules = rules();

        assertThat(AlertsFiring.SEVERITIES).isNotEmpty();
        AlertsFiring.SEVERITIES.forEach((name, severity) ->
        {
            assertThat(rules).as("alerts.yml has the rule %s", name).containsKey(name);
            @SuppressWarnings("unchecked")
            final Map<String, Object> labels = (Map<String, Object>)rules.get(name).get("labels");
            assertThat(labels.get("severity")).as("%s's severity", name).isEqualTo(severity);
        });
        assertThat(expression(rules, "PeregrineRingNearFull")).as("the ring rule's threshold")
            .endsWith("< " + AlertsFiring.RING_FREE_MIN);
        assertThat(expression(rules, "PeregrineDailyLossNearLimit")).as("the daily loss rule's share of the limit")
            .contains("-peregrine_day_pnl{job=\"peregrine\"} > " + AlertsFiring.NEAR_LIMIT + " * peregrine_risk_daily_loss_limit");
        assertThat(expression(rules, "PeregrineDrawdownNearLimit")).as("the drawdown rule's share of the limit")
            .contains("peregrine_drawdown{job=\"peregrine\"} > " + AlertsFiring.NEAR_LIMIT + " * peregrine_risk_trailing_drawdown_limit");
    }

    private static String expression(final Map<String, Map<String, Object>> rules, final String name)
    {
        return String.valueOf(rules.get(name).get("expr")).strip().replaceAll("\\s+", " ");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> rules() throws Exception
    {
        // ops/prometheus holds the rules Prometheus loads (Surefire runs in the ops folder; the build sets peregrine.root).
        final String repository = System.getProperty("peregrine.root");
        final Path ops = repository == null || repository.isEmpty() ? Path.of("") : Path.of(repository, "ops");
        final Path file = ops.resolve("prometheus").resolve("alerts.yml");
        final Map<String, Object> root = new Yaml().load(Files.readString(file));
        final Map<String, Map<String, Object>> rules = new HashMap<>();
        for (final Map<String, Object> group : (List<Map<String, Object>>)root.get("groups"))
        {
            for (final Map<String, Object> rule : (List<Map<String, Object>>)group.get("rules"))
            {
                rules.put((String)rule.get("alert"), rule);
            }
        }
        return rules;
    }
}
