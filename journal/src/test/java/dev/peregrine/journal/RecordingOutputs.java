package dev.peregrine.journal;

import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.risk.RejectReason;

import java.util.ArrayList;
import java.util.List;

/** Records every output as a line, so two runs can be compared call by call (tests only: it allocates). */
final class RecordingOutputs implements OutputListener
{
    final List<String> lines = new ArrayList<>();

    @Override
    public void onOrder(final long orderId, final int instrumentId, final int side, final long quantity,
        final long limitPrice, final long timeNanos)
    {
        lines.add("order " + orderId + " " + instrumentId + " " + side + " " + quantity + " " + limitPrice + " " + timeNanos);
    }

    @Override
    public void onReject(final long orderId, final int instrumentId, final int side, final long quantity,
        final RejectReason reason, final long timeNanos)
    {
        lines.add("reject " + orderId + " " + instrumentId + " " + side + " " + quantity + " " + reason + " " + timeNanos);
    }

    @Override
    public void onFill(final long orderId, final int instrumentId, final int side, final long quantity,
        final long price, final long timeNanos)
    {
        lines.add("fill " + orderId + " " + instrumentId + " " + side + " " + quantity + " " + price + " " + timeNanos);
    }

    @Override
    public void onCancel(final long orderId, final int instrumentId, final long quantity, final long timeNanos)
    {
        lines.add("cancel " + orderId + " " + instrumentId + " " + quantity + " " + timeNanos);
    }

    long count(final String kind)
    {
        return lines.stream().filter(line -> line.startsWith(kind + " ")).count();
    }
}
