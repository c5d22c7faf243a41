package dev.peregrine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.cluster.ClusterMembers;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.ops.assembly.ClusterMember;
import dev.peregrine.ops.assembly.EngineOptions;
import dev.peregrine.ops.config.ClusterConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Three cluster members in one JVM, as {@code run} assembles them ({@link ClusterMember}), in paper mode on a
 * generated simulated market, over real loopback UDP and HTTP: {@code /health} shows one LEADER and two FOLLOWERs that
 * agree on the term and, once the market stops, on the state hash; an operator's command given to a follower's admin
 * API is applied by every member at the same log position; {@code /metrics}, parsed, carries the cluster's series.
 */
class ThreeMemberClusterTest
{
    /** This class's ports (the lead's cluster tests use 29100-29390, the bench 29700 and above). */
    private static final int PORT_BASE = 29_400;
    private static final String TOKEN = "3c1e5a7b9d2f4068a1c3e5b7d9f20486";
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    private final List<ClusterMember> members = new ArrayList<>();
    private ScratchAeronDirs aeron;

    @BeforeEach
    void scratch()
    {
        aeron = new ScratchAeronDirs(temp);
    }

    @AfterEach
    void closeMembers() throws Exception
    {
        // A member left running would hold its ports and its media driver for the next test.
        members.forEach(ClusterMember::close);
        aeron.delete();
    }

    @Test
    void oneLeaderTwoFollowersEqualStateHashesAndTheClusterSeries() throws Exception
    {
        final ClusterConfig cluster = new ClusterConfig(new ClusterMembers(Collections.nCopies(3, "127.0.0.1"), PORT_BASE),
            0, temp.resolve("cluster"), aeron.prefix("three"), Duration.ofSeconds(2), Duration.ofSeconds(1), Duration.ofMinutes(5),
            List.of());
        for (int id = 0; id < 3; id++)
        {
            final int member = id;
            members.add(ClusterMember.start(options(id), cluster.asMember(id), line -> System.out.println("member " + member + ": " + line)));
        }

        // One leader, two followers, one term, and market data on the log.
        // A first election waits for every member's canvass, up to Aeron's start-up canvass (60 s) on a loaded machine.
        final List<JsonNode> up = awaitHealth(90, all -> roles(all).equals(List.of("FOLLOWER", "FOLLOWER", "LEADER")) &&
            all.stream().allMatch(m -> m.path("applied_events").asLong() > 300));
        final long term = up.get(0).path("term").asLong();
        final int leader = up.get(0).path("leader").asInt();
        for (final JsonNode member : up)
        {
            assertThat(member.path("term").asLong()).isEqualTo(term);
            assertThat(member.path("leader").asInt()).isEqualTo(leader);
            assertThat(member.path("client_order_prefix").asText()).isEqualTo(up.get(0).path("client_order_prefix").asText())
                .isNotEmpty();
        }
        assertThat(up.get(leader).path("role").asText()).isEqualTo("LEADER");

        // The market stops: the log carries only the leader's clock events, a second apart, and every member's core
        // settles on the same state at the same event count.
        members.forEach(m -> m.simulatedExchange().close());
        final List<JsonNode> quiet = awaitHealth(30, ThreeMemberClusterTest::settledAlike);
        final String hash = quiet.get(0).path("state_hash").asText();
        assertThat(hash).matches("\\p{XDigit}{16}");
        assertThat(quiet).extracting(m -> m.path("state_hash").asText()).containsOnly(hash);

        // A follower's admin API puts the command on the log: every member applies it, and they still agree.
        final int follower = (leader + 1) % 3;
        assertThat(TestHttp.post(health(follower) + "/admin/pause", null, "{}").statusCode()).isEqualTo(401);
        final HttpResponse<String> paused = TestHttp.post(health(follower) + "/admin/pause", TOKEN, "{\"reason\":\"test\"}");
        assertThat(paused.statusCode()).as(paused.body()).isEqualTo(202);
        assertThat(paused.body()).isEqualTo("{\"command\":\"pause\",\"accepted\":true,\"via\":\"cluster log\"}");
        final List<JsonNode> afterPause = awaitHealth(30, all -> settledAlike(all) &&
            !all.get(0).path("state_hash").asText().equals(hash));
        assertThat(afterPause).extracting(m -> m.path("state_hash").asText()).containsOnly(afterPause.get(0).path("state_hash").asText());
        assertThat(TestHttp.post(health(follower) + "/admin/stop", TOKEN, "{}").statusCode()).isEqualTo(400);

        // The cluster's series, parsed: one leader among the three, the same term, each member's own figures.
        double leaders = 0;
        double followers = 0;
        for (int id = 0; id < 3; id++)
        {
            final HttpResponse<String> scrape = TestHttp.get("http://127.0.0.1:" + members.get(id).metricsPort() + "/metrics", null);
            assertThat(scrape.statusCode()).isEqualTo(200);
            final List<PrometheusTextParser.Sample> samples = PrometheusTextParser.parse(scrape.body());
            leaders += value(samples, "peregrine_cluster_role", "leader");
            followers += value(samples, "peregrine_cluster_role", "follower");
            assertThat(value(samples, "peregrine_cluster_role", "candidate")).isZero();
            assertThat(value(samples, "peregrine_cluster_term", null)).isEqualTo(term);
            assertThat(value(samples, "peregrine_cluster_applied_events_total", null)).isGreaterThan(300);
            assertThat(value(samples, "peregrine_cluster_commit_position", null))
                .isGreaterThanOrEqualTo(value(samples, "peregrine_cluster_applied_position", null));
            assertThat(value(samples, "peregrine_cluster_lag_bytes", null)).isGreaterThanOrEqualTo(0);
            assertThat(value(samples, "peregrine_cluster_elections_total", null)).isGreaterThanOrEqualTo(1);
            if (id != leader)
            {
                // Only the member whose claim of the egress is in force hands orders on.
                assertThat(value(samples, "peregrine_cluster_orders_sent_total", null)).isZero();
                assertThat(value(samples, "peregrine_cluster_egress_active", null)).isZero();
            }
            assertThat(samples).anyMatch(s -> s.name().startsWith("jvm_memory_used_bytes"));
        }
        assertThat(leaders).isEqualTo(1);
        assertThat(followers).isEqualTo(2);
    }

    private EngineOptions options(final int id) throws Exception
    {
        final ProductCatalog catalog = VenueRegistry.standard().catalog("coinbase");
        final EngineSettings settings = EngineSettings.defaults(catalog, List.of("BTC-USD", "ETH-USD"), 500);
        return new EngineOptions()
            .label("run")
            .settings(settings)
            .journalDir(Files.createDirectories(temp.resolve("journal-" + id)))
            .bindAddress("127.0.0.1")
            .metricsPort(0)
            .healthPort(0)
            .seed(7)
            .tradesPerSecond(200)
            .venue("coinbase", null, null)
            .catalog(catalog)
            .adminToken(TOKEN, "the test");
    }

    /** Polls every member's /health until {@code condition} holds for all three, in member order. */
    private List<JsonNode> awaitHealth(final long seconds, final Predicate<List<JsonNode>> condition) throws Exception
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<JsonNode> all = health();
        while (!condition.test(all) && System.nanoTime() < deadline)
        {
            TimeUnit.MILLISECONDS.sleep(50); // polling, bounded by the deadline above
            all = health();
        }
        assertThat(condition.test(all)).as("the members' /health: %s", all).isTrue();
        return all;
    }

    private List<JsonNode> health() throws Exception
    {
        final List<JsonNode> all = new ArrayList<>();
        for (int id = 0; id < members.size(); id++)
        {
            final HttpResponse<String> response = TestHttp.get(health(id) + "/health", null);
            assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
            final JsonNode body = JSON.readTree(response.body());
            assertThat(body.path("status").asText()).isEqualTo("UP");
            assertThat(body.path("cluster").path("member").asInt()).isEqualTo(id);
            all.add(body.path("cluster"));
        }
        return all;
    }

    private String health(final int id)
    {
        return "http://127.0.0.1:" + members.get(id).healthPort();
    }

    private static List<String> roles(final List<JsonNode> all)
    {
        return all.stream().map(m -> m.path("role").asText()).sorted().toList();
    }

    /** Every member's hash is of all it applied, and all applied the same events. */
    private static boolean settledAlike(final List<JsonNode> all)
    {
        final long events = all.get(0).path("applied_events").asLong();
        return all.stream().allMatch(m -> m.path("applied_events").asLong() == events &&
            m.path("state_hash_events").asLong() == events && !m.path("state_hash").asText().isEmpty());
    }

    private static double value(final List<PrometheusTextParser.Sample> samples, final String name, final String role)
    {
        return samples.stream().filter(s -> s.name().equals(name) && (role == null || role.equals(s.labels().get("role"))))
            .mapToDouble(PrometheusTextParser.Sample::value).findFirst()
            .orElseThrow(() -> new AssertionError("no " + name + (role == null ? "" : "{role=" + role + "}")));
    }
}
