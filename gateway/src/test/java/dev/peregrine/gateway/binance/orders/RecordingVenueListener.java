package dev.peregrine.gateway.binance.orders;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.orders.VenueResponseListener;

import java.util.ArrayList;
import java.util.List;

/** The listener's calls as text lines, in order; written by the adapter's thread, read by the test's. */
final class RecordingVenueListener implements VenueResponseListener
{
    private final List<String> lines = new ArrayList<>();

    synchronized List<String> lines()
    {
        return List.copyOf(lines);
    }

    /** True once a line starting with {@code prefix} was recorded. */
    synchronized boolean has(final String prefix)
    {
        return lines.stream().anyMatch(line -> line.startsWith(prefix));
    }

    private synchronized void add(final String line)
    {
        lines.add(line);
    }

    @Override
    public void onAccepted(final long orderId, final String venueOrderId)
    {
        add("accepted " + orderId + " " + venueOrderId);
    }

    @Override
    public void onRejected(final long orderId, final int reason, final String detail)
    {
        add("rejected " + orderId + " " + reason);
    }

    @Override
    public void onUnknown(final long orderId, final int reason, final String detail)
    {
        add("unknown " + orderId + " " + reason);
    }

    @Override
    public void onCancelled(final long orderId, final String venueOrderId)
    {
        add("cancelled " + orderId);
    }

    @Override
    public void onCancelRejected(final long orderId, final String reason)
    {
        add("cancel rejected " + orderId);
    }

    @Override
    public void onFill(final long orderId, final String tradeId, final long quantity, final long price, final long fee,
        final int liquidity)
    {
        add("fill " + orderId + " #" + tradeId + " " + FixedPoint.toString(quantity) + " @ " + FixedPoint.toString(price) +
            " fee " + FixedPoint.toString(fee) + " " + (liquidity == LIQUIDITY_MAKER ? "maker" : "taker"));
    }
}
