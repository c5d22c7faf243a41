package dev.peregrine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code peregrine run} with a {@code cluster:} section, as a user starts it (its own JVM, SIGTERM to stop): a
 * one-member cluster leads, says so, serves its member's {@code /health}, prints {@code applied-events} and
 * {@code state-hash} on SIGTERM and exits 0, and a restart on its folder resumes its log; the three services of
 * {@code docker-compose.cluster.yml} run exactly the command this test runs, on the shipped file, and elect one leader.
 */
class ClusterRunTest
{
    /** This class's ports (29430-29439 for the one member, 29460-29489 for the three). */
    private static final int ONE_MEMBER_PORT_BASE = 29_430;
    private static final int THREE_MEMBERS_PORT_BASE = 29_460;
    private static final String TOKEN = DaemonProcess.PAPER_RUN_TOKEN;
    private static final Pattern APPLIED = Pattern.compile("applied-events: (\\d+)");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;
    private ScratchAeronDirs aeron;

    @BeforeEach
    void scratch()
    {
        aeron = new ScratchAeronDirs(temp);
    }

    @AfterEach
    void removeDriverFolders() throws Exception
    {
        aeron.delete();
    }

    @Test
    void aOneMemberClusterLeadsPrintsItsHashOnSigtermAndResumesItsLog() throws Exception
    {
        final Path config = DaemonProcess.runConfig(temp, "member.yaml",
            "profile: paper",
            "venue: {name: simulated, simulated: {seed: 7, trades_per_second: 200}}",
            "products: [BTC-USD]",
            "logging: {format: text}",
            "cluster:",
            "  members: [127.0.0.1]",
            "  member_id: 0",
            "  port_base: " + ONE_MEMBER_PORT_BASE,
            "  dir: " + temp.resolve("cluster"),
            "  aeron_dir: " + aeron.prefix("run-one"));
        final Map<String, String> env = Map.of("PEREGRINE_ADMIN_TOKEN", TOKEN);

        final Path firstLog = temp.resolve("first.log");
        final String first = runUntil(env, firstLog, 100, "run", "--config", config.toString());
        assertThat(first)
            .contains("peregrine run: cluster member 0 of 1 (0=127.0.0.1:29430-29434), BTC-USD, paper venue")
            .contains("cluster: member folder " + temp.resolve("cluster").resolve("member-0") + " (kept across restarts)")
            .contains("cluster: member 0 leads (term 0): claiming the egress")
            .contains("cluster: term 0: leader is member 0 (this member, 0, is LEADER)")
            .contains("stopping (signal)")
            .doesNotContain(TOKEN).doesNotContain("\tat ");
        assertThat(first).containsPattern("state-hash: \\p{XDigit}{16}");
        final long appliedFirst = Long.parseLong(DaemonProcess.group(APPLIED, first));
        assertThat(appliedFirst).isGreaterThanOrEqualTo(100);

        // The member's folder holds its log: a restart replays it before it takes new events.
        final Path secondLog = temp.resolve("second.log");
        final String second = runUntil(env, secondLog, appliedFirst + 1, "run", "--config", config.toString(), "--member", "0");
        assertThat(second).contains("cluster: member 0 leads (term 1)");
        assertThat(Long.parseLong(DaemonProcess.group(APPLIED, second))).isGreaterThan(appliedFirst);
    }

    @Test
    void theComposeFilesThreeMembersRunTheShippedFileAndElectOneLeader() throws Exception
    {
        final Path root = DaemonProcess.repositoryRoot();
        final String compose = Files.readString(root.resolve("docker-compose.cluster.yml"));
        assertThat(compose).contains("- ./ops/config/cluster-member.yaml:/etc/peregrine/cluster.yaml:ro");
        assertThat(root.resolve("ops/config/cluster-member.yaml")).exists();
        // The image's path, /etc/peregrine/cluster.yaml, is the shipped file; only the folders and ports move, through
        // the documented environment overrides.
        final Map<String, String> env = new HashMap<>(DaemonProcess.runEnvironment(temp.resolve("journal"), TOKEN));
        env.put("PEREGRINE_CLUSTER_DIR", temp.resolve("cluster").toString());
        env.put("PEREGRINE_CLUSTER_AERON_DIR", aeron.prefix("run-three"));
        env.put("PEREGRINE_CLUSTER_PORT_BASE", String.valueOf(THREE_MEMBERS_PORT_BASE));
        final List<Process> processes = new ArrayList<>();
        final List<Path> logs = new ArrayList<>();
        try
        {
            for (int member = 0; member < 3; member++)
            {
                final List<String> command = List.of("run", "--config", "/etc/peregrine/cluster.yaml", "--member",
                    String.valueOf(member));
                assertThat(compose).contains("command: [\"" + String.join("\", \"", command) + "\"]");
                final List<String> here = new ArrayList<>(command);
                here.set(2, root.resolve("ops/config/cluster-member.yaml").toString());
                final Path log = temp.resolve("member-" + member + ".log");
                logs.add(log);
                processes.add(DaemonProcess.start(temp, env, log, here.toArray(String[]::new)));
            }
            final List<Integer> health = new ArrayList<>();
            for (int member = 0; member < 3; member++)
            {
                health.add(DaemonProcess.awaitStarted(processes.get(member), logs.get(member)).health());
            }
            // A first election waits for every member's canvass: up to Aeron's start-up canvass (60 s) under load.
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
            List<String> roles = roles(health);
            while (!roles.equals(List.of("FOLLOWER", "FOLLOWER", "LEADER")) && System.nanoTime() < deadline)
            {
                TimeUnit.MILLISECONDS.sleep(100); // polling, bounded by the deadline above
                roles = roles(health);
            }
            assertThat(roles).as("the members' roles").containsExactly("FOLLOWER", "FOLLOWER", "LEADER");
            for (final Process process : processes)
            {
                process.destroy(); // SIGTERM, all three at once, as `docker compose stop` does
            }
            for (int member = 0; member < 3; member++)
            {
                assertThat(processes.get(member).waitFor(40, TimeUnit.SECONDS)).as("member %d stopped", member).isTrue();
                final String output = DaemonProcess.read(logs.get(member));
                assertThat(processes.get(member).exitValue()).as(output).isZero();
                assertThat(output).contains("peregrine run: cluster member " + member + " of 3 (0=127.0.0.1:29460-29464 " +
                    "1=127.0.0.1:29470-29474 2=127.0.0.1:29480-29484)").containsPattern("state-hash: \\p{XDigit}{16}")
                    .containsPattern("applied-events: \\d+");
            }
        }
        finally
        {
            processes.forEach(Process::destroyForcibly);
        }
    }

    @Test
    void theShippedFilePassesConfigCheckAsEachMember() throws Exception
    {
        final Path root = DaemonProcess.repositoryRoot();
        final Map<String, String> env = new HashMap<>(DaemonProcess.runEnvironment(temp.resolve("journal"), TOKEN));
        env.put("PEREGRINE_CLUSTER_DIR", temp.resolve("cluster").toString());
        for (int member = 0; member < 3; member++)
        {
            final Path log = temp.resolve("check-" + member + ".log");
            final int exit = DaemonProcess.run(temp, env, log, "config", "check", "--config",
                root.resolve("ops/config/cluster-member.yaml").toString(), "--member", String.valueOf(member));
            final String output = DaemonProcess.read(log);
            assertThat(exit).as(output).isZero();
            assertThat(output).contains("OK: ").contains("profile paper").contains("venue simulated")
                .contains("  cluster: member " + member + " of 3 [127.0.0.1, 127.0.0.1, 127.0.0.1], ports from 29100, " +
                    "member folder " + temp.resolve("cluster").resolve("member-" + member))
                .doesNotContain("ignored by a cluster member");
        }
        final Path log = temp.resolve("check-3.log");
        assertThat(DaemonProcess.run(temp, env, log, "config", "check", "--config",
            root.resolve("ops/config/cluster-member.yaml").toString(), "--member", "3")).isEqualTo(2);
        assertThat(DaemonProcess.read(log)).contains("run --member: was '3'; expected a member id from 0 to 2 " +
            "(cluster.members lists 3)");
    }

    /** Starts {@code run}, waits until its member applied {@code events}, stops it with SIGTERM; its output (exit 0). */
    private static String runUntil(final Map<String, String> env, final Path log, final long events, final String... args)
        throws Exception
    {
        final Process process = DaemonProcess.start(log.getParent(), env, log, args);
        return DaemonProcess.checkThenSigterm(process, log, () ->
        {
            final DaemonProcess.Endpoints ports = DaemonProcess.awaitStarted(process, log);
            final HttpResponse<String> health = TestHttp.await(ports.url(ports.health(), "/health"), r ->
                r.statusCode() == 200 && cluster(r).path("role").asText().equals("LEADER") &&
                    cluster(r).path("applied_events").asLong() >= events);
            assertThat(cluster(health).path("member").asInt()).isZero();
            assertThat(cluster(health).path("egress").asBoolean()).isTrue();
        });
    }

    private static JsonNode cluster(final HttpResponse<String> response)
    {
        try
        {
            return JSON.readTree(response.body()).path("cluster");
        }
        catch (final java.io.IOException ex)
        {
            throw new AssertionError(response.body(), ex);
        }
    }

    private static List<String> roles(final List<Integer> healthPorts) throws Exception
    {
        final List<String> roles = new ArrayList<>();
        for (final int port : healthPorts)
        {
            final HttpResponse<String> response = TestHttp.get("http://127.0.0.1:" + port + "/health", null);
            assertThat(response.statusCode()).isEqualTo(200);
            roles.add(cluster(response).path("role").asText());
        }
        return roles.stream().sorted().toList();
    }
}
