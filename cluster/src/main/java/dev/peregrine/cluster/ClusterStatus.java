package dev.peregrine.cluster;

/**
 * One member as its operator sees it ({@code /health}, {@code /metrics}, the demo's lines). Read from counters and
 * volatile fields, any thread, at any time.
 *
 * @param memberId          this member
 * @param role              LEADER, FOLLOWER or CANDIDATE (the service's view, as Aeron last told it)
 * @param leadershipTermId  the consensus module's current leadership term
 * @param leaderMemberId    the leader of the latest term the log announced (-1 before the first)
 * @param commitPosition    the log position a majority has stored
 * @param appliedPosition   the log position this member's core has applied up to
 * @param appliedEvents     events applied (market data, clocks, commands, venue answers) since the log began
 * @param stateHash         the core's state hash at {@code stateHashEvents} (hex, as {@code replay} prints it), or ""
 * @param stateHashEvents   the event count the hash was taken at (the hash is recomputed at most 10 times a second)
 * @param elections         elections this member has taken part in since it started
 * @param egressActive      whether this member sends orders now (it leads and its claim of the egress is applied)
 * @param ordersSent        orders and cancels this member handed to the venue since it started
 * @param clientOrderPrefix the client order id prefix, from the log's first message (the same on every member)
 */
public record ClusterStatus(
    int memberId,
    String role,
    long leadershipTermId,
    int leaderMemberId,
    long commitPosition,
    long appliedPosition,
    long appliedEvents,
    String stateHash,
    long stateHashEvents,
    long elections,
    boolean egressActive,
    long ordersSent,
    String clientOrderPrefix)
{
    /** How far this member's core is behind what the cluster committed, in log bytes. */
    public long lag()
    {
        return Math.max(0, commitPosition - appliedPosition);
    }
}
