package dev.peregrine.gateway.coinbase;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The members of one kind of Coinbase entry object as a table: each member's key, how its value is read
 * (its kind) and whether the entry is dropped without it. Built once per entry class in a static
 * initializer; {@link EntryFields} walks an entry object against it and checks each value as its kind
 * requires. One table instead of one hand-written {@code keyEquals} chain and one set of range checks per
 * entry class: the entry classes keep only their table and their slot payload.
 *
 * <p>A member's index is its position in the table, given again at each {@link #member} call so that the
 * entry class's index constants and the table cannot drift apart unnoticed.
 */
final class EntryLayout
{
    /** A product id string, looked up in the instrument registry; unknown products drop the entry. */
    static final int PRODUCT = 1;
    /** A price: a decimal carried as a JSON string, above zero (else {@code non_positive_price}). */
    static final int PRICE = 2;
    /** A trade size or a lot size: a decimal carried as a JSON string, above zero (else {@code bad_quantity}). */
    static final int SIZE = 3;
    /** A book or volume quantity: a decimal carried as a JSON string, zero or above (else {@code bad_quantity}). */
    static final int QUANTITY = 4;
    /** A non-negative integer carried as a JSON string ({@code trade_id}). */
    static final int INTEGER = 5;
    /**
     * Epoch seconds as an integer in a JSON string (a candle's {@code start}), small enough to be
     * epoch nanoseconds in a long (else {@code bad_timestamp}).
     */
    static final int EPOCH_SECONDS = 6;
    /** An RFC 3339 timestamp string, read as epoch nanoseconds. */
    static final int TIME = 7;
    /** {@code BUY} or {@code SELL}, as {@code market_trades} reports the maker's side. */
    static final int TRADE_SIDE = 8;
    /** {@code bid} or {@code offer}, as {@code l2_data} names a level's side. */
    static final int BOOK_SIDE = 9;
    /** A product's {@code status} string, read as an {@code InstrumentStatus} code; never a drop. */
    static final int STATUS = 10;
    /** An optional boolean: 1 when the member is {@code true}, 0 when it is anything else or absent. */
    static final int FLAG = 11;

    /** The most members a table may hold: one bit each in an int. */
    private static final int MAX_MEMBERS = 31;

    byte[][] keys = new byte[0][];
    int[] kinds = new int[0];
    /** Bit {@code i} set when member {@code i} must be present. */
    int required;
    /** True when some member is a {@link #FLAG}, reset to 0 before each entry. */
    boolean hasFlags;

    /**
     * Adds member {@code index} (the next one) with its key and kind; a {@link #FLAG} is optional, every
     * other kind required.
     */
    EntryLayout member(final int index, final String key, final int kind)
    {
        if (index != kinds.length || index >= MAX_MEMBERS)
        {
            throw new IllegalStateException(
                "member " + key + " must be added as index " + kinds.length + " (at most " + MAX_MEMBERS + "), was " + index);
        }
        keys = Arrays.copyOf(keys, index + 1);
        kinds = Arrays.copyOf(kinds, index + 1);
        keys[index] = key.getBytes(StandardCharsets.US_ASCII);
        kinds[index] = kind;
        if (kind == FLAG)
        {
            hasFlags = true;
        }
        else
        {
            required |= 1 << index;
        }
        return this;
    }

    /** How many members the table holds. */
    int size()
    {
        return kinds.length;
    }
}
