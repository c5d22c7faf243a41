package dev.peregrine.ops.config;

import dev.peregrine.cluster.ClusterMembers;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * The {@code cluster:} part of a configuration: this process is one member of an Aeron Cluster running the core
 * ({@code run} then starts an {@code assembly.ClusterMember} instead of the single-node engine). Validated by
 * {@link ClusterSection}; every member reads the same file, so they agree on the topology and the core's settings.
 *
 * @param members                the topology: one host per member, in member-id order, and the port base
 * @param memberId               this process ({@code cluster.member_id}, or {@code run --member N}, which wins)
 * @param dir                    the folder under which member {@code i} keeps {@code member-<i>} (archive, cluster state)
 * @param aeronDir               the media drivers' folder prefix; member {@code i} uses {@code <aeronDir>-member-<i>}
 * @param leaderHeartbeatTimeout how long followers wait for the leader's heartbeat before electing another
 * @param clockInterval          how often the leader puts a CLOCK event on the log (the core's timers run on it)
 * @param snapshotEvery          how often the leader has every member snapshot (a restart replays the log after it)
 * @param ignored                the keys of the file that set something a member does not use (for the start-up line)
 */
public record ClusterConfig(
    ClusterMembers members,
    int memberId,
    Path dir,
    String aeronDir,
    Duration leaderHeartbeatTimeout,
    Duration clockInterval,
    Duration snapshotEvery,
    List<String> ignored)
{
    /** Ports each member's block spans (Aeron uses the first five: ingress, consensus, log, catch-up, archive). */
    public static final int PORTS_PER_MEMBER = 10;
    /** Ports of each block Aeron listens on. */
    public static final int PORTS_USED = 5;

    /** The media driver folder prefix when the file names none: shared memory when the machine has it. */
    public static String defaultAeronDir()
    {
        final Path shm = Path.of("/dev/shm");
        return (Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir"))).resolve("peregrine").toString();
    }

    public ClusterConfig
    {
        members.check(memberId);
        ignored = List.copyOf(ignored);
    }

    /** This member's archive and cluster state, kept across restarts (a restart resumes from it). */
    public Path memberDir()
    {
        return dir.resolve("member-" + memberId);
    }

    /** This member's media driver folder (scratch, recreated at every start). */
    public String memberAeronDir()
    {
        return aeronDir + "-member-" + memberId;
    }

    /** The same cluster as another member sees it (tests and the demo start several members from one file). */
    public ClusterConfig asMember(final int member)
    {
        return new ClusterConfig(members, member, dir, aeronDir, leaderHeartbeatTimeout, clockInterval, snapshotEvery, ignored);
    }

    /** Linux's range of ports for outgoing sockets (UDP and TCP alike pick theirs from it). */
    public static final Path EPHEMERAL_PORT_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    /** As {@link #ephemeralPortWarning(Path)}, with this machine's range. */
    public Optional<String> ephemeralPortWarning()
    {
        return ephemeralPortWarning(EPHEMERAL_PORT_RANGE);
    }

    /**
     * A warning when the cluster's ports lie in the kernel's ephemeral range ({@code rangeFile}, two numbers): Aeron's
     * own publications and replication bind random ports from that range, so while a member is down one of its fixed
     * ports can be taken and its restart fails with "Address already in use" (the SIGKILL test hit it with 39300s).
     * Empty when the ports lie outside the range or the machine does not say (no such file).
     */
    public Optional<String> ephemeralPortWarning(final Path rangeFile)
    {
        final int low;
        final int high;
        try
        {
            final String[] bounds = Files.readString(rangeFile).trim().split("\\s+");
            low = Integer.parseInt(bounds[0]);
            high = Integer.parseInt(bounds[1]);
        }
        catch (final IOException | RuntimeException ex)
        {
            return Optional.empty();
        }
        final int first = members.portBase();
        final int last = firstPort(members, members.size() - 1) + PORTS_USED - 1;
        if (first > high || last < low)
        {
            return Optional.empty();
        }
        return Optional.of("cluster.port_base " + first + ": ports " + first + "-" + last + " lie in this machine's " +
            "ephemeral port range " + low + "-" + high + " (" + rangeFile + "), from which outgoing sockets take theirs: " +
            "a restarting member can find one taken (Address already in use); choose a port_base below " + low +
            " (the default is " + ClusterSection.DEFAULT_PORT_BASE + ")");
    }

    /** The ports member {@code i} listens on: {@code port_base + 10 i} to {@code + 4}. */
    public static int firstPort(final ClusterMembers members, final int member)
    {
        return members.portBase() + PORTS_PER_MEMBER * member;
    }
}
