package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.Decimals;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * Reads typed values out of the member the {@link JsonScanner} stands on. Each read either stores the
 * value in {@link #value} and returns null, or returns the {@link DropReason} that explains why it could
 * not; one pre-allocated reader per decoder, so nothing is boxed or allocated per field.
 */
final class FieldReader
{
    /** Result of the last successful read. */
    long value;

    /** A decimal carried as a JSON string, as Coinbase sends every price and size. */
    DropReason decimalString(final JsonScanner scanner)
    {
        if (scanner.valueKind() != JsonScanner.KIND_STRING)
        {
            return DropReason.WRONG_TYPE;
        }
        final long parsed = Decimals.parse(scanner.buffer(), scanner.stringStart(), scanner.stringLength());
        if (FixedPoint.isError(parsed))
        {
            return DropReason.ofDecimalError(parsed);
        }
        value = parsed;
        return null;
    }

    /** A non-negative integer carried as a JSON number ({@code sequence_num}). */
    DropReason integerNumber(final JsonScanner scanner)
    {
        if (scanner.valueKind() != JsonScanner.KIND_NUMBER)
        {
            return DropReason.WRONG_TYPE;
        }
        return digits(scanner.buffer(), scanner.valueStart(), scanner.valueEnd() - scanner.valueStart());
    }

    /** A non-negative integer carried as a JSON string ({@code trade_id}). */
    DropReason integerString(final JsonScanner scanner)
    {
        if (scanner.valueKind() != JsonScanner.KIND_STRING)
        {
            return DropReason.WRONG_TYPE;
        }
        return digits(scanner.buffer(), scanner.stringStart(), scanner.stringLength());
    }

    private DropReason digits(final byte[] b, final int offset, final int length)
    {
        final long parsed = Decimals.parseUnsigned(b, offset, length);
        if (parsed < 0)
        {
            return DropReason.ofUnsignedError(parsed);
        }
        value = parsed;
        return null;
    }
}
