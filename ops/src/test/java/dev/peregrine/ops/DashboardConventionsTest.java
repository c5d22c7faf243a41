package dev.peregrine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The conventions every shipped Grafana dashboard keeps, read from the JSON files (what Grafana itself does with them
 * is checked against a real Prometheus in {@link RealPrometheusIntegrationTest}): the same variables and annotations
 * everywhere; a limit drawn as the panel's threshold (from the engine's limit metric where it exports one), never as a
 * second series; heatmaps of the latency buckets; stat panels over {@code increase(...[$__range])}, never a raw
 * counter that resets on restart; money in the quote currency's unit.
 */
class DashboardConventionsTest
{
    /** Panels that show a figure with a limit: the limit must be a threshold. Title to the limit metric it comes from (null: static). */
    private static final Map<String, String> LIMITED = new LinkedHashMap<>();
    /** Panels over money series whose figure is a ratio of two sums of money, not money. */
    private static final Set<String> RATIOS_OF_MONEY = Set.of("Fill ratio", "Slippage against the arrival mid");
    private static final Set<String> QUOTES = Set.of("USD", "USDT", "USDC", "EUR", "GBP");
    private static final Pattern COUNTER = Pattern.compile("(peregrine_\\w+_total)\\{");
    private static final Pattern MONEY = Pattern.compile("peregrine_(\\w*pnl|gross_exposure|drawdown|\\w*notional_total|strategy_fees_total|"
        + "funding_paid|margin_used|margin_available|mark_price|index_price|liquidation_price)\\{");

    static
    {
        LIMITED.put("Ring fill", null);
        LIMITED.put("Journal disk free", "peregrine_journal_disk_free_alert_threshold_ratio");
        LIMITED.put("Drawdown against its limit", "peregrine_risk_trailing_drawdown_limit");
        LIMITED.put("Daily loss against its limit", "peregrine_risk_daily_loss_limit");
        LIMITED.put("Gross exposure against its limit", "peregrine_risk_max_gross_exposure");
        LIMITED.put("Margin ratio against its limit", "peregrine_risk_max_margin_ratio");
        LIMITED.put("Reject ratio", null);
    }

    private final ObjectMapper json = new ObjectMapper();

    @Test
    void everyDashboardHasTheInstanceProductStrategyAndQuoteVariables() throws Exception
    {
        for (final Map.Entry<String, JsonNode> dashboard : dashboards().entrySet())
        {
            final Map<String, JsonNode> variables = new LinkedHashMap<>();
            dashboard.getValue().path("templating").path("list").forEach(v -> variables.put(v.path("name").asText(), v));
            assertThat(variables.keySet()).as(dashboard.getKey()).containsExactly("datasource", "instance", "product", "strategy", "quote");
            for (final String name : List.of("instance", "product", "strategy"))
            {
                final JsonNode variable = variables.get(name);
                assertThat(variable.path("query").path("query").asText()).as("%s: $%s", dashboard.getKey(), name)
                    .matches("label_values\\(\\w+(\\{instance=~\"\\$instance\"})?, " + name + "\\)");
                assertThat(variable.path("includeAll").asBoolean()).isTrue();
                assertThat(variable.path("allValue").asText()).as("'All' must match only series that carry the label").isEqualTo(".+");
            }
            final Set<String> quotes = new HashSet<>();
            variables.get("quote").path("options").forEach(o -> quotes.add(o.path("value").asText()));
            assertThat(quotes).as("%s: $quote options", dashboard.getKey()).isEqualTo(QUOTES);
        }
        // The product and strategy variables filter something on the dashboards where the series carry them.
        final String all = String.join("\n", allExpressions());
        assertThat(all).contains("product=~\"$product\"", "strategy=~\"$strategy\"");
    }

    @Test
    void everyDashboardAnnotatesStartsStopsTradingStateChangesAndFiringAlerts() throws Exception
    {
        for (final Map.Entry<String, JsonNode> dashboard : dashboards().entrySet())
        {
            final Map<String, String> annotations = new LinkedHashMap<>();
            dashboard.getValue().path("annotations").path("list").forEach(a -> annotations.put(a.path("name").asText(), a.path("expr").asText()));
            assertThat(annotations).as(dashboard.getKey())
                .containsKeys("Engine starts", "Engine stops", "Trading state changes", "Firing alerts");
            assertThat(annotations.get("Engine starts")).contains("process_start_time_seconds");
            assertThat(annotations.get("Engine stops")).contains("up{job=\"peregrine\"");
            assertThat(annotations.get("Trading state changes")).contains("changes(peregrine_trading_state");
            assertThat(annotations.get("Firing alerts")).startsWith("ALERTS{alertstate=\"firing\"");
        }
    }

    @Test
    void everyPanelWithALimitShowsItAsAThresholdTakenFromTheEnginesLimitMetric() throws Exception
    {
        final Map<String, JsonNode> panels = panelsByTitle();
        for (final Map.Entry<String, String> limited : LIMITED.entrySet())
        {
            final JsonNode panel = panels.get(limited.getKey());
            assertThat(panel).as("panel '%s'", limited.getKey()).isNotNull();
            final JsonNode defaults = panel.path("fieldConfig").path("defaults");
            assertThat(defaults.path("thresholds").path("steps").size()).as("%s: threshold steps", limited.getKey()).isGreaterThanOrEqualTo(1);
            assertThat(defaults.path("custom").path("thresholdsStyle").path("mode").asText()).as("%s: thresholds drawn", limited.getKey())
                .isIn("line", "area", "line+area", "dashed", "dashed+area");
            if (limited.getValue() == null)
            {
                assertThat(defaults.path("thresholds").path("steps").size()).as("%s: a static limit step", limited.getKey()).isGreaterThanOrEqualTo(2);
                continue;
            }
            // The limit's query feeds the threshold through "config from query results" and is not drawn itself.
            // Grafana's threshold1 pushes one step per mapped field and turns the first into the base: the limit query
            // (instant, table format: fields Time, base, Value) carries a 'base' label for the base step's colour.
            final JsonNode transformation = panel.path("transformations").path(0);
            assertThat(transformation.path("id").asText()).as("%s: transformation", limited.getKey()).isEqualTo("configFromData");
            assertThat(transformation.path("options").path("applyTo").path("id").asText()).isEqualTo("byFrameRefID");
            final String configRefId = transformation.path("options").path("configRefId").asText();
            final JsonNode mappings = transformation.path("options").path("mappings");
            assertThat(mappings.size()).as("%s: a base step and the limit's step", limited.getKey()).isEqualTo(2);
            assertThat(mappings.path(0).path("fieldName").asText()).isEqualTo("base");
            assertThat(mappings.path(1).path("fieldName").asText()).isEqualTo("Value");
            for (final JsonNode mapping : mappings)
            {
                assertThat(mapping.path("handlerKey").asText()).as("%s: the limit becomes a threshold", limited.getKey()).isEqualTo("threshold1");
            }
            assertThat(mappings.path(0).path("handlerArguments").path("threshold").path("color").asText())
                .as("%s: the base and the limit differ in colour", limited.getKey())
                .isNotEqualTo(mappings.path(1).path("handlerArguments").path("threshold").path("color").asText());
            boolean found = false;
            for (final JsonNode target : panel.path("targets"))
            {
                if (target.path("refId").asText().equals(configRefId))
                {
                    assertThat(target.path("expr").asText()).startsWith("label_replace(").contains(limited.getValue() + "{")
                        .endsWith(", \"base\", \"0\", \"\", \"\")");
                    assertThat(target.path("format").asText()).as("%s: one frame with fields Time, base, Value", limited.getKey()).isEqualTo("table");
                    assertThat(target.path("instant").asBoolean()).isTrue();
                    found = true;
                }
                else
                {
                    assertThat(target.path("expr").asText()).as("%s draws no limit series", limited.getKey()).doesNotContain(limited.getValue());
                }
            }
            assertThat(found).as("%s: a query with refId %s", limited.getKey(), configRefId).isTrue();
        }
    }

    @Test
    void latencyHistogramsHaveHeatmapsOverTheirBuckets() throws Exception
    {
        final List<JsonNode> heatmaps = new ArrayList<>();
        panelsByTitle().values().stream().filter(p -> "heatmap".equals(p.path("type").asText())).forEach(heatmaps::add);
        final Set<String> histograms = new HashSet<>();
        for (final JsonNode heatmap : heatmaps)
        {
            final JsonNode target = heatmap.path("targets").path(0);
            assertThat(target.path("format").asText()).as(heatmap.path("title").asText()).isEqualTo("heatmap");
            assertThat(target.path("legendFormat").asText()).isEqualTo("{{le}}");
            final Matcher m = Pattern.compile("sum by \\(le\\) \\(increase\\((\\w+_seconds)_bucket\\{[^}]*}\\[\\$__rate_interval]\\)\\)")
                .matcher(target.path("expr").asText());
            assertThat(m.matches()).as("%s: %s", heatmap.path("title"), target.path("expr")).isTrue();
            histograms.add(m.group(1));
            assertThat(heatmap.path("options").path("calculate").asBoolean(true)).as("buckets come from Prometheus, not recalculated").isFalse();
        }
        assertThat(histograms).contains("peregrine_tick_to_decision_seconds", "peregrine_tick_to_order_seconds",
            "peregrine_gateway_decode_seconds", "peregrine_gateway_exchange_lag_seconds");
    }

    @Test
    void statPanelsCountOverTheDashboardsRangeNotSinceTheLastRestart() throws Exception
    {
        for (final JsonNode panel : panelsByTitle().values())
        {
            if (!"stat".equals(panel.path("type").asText()))
            {
                continue;
            }
            for (final JsonNode target : panel.path("targets"))
            {
                final String expr = target.path("expr").asText();
                final Matcher counter = COUNTER.matcher(expr);
                while (counter.find())
                {
                    assertThat(expr).as("stat '%s' over counter %s", panel.path("title").asText(), counter.group(1))
                        .contains("increase(" + counter.group(1) + "{").contains("[$__range])");
                }
            }
        }
    }

    @Test
    void moneyIsShownInTheQuoteCurrencysUnit() throws Exception
    {
        int money = 0;
        for (final JsonNode panel : panelsByTitle().values())
        {
            final boolean isMoney = stream(panel.path("targets")).anyMatch(t -> MONEY.matcher(t.path("expr").asText()).find());
            if (!isMoney || RATIOS_OF_MONEY.contains(panel.path("title").asText()))
            {
                continue;
            }
            money++;
            final String title = panel.path("title").asText();
            assertThat(panel.path("fieldConfig").path("defaults").path("unit").asText()).as("%s: no fixed currency", title)
                .doesNotStartWith("currency");
            final Set<String> covered = new HashSet<>();
            for (final JsonNode override : panel.path("fieldConfig").path("overrides"))
            {
                final String pattern = override.path("matcher").path("options").asText();
                for (final String quote : QUOTES)
                {
                    if (pattern.equals("/" + quote + "\\)?$/"))
                    {
                        assertThat(override.path("properties").path(0).path("value").asText()).as("%s: unit for %s", title, quote)
                            .isIn("currency" + quote, "currency:" + quote);
                        covered.add(quote);
                    }
                }
            }
            assertThat(covered).as("%s: a unit override per quote currency", title).isEqualTo(QUOTES);
            // Every money series is named after a product (its quote currency ends the name) or after $quote.
            for (final JsonNode target : panel.path("targets"))
            {
                if (MONEY.matcher(target.path("expr").asText()).find())
                {
                    assertThat(target.path("legendFormat").asText()).as("%s / %s legend", title, target.path("refId"))
                        .containsAnyOf("{{product}}", "($quote)");
                }
            }
        }
        assertThat(money).isGreaterThanOrEqualTo(10);
    }

    private Map<String, JsonNode> dashboards() throws Exception
    {
        final Map<String, JsonNode> dashboards = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(ObservabilityFiles.dashboardsDir()))
        {
            for (final Path file : files.filter(p -> p.toString().endsWith(".json")).sorted().toList())
            {
                dashboards.put(file.getFileName().toString(), json.readTree(file.toFile()));
            }
        }
        assertThat(dashboards).hasSize(4);
        return dashboards;
    }

    /** Every panel of every dashboard (rows' nested panels too); titles are unique across the dashboards. */
    private Map<String, JsonNode> panelsByTitle() throws Exception
    {
        final Map<String, JsonNode> panels = new LinkedHashMap<>();
        for (final Map.Entry<String, JsonNode> dashboard : dashboards().entrySet())
        {
            final Set<Integer> ids = new HashSet<>();
            final List<JsonNode> all = new ArrayList<>();
            dashboard.getValue().path("panels").forEach(p ->
            {
                all.add(p);
                p.path("panels").forEach(all::add);
            });
            for (final JsonNode panel : all)
            {
                assertThat(ids.add(panel.path("id").asInt())).as("%s: panel id %s once", dashboard.getKey(), panel.path("id")).isTrue();
                panels.putIfAbsent(panel.path("title").asText(), panel);
            }
        }
        return panels;
    }

    private List<String> allExpressions() throws Exception
    {
        final List<String> expressions = new ArrayList<>();
        for (final JsonNode panel : panelsByTitle().values())
        {
            panel.path("targets").forEach(t -> expressions.add(t.path("expr").asText()));
        }
        return expressions;
    }

    private static Stream<JsonNode> stream(final JsonNode array)
    {
        final List<JsonNode> list = new ArrayList<>();
        array.forEach(list::add);
        return list.stream();
    }
}
