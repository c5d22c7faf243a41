package dev.peregrine.ops.bench.latency;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.sim.SimulatedExchange;

import java.util.concurrent.locks.LockSupport;

/**
 * The paced stream the simulated venue writes: {@code rate} frames a second, one in {@code triggerEvery} a trade
 * that causes an order, the rest tickers that cause none. Trades go alternately to the engine's product and to the
 * floor's, so both are measured in the same run, on the same server and event loop, interleaved. A trade's price
 * steps one tick above, then one below the product's reference, so the engine's 1/2-trade crossover crosses on
 * every trade (up: buy, down: sell), and the floor answers on the trade's side. Each trade frame's write time is
 * stamped by the venue ({@link SimulatedExchange#sendStamped}); the stamps are kept here in send order.
 */
final class MarkedStream
{
    /** One trade frame as written: when, its trade id, and the side of the order it should cause. */
    record Stamp(long nanoTime, long tradeId, int side)
    {
    }

    private final SimulatedExchange venue;
    private final String engineProduct;
    private final String floorProduct;
    private final long engineReference;
    private final long engineTick;
    private final long floorReference;
    private final long floorTick;
    private final java.util.List<Stamp> engineTrades = new java.util.ArrayList<>();
    private final java.util.List<Stamp> floorTrades = new java.util.ArrayList<>();
    /** Above the generated market's ids, which the engine has seen in its snapshot: it takes each trade id once. */
    private long tradeId = 1_000_000_000L;
    private long frames;

    MarkedStream(final SimulatedExchange venue, final String engineProduct, final long engineReference, final long engineTick,
        final String floorProduct, final long floorReference, final long floorTick)
    {
        this.venue = venue;
        this.engineProduct = engineProduct;
        this.floorProduct = floorProduct;
        this.engineReference = engineReference;
        this.engineTick = engineTick;
        this.floorReference = floorReference;
        this.floorTick = floorTick;
    }

    /** Sends tickers until both clients have subscribed (a stamp comes back for each); false after {@code timeoutNanos}. */
    boolean awaitSubscribers(final long timeoutNanos)
    {
        final long deadline = System.nanoTime() + timeoutNanos;
        while (System.nanoTime() - deadline < 0)
        {
            final boolean engine = venue.sendStamped("ticker", "ticker", engineProduct, ticker(engineProduct, engineReference, engineTick)) != 0;
            final boolean floor = venue.sendStamped("ticker", "ticker", floorProduct, ticker(floorProduct, floorReference, floorTick)) != 0;
            if (engine && floor)
            {
                LockSupport.parkNanos(300_000_000L); // the other channels' subscriptions follow the ticker's
                return true;
            }
            LockSupport.parkNanos(20_000_000L);
        }
        return false;
    }

    /**
     * Paces frames from now until {@code endNanos} (a {@link System#nanoTime()}), at {@code rate} a second, one in
     * {@code triggerEvery} a trade; returns the number of frames written. A late frame is sent at once, not skipped.
     */
    long run(final long endNanos, final int rate, final int triggerEvery)
    {
        final long period = 1_000_000_000L / rate;
        long next = System.nanoTime();
        long sent = 0;
        while (next - endNanos < 0)
        {
            final long wait = next - System.nanoTime();
            if (wait > 0)
            {
                LockSupport.parkNanos(wait);
            }
            sendOne(triggerEvery);
            sent++;
            next += period;
        }
        return sent;
    }

    private void sendOne(final int triggerEvery)
    {
        final long n = frames++;
        final boolean trade = n % triggerEvery == triggerEvery - 1;
        final boolean toEngine = (n / triggerEvery) % 2 == 0;
        final String product = toEngine ? engineProduct : floorProduct;
        final long reference = toEngine ? engineReference : floorReference;
        final long tick = toEngine ? engineTick : floorTick;
        if (!trade)
        {
            venue.sendStamped("ticker", "ticker", product, ticker(product, reference, tick));
            return;
        }
        final java.util.List<Stamp> trades = toEngine ? engineTrades : floorTrades;
        final boolean up = trades.size() % 2 == 0;
        final long price = up ? reference + tick : reference - tick;
        final int side = up ? dev.peregrine.core.event.Side.BUY : dev.peregrine.core.event.Side.SELL;
        final long id = tradeId++;
        final long stamp = venue.sendStamped("market_trades", "market_trades", product, trade(product, id, price, side));
        trades.add(new Stamp(stamp, id, side));
    }

    /** The engine's trade frames in send order (read after {@link #run} returned). */
    java.util.List<Stamp> engineTrades()
    {
        return engineTrades;
    }

    /** The floor's trade frames in send order: the n-th is answered by client id {@code floor-n}. */
    java.util.List<Stamp> floorTrades()
    {
        return floorTrades;
    }

    private static String trade(final String product, final long id, final long price, final int side)
    {
        return "{\"type\":\"update\",\"trades\":[{\"product_id\":\"" + product + "\",\"trade_id\":\"" + id +
            "\",\"price\":\"" + FixedPoint.toString(price) + "\",\"size\":\"0.001\",\"time\":\"" +
            java.time.Instant.now() + "\",\"side\":\"" + (side == dev.peregrine.core.event.Side.BUY ? "BUY" : "SELL") + "\"}]}";
    }

    private static String ticker(final String product, final long reference, final long tick)
    {
        return "{\"type\":\"update\",\"tickers\":[{\"type\":\"ticker\",\"product_id\":\"" + product + "\",\"price\":\"" +
            FixedPoint.toString(reference) + "\",\"volume_24_h\":\"1000\",\"low_24_h\":\"" + FixedPoint.toString(reference - 100 * tick) +
            "\",\"high_24_h\":\"" + FixedPoint.toString(reference + 100 * tick) + "\",\"low_52_w\":\"" +
            FixedPoint.toString(reference / 2) + "\",\"high_52_w\":\"" + FixedPoint.toString(reference * 2) +
            "\",\"price_percent_chg_24_h\":\"0\",\"best_bid\":\"" + FixedPoint.toString(reference - tick) + "\",\"best_ask\":\"" +
            FixedPoint.toString(reference + tick) + "\",\"best_bid_quantity\":\"1\",\"best_ask_quantity\":\"1\"}]}";
    }
}
