package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.InstrumentStatus;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.time.EpochNanos;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

import java.nio.charset.StandardCharsets;

/**
 * The values of one Coinbase entry object, read member by member against its {@link EntryLayout}: the walk
 * every entry class shares (enter the object, match each key against the table, read its value by kind,
 * stop at the first problem, check that every required member was there, then each value's range). Values
 * are kept as longs by member index; nothing is allocated per entry.
 *
 * <p>Each entry class extends this with its table and its slot payload. Every method here is final, so a
 * call on an entry binds statically and the walk has no virtual call: the JIT compiles it like the
 * hand-written chains it replaces.
 */
class EntryFields
{
    private static final byte[] BUY = "BUY".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] SELL = "SELL".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] BID = "bid".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OFFER = "offer".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ONLINE = "online".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] OFFLINE = "offline".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] DELISTED = "delisted".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] CANCEL_ONLY = "cancel_only".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] LIMIT_ONLY = "limit_only".getBytes(StandardCharsets.US_ASCII);

    /** Epoch seconds beyond which seconds * 1e9 would overflow a long (year 2262). */
    private static final long MAX_EPOCH_SECONDS = Long.MAX_VALUE / EpochNanos.NANOS_PER_SECOND;

    private final EntryLayout layout;
    private final InstrumentRegistry registry;
    private final FieldReader reader = new FieldReader();
    private final long[] values;

    /** {@code registry} may be null for a layout without a {@link EntryLayout#PRODUCT} member. */
    EntryFields(final EntryLayout layout, final InstrumentRegistry registry)
    {
        this.layout = layout;
        this.registry = registry;
        this.values = new long[layout.size()];
    }

    /**
     * Reads the entry object at the scanner's cursor. On a problem the walk stops where it found it.
     *
     * @return null if every required member was read and in range, else why the entry is dropped.
     */
    final DropReason decode(final JsonScanner scanner)
    {
        if (!scanner.enterObject())
        {
            return DropReason.WRONG_TYPE;
        }
        final byte[][] keys = layout.keys;
        final int[] kinds = layout.kinds;
        if (layout.hasFlags)
        {
            for (int i = 0; i < kinds.length; i++)
            {
                if (kinds[i] == EntryLayout.FLAG)
                {
                    values[i] = 0;
                }
            }
        }
        int seen = 0;
        DropReason problem = null;
        while (problem == null && scanner.nextMember() == JsonScanner.ITEM)
        {
            for (int i = 0; i < keys.length; i++)
            {
                if (scanner.keyEquals(keys[i]))
                {
                    problem = readValue(scanner, i, kinds[i]);
                    seen |= 1 << i;
                    break;
                }
            }
        }
        if (problem != null)
        {
            return problem;
        }
        final int required = layout.required;
        return (seen & required) == required ? checkRanges(kinds) : DropReason.MISSING_FIELD;
    }

    /**
     * The values' ranges, once every member is known to be there: a timestamp out of range first, then a
     * price, then a quantity (the order the entries always checked them in, so each drop keeps its reason).
     */
    private DropReason checkRanges(final int[] kinds)
    {
        boolean badPrice = false;
        boolean badQuantity = false;
        for (int i = 0; i < kinds.length; i++)
        {
            final long value = values[i];
            switch (kinds[i])
            {
                case EntryLayout.EPOCH_SECONDS:
                    if (value > MAX_EPOCH_SECONDS)
                    {
                        return DropReason.BAD_TIMESTAMP;
                    }
                    break;
                case EntryLayout.PRICE:
                    badPrice |= value <= 0;
                    break;
                case EntryLayout.SIZE:
                    badQuantity |= value <= 0;
                    break;
                case EntryLayout.QUANTITY:
                    badQuantity |= value < 0;
                    break;
                default:
                    break;
            }
        }
        return badPrice ? DropReason.NON_POSITIVE_PRICE : badQuantity ? DropReason.BAD_QUANTITY : null;
    }

    /** The value of member {@code index} as last read. */
    final long value(final int index)
    {
        return values[index];
    }

    /** Copies another entry's values of the same layout into this one. */
    final void copyFrom(final EntryFields other)
    {
        System.arraycopy(other.values, 0, values, 0, values.length);
    }

    private DropReason readValue(final JsonScanner scanner, final int index, final int kind)
    {
        switch (kind)
        {
            case EntryLayout.PRICE:
            case EntryLayout.SIZE:
            case EntryLayout.QUANTITY:
            {
                final DropReason problem = reader.decimalString(scanner);
                values[index] = reader.value;
                return problem;
            }
            case EntryLayout.INTEGER:
            case EntryLayout.EPOCH_SECONDS:
            {
                final DropReason problem = reader.integerString(scanner);
                values[index] = reader.value;
                return problem;
            }
            case EntryLayout.FLAG:
                values[index] = scanner.valueKind() == JsonScanner.KIND_TRUE ? 1 : 0;
                return null;
            default:
                return scanner.valueKind() != JsonScanner.KIND_STRING ? DropReason.WRONG_TYPE : readString(scanner, index, kind);
        }
    }

    /** The kinds carried as a JSON string, once the value is known to be one. */
    private DropReason readString(final JsonScanner scanner, final int index, final int kind)
    {
        switch (kind)
        {
            case EntryLayout.PRODUCT:
            {
                final int id = registry.idOf(scanner.buffer(), scanner.stringStart(), scanner.stringLength());
                values[index] = id;
                return id < 0 ? DropReason.UNKNOWN_PRODUCT : null;
            }
            case EntryLayout.TIME:
            {
                final long nanos = EpochNanos.parse(scanner.buffer(), scanner.stringStart(), scanner.stringLength());
                values[index] = nanos;
                return nanos == EpochNanos.INVALID ? DropReason.BAD_TIMESTAMP : null;
            }
            case EntryLayout.TRADE_SIDE:
                return side(scanner, index, BUY, SELL);
            case EntryLayout.BOOK_SIDE:
                return side(scanner, index, BID, OFFER);
            default:
                values[index] = status(scanner);
                return null;
        }
    }

    private DropReason side(final JsonScanner scanner, final int index, final byte[] buy, final byte[] sell)
    {
        if (scanner.stringEquals(buy))
        {
            values[index] = Side.BUY;
            return null;
        }
        if (scanner.stringEquals(sell))
        {
            values[index] = Side.SELL;
            return null;
        }
        return DropReason.BAD_SIDE;
    }

    /** Status mapping as {@link ProductStatusEntry} documents it; an unknown string is UNKNOWN, not a drop. */
    private static int status(final JsonScanner scanner)
    {
        if (scanner.stringEquals(ONLINE))
        {
            return InstrumentStatus.ONLINE;
        }
        if (scanner.stringEquals(OFFLINE) || scanner.stringEquals(DELISTED))
        {
            return InstrumentStatus.OFFLINE;
        }
        if (scanner.stringEquals(CANCEL_ONLY))
        {
            return InstrumentStatus.CANCEL_ONLY;
        }
        return scanner.stringEquals(LIMIT_ONLY) ? InstrumentStatus.LIMIT_ONLY : InstrumentStatus.UNKNOWN;
    }
}
