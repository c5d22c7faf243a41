package dev.peregrine.core.testing;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.risk.RejectReason;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * Records every output as one readable line, so tests can assert the exact sequence of decisions,
 * e.g. {@code ORDER #1 BTC BUY 0.01}. Instrument ids print as numbers; prices as decimals.
 */
public final class RecordingOutputs implements OutputListener
{
    private final List<String> lines = new ArrayList<>();
    private final List<String> decisions = new ArrayList<>();
    /** Refused cancels, kept apart from {@link #lines()} (they are not in the output digest either). */
    private final List<String> cancelRefusals = new ArrayList<>();

    @Override
    public void onCancelRefused(final long orderId, final int instrumentId, final boolean acknowledged, final long timeNanos)
    {
        cancelRefusals.add("#" + orderId + (acknowledged ? " acknowledged" : " pending"));
    }

    public List<String> cancelRefusals()
    {
        return List.copyOf(cancelRefusals);
    }

    @Override
    public void onOrder(final long orderId, final int instrumentId, final int side, final OrderType type,
        final long quantity, final long limitPrice, final long timeNanos)
    {
        lines.add("ORDER #" + orderId + " i" + instrumentId + " " + Side.name(side) + " " + FixedPoint.toString(quantity) +
            (type == OrderType.MARKET ? "" : " " + type + " @ " + FixedPoint.toString(limitPrice)));
    }

    @Override
    public void onAccepted(final long orderId, final int instrumentId, final long timeNanos)
    {
        lines.add("ACCEPTED #" + orderId);
    }

    @Override
    public void onExpired(final long orderId, final int instrumentId, final long leavesQuantity, final long timeNanos)
    {
        lines.add("EXPIRED #" + orderId + " i" + instrumentId + " " + FixedPoint.toString(leavesQuantity));
    }

    @Override
    public void onCancelRequested(final long orderId, final int instrumentId, final long timeNanos)
    {
        lines.add("CANCEL_REQUEST #" + orderId);
    }

    @Override
    public void onReject(final long orderId, final int instrumentId, final int side, final long quantity,
        final RejectReason reason, final long timeNanos)
    {
        lines.add("REJECT #" + orderId + " i" + instrumentId + " " + Side.name(side) + " " +
            FixedPoint.toString(quantity) + " " + reason);
    }

    @Override
    public void onFill(final long orderId, final int instrumentId, final int side, final long quantity,
        final long price, final double fee, final long timeNanos)
    {
        lines.add("FILL #" + orderId + " i" + instrumentId + " " + Side.name(side) + " " + FixedPoint.toString(quantity) +
            " @ " + FixedPoint.toString(price) + (fee == 0.0 ? "" : String.format(java.util.Locale.ROOT, " fee %.4f", fee)));
    }

    /** e.g. {@code FUNDING s1 i0 0.5 @ 40000 rate 0.0001 paid 2.0000}. */
    @Override
    public void onFunding(final int strategyId, final int instrumentId, final long contracts, final long markPrice,
        final long fundingRate, final double payment, final long timeNanos)
    {
        lines.add("FUNDING s" + strategyId + " i" + instrumentId + " " + FixedPoint.toString(contracts) + " @ " +
            FixedPoint.toString(markPrice) + " rate " + FixedPoint.toString(fundingRate) +
            String.format(java.util.Locale.ROOT, " paid %.4f", payment));
    }

    @Override
    public void onCancel(final long orderId, final int instrumentId, final long quantity, final long timeNanos)
    {
        lines.add("CANCEL #" + orderId + " i" + instrumentId + " " + FixedPoint.toString(quantity));
    }

    /**
     * Kept apart from {@link #lines()}, so tests of orders and fills read as before: e.g.
     * {@code #1 ema-cross-up ema_fast=104.1667 ema_slow=103.3 close=106}, values rounded to 4 decimals,
     * and {@code REJECTED reason} at the end of a refused order's.
     */
    @Override
    public void onDecision(final DecisionRecord decision)
    {
        final StringBuilder line = new StringBuilder("#").append(decision.orderId()).append(' ').append(decision.signal());
        for (int i = 0; i < decision.valueCount(); i++)
        {
            line.append(' ').append(decision.valueName(i)).append('=').append(decimal(decision.value(i)));
        }
        if (!decision.accepted())
        {
            line.append(" REJECTED ").append(decision.outcome());
        }
        decisions.add(line.toString());
    }

    private static String decimal(final double value)
    {
        if (!Double.isFinite(value))
        {
            return Double.toString(value);
        }
        return java.math.BigDecimal.valueOf(value).setScale(4, java.math.RoundingMode.HALF_EVEN).stripTrailingZeros()
            .toPlainString();
    }

    /** Every order decision's explanation, in order (see {@link #onDecision}). */
    public List<String> decisions()
    {
        return List.copyOf(decisions);
    }

    public List<String> lines()
    {
        return List.copyOf(lines);
    }

    /** How many outputs of a kind were recorded, e.g. {@code count("fill")}. */
    public long count(final String kind)
    {
        final String prefix = kind.toUpperCase(java.util.Locale.ROOT) + " ";
        return lines.stream().filter(l -> l.startsWith(prefix)).count();
    }

    public void clear()
    {
        lines.clear();
        decisions.clear();
        cancelRefusals.clear();
    }
}
