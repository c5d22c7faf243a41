package dev.peregrine.core.event;

/**
 * One pre-allocated slot of the inbound ring. Producers (gateway, timer) fill the input fields of a
 * claimed slot and publish it; the journal and the core read it in parallel; the outbound stage reads
 * the order commands the core left in it.
 *
 * <p>Fields are plain (not volatile): the Disruptor's sequence barriers give the happens-before edge
 * between the publishing producer and each consumer, and between the core and the outbound stage.
 *
 * <p>Input fields are the only thing the journal records, and the only thing a replay can restore, so
 * nothing the core decides on may live outside them. {@link #receiveNanoTime} is the exception that
 * proves the rule: it is a monotonic stamp for latency metrics, it is never journaled, and the core
 * never decides on it.
 *
 * <p>Prices and quantities are {@link dev.peregrine.core.number.FixedPoint} scaled longs.
 *
 * <p>Which input fields a type uses:
 * <pre>
 *   TRADE            tradeId, price, quantity, side (venue-reported), flags (TradeFlags: SNAPSHOT = history
 *                    the venue sent on subscribe, not a trade seen as it happened)
 *   QUOTE            bidPrice, bidQuantity, askPrice, askQuantity, price (last trade)
 *   CLOCK            (event time only)
 *   BOOK_LEVEL       side (BUY = bid, SELL = ask), price, quantity (absolute, 0 removes), flags (BookFlags)
 *   CANDLE           open, high, low, close, volume; exchangeTimeNanos = candle start
 *   INSTRUMENT_INFO  priceIncrement, sizeIncrement, quantity (minimum order size; 0 = the increment),
 *                    flags (InstrumentStatus)
 *   COMMAND          flags (CommandCode); instrumentId -1 for all instruments
 *   VENUE_*          orderId; VENUE_FILL also tradeId (fill number within the order), price, quantity,
 *                    fee (quote currency, scaled), flags (liquidity: 1 maker, 2 taker); VENUE_REJECTED and
 *                    VENUE_UNKNOWN: flags = the adapter's reason code
 *   FEED_STALE       staleNanos (time since the last data message)
 *   FEED_GAP         venueSequence (received), expectedSequence (0 when the connection was lost)
 *   FEED_RECOVERED   (instrument only)
 *   MARK_PRICE       markPrice, indexPrice, fundingRate (the venue's current/next rate), nextFundingTimeNanos;
 *                    exchangeTimeNanos = the venue's time of the mark
 *   FUNDING_SETTLEMENT fundingRate applied, markPrice used, fee (what the venue reported we paid, settlement
 *                    currency, positive = paid; 0 = the engine computes it from the positions)
 *   LIQUIDATION      price, quantity, side (a liquidation printed on the market; information only)
 * </pre>
 */
public final class InboundEvent
{
    /** Upper bound of orders one input may cause; more is a strategy bug, counted and rejected. */
    public static final int MAX_ORDERS_PER_EVENT = 8;

    // ---- inputs (journaled) ----
    /** One of {@link EventType}. */
    public int type;
    /** Engine-wide instrument id (see {@code InstrumentRegistry}); -1 for events of no instrument. */
    public int instrumentId;
    /** The venue's sequence number of the message that carried this event (0 if none). */
    public long venueSequence;
    /** Venue timestamp of the event, epoch nanoseconds (0 if the venue gives none). */
    public long exchangeTimeNanos;
    /** When the engine received it, epoch nanoseconds. This is the core's clock. */
    public long eventTimeNanos;

    /** TRADE: venue trade id. */
    public long tradeId;
    /** TRADE: price; QUOTE: last trade price. */
    public long price;
    /** TRADE: quantity. */
    public long quantity;
    /** TRADE: side as reported by the venue (for Coinbase, the maker's side). */
    public int side;

    /** QUOTE: best bid, best bid quantity, best ask, best ask quantity. */
    public long bidPrice;
    public long bidQuantity;
    public long askPrice;
    public long askQuantity;

    /** TRADE: {@link TradeFlags}; BOOK_LEVEL: {@link BookFlags}; INSTRUMENT_INFO: {@link InstrumentStatus}. */
    public int flags;

    /** CANDLE: open, high, low, close, volume. */
    public long open;
    public long high;
    public long low;
    public long close;
    public long volume;

    /** INSTRUMENT_INFO: the venue's tick size and lot size. */
    public long priceIncrement;
    public long sizeIncrement;

    /** VENUE_*: the engine's order id the venue's answer is about. */
    public long orderId;
    /** VENUE_FILL: the fee the venue charged, quote currency, FixedPoint scaled. */
    public long fee;

    /** MARK_PRICE, FUNDING_SETTLEMENT: the venue's mark price. */
    public long markPrice;
    /** MARK_PRICE: the venue's index (spot) price. */
    public long indexPrice;
    /** MARK_PRICE: the current/next funding rate; FUNDING_SETTLEMENT: the rate applied (FixedPoint, 10000 = 0.0001). */
    public long fundingRate;
    /** MARK_PRICE: when the next funding happens, epoch nanoseconds. */
    public long nextFundingTimeNanos;

    /** FEED_GAP: the sequence number that should have come; FEED_STALE: nanoseconds without data. */
    public long expectedSequence;
    public long staleNanos;

    // ---- measurement only (not journaled, never used for decisions) ----
    /** {@link System#nanoTime()} when the frame arrived; 0 in replay. */
    public long receiveNanoTime;
    /** {@link System#nanoTime()} when the producer published the slot (ring wait starts here); 0 in replay. */
    public long publishNanoTime;

    // ---- written by the core, read by the outbound stage ----
    /** Number of valid entries in {@link #orders}. */
    public int orderCount;
    /** Order commands caused by this input, released only once the input is journaled. */
    public final OrderCommand[] orders = new OrderCommand[MAX_ORDERS_PER_EVENT];

    public InboundEvent()
    {
        for (int i = 0; i < orders.length; i++)
        {
            orders[i] = new OrderCommand();
        }
    }

    /** Resets every field a producer sets, so a reused slot never leaks values from its last use. */
    public void clearInputs()
    {
        type = EventType.NONE;
        instrumentId = -1;
        venueSequence = 0;
        exchangeTimeNanos = 0;
        eventTimeNanos = 0;
        tradeId = 0;
        price = 0;
        quantity = 0;
        side = Side.NONE;
        bidPrice = 0;
        bidQuantity = 0;
        askPrice = 0;
        askQuantity = 0;
        flags = 0;
        orderId = 0;
        fee = 0;
        open = 0;
        high = 0;
        low = 0;
        close = 0;
        volume = 0;
        priceIncrement = 0;
        sizeIncrement = 0;
        expectedSequence = 0;
        staleNanos = 0;
        markPrice = 0;
        indexPrice = 0;
        fundingRate = 0;
        nextFundingTimeNanos = 0;
        receiveNanoTime = 0;
        publishNanoTime = 0;
        orderCount = 0;
    }

    /** Copies the journaled inputs of {@code other} into this slot (used by replay and tests). */
    public void copyInputsFrom(final InboundEvent other)
    {
        type = other.type;
        instrumentId = other.instrumentId;
        venueSequence = other.venueSequence;
        exchangeTimeNanos = other.exchangeTimeNanos;
        eventTimeNanos = other.eventTimeNanos;
        tradeId = other.tradeId;
        price = other.price;
        quantity = other.quantity;
        side = other.side;
        bidPrice = other.bidPrice;
        bidQuantity = other.bidQuantity;
        askPrice = other.askPrice;
        askQuantity = other.askQuantity;
        flags = other.flags;
        orderId = other.orderId;
        fee = other.fee;
        open = other.open;
        high = other.high;
        low = other.low;
        close = other.close;
        volume = other.volume;
        priceIncrement = other.priceIncrement;
        sizeIncrement = other.sizeIncrement;
        expectedSequence = other.expectedSequence;
        staleNanos = other.staleNanos;
        markPrice = other.markPrice;
        indexPrice = other.indexPrice;
        fundingRate = other.fundingRate;
        nextFundingTimeNanos = other.nextFundingTimeNanos;
        receiveNanoTime = other.receiveNanoTime;
        publishNanoTime = other.publishNanoTime;
        orderCount = 0;
    }

    @Override
    public String toString()
    {
        return "InboundEvent{type=" + EventType.name(type) +
            ", instrumentId=" + instrumentId +
            ", venueSequence=" + venueSequence +
            ", exchangeTimeNanos=" + exchangeTimeNanos +
            ", eventTimeNanos=" + eventTimeNanos +
            ", tradeId=" + tradeId +
            ", price=" + price +
            ", quantity=" + quantity +
            ", side=" + Side.name(side) +
            ", bid=" + bidQuantity + "@" + bidPrice +
            ", ask=" + askQuantity + "@" + askPrice +
            ", flags=" + flags +
            ", orderId=" + orderId +
            ", fee=" + fee +
            ", ohlcv=" + open + "/" + high + "/" + low + "/" + close + "/" + volume +
            ", increments=" + priceIncrement + "/" + sizeIncrement +
            ", expectedSequence=" + expectedSequence +
            ", staleNanos=" + staleNanos +
            ", mark=" + markPrice + ", index=" + indexPrice + ", fundingRate=" + fundingRate +
            ", nextFunding=" + nextFundingTimeNanos +
            '}';
    }
}
