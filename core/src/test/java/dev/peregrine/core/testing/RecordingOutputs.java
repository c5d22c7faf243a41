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

    /**
     * Kept apart from {@link #lines()} (which stay the order flow): {@code DECISION #3 quote-bid mid=100
     * desired_price=99.9 ... -> NONE}, the strategy's signal and values, then the risk verdict.
     */
    @Override
    public void onDecision(final DecisionRecord decision)
    {
        final StringBuilder sb = new StringBuilder("DECISION #").append(decision.orderId()).append(' ')
            .append(decision.signal());
        for (int i = 0; i < decision.valueCount(); i++)
        {
            sb.append(' ').append(decision.valueName(i)).append('=')
                .append(BigDecimal.valueOf(decision.value(i)).stripTrailingZeros().toPlainString());
        }
        decisions.add(sb.append(" -> ").append(decision.outcome()).toString());
    }

    /** Every decision recorded, in order. */
    public List<String> decisions()
    {
        return List.copyOf(decisions);
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

    @Override
    public void onCancel(final long orderId, final int instrumentId, final long quantity, final long timeNanos)
    {
        lines.add("CANCEL #" + orderId + " i" + instrumentId + " " + FixedPoint.toString(quantity));
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
    }
}
