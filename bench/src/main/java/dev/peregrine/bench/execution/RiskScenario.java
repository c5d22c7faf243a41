package dev.peregrine.bench.execution;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.market.FeedHealth;
import dev.peregrine.core.market.InstrumentRules;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.risk.OrderRequest;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.core.risk.RiskChain;
import dev.peregrine.core.risk.RiskContext;
import dev.peregrine.core.market.MarketSanitySettings;
import dev.peregrine.core.risk.RiskLimits;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.EnumSet;
import java.util.List;

/**
 * A realistic account for {@code RiskChain.standard()}: three products, two open positions, three resting
 * orders, synced L2 books and every optional limit switched on (notional, price band, gross exposure,
 * daily loss, trailing drawdown, order and cancel rates, a 09:30-16:00 America/New_York weekday window).
 * It owns the event clock the requests are stamped with and keeps the chain in steady state:
 *
 * <ul>
 *   <li>Each checked order is {@link #STEP_NANOS} (100 ms) of event time after the previous one, so at most
 *       10 orders a second pass, half the 20/s limit (600 a minute against 1,000): the rate windows fill
 *       their rings and then keep doing the real comparison, but never reject.</li>
 *   <li>When the next order would fall at or after 16:00 New York time, the clock jumps to 09:30 of the next
 *       weekday (pre-computed sessions, daylight saving included), so time only goes forward and every order
 *       is inside the window.</li>
 *   <li>The chain changes nothing but the rate windows: positions, open orders and the day's PnL stay as
 *       set up, so every pass over the request cycle meets the same account.</li>
 * </ul>
 */
public final class RiskScenario
{
    public static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD", "SOL-USD");
    public static final int BTC = 0;
    public static final int ETH = 1;
    public static final int SOL = 2;
    public static final ZoneId ZONE = ZoneId.of("America/New_York");
    public static final long STEP_NANOS = 100_000_000L;
    /** Levels per side of each synced book (a book this deep is what the price-band and touch reads see). */
    public static final int BOOK_DEPTH = 200;
    private static final int SESSIONS = 5_000; // about 19 years of weekdays: far more than any run uses
    private static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 2); // a Monday, after the DST change

    public final RiskChain chain = RiskChain.standard();
    public final RiskContext context;
    public final PositionBook positions;
    public final MarketState market;
    public final OrderStore orders;

    private final long[] sessionOpen = new long[SESSIONS];
    private final long[] sessionClose = new long[SESSIONS];
    private int session;
    private long timeNanos;

    public RiskScenario()
    {
        final int n = PRODUCTS.size();
        final RiskLimits limits = new RiskLimits(
            new long[]{qty("0.1"), qty("2"), qty("50")},              // max order quantity
            new double[]{10_000, 5_000, 5_000},                        // max order notional, USD
            new long[]{qty("0.15"), qty("5"), qty("100")},             // max position
            new double[]{0.05, 0.05, 0.05},                            // price band: 5 % from the mark
            12_000,                                                    // max gross exposure, USD
            1_000,                                                     // daily loss limit, USD
            1_500,                                                     // trailing drawdown limit, USD
            20, 1_000,                                                 // orders per second, per minute
            20, 1_000,                                                 // cancels per second, per minute
            ZONE, 9 * 60 + 30, 16 * 60,
            EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY), MarketSanitySettings.OFF);
        positions = new PositionBook(n);
        market = new MarketState(n);
        orders = new OrderStore(1 << 10);
        final InstrumentRules rules = new InstrumentRules(VenueRegistry.standard().catalog().registryFor(PRODUCTS));
        context = new RiskContext(limits, positions, market, orders, rules, new FeedHealth(n));

        book(BTC, "65000.00", "0.01", "0.25");
        book(ETH, "1900.00", "0.01", "4");
        book(SOL, "150.00", "0.01", "60");

        positions.applyFill(BTC, Side.BUY, qty("0.05"), px("64900"), 1.95);
        positions.applyFill(ETH, Side.SELL, qty("1"), px("1910"), 1.15);

        for (int i = 0; i < SESSIONS; i++)
        {
            final LocalDate day = FIRST_DAY.plusDays(7L * (i / 5) + i % 5); // the i-th weekday
            sessionOpen[i] = nanos(ZonedDateTime.of(day, LocalTime.of(9, 30), ZONE));
            sessionClose[i] = nanos(ZonedDateTime.of(day, LocalTime.of(16, 0), ZONE));
        }
        timeNanos = sessionOpen[0];

        final long t0 = timeNanos - 1_000_000_000L;
        orders.create(1, 0, BTC, Side.BUY, OrderType.LIMIT, qty("0.02"), px("64800"), false, t0);
        orders.create(2, 0, ETH, Side.SELL, OrderType.LIMIT, qty("0.5"), px("1905"), false, t0);
        orders.create(3, 0, SOL, Side.BUY, OrderType.LIMIT, qty("5"), px("148"), false, t0);
        context.onEvent(t0); // the day's baseline equity, as the core sets it on its first event
    }

    /** Every order passes all twelve checks (none of them reducing): the chain's longest path. */
    public OrderRequest[] passingCycle()
    {
        return new OrderRequest[]{
            limit(BTC, Side.BUY, "0.01", "64990"),
            limit(ETH, Side.SELL, "0.5", "1901"),
            market(SOL, Side.BUY, "2")};
    }

    /** What {@link #passingCycle()} must be judged, order by order. */
    public static RejectReason[] passingReasons()
    {
        return new RejectReason[]{RejectReason.NONE, RejectReason.NONE, RejectReason.NONE};
    }

    /**
     * Orders that pass and orders stopped at six different depths of the chain: three passes (one reducing),
     * then rejects by product rules (check 1), price band (4), notional (6), position (7), gross exposure
     * (8) and self-trade (11, after every other check passed).
     */
    public OrderRequest[] mixedCycle()
    {
        return new OrderRequest[]{
            limit(BTC, Side.BUY, "0.01", "64990"),
            limit(ETH, Side.BUY, "0.5", "1899"),        // reduces the ETH short
            market(SOL, Side.BUY, "2"),
            limit(ETH, Side.BUY, "0.1", "1900.005"),    // off the 0.01 tick
            limit(BTC, Side.BUY, "0.01", "70000"),      // 7.7 % above the mark
            limit(SOL, Side.BUY, "40", "150"),          // 6,000 USD
            limit(BTC, Side.BUY, "0.1", "64950"),       // 0.05 held + 0.02 open + 0.1 > 0.15
            limit(SOL, Side.BUY, "30", "150"),          // ~8,100 USD exposure + 4,500 > 12,000
            limit(BTC, Side.SELL, "0.01", "64800")};    // would trade with our BTC bid at 64,800
    }

    /** What {@link #mixedCycle()} must be judged, order by order. */
    public static RejectReason[] mixedReasons()
    {
        return new RejectReason[]{
            RejectReason.NONE, RejectReason.NONE, RejectReason.NONE,
            RejectReason.INVALID_PRICE, RejectReason.PRICE_BAND, RejectReason.MAX_ORDER_NOTIONAL,
            RejectReason.MAX_POSITION, RejectReason.MAX_GROSS_EXPOSURE, RejectReason.SELF_TRADE};
    }

    /**
     * Event time of the next order: {@link #STEP_NANOS} after the last, or 09:30 of the next weekday when
     * that would be at or after 16:00. No allocation.
     */
    public long nextTime()
    {
        long t = timeNanos + STEP_NANOS;
        if (t >= sessionClose[session])
        {
            if (++session == SESSIONS)
            {
                throw new IllegalStateException("risk benchmark ran out of pre-computed sessions; raise SESSIONS");
            }
            t = sessionOpen[session];
        }
        timeNanos = t;
        return t;
    }

    /** Sessions (trading days) the clock has moved past so far. */
    public int sessionsElapsed()
    {
        return session;
    }

    private OrderRequest limit(final int instrument, final int side, final String quantity, final String price)
    {
        return request(instrument, side, OrderType.LIMIT, qty(quantity), px(price), px(price));
    }

    /** A market order's reference price is the touch it would take, as {@code ExecutionEngine} sets it. */
    private OrderRequest market(final int instrument, final int side, final String quantity)
    {
        final long touch = side == Side.BUY ? market.book(instrument).asks().bestPrice() : market.book(instrument).bids().bestPrice();
        return request(instrument, side, OrderType.MARKET, qty(quantity), 0, touch);
    }

    private OrderRequest request(final int instrument, final int side, final OrderType type, final long quantity,
        final long limitPrice, final long referencePrice)
    {
        final OrderRequest r = new OrderRequest();
        r.instrumentId = instrument;
        r.side = side;
        r.type = type;
        r.quantity = quantity;
        r.limitPrice = limitPrice;
        r.referencePrice = referencePrice;
        r.timeNanos = timeNanos;
        r.reducing = context.isReducing(instrument, side, quantity); // as ExecutionEngine computes it
        return r;
    }

    /** A synced book of {@link #BOOK_DEPTH} levels a side around {@code mid}, one tick apart, and its quote. */
    private void book(final int instrument, final String mid, final String tick, final String levelQuantity)
    {
        final long m = px(mid);
        final long t = px(tick);
        final long q = qty(levelQuantity);
        final var book = market.book(instrument);
        book.beginSnapshot();
        for (int level = BOOK_DEPTH; level >= 1; level--)
        {
            book.set(Side.BUY, m - level * t, q);
            book.set(Side.SELL, m + level * t, q);
        }
        book.endSnapshot();
        market.onQuote(instrument, m - t, q, m + t, q, m);
    }

    private static long nanos(final ZonedDateTime time)
    {
        return time.toEpochSecond() * 1_000_000_000L;
    }

    static long qty(final String text)
    {
        return FixedPoint.parseOrThrow("quantity", text);
    }

    static long px(final String text)
    {
        return FixedPoint.parseOrThrow("price", text);
    }
}
