package dev.peregrine.ops.config;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The {@code cluster:} section on real files: the topology, the member's folders and ports reach the configuration,
 * {@code run --member} wins over the file, a file without the section is a single node as ever, and every mistake is
 * one line naming its key.
 */
class ClusterSectionTest
{
    @TempDir
    Path temp;

    private Path file(final String... lines) throws Exception
    {
        return Files.writeString(temp.resolve("peregrine.yaml"), String.join("\n", lines)
            .replace("JOURNAL", temp.resolve("journal").toString()).replace("CLUSTER", temp.resolve("cluster").toString()) +
            "\n");
    }

    private static List<String> problems(final Path config, final Integer member)
    {
        try
        {
            DaemonConfigLoader.load(config, null, Map.of(), false, member);
        }
        catch (final ConfigException ex)
        {
            return ex.problems().stream().map(Object::toString).toList();
        }
        throw new AssertionError("the configuration was accepted");
    }

    @Test
    void theSectionReachesTheConfigurationAndTheMemberServesOnItsOwnPorts() throws Exception
    {
        final Path config = file(
            "ports: {health: 48080, metrics: 49090}",
            "journal: {dir: JOURNAL}",
            "cluster:",
            "  members: [127.0.0.1, 127.0.0.1, 127.0.0.1]",
            "  member_id: 0",
            "  port_base: 29400",
            "  dir: CLUSTER",
            "  aeron_dir: " + temp.resolve("aeron"),
            "  leader_heartbeat_timeout: 3s",
            "  clock_interval: 500ms");
        final DaemonConfig cfg = DaemonConfigLoader.load(config, null, Map.of(), false, 2);
        assertThat(cfg.clustered()).isTrue();
        final ClusterConfig cluster = cfg.cluster();
        assertThat(cluster.memberId()).as("--member wins over member_id").isEqualTo(2);
        assertThat(cluster.members().hosts()).containsExactly("127.0.0.1", "127.0.0.1", "127.0.0.1");
        assertThat(cluster.members().portBase()).isEqualTo(29_400);
        assertThat(cluster.memberDir()).isEqualTo(temp.resolve("cluster").resolve("member-2"));
        assertThat(cluster.memberAeronDir()).isEqualTo(temp.resolve("aeron") + "-member-2");
        assertThat(cluster.leaderHeartbeatTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(cluster.clockInterval()).isEqualTo(Duration.ofMillis(500));
        // Three members of one file on one machine: each on the file's ports plus its id.
        assertThat(cfg.healthPort()).isEqualTo(48_082);
        assertThat(cfg.metricsPort()).isEqualTo(49_092);
        assertThat(cluster.ignored()).isEmpty();
    }

    @Test
    void withoutTheSectionTheRunIsASingleNodeAndMemberIsRefused() throws Exception
    {
        final Path config = file("ports: {health: 0, metrics: 0}", "journal: {dir: JOURNAL}");
        final DaemonConfig cfg = DaemonConfigLoader.load(config, null, Map.of(), false, null);
        assertThat(cfg.clustered()).isFalse();
        assertThat(cfg.cluster()).isNull();
        assertThat(problems(config, 1)).containsExactly("run --member: was '1'; expected no --member: the configuration " +
            "has no cluster section (see docs/configuration.md, 'cluster')");
    }

    @Test
    void portsInTheMachinesEphemeralRangeAreWarnedOfAndTheDefaultLiesBelowLinuxsRange() throws Exception
    {
        final Path range = Files.writeString(temp.resolve("ip_local_port_range"), "32768\t60999\n");
        final ClusterConfig inside = DaemonConfigLoader.load(file("ports: {health: 0, metrics: 0}", "journal: {dir: JOURNAL}",
            "cluster: {members: [127.0.0.1, 127.0.0.1, 127.0.0.1], port_base: 39100, dir: CLUSTER}"), null, Map.of(), false, 1)
            .cluster();
        assertThat(inside.ephemeralPortWarning(range)).contains("cluster.port_base 39100: ports 39100-39124 lie in this " +
            "machine's ephemeral port range 32768-60999 (" + range + "), from which outgoing sockets take theirs: a " +
            "restarting member can find one taken (Address already in use); choose a port_base below 32768 (the default " +
            "is 29100)");
        final ClusterConfig straddling = DaemonConfigLoader.load(file("ports: {health: 0, metrics: 0}", "journal: {dir: JOURNAL}",
            "cluster: {members: [127.0.0.1, 127.0.0.1, 127.0.0.1], port_base: 32750, dir: CLUSTER}"), null, Map.of(), false, 1)
            .cluster();
        assertThat(straddling.ephemeralPortWarning(range)).isPresent();
        final ClusterConfig byDefault = DaemonConfigLoader.load(file("ports: {health: 0, metrics: 0}", "journal: {dir: JOURNAL}",
            "cluster: {members: [127.0.0.1, 127.0.0.1, 127.0.0.1], dir: CLUSTER}"), null, Map.of(), false, 1).cluster();
        assertThat(byDefault.ephemeralPortWarning(range)).isEmpty();
        assertThat(byDefault.ephemeralPortWarning(temp.resolve("no-such-file"))).as("a machine that does not say").isEmpty();
    }

    @Test
    void defaultsNeedOnlyTheMembersAndTheMemberId() throws Exception
    {
        final Path config = file(
            "ports: {health: 0, metrics: 0}",
            "journal: {dir: JOURNAL}",
            "cluster: {members: [127.0.0.1], dir: CLUSTER}");
        final ClusterConfig cluster = DaemonConfigLoader.load(config, null, Map.of(), false, 0).cluster();
        assertThat(cluster.members().portBase()).isEqualTo(29_100);
        assertThat(cluster.aeronDir()).isEqualTo(ClusterConfig.defaultAeronDir());
        assertThat(cluster.leaderHeartbeatTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(cluster.clockInterval()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void theSingleNodeJournalsTuningIsNamedAsIgnored() throws Exception
    {
        final Path config = file(
            "ports: {health: 0, metrics: 0}",
            "journal: {dir: JOURNAL, max_age: 7d, snapshot_every: 10m}",
            "ring: {size: 1024}",
            "shutdown: {cancel_open_orders: true, timeout: 20s}",
            "cluster: {members: [127.0.0.1], member_id: 0, dir: CLUSTER}");
        assertThat(DaemonConfigLoader.load(config, null, Map.of(), false, null).cluster().ignored()).containsExactly(
            "journal.max_age (the cluster's log is the record)",
            "journal.snapshot_every (the cluster snapshots on its own terms)",
            "ring.size (the leader's ingress ring has a fixed size)",
            "shutdown.cancel_open_orders (one member stopping leaves the cluster trading)");
    }

    @Test
    void everyMistakeIsOneLineNamingItsKey() throws Exception
    {
        final Path config = file(
            "ports: {health: 0, metrics: 0}",
            "journal: {dir: JOURNAL}",
            "cluster:",
            "  members: [127.0.0.1, 127.0.0.1, 127.0.0.1]",
            "  member_id: 3",
            "  port_base: 65530",
            "  dir: " + Files.writeString(temp.resolve("a-file"), "x"),
            "  aeron_dir: /no/such/folder/peregrine",
            "  leader_heartbeat_timeout: 100ms",
            "  clock_interval: soon",
            "  memberz: 1");
        assertThat(problems(config, null)).containsExactly(
            "cluster.port_base: was '65530'; expected a whole number in [1024, 65505]",
            "cluster.member_id: was '3'; expected a member id from 0 to 2 (cluster.members lists 3)",
            "cluster.dir: was '" + temp.resolve("a-file") + "'; expected a folder (it is a file)",
            "cluster.aeron_dir: was '/no/such/folder/peregrine'; expected a folder prefix in an existing folder, e.g. " +
                "/dev/shm/peregrine (member i uses <aeron_dir>-member-i)",
            "cluster.leader_heartbeat_timeout: was '100ms'; expected a duration from 500ms to 30s: Aeron's start-up " +
                "canvass of 60 s needs it at most half that",
            "cluster.clock_interval: was 'soon'; expected a duration such as 500ms, 10s, 5m, 7d",
            "cluster.memberz: was an unknown key; expected a known key (did you mean 'members'?)");
    }

    @Test
    void theMembersMustBeAnOddMajorityOfPlainHosts() throws Exception
    {
        final Path even = file("ports: {health: 0, metrics: 0}", "journal: {dir: JOURNAL}",
            "cluster: {members: [a, b], member_id: 0, dir: CLUSTER}");
        assertThat(problems(even, null)).containsExactly("cluster.members: was '2 hosts'; expected 3 or 5 members (a " +
            "majority that survives the loss of one or two), 1 for trying, at most 7");
        final Path withPort = file("ports: {health: 0, metrics: 0}", "journal: {dir: JOURNAL}",
            "cluster: {members: [a, 'b:29100', c], member_id: 0, dir: CLUSTER}");
        assertThat(problems(withPort, null)).containsExactly(
            "cluster.members[1]: was 'b:29100'; expected a host name or IPv4 address without a port");
        final Path empty = file("ports: {health: 0, metrics: 0}", "journal: {dir: JOURNAL}",
            "cluster: {members: [], member_id: 0, dir: CLUSTER}");
        assertThat(problems(empty, null)).containsExactly(
            "cluster.members: was 'an empty list'; expected one host per member, e.g. [10.0.0.1, 10.0.0.2, 10.0.0.3]");
        final Path missing = file("ports: {health: 0, metrics: 0}", "journal: {dir: JOURNAL}",
            "cluster: {dir: CLUSTER}");
        assertThat(problems(missing, null)).containsExactly(
            "cluster.members: missing; expected a list of member hosts in member-id order, e.g. [10.0.0.1, 10.0.0.2, 10.0.0.3]",
            "cluster.member_id: missing; expected a member id, or run --member N");
    }

    @Test
    void memberOutOfRangeIsNamedAsTheCommandLinesOption() throws Exception
    {
        final Path config = file("ports: {health: 0, metrics: 0}", "journal: {dir: JOURNAL}",
            "cluster: {members: [a, b, c], member_id: 0, dir: CLUSTER}");
        assertThat(problems(config, 5)).containsExactly(
            "run --member: was '5'; expected a member id from 0 to 2 (cluster.members lists 3)");
    }

    @Test
    void theHttpPortsStayOutOfTheClustersPortsAndApartAcrossMembers() throws Exception
    {
        final Path inside = file("ports: {health: 29405, metrics: 49090}", "journal: {dir: JOURNAL}",
            "cluster: {members: [127.0.0.1, 127.0.0.1, 127.0.0.1], member_id: 0, port_base: 29400, dir: CLUSTER}");
        assertThat(problems(inside, null)).containsExactly(
            "ports.health: was '29405'; expected a port outside the cluster's ports 29400-29429 (cluster.port_base + 10 per member)");
        final Path close = file("ports: {health: 48080, metrics: 48081}", "journal: {dir: JOURNAL}",
            "cluster: {members: [127.0.0.1, 127.0.0.1, 127.0.0.1], member_id: 0, port_base: 29400, dir: CLUSTER}");
        assertThat(problems(close, null)).containsExactly("ports.metrics: was '48081'; expected a port at least 3 away " +
            "from ports.health (48080): member i serves on ports.health + i and ports.metrics + i");
    }

    @Test
    void anEnvironmentOverrideChoosesTheMembersFolders() throws Exception
    {
        final Path config = file("ports: {health: 0, metrics: 0}", "journal: {dir: JOURNAL}",
            "cluster: {members: [127.0.0.1], member_id: 0, dir: /var/lib/peregrine/cluster}");
        final DaemonConfig cfg = DaemonConfigLoader.load(config, null,
            Map.of("PEREGRINE_CLUSTER_DIR", temp.resolve("elsewhere").toString(), "PEREGRINE_CLUSTER_PORT_BASE", "29410"),
            false, null);
        assertThat(cfg.cluster().dir()).isEqualTo(temp.resolve("elsewhere"));
        assertThat(cfg.cluster().members().portBase()).isEqualTo(29_410);
        assertThat(cfg.overrides()).contains("cluster.dir (PEREGRINE_CLUSTER_DIR)", "cluster.port_base (PEREGRINE_CLUSTER_PORT_BASE)");
    }
}
