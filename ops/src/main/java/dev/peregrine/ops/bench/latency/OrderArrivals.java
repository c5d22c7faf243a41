package dev.peregrine.ops.bench.latency;

import dev.peregrine.core.event.Side;
import dev.peregrine.gateway.coinbase.emulator.RequestArrivals;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;

import java.util.ArrayList;
import java.util.List;

/**
 * The venue's side of the stopwatch: every order request as it arrives at the emulator, with its arrival
 * {@code nanoTime}, product, side and client id. Recorded on the emulator's event loop and read once the stream has
 * stopped (so matching never races the pacer that stamps the frames). Not on any hot path of the engine.
 */
final class OrderArrivals implements RequestArrivals
{
    /** One order request: {@code side} is {@link Side#BUY} or {@link Side#SELL}. */
    record Arrival(long nanoTime, String productId, int side, String clientOrderId)
    {
    }

    private final List<Arrival> arrivals = new ArrayList<>();

    @Override
    public void arrived(final long nanoTime, final String method, final String uri, final String body)
    {
        if (!"POST".equals(method) || !CoinbaseOrderClient.ORDERS.equals(uri))
        {
            return;
        }
        final Arrival arrival = new Arrival(nanoTime, field(body, "product_id"), "BUY".equals(field(body, "side")) ? Side.BUY : Side.SELL,
            field(body, "client_order_id"));
        synchronized (this)
        {
            arrivals.add(arrival);
        }
    }

    /** The arrivals so far, in arrival order. */
    synchronized List<Arrival> snapshot()
    {
        return List.copyOf(arrivals);
    }

    synchronized int count()
    {
        return arrivals.size();
    }

    /** The string value of a top-level {@code "name":"value"} in the request's JSON; the client writes it compactly. */
    private static String field(final String body, final String name)
    {
        final String key = "\"" + name + "\":\"";
        final int start = body.indexOf(key);
        if (start < 0)
        {
            return "";
        }
        final int from = start + key.length();
        final int end = body.indexOf('"', from);
        return end < 0 ? "" : body.substring(from, end);
    }
}
