package dev.peregrine.gateway.binance;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * The values of one Binance stream payload whose members all have one-byte keys ({@code trade},
 * {@code bookTicker}), read against a table of keys and kinds: the walk both messages share. The
 * table is given once per message class as a string of keys, member {@code i} being the key at index
 * {@code i}, and one kind per key. Values are longs by member index; nothing is allocated per frame.
 * Each message class extends this with its table, its checks and its slot payload; every method here is
 * final, so calls bind statically and the walk has no virtual call.
 *
 * <p>Unlike a Coinbase entry, the walk goes on to the end of the object after the first problem: the
 * decoder expects the cursor past the payload whatever its content. The first problem wins.
 */
public class MessageFields
{
    /** The symbol string, looked up in the instrument registry. */
    public static final int SYMBOL = 1;
    /** A non-negative integer carried as a JSON number (ids). */
    public static final int INTEGER = 2;
    /** A decimal carried as a JSON string (prices, quantities). */
    public static final int DECIMAL = 3;
    /** Epoch milliseconds as a JSON integer, kept as epoch nanoseconds. */
    public static final int MILLIS = 4;
    /**
     * {@code m}, "the buyer is the maker", kept as the maker's side: true is {@link Side#BUY}, false
     * {@link Side#SELL}; anything else is a bad side.
     */
    public static final int BUYER_IS_MAKER = 5;

    private final byte[] keys;
    private final int[] kinds;
    private final int all;
    private final InstrumentRegistry registry;
    private final BinanceFields reader = new BinanceFields();
    private final long[] values;

    /** {@code keys}: one ASCII character per member; {@code kinds}: one kind per key, in the same order. */
    protected MessageFields(final InstrumentRegistry registry, final String keys, final int... kinds)
    {
        if (keys.length() != kinds.length || kinds.length > 31)
        {
            throw new IllegalArgumentException(
                "one kind per key and at most 31 members: keys " + keys + ", " + kinds.length + " kinds");
        }
        this.registry = registry;
        this.keys = BinanceStream.ascii(keys);
        this.kinds = kinds.clone();
        this.all = (1 << kinds.length) - 1;
        this.values = new long[kinds.length];
    }

    /** Reads the data object at the scanner's position; null if every member was there and valid, else why not. */
    protected final DropReason read(final JsonScanner scanner)
    {
        scanner.enterObject();
        int seen = 0;
        DropReason problem = null;
        while (scanner.nextMember() == JsonScanner.ITEM)
        {
            if (problem != null)
            {
                continue; // keep walking so the cursor ends past the object; the first problem wins
            }
            // One-byte keys, case-sensitive ('t' trade id, 'T' trade time): matched as bytes, not strings.
            final int key = scanner.singleByteKey();
            for (int i = 0; i < keys.length; i++)
            {
                if (keys[i] == key)
                {
                    seen |= 1 << i;
                    problem = readValue(scanner, i, kinds[i]);
                    break;
                }
            }
        }
        if (problem != null)
        {
            return problem;
        }
        return seen == all ? null : DropReason.MISSING_FIELD;
    }

    /** The value of member {@code index} as last read. */
    protected final long value(final int index)
    {
        return values[index];
    }

    /** Stores a value matched elsewhere (the fast path) as member {@code index}. */
    protected final void set(final int index, final long value)
    {
        values[index] = value;
    }

    private DropReason readValue(final JsonScanner scanner, final int index, final int kind)
    {
        final DropReason problem;
        switch (kind)
        {
            case SYMBOL:
                problem = reader.symbol(scanner, registry);
                break;
            case INTEGER:
                problem = reader.integer(scanner);
                break;
            case DECIMAL:
                problem = reader.decimal(scanner);
                break;
            case MILLIS:
                problem = reader.millisAsNanos(scanner);
                break;
            default:
                final int valueKind = scanner.valueKind();
                if (valueKind != JsonScanner.KIND_TRUE && valueKind != JsonScanner.KIND_FALSE)
                {
                    return DropReason.BAD_SIDE;
                }
                values[index] = valueKind == JsonScanner.KIND_TRUE ? Side.BUY : Side.SELL;
                return null;
        }
        values[index] = reader.value;
        return problem;
    }
}
