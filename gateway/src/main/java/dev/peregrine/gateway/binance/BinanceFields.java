package dev.peregrine.gateway.binance;

import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.Decimals;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * Reads typed values out of the member the {@link JsonScanner} stands on, in Binance's conventions:
 * ids and millisecond times are JSON integers, prices and quantities decimal strings. A read either
 * stores the value in {@link #value} and returns null, or returns the {@link DropReason}; results are
 * not boxed, so one pre-allocated reader serves every frame.
 */
public final class BinanceFields
{
    /** Result of the last successful read. */
    public long value;

    /** The symbol string at the scanner's value, looked up: its instrument id in {@link #value}, or why not. */
    public DropReason symbol(final JsonScanner scanner, final InstrumentRegistry registry)
    {
        if (scanner.valueKind() != JsonScanner.KIND_STRING)
        {
            return DropReason.WRONG_TYPE;
        }
        value = registry.idOf(scanner.buffer(), scanner.stringStart(), scanner.stringLength());
        return value < 0 ? DropReason.UNKNOWN_PRODUCT : null;
    }

    /** A non-negative integer carried as a JSON number ({@code t}, {@code U}, {@code u}, {@code E}). */
    public DropReason integer(final JsonScanner scanner)
    {
        if (scanner.valueKind() != JsonScanner.KIND_NUMBER)
        {
            return DropReason.WRONG_TYPE;
        }
        final int start = scanner.valueStart();
        final long parsed = Decimals.parseUnsigned(scanner.buffer(), start, scanner.valueEnd() - start);
        if (parsed < 0)
        {
            return DropReason.ofUnsignedError(parsed); // -1: a sign, a fraction or an exponent: not an id
        }
        value = parsed;
        return null;
    }

    /** Epoch milliseconds as a JSON integer, stored as epoch nanoseconds. */
    public DropReason millisAsNanos(final JsonScanner scanner)
    {
        final DropReason problem = integer(scanner);
        if (problem != null)
        {
            return problem;
        }
        if (value > Long.MAX_VALUE / 1_000_000L)
        {
            return DropReason.BAD_TIMESTAMP;
        }
        value *= 1_000_000L;
        return null;
    }

    /** A decimal carried as a JSON string, parsed straight from the bytes to a scaled long. */
    public DropReason decimal(final JsonScanner scanner)
    {
        if (scanner.valueKind() != JsonScanner.KIND_STRING)
        {
            return DropReason.WRONG_TYPE;
        }
        return decimal(scanner.buffer(), scanner.stringStart(), scanner.stringLength());
    }

    public DropReason decimal(final byte[] b, final int offset, final int length)
    {
        final long parsed = Decimals.parse(b, offset, length);
        if (FixedPoint.isError(parsed))
        {
            return DropReason.ofDecimalError(parsed);
        }
        value = parsed;
        return null;
    }
}
