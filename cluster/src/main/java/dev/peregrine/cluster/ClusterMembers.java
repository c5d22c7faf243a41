package dev.peregrine.cluster;

import java.util.Collections;
import java.util.List;

/**
 * Who is in the cluster and where each member listens: one host per member (member id = index) and a port base.
 * Member {@code i} uses the ten ports from {@code portBase + 10 * i}: ingress, consensus, log, catch-up and archive
 * control at offsets 0 to 4. Every member and every client is built from the same value, so they agree on the
 * topology Aeron's consensus module is given ({@link #topology()}).
 *
 * <p>Immutable; any thread.
 */
public record ClusterMembers(List<String> hosts, int portBase)
{
    private static final int PORTS_PER_MEMBER = 10;
    private static final int INGRESS = 0;
    private static final int CONSENSUS = 1;
    private static final int LOG = 2;
    private static final int CATCHUP = 3;
    private static final int ARCHIVE_CONTROL = 4;

    public ClusterMembers
    {
        hosts = List.copyOf(hosts);
        if (hosts.isEmpty())
        {
            throw new IllegalArgumentException("a cluster needs at least one member host (three for failover)");
        }
        if (portBase < 1024 || portBase + PORTS_PER_MEMBER * hosts.size() > 65_535)
        {
            throw new IllegalArgumentException("port base " + portBase + " leaves no room for " + hosts.size() +
                " members of " + PORTS_PER_MEMBER + " ports each: choose one between 1024 and " +
                (65_535 - PORTS_PER_MEMBER * hosts.size()));
        }
    }

    /** {@code count} members on the loopback interface (tests, the demo). */
    public static ClusterMembers loopback(final int count, final int portBase)
    {
        return new ClusterMembers(Collections.nCopies(count, "localhost"), portBase);
    }

    public int size()
    {
        return hosts.size();
    }

    /** Checks {@code memberId} names a member; returns it. */
    public int check(final int memberId)
    {
        if (memberId < 0 || memberId >= hosts.size())
        {
            throw new IllegalArgumentException("member id " + memberId + " is not in this cluster of " + hosts.size() +
                " (ids 0 to " + (hosts.size() - 1) + ")");
        }
        return memberId;
    }

    /** The members string Aeron's consensus module reads: {@code id,ingress,consensus,log,catchup,archive|...}. */
    public String topology()
    {
        final StringBuilder s = new StringBuilder();
        for (int i = 0; i < hosts.size(); i++)
        {
            if (i > 0)
            {
                s.append('|');
            }
            s.append(i).append(',').append(endpoint(i, INGRESS)).append(',').append(endpoint(i, CONSENSUS))
                .append(',').append(endpoint(i, LOG)).append(',').append(endpoint(i, CATCHUP))
                .append(',').append(endpoint(i, ARCHIVE_CONTROL));
        }
        return s.toString();
    }

    /** The ingress endpoints a client is given: {@code id=host:port,...}. */
    public String ingressEndpoints()
    {
        final StringBuilder s = new StringBuilder();
        for (int i = 0; i < hosts.size(); i++)
        {
            if (i > 0)
            {
                s.append(',');
            }
            s.append(i).append('=').append(endpoint(i, INGRESS));
        }
        return s.toString();
    }

    /**
     * Member {@code memberId}'s ingress endpoint alone, {@code id=host:port}: for a client on the leader itself, which
     * must not be redirected by a follower whose election has not ended (it would name the dead leader).
     */
    public String ingressEndpoint(final int memberId)
    {
        return check(memberId) + "=" + endpoint(memberId, INGRESS);
    }

    /** The UDP channel of member {@code memberId}'s archive control requests (used for log replication). */
    public String archiveControlChannel(final int memberId)
    {
        return "aeron:udp?endpoint=" + endpoint(check(memberId), ARCHIVE_CONTROL);
    }

    /** Member {@code memberId}'s host, for channels that bind an ephemeral port there. */
    public String host(final int memberId)
    {
        return hosts.get(check(memberId));
    }

    private String endpoint(final int member, final int offset)
    {
        return hosts.get(member) + ':' + (portBase + PORTS_PER_MEMBER * member + offset);
    }
}
