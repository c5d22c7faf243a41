package dev.peregrine.core.event;

/**
 * One journaled payload field of an {@link InboundEvent}: what a type records after the common part
 * (type, instrument, sequence, times, flags). {@link EventDescriptor} lists, per event type, which of
 * these it carries and in what order; the journal codec writes, reads and checksums them in that order
 * and the journal's JSON and text forms show them under {@link #fieldName()}.
 *
 * <p>{@link #get} and {@link #set} switch on the constant rather than overriding per constant, so the
 * journal thread's loop over a descriptor's fields is one monomorphic call a field: no allocation, no
 * megamorphic dispatch.
 */
public enum EventField
{
    TRADE_ID("trade_id", Kind.INTEGER),
    PRICE("price", Kind.DECIMAL),
    QUANTITY("quantity", Kind.DECIMAL),
    SIDE("side", Kind.SIDE),
    BID_PRICE("bid_price", Kind.DECIMAL),
    BID_QUANTITY("bid_quantity", Kind.DECIMAL),
    ASK_PRICE("ask_price", Kind.DECIMAL),
    ASK_QUANTITY("ask_quantity", Kind.DECIMAL),
    OPEN("open", Kind.DECIMAL),
    HIGH("high", Kind.DECIMAL),
    LOW("low", Kind.DECIMAL),
    CLOSE("close", Kind.DECIMAL),
    VOLUME("volume", Kind.DECIMAL),
    PRICE_INCREMENT("price_increment", Kind.DECIMAL),
    SIZE_INCREMENT("size_increment", Kind.DECIMAL),
    EXPECTED_SEQUENCE("expected_sequence", Kind.INTEGER),
    STALE_NANOS("stale_nanos", Kind.INTEGER),
    ORDER_ID("order_id", Kind.INTEGER),
    FEE("fee", Kind.DECIMAL),
    MARK_PRICE("mark_price", Kind.DECIMAL),
    INDEX_PRICE("index_price", Kind.DECIMAL),
    FUNDING_RATE("funding_rate", Kind.DECIMAL),
    NEXT_FUNDING_TIME("next_funding_time_nanos", Kind.INTEGER);

    /** How a field's value reads: it decides both its width in the journal and its form for people. */
    public enum Kind
    {
        /** A FixedPoint scaled long, shown as a decimal string. */
        DECIMAL,
        /** A plain long (ids, sequences, nanoseconds). */
        INTEGER,
        /** A {@link Side} code, an int32 in the journal, shown by name. */
        SIDE
    }

    private final String fieldName;
    private final Kind kind;

    EventField(final String fieldName, final Kind kind)
    {
        this.fieldName = fieldName;
        this.kind = kind;
    }

    /** The field's name in the journal's JSON and text forms ({@code "bid_price"}): a documented interface. */
    public String fieldName()
    {
        return fieldName;
    }

    public Kind kind()
    {
        return kind;
    }

    /** Bytes the field takes in a journal record: 4 for the int32 side, 8 for every long. */
    public int bytes()
    {
        return kind == Kind.SIDE ? 4 : 8;
    }

    /** The field's value in {@code e}, widened to a long (the side sign-extended, as the checksum mixes it). */
    public long get(final InboundEvent e)
    {
        switch (this)
        {
            case TRADE_ID: return e.tradeId;
            case PRICE: return e.price;
            case QUANTITY: return e.quantity;
            case SIDE: return e.side;
            case BID_PRICE: return e.bidPrice;
            case BID_QUANTITY: return e.bidQuantity;
            case ASK_PRICE: return e.askPrice;
            case ASK_QUANTITY: return e.askQuantity;
            case OPEN: return e.open;
            case HIGH: return e.high;
            case LOW: return e.low;
            case CLOSE: return e.close;
            case VOLUME: return e.volume;
            case PRICE_INCREMENT: return e.priceIncrement;
            case SIZE_INCREMENT: return e.sizeIncrement;
            case EXPECTED_SEQUENCE: return e.expectedSequence;
            case STALE_NANOS: return e.staleNanos;
            case ORDER_ID: return e.orderId;
            case FEE: return e.fee;
            case MARK_PRICE: return e.markPrice;
            case INDEX_PRICE: return e.indexPrice;
            case FUNDING_RATE: return e.fundingRate;
            case NEXT_FUNDING_TIME: return e.nextFundingTimeNanos;
            default: throw new IllegalStateException(name());
        }
    }

    /** Stores {@code value} in {@code e}'s field (narrowed to an int for the side). */
    public void set(final InboundEvent e, final long value)
    {
        switch (this)
        {
            case TRADE_ID: e.tradeId = value; break;
            case PRICE: e.price = value; break;
            case QUANTITY: e.quantity = value; break;
            case SIDE: e.side = (int)value; break;
            case BID_PRICE: e.bidPrice = value; break;
            case BID_QUANTITY: e.bidQuantity = value; break;
            case ASK_PRICE: e.askPrice = value; break;
            case ASK_QUANTITY: e.askQuantity = value; break;
            case OPEN: e.open = value; break;
            case HIGH: e.high = value; break;
            case LOW: e.low = value; break;
            case CLOSE: e.close = value; break;
            case VOLUME: e.volume = value; break;
            case PRICE_INCREMENT: e.priceIncrement = value; break;
            case SIZE_INCREMENT: e.sizeIncrement = value; break;
            case EXPECTED_SEQUENCE: e.expectedSequence = value; break;
            case STALE_NANOS: e.staleNanos = value; break;
            case ORDER_ID: e.orderId = value; break;
            case FEE: e.fee = value; break;
            case MARK_PRICE: e.markPrice = value; break;
            case INDEX_PRICE: e.indexPrice = value; break;
            case FUNDING_RATE: e.fundingRate = value; break;
            case NEXT_FUNDING_TIME: e.nextFundingTimeNanos = value; break;
            default: throw new IllegalStateException(name());
        }
    }
}
