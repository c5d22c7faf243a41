package dev.peregrine.ops.config;

import dev.peregrine.cluster.ClusterMembers;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * {@code cluster:} to a {@link ClusterConfig}; absent, the run is a single node as ever (null comes back).
 * <pre>
 * cluster:
 *   members: [127.0.0.1, 127.0.0.1, 127.0.0.1]  # one host per member, member-id order: 3 or 5 (1 for trying)
 *   member_id: 0                                # this process; `run --member N` wins
 *   port_base: 29100                            # member i listens on port_base + 10 i + 0..4
 *   dir: /var/lib/peregrine/cluster             # member i keeps <dir>/member-i (kept across restarts)
 *   aeron_dir: /dev/shm/peregrine               # media driver folder <aeron_dir>-member-i (scratch)
 *   leader_heartbeat_timeout: 2s                # followers elect a new leader after this long without one
 *   clock_interval: 1s                          # the leader's CLOCK events, on the log like every input
 *   snapshot_every: 5m                          # every member snapshots at one log position, asked by the leader
 * </pre>
 * A member does not write the single-node journal (the cluster's log, in each member's archive, is the record), so
 * the keys that tune it are reported as ignored ({@link #ignoredKeys}) rather than refused: one file serves a single
 * node and a member alike.
 */
final class ClusterSection
{
    /** Odd sizes only: an even member adds no tolerance (4 survive one loss, as 3 do) and makes a split vote possible. */
    static final List<Integer> SIZES = List.of(1, 3, 5, 7);
    static final int DEFAULT_PORT_BASE = 29_100;
    static final Duration MIN_HEARTBEAT_TIMEOUT = Duration.ofMillis(500);
    /** Aeron's start-up canvass (60 s) must stay at least twice the heartbeat timeout. */
    static final Duration MAX_HEARTBEAT_TIMEOUT = Duration.ofSeconds(30);
    static final Duration MIN_CLOCK_INTERVAL = Duration.ofMillis(10);
    static final Duration MAX_CLOCK_INTERVAL = Duration.ofMinutes(1);

    /** Keys a member does not use, and why (the start-up line names them when the file sets them). */
    static final Map<String, String> IGNORED = orderedIgnored();

    private ClusterSection()
    {
    }

    /**
     * @param memberOverride {@code run --member N}, or null for the file's {@code member_id}
     * @return null when the file has no {@code cluster:} section (and no override asked for one: a problem then)
     */
    static ClusterConfig read(final ConfigSection root, final Map<String, Object> tree, final Integer memberOverride)
    {
        if (tree.get("cluster") == null)
        {
            root.raw("cluster");
            if (memberOverride != null)
            {
                root.problems().add(new ConfigProblem("run --member", "'" + memberOverride + "'",
                    "no --member: the configuration has no cluster section (see docs/configuration.md, 'cluster')"));
            }
            return null;
        }
        final ConfigSection cluster = root.section("cluster");
        final int before = cluster.problems().size();
        final List<String> hosts = hosts(cluster);
        final int size = hosts.size();
        final int portBase = portBase(cluster, size);
        final int memberId = memberId(cluster, size, memberOverride);
        final Path dir = Path.of(cluster.string("dir", "peregrine-data/cluster"));
        StartupChecks.journalFolder(cluster, dir);
        final String aeronDir = aeronDir(cluster);
        final Duration heartbeat = bounded(cluster, "leader_heartbeat_timeout", Duration.ofSeconds(2),
            MIN_HEARTBEAT_TIMEOUT, MAX_HEARTBEAT_TIMEOUT, "Aeron's start-up canvass of 60 s needs it at most half that");
        final Duration clock = bounded(cluster, "clock_interval", Duration.ofSeconds(1), MIN_CLOCK_INTERVAL,
            MAX_CLOCK_INTERVAL, "the core's timers (bar closes, time-outs) run on these events");
        final Duration snapshots = bounded(cluster, "snapshot_every", Duration.ofMinutes(5), Duration.ofSeconds(1),
            Duration.ofDays(1), "a restarted member loads the latest snapshot and replays the log after it");
        cluster.finish();
        if (cluster.problems().size() > before || size == 0 || memberId < 0)
        {
            return null;
        }
        return new ClusterConfig(new ClusterMembers(hosts, portBase), memberId, dir, aeronDir, heartbeat, clock, snapshots,
            ignoredKeys(tree));
    }

    /**
     * Member {@code memberId}'s health and metrics ports: the file's plus the member id, so that the members of one
     * file on one machine do not collide (member 0 keeps the file's ports); 0 stays 0 (any free port).
     */
    static int memberPort(final int port, final int memberId)
    {
        return port == 0 ? 0 : port + memberId;
    }

    /** A health or metrics port inside the cluster's own port blocks is a problem of {@code ports.<key>}. */
    static void portOutsideTheCluster(final ConfigSection ports, final String key, final int port, final ClusterConfig cluster)
    {
        final int first = cluster.members().portBase();
        final int end = first + ClusterConfig.PORTS_PER_MEMBER * cluster.members().size();
        if (port != 0 && port >= first && port < end)
        {
            ports.problem(key, port, "a port outside the cluster's ports " + first + "-" + (end - 1) +
                " (cluster.port_base + 10 per member)");
        }
    }

    /** Members on one machine: member i's health port must not be member j's metrics port. */
    static void membersPortsApart(final ConfigSection ports, final int health, final int metrics, final ClusterConfig cluster)
    {
        final int size = cluster.members().size();
        if (health > 0 && metrics > 0 && Math.abs(health - metrics) < size)
        {
            ports.problem("metrics", metrics, "a port at least " + size + " away from ports.health (" + health +
                "): member i serves on ports.health + i and ports.metrics + i");
        }
    }

    /** The dotted paths the file sets that a cluster member does not use, each with its reason. */
    static List<String> ignoredKeys(final Map<String, Object> tree)
    {
        final List<String> set = new ArrayList<>();
        for (final Map.Entry<String, String> key : IGNORED.entrySet())
        {
            final String[] path = key.getKey().split("\\.");
            if (tree.get(path[0]) instanceof Map<?, ?> section && section.get(path[1]) != null)
            {
                set.add(key.getKey() + " (" + key.getValue() + ")");
            }
        }
        return set;
    }

    private static List<String> hosts(final ConfigSection cluster)
    {
        if (!cluster.has("members"))
        {
            cluster.problem("members", null, "a list of member hosts in member-id order, e.g. [10.0.0.1, 10.0.0.2, 10.0.0.3]");
            return List.of();
        }
        final int before = cluster.problems().size();
        final List<String> hosts = cluster.strings("members", List.of());
        if (hosts.isEmpty() && cluster.problems().size() == before)
        {
            cluster.problem("members", "an empty list", "one host per member, e.g. [10.0.0.1, 10.0.0.2, 10.0.0.3]");
            return List.of();
        }
        for (int i = 0; i < hosts.size(); i++)
        {
            final String host = hosts.get(i);
            // Aeron's members string separates members by '|' and fields by ',' and ports by ':'.
            if (host.isBlank() || host.chars().anyMatch(c -> c == ':' || c == ',' || c == '|' || Character.isWhitespace(c)))
            {
                cluster.problem("members[" + i + "]", host, "a host name or IPv4 address without a port");
                return List.of();
            }
        }
        if (!hosts.isEmpty() && !SIZES.contains(hosts.size()))
        {
            cluster.problem("members", hosts.size() + " hosts", "3 or 5 members (a majority that survives the loss of one " +
                "or two), 1 for trying, at most 7");
            return List.of();
        }
        return hosts;
    }

    private static int portBase(final ConfigSection cluster, final int size)
    {
        final int blocks = Math.max(1, size) * ClusterConfig.PORTS_PER_MEMBER;
        return (int) cluster.integer("port_base", DEFAULT_PORT_BASE, 1024, 65_535 - blocks);
    }

    private static int memberId(final ConfigSection cluster, final int size, final Integer memberOverride)
    {
        final long fromFile = cluster.integer("member_id", -1, 0, Integer.MAX_VALUE);
        final String range = size == 0 ? "a member id" : "a member id from 0 to " + (size - 1) + " (cluster.members lists " +
            size + ")";
        if (memberOverride != null)
        {
            if (size > 0 && (memberOverride < 0 || memberOverride >= size))
            {
                cluster.problems().add(new ConfigProblem("run --member", "'" + memberOverride + "'", range));
                return -1;
            }
            return memberOverride;
        }
        if (fromFile < 0)
        {
            if (!cluster.has("member_id"))
            {
                cluster.problem("member_id", null, range + ", or run --member N");
            }
            return -1;
        }
        if (size > 0 && fromFile >= size)
        {
            cluster.problem("member_id", fromFile, range);
            return -1;
        }
        return (int) fromFile;
    }

    private static String aeronDir(final ConfigSection cluster)
    {
        final String aeronDir = cluster.string("aeron_dir", ClusterConfig.defaultAeronDir());
        final Path parent = Path.of(aeronDir).toAbsolutePath().getParent();
        if (aeronDir.isBlank() || parent == null || !Files.isDirectory(parent))
        {
            cluster.problem("aeron_dir", aeronDir, "a folder prefix in an existing folder, e.g. /dev/shm/peregrine " +
                "(member i uses <aeron_dir>-member-i)");
        }
        return aeronDir;
    }

    private static Duration bounded(final ConfigSection cluster, final String key, final Duration defaultValue,
        final Duration min, final Duration max, final String why)
    {
        final Duration value = cluster.duration(key, defaultValue, false);
        if (value.compareTo(min) < 0 || value.compareTo(max) > 0)
        {
            cluster.problem(key, value.toMillis() + "ms", "a duration from " + min.toMillis() + "ms to " + max.toSeconds() +
                "s: " + why);
            return defaultValue;
        }
        return value;
    }

    private static Map<String, String> orderedIgnored()
    {
        final String log = "the cluster's log is the record";
        final Map<String, String> keys = new java.util.LinkedHashMap<>();
        keys.put("journal.max_age", log);
        keys.put("journal.max_size", log);
        keys.put("journal.disk_alert", log);
        keys.put("journal.snapshot_every_events", "the cluster snapshots on its own terms");
        keys.put("journal.snapshot_every", "the cluster snapshots on its own terms");
        keys.put("journal.snapshots_kept", "the cluster snapshots on its own terms");
        keys.put("ring.size", "the leader's ingress ring has a fixed size");
        keys.put("ring.wait_strategy", "the leader's ingress ring has a fixed wait strategy");
        keys.put("shutdown.cancel_open_orders", "one member stopping leaves the cluster trading");
        keys.put("startup.warmup_orders", "members do not warm the order path");
        keys.put("metrics.stage_sample_every", "a member exports its cluster figures, not stage latencies");
        return java.util.Collections.unmodifiableMap(keys);
    }
}
