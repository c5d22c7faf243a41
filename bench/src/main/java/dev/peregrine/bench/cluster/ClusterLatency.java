package dev.peregrine.bench.cluster;

import dev.peregrine.cluster.ClusterIngress;
import dev.peregrine.core.event.InboundEvent;

import java.util.List;

/**
 * The cluster's side of the added latency: events offered one at a time through {@link ClusterIngress} to a running
 * {@link BenchCluster}; per event, from the offer to the leader's service having applied it (the service applies
 * only committed entries, so this is ingress, sequencing, replication to a majority, commit and the core's work).
 * The next event is offered only then. Afterwards, from the same offers, the time until every member applied it.
 */
final class ClusterLatency
{
    private ClusterLatency()
    {
    }

    /** Offers {@code events[from, to)} one at a time; adds to {@code leader} and (every member) {@code everyMember}. */
    static void round(final BenchCluster cluster, final List<InboundEvent> events, final int from, final int to,
        final LatencySample leader, final LatencySample everyMember)
    {
        final int leaderId = cluster.leader();
        final AppliedTimes leaderTimes = cluster.times(leaderId);
        final ClusterIngress ingress = cluster.ingress();
        final long first = leaderTimes.applied();
        final long[] offeredAt = new long[to - from];
        for (int i = from; i < to; i++)
        {
            final long index = first + (i - from);
            final long start = System.nanoTime();
            ingress.offer(events.get(i), BenchCluster.OFFER_TIMEOUT_NS);
            AppliedWait.await(leaderTimes::applied, index + 1, BenchCluster.OFFER_TIMEOUT_NS, "cluster leader " + leaderId);
            offeredAt[i - from] = start;
            leader.add(leaderTimes.appliedAt(index) - start);
        }
        if (cluster.leaderNow() != leaderId)
        {
            throw new IllegalStateException("the leader changed during the round (member " + leaderId + " -> " +
                cluster.leaderNow() + "): an election on a loaded machine; rerun, or raise --heartbeat-timeout");
        }
        final long last = first + (to - from);
        cluster.awaitAppliedEverywhere(last);
        for (int i = 0; i < offeredAt.length; i++)
        {
            long latest = 0;
            for (int m = 0; m < cluster.size(); m++)
            {
                latest = Math.max(latest, cluster.times(m).appliedAt(first + i));
            }
            everyMember.add(latest - offeredAt[i]);
        }
    }
}
