package dev.peregrine.ops.decisions;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.risk.RejectReason;

import java.util.function.Consumer;

/**
 * Hears only the decisions of a replay ({@code decisions}, {@code report --compare}); orders, fills and the rest
 * are in the decision records already. The consumer is made once, before the replay: nothing is allocated per
 * decision here.
 */
public final class DecisionsOnly implements OutputListener
{
    private final Consumer<DecisionRecord> target;

    public DecisionsOnly(final Consumer<DecisionRecord> target)
    {
        this.target = target;
    }

    @Override
    public void onDecision(final DecisionRecord decision)
    {
        target.accept(decision);
    }

    // @formatter:off
    @Override public void onOrder(long o, int i, int s, OrderType t, long q, long p, long n) { }
    @Override public void onAccepted(long o, int i, long n) { }
    @Override public void onCancelRequested(long o, int i, long n) { }
    @Override public void onReject(long o, int i, int s, long q, RejectReason r, long n) { }
    @Override public void onFill(long o, int i, int s, long q, long p, double f, long n) { }
    @Override public void onExpired(long o, int i, long q, long n) { }
    @Override public void onCancel(long o, int i, long q, long n) { }
    // @formatter:on
}
