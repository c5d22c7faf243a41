package dev.peregrine.core.strategy;

import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.perpetual.MarginAccount;
import dev.peregrine.core.perpetual.MarkPrices;
import dev.peregrine.core.perpetual.MarkWindow;

import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.execution.OrderEntry;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.order.Order;

/**
 * Everything a strategy may do and read, bound to that strategy: every order it places carries its id,
 * positions and PnL are its own (from its own fills), and only its own orders can be cancelled through
 * it. One per strategy, built by the engine; called on the core thread only.
 *
 * <p>Orders go through {@link OrderEntry}'s calls (market, limit, immediate-or-cancel limit, cancel,
 * cancel-replace), each through the engine's risk checks. Before risk sees it, every quantity is capped at
 * the instrument's maximum order quantity and at the room left under its maximum position, then rounded
 * down to the lot; an order that sizes to nothing is not sent and the call returns 0 (not a reject). A
 * replacement that the order-rate limit would refuse is not started (-1, the old order keeps working). Before submitting, a strategy says why in
 * {@link #decision()}: the signal and the values behind it; the engine adds the book, the position and
 * the risk verdict, and journals the record with the order.
 *
 * <p>Bars and instruments are set up while the strategy is built (in its constructor, from the
 * factory); timers can be set at any time.
 */
public interface StrategyContext extends OrderEntry
{
    /** This strategy's id: 1, 2, ... in configuration order; every order it places carries it. */
    int strategyId();

    /** This strategy's configured name, unique within the engine. */
    String name();

    // ---- instruments and market data ----

    /** The engine-wide id of a configured product, e.g. {@code "BTC-USD"}; throws if it is not configured. */
    int instrumentId(String symbol);

    String symbol(int instrumentId);

    int instrumentCount();

    /** Top of book, last trade and the L2 books of every instrument. */
    MarketState market();

    /** The L2 book of an instrument (check {@link OrderBook#isSynced()} before trusting it). */
    OrderBook book(int instrumentId);

    /** The venue's tick size (scaled): prices of limit orders must be multiples of it. */
    long priceIncrement(int instrumentId);

    /** The venue's lot size (scaled): quantities must be multiples of it. */
    long sizeIncrement(int instrumentId);

    /** The venue's minimum order size (scaled): smaller orders are refused by risk. */
    long minSize(int instrumentId);

    /**
     * The engine's trading state: ACTIVE, REDUCING (only orders that reduce a position pass) or HALTED
     * (nothing passes), so a strategy can stand aside instead of collecting rejections.
     */
    TradingState tradingState();

    /**
     * The engine's order quantity of the instrument now (scaled): its order notional at the current price
     * (last trade, else the mid), on the lot; the configured quantity before any price is known.
     */
    long defaultOrderQuantity(int instrumentId);

    /** Whether the instrument's feed is healthy (not stale, no unrecovered gap). */
    boolean feedHealthy(int instrumentId);

    /** The event time of the input being processed, epoch nanoseconds: the strategy's only clock. */
    long timeNanos();

    // ---- the explanation of the next order ----

    /** {@inheritDoc} */
    @Override
    DecisionRecord decision();

    // ---- perpetual futures ----

    /**
     * Sends a reduce-only order (a perpetual venue's {@code reduceOnly}): a market order when {@code limitPrice} is 0,
     * else a good-till-cancelled limit. Sized and risk-checked like any order; risk refuses it with a reason when it
     * would open or flip a position.
     *
     * @return the order id, 0 when it sized to nothing, or -1 if it was refused.
     */
    long submitReduceOnlyOrder(int instrumentId, int side, long quantity, long limitPrice);

    /** The instrument's perpetual terms, or null when it is spot. */
    PerpetualTerms perpetual(int instrumentId);

    /** The latest marks, index prices and funding rates the venue sent (MARK_PRICE events), per instrument. */
    MarkPrices markPrices();

    /** The instrument's recent marks (a rolling window), for signals over the mark rather than trades. */
    MarkWindow markWindow(int instrumentId);

    /**
     * This strategy's own funding-rate guard in risk ({@code FundingRateGuard}): no new position in the instrument
     * on the side that pays funding above {@code maxRate} per interval (0.0005 = 0.05 %; 0 lifts it). The tighter of
     * this and the engine's configured limit applies. Set it while the strategy is built.
     */
    void guardFunding(int instrumentId, double maxRate);

    /** The engine's perpetual margin account: margin ratio, available margin, leverage, liquidation prices. */
    MarginAccount marginAccount();

    /** Funding this strategy paid in the instrument (negative: received), settlement currency. */
    double funding(int instrumentId);

    /** How many liquidations the market printed in the instrument (LIQUIDATION events). */
    long liquidationPrints(int instrumentId);

    // ---- this strategy's own orders, positions and PnL ----

    /** Cancels every working order of this strategy in the instrument (-1: all instruments); returns how many were asked. */
    int cancelAllOrders(int instrumentId);

    /** Orders of this strategy not yet terminal. */
    int openOrderCount();

    /** The {@code index}-th open order of this strategy, oldest first (0 <= index < openOrderCount()). */
    Order openOrder(int index);

    /** This strategy's order with that id, or null (unknown, another strategy's, or evicted). */
    Order order(long orderId);

    /** Unfilled quantity of this strategy's open orders in the instrument on one side (scaled). */
    long openQuantity(int instrumentId, int side);

    /** This strategy's position (scaled, signed): the sum of its own fills. */
    long position(int instrumentId);

    /** Average entry price of this strategy's position, 0 when flat. */
    double averagePrice(int instrumentId);

    /** Realized PnL of this strategy in the instrument, gross of fees, quote currency. */
    double realizedPnl(int instrumentId);

    /** Unrealized PnL of this strategy's position at the current mark price (the venue's mark for a perpetual). */
    double unrealizedPnl(int instrumentId);

    /** Fees this strategy paid in the instrument. */
    double fees(int instrumentId);

    /** Realized plus unrealized, net of fees and of funding paid, over every instrument. */
    double totalPnl();

    /** The engine's net position in the instrument, all strategies and exits together. */
    long enginePosition(int instrumentId);

    // ---- bars and timers ----

    /** Time bars of {@code intervalNanos} from the instrument's trades, closed by clock events too. Set-up only. */
    void subscribeTimeBars(int instrumentId, long intervalNanos);

    /**
     * Bars that arrive whole: each closed candle of the instrument marked as its interval's market data
     * ({@code CandleFlags.BAR}, the bar path of a backtest), ending {@code intervalNanos} after its start.
     * Set-up only.
     */
    void subscribeCandleBars(int instrumentId, long intervalNanos);

    /** Bars of {@code tradesPerBar} trades. Set-up only. */
    void subscribeTickBars(int instrumentId, int tradesPerBar);

    /** Bars of {@code volumePerBar} traded quantity (scaled). Set-up only. */
    void subscribeVolumeBars(int instrumentId, long volumePerBar);

    /**
     * Sets (or moves) timer {@code timerId} to fire once at {@code atNanos} event time; it fires on the
     * first event at or after it. Returns false if this strategy already has the most timers allowed.
     */
    boolean scheduleTimer(int timerId, long atNanos);

    /** Cancels timer {@code timerId}; false if it was not set. */
    boolean cancelTimer(int timerId);
}
