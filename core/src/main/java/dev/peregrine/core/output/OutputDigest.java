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
    private static final long FUNDING = 9;

    private long hash = Hash64.SEED;
    private long outputs;

    @Override
    public void onOrder(final long orderId, final int instrumentId, final int side, final OrderType type,
        final long quantity, final long limitPrice, final long timeNanos)
    {
        long h = head(ORDER, orderId, instrumentId);
        h = Hash64.mix(h, side);
        h = Hash64.mix(h, type.ordinal());
        h = Hash64.mix(h, quantity);
        h = Hash64.mix(h, limitPrice);
        end(h, timeNanos);
    }

    /** Decisions are outputs too: a replay that reaches the same orders for other reasons is not the same run. */
    @Override
    public void onDecision(final dev.peregrine.core.decision.DecisionRecord decision)
    {
        hash = decision.hash(Hash64.mix(hash, DECISION));
        outputs++;
    }

    /** Funding is an output: a replay that books other payments is not the same run. */
    @Override
    public void onFunding(final int strategyId, final int instrumentId, final long contracts, final long markPrice,
        final long fundingRate, final double payment, final long timeNanos)
    {
        long h = Hash64.mix(Hash64.mix(hash, FUNDING), strategyId);
        h = Hash64.mix(h, instrumentId);
        h = Hash64.mix(h, contracts);
        h = Hash64.mix(h, markPrice);
        h = Hash64.mix(h, fundingRate);
        h = Hash64.mix(h, payment);
        end(h, timeNanos);
    }

    @Override
    public void onReject(final long orderId, final int instrumentId, final int side, final long quantity,
        final RejectReason reason, final long timeNanos)
    {
        long h = head(REJECT, orderId, instrumentId);
        h = Hash64.mix(h, side);
        h = Hash64.mix(h, quantity);
        h = Hash64.mix(h, reason.ordinal());
        end(h, timeNanos);
    }

    @Override
    public void onFill(final long orderId, final int instrumentId, final int side, final long quantity,
        final long price, final double fee, final long timeNanos)
    {
        long h = head(FILL, orderId, instrumentId);
        h = Hash64.mix(h, side);
        h = Hash64.mix(h, quantity);
        h = Hash64.mix(h, price);
        h = Hash64.mix(h, fee);
        end(h, timeNanos);
    }

    @Override
    public void onAccepted(final long orderId, final int instrumentId, final long timeNanos)
    {
        end(head(ACCEPTED, orderId, instrumentId), timeNanos);
    }

    @Override
    public void onExpired(final long orderId, final int instrumentId, final long leavesQuantity, final long timeNanos)
    {
        end(Hash64.mix(head(EXPIRED, orderId, instrumentId), leavesQuantity), timeNanos);
    }

    @Override
    public void onCancelRequested(final long orderId, final int instrumentId, final long timeNanos)
    {
        end(head(CANCEL_REQUESTED, orderId, instrumentId), timeNanos);
    }

    @Override
    public void onCancel(final long orderId, final int instrumentId, final long quantity, final long timeNanos)
    {
        end(Hash64.mix(head(CANCEL, orderId, instrumentId), quantity), timeNanos);
    }

    /** Every order output starts with its kind, the order and the instrument. */
    private long head(final long kind, final long orderId, final int instrumentId)
    {
        return Hash64.mix(Hash64.mix(Hash64.mix(hash, kind), orderId), instrumentId);
    }

    /** ... and ends with its time, which makes it one more output. */
    private void end(final long h, final long timeNanos)
    {
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
