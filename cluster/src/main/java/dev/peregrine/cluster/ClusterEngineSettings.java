package dev.peregrine.cluster;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.instrument.ProductCatalog;

import java.nio.file.Path;
import java.util.function.Supplier;

/**
 * One member's engine: where it sits in the cluster and what its core trades.
 *
 * @param members                  the cluster's topology (the same on every member)
 * @param memberId                 this member
 * @param nodeDir                  archive and cluster state, kept across restarts (a restart resumes from it)
 * @param aeronDir                 the media driver's folder, scratch, unique per member on a machine
 * @param catalog                  the products' terms (the same on every member)
 * @param settings                 the core's settings (the same on every member, or their states diverge)
 * @param duties                   builds what the member runs while it leads (feed, live order path)
 * @param clockIntervalMillis      cluster-time CLOCK events, one per interval, in the log like any input
 * @param leaderHeartbeatTimeoutNs how long followers wait for the leader before electing another
 * @param snapshotIntervalMillis   the leader asks every member for a snapshot this often (a restarted member then
 *                                 replays only the log after its latest); 0 for never
 */
public record ClusterEngineSettings(
    ClusterMembers members,
    int memberId,
    Path nodeDir,
    String aeronDir,
    ProductCatalog catalog,
    EngineSettings settings,
    Supplier<LeaderDuties> duties,
    long clockIntervalMillis,
    long leaderHeartbeatTimeoutNs,
    long snapshotIntervalMillis)
{
    public ClusterEngineSettings
    {
        members.check(memberId);
        if (clockIntervalMillis < 10)
        {
            throw new IllegalArgumentException("a clock interval of " + clockIntervalMillis + " ms: use 10 ms or more");
        }
        if (snapshotIntervalMillis != 0 && snapshotIntervalMillis < 1000)
        {
            throw new IllegalArgumentException("a snapshot interval of " + snapshotIntervalMillis + " ms: use 1 s or more (or 0: never)");
        }
    }
}
