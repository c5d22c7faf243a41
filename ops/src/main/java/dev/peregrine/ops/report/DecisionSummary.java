package dev.peregrine.ops.report;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.risk.RejectReason;

/**
 * The parts of a decision that the comparison compares, copied out of the reused {@link DecisionRecord}.
 * Two decisions are the same decision when they share {@link #sameSlot}: event time, product and
 * strategy; they then differ when side, type, quantity, limit price, signal or the risk outcome differ.
 * Order ids are not compared: one extra order earlier shifts every later id.
 */
public record DecisionSummary(
    long timeNanos,
    long orderId,
    int instrumentId,
    int strategyId,
    int side,
    OrderType type,
    long quantity,
    long limitPrice,
    String signal,
    RejectReason outcome)
{
    public static DecisionSummary of(final DecisionRecord r)
    {
        return new DecisionSummary(r.timeNanos(), r.orderId(), r.instrumentId(), r.strategyId(), r.side(), r.type(),
            r.quantity(), r.limitPrice(), r.signal(), r.outcome());
    }

    public boolean sameSlot(final DecisionSummary other)
    {
        return timeNanos == other.timeNanos && instrumentId == other.instrumentId && strategyId == other.strategyId;
    }
}
