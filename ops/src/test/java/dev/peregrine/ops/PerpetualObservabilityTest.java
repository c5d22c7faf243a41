package dev.peregrine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A perpetual demo ({@code --venue binance-usdm --products BTCUSDT}) seen by an operator while it runs: {@code /metrics}
 * has the marks, mark updates and the mark-lag histogram, the position on the mark, funding and the margin account,
 * including every series the risk dashboard's perpetual row plots, and passes {@code promtool check metrics};
 * {@code /admin/positions} shows the perpetual position and the margin account.
 */
class PerpetualObservabilityTest
{
    private static final Pattern METRICS_URL = Pattern.compile("metrics: (\\S+)");
    /** A metric name in a dashboard query. */
    private static final Pattern METRIC = Pattern.compile("peregrine_[a-z_]+");
    private static final String SETTLEMENTS = "peregrine_funding_settlements_total";

    @TempDir
    Path temp;

    @Test
    void aPerpetualDemoExportsMarksFundingAndMarginAndShowsThemOnAdmin() throws Exception
    {
        final BackgroundDemo demo = new BackgroundDemo("--venue", "binance-usdm", "--products", "BTCUSDT", "--duration", "15s",
            "--journal", temp.resolve("journal").toString(), "--metrics-port", "0", "--health-port", "0",
            "--wait-strategy", "blocking");
        final Matcher url = METRICS_URL.matcher(demo.out.await(l -> l.startsWith("metrics: "), 60).orElseThrow());
        assertThat(url.find()).isTrue();
        // A funding settlement, so that every perpetual series has moved at least once (and a fill before it).
        final HttpResponse<String> scrape = TestHttp.await(url.group(1),
            r -> r.body().contains(SETTLEMENTS) && value(r.body(), SETTLEMENTS) >= 1);
        final String body = scrape.body();
        assertThat(body).contains("peregrine_mark_price{product=\"BTCUSDT\"}", "peregrine_index_price{product=\"BTCUSDT\"}",
            "peregrine_funding_rate{product=\"BTCUSDT\"}", "peregrine_mark_updates_total{product=\"BTCUSDT\"}",
            "peregrine_mark_lag_seconds_bucket{product=\"BTCUSDT\"", "peregrine_margin_ratio ", "peregrine_effective_leverage ",
            "peregrine_liquidation_price{product=\"BTCUSDT\"}", "peregrine_funding_paid{product=\"BTCUSDT\"}",
            "peregrine_risk_max_margin_ratio ");
        assertThat(value(body, "peregrine_risk_max_margin_ratio")).as("no margin ratio limit configured").isZero();
        assertThat(value(body, "peregrine_mark_updates_total{product=\"BTCUSDT\"}")).isPositive();
        assertThat(value(body, "peregrine_mark_price{product=\"BTCUSDT\"}")).isPositive();
        // Every series the dashboard's perpetual row plots is in the scrape (the spot Prometheus test cannot tell).
        assertThat(names(body)).containsAll(perpetualRowMetrics());
        DemoEndToEndTest.checkWithPromtool(body);

        final JsonNode positions = new ObjectMapper().readTree(demo.admin("GET", "positions").body());
        final JsonNode btc = positions.path("positions").get(0).path("perpetual");
        assertThat(btc.path("markPrice").asDouble()).isPositive();
        assertThat(btc.has("liquidationPrice")).isTrue();
        assertThat(positions.path("marginAccount").path("marginBalance").asDouble()).isPositive();
        demo.awaitCleanExit();
    }

    private static double value(final String body, final String series)
    {
        for (final String line : body.split("\n"))
        {
            if (line.startsWith(series + " "))
            {
                return Double.parseDouble(line.substring(series.length() + 1).trim());
            }
        }
        throw new AssertionError("no " + series + " in\n" + body);
    }

    /** Metric family names of a scrape, histogram and counter suffixes taken off. */
    private static Set<String> names(final String body)
    {
        final Set<String> names = new TreeSet<>();
        for (final String line : body.split("\n"))
        {
            final Matcher m = METRIC.matcher(line);
            if (!line.startsWith("#") && m.lookingAt())
            {
                names.add(m.group().replaceAll("_(bucket|count|sum)$", ""));
            }
        }
        return names;
    }

    /** The metric names in the queries of the risk dashboard's perpetual row. */
    private static Set<String> perpetualRowMetrics() throws Exception
    {
        final JsonNode dashboard = new ObjectMapper().readTree(ObservabilityFiles.dashboardsDir()
            .resolve("peregrine-risk.json").toFile());
        final Set<String> names = new TreeSet<>();
        for (final JsonNode panel : dashboard.path("panels"))
        {
            if (panel.path("title").asText().startsWith("Perpetuals"))
            {
                for (final JsonNode nested : panel.path("panels"))
                {
                    for (final JsonNode target : nested.path("targets"))
                    {
                        final Matcher m = METRIC.matcher(target.path("expr").asText());
                        while (m.find())
                        {
                            names.add(m.group().replaceAll("_(bucket|count|sum)$", ""));
                        }
                    }
                }
            }
        }
        assertThat(names).as("the perpetual row's metrics").hasSizeGreaterThan(10);
        return names;
    }
}
