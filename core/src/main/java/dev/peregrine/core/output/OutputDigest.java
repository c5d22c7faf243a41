package dev.peregrine.core.output;

import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.risk.RejectReason;

/**
 * A running hash over every output in order: orders, rejects, fills and cancels with all their fields.
 * A live run and the replay of its journal must end with the same {@link #value()}: that is the proof
 * that the replay reached the same decisions.
 */
public final class OutputDigest implements OutputListener
{
    private static final long ORDER = 1;
    private static final long REJECT = 2;
    private static final long FILL = 3;
    private static final long CANCEL = 4;
    private static final long ACCEPTED = 5;
    private static final long CANCEL_REQUESTED = 6;
    private static final long EXPIRED = 7;
    private static final long DECISION = 8;

    private long hash = Hash64.SEED;
    private long outputs;

    @Override
    public void onOrder(final long orderId, final int instrumentId, final int side, final OrderType type,
        final long quantity, final long limitPrice, final long timeNanos)
    {
        long h = Hash64.mix(hash, ORDER);
        h = Hash64.mix(h, orderId);
        h = Hash64.mix(h, instrumentId);
        h = Hash64.mix(h, side);
        h = Hash64.mix(h, type.ordinal());
        h = Hash64.mix(h, quantity);
        h = Hash64.mix(h, limitPrice);
        hash = Hash64.mix(h, timeNanos);
        outputs++;
    }

    /** Decisions are outputs too: a replay that reaches the same orders for other reasons is not the same run. */
    @Override
    public void onDecision(final dev.peregrine.core.decision.DecisionRecord decision)
    {
        hash = decision.hash(Hash64.mix(hash, DECISION));
        outputs++;
    }

    @Override
    public void onReject(final long orderId, final int instrumentId, final int side, final long quantity,
        final RejectReason reason, final long timeNanos)
    {
        long h = Hash64.mix(hash, REJECT);
        h = Hash64.mix(h, orderId);
        h = Hash64.mix(h, instrumentId);
        h = Hash64.mix(h, side);
        h = Hash64.mix(h, quantity);
        h = Hash64.mix(h, reason.ordinal());
        hash = Hash64.mix(h, timeNanos);
        outputs++;
    }

    @Override
    public void onFill(final long orderId, final int instrumentId, final int side, final long quantity,
        final long price, final double fee, final long timeNanos)
    {
        long h = Hash64.mix(hash, FILL);
        h = Hash64.mix(h, orderId);
        h = Hash64.mix(h, instrumentId);
        h = Hash64.mix(h, side);
        h = Hash64.mix(h, quantity);
        h = Hash64.mix(h, price);
        h = Hash64.mix(h, fee);
        hash = Hash64.mix(h, timeNanos);
        outputs++;
    }

    @Override
    public void onAccepted(final long orderId, final int instrumentId, final long timeNanos)
    {
        long h = Hash64.mix(hash, ACCEPTED);
        h = Hash64.mix(h, orderId);
        h = Hash64.mix(h, instrumentId);
        hash = Hash64.mix(h, timeNanos);
        outputs++;
    }

    @Override
    public void onExpired(final long orderId, final int instrumentId, final long leavesQuantity, final long timeNanos)
    {
        long h = Hash64.mix(hash, EXPIRED);
        h = Hash64.mix(h, orderId);
        h = Hash64.mix(h, instrumentId);
        h = Hash64.mix(h, leavesQuantity);
        hash = Hash64.mix(h, timeNanos);
        outputs++;
    }

    @Override
    public void onCancelRequested(final long orderId, final int instrumentId, final long timeNanos)
    {
        long h = Hash64.mix(hash, CANCEL_REQUESTED);
        h = Hash64.mix(h, orderId);
        h = Hash64.mix(h, instrumentId);
        hash = Hash64.mix(h, timeNanos);
        outputs++;
    }

    @Override
    public void onCancel(final long orderId, final int instrumentId, final long quantity, final long timeNanos)
    {
        long h = Hash64.mix(hash, CANCEL);
        h = Hash64.mix(h, orderId);
        h = Hash64.mix(h, instrumentId);
        h = Hash64.mix(h, quantity);
        hash = Hash64.mix(h, timeNanos);
        outputs++;
    }

    public long value()
    {
        return hash;
    }

    public long outputCount()
    {
        return outputs;
    }

    public String hex()
    {
        return Hash64.hex(hash);
    }
}
