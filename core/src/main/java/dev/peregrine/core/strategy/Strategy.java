package dev.peregrine.core.strategy;

import dev.peregrine.core.bar.Bar;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.risk.RejectReason;

/**
 * A trading strategy: callbacks on the core thread, in event order, for market data, its bars, its own
 * orders' events, feed health and its timers. It acts through the {@link StrategyContext} it was built
 * with (orders, positions, PnL, the book, bars, timers, the explanation of each order) and sees event
 * time only: never a wall clock, a thread or an exchange-specific type.
 *
 * <p>Every callback has an empty default, so a strategy implements only what it uses. Callbacks must not
 * block or allocate on the hot path. One that throws disables its strategy (and only that strategy):
 * its working orders are cancelled and the others keep running. Prices and quantities are scaled longs
 * ({@code FixedPoint}).
 */
public interface Strategy
{
    /** A trade printed on the venue. {@code side} is the venue's aggressor/maker flag as the gateway mapped it. */
    default void onTrade(int instrumentId, long price, long quantity, int side, long timeNanos)
    {
    }

    /**
     * A trade the venue sent as history, not as it happened: the recent trades a venue lists when the
     * engine subscribes or resubscribes (Coinbase's {@code market_trades} snapshot), oldest first, each
     * trade id once. {@code printedNanos} is when it printed on the venue. A strategy that wants to warm up
     * its indicators on them overrides this; by default they never reach it (not {@link #onTrade}, not its
     * bars), and they never fill a paper order. Warm up here, do not trade: the prints are stale.
     */
    default void onSnapshotTrade(int instrumentId, long price, long quantity, int side, long printedNanos)
    {
    }

    /** The top of book of an instrument changed (read it from the context's market state). */
    default void onQuote(int instrumentId, long timeNanos)
    {
    }

    /** The L2 book of an instrument changed (once per venue message; read it from {@code context.book(id)}). */
    default void onBook(int instrumentId, long timeNanos)
    {
    }

    /** A bar this strategy subscribed to closed. The bar is a flyweight, valid during this call only. */
    default void onBar(Bar bar)
    {
    }

    /** The instrument's feed became unhealthy (stale, gap) or healthy again. */
    default void onFeedStatus(int instrumentId, boolean healthy, long timeNanos)
    {
    }

    /** A timer tick from the engine's clock events: for time-based logic in event time. */
    default void onClock(long timeNanos)
    {
    }

    /** A timer set with {@link StrategyContext#scheduleTimer} fell due (on the first event at or after it). */
    default void onTimer(int timerId, long timeNanos)
    {
    }

    /** The venue acknowledged one of this strategy's orders. */
    default void onOrderAccepted(Order order, long timeNanos)
    {
    }

    /** Part of an order filled and the rest still works. {@code quantity} and {@code price} are this fill's. */
    default void onOrderPartiallyFilled(Order order, long quantity, long price, long timeNanos)
    {
    }

    /** An order filled completely; this was its last fill. */
    default void onOrderFilled(Order order, long quantity, long price, long timeNanos)
    {
    }

    /** The unfilled rest of an order was cancelled (on request, or an immediate-or-cancel remainder). */
    default void onOrderCancelled(Order order, long timeNanos)
    {
    }

    /** The venue never answered an order in time; its fate there is unknown until it says more. */
    default void onOrderExpired(Order order, long timeNanos)
    {
    }

    /**
     * An order was refused, by risk before it left or by the venue. A refusal by risk is also the -1 the
     * submitting call returned; it is told here after that callback returned, never inside it.
     */
    default void onOrderRejected(long orderId, int instrumentId, RejectReason reason, long timeNanos)
    {
    }

    /** Folds everything the strategy remembers into {@code seed}, for the state hash. */
    long hash(long seed);
}
