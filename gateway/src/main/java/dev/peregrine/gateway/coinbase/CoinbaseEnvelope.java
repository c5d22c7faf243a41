package dev.peregrine.gateway.coinbase;

import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

import static dev.peregrine.gateway.coinbase.TickerEntry.bytes;

/**
 * The envelope of one frame, {@code {"channel","timestamp","sequence_num","events"}}, read in one pass
 * in whatever key order the venue chose. Reading it validates every value, {@code events} included, and
 * keeps only spans into the frame and the parsed sequence number: reused for every frame. When a ticker
 * or trades {@code channel} came before {@code events}, the entries are decoded on the way through
 * ({@link InlineEntries}) instead of being skipped.
 */
final class CoinbaseEnvelope
{
    private static final byte[] CHANNEL = bytes("channel");
    private static final byte[] TIMESTAMP = bytes("timestamp");
    private static final byte[] SEQUENCE_NUM = bytes("sequence_num");
    private static final byte[] EVENTS = bytes("events");
    private static final byte[] TYPE = bytes("type");
    private static final byte[] ERROR = bytes("error");

    private static final byte[] TICKERS = bytes("tickers");
    private static final byte[] TRADES = bytes("trades");

    private final FieldReader reader = new FieldReader();
    private final InlineEntries entries;

    int channelStart;
    int channelLength;
    int timestampStart;
    int timestampLength;
    long sequence;
    /** A well-formed {@code {"type":"error",...}} message: the venue refusing something, not a bad frame. */
    boolean venueError;
    /** Index of the '[' of {@code events}. */
    int eventsStart;
    /** The entries of {@code events} were decoded during this pass, into {@link InlineEntries}. */
    boolean decodedInline;

    CoinbaseEnvelope(final InlineEntries entries)
    {
        this.entries = entries;
    }

    /**
     * Reads the whole frame the scanner wraps.
     *
     * @return null if the envelope is complete and well-typed, else why not.
     */
    DropReason read(final JsonScanner scanner)
    {
        channelStart = -1;
        timestampStart = -1;
        eventsStart = -1;
        venueError = false;
        decodedInline = false;
        CoinbaseChannel channelSoFar = null;
        boolean isErrorType = false;
        boolean hasSequence = false;
        DropReason typeProblem = null;
        if (!scanner.enterObject())
        {
            return syntaxProblem(scanner);
        }
        int result;
        while ((result = scanner.nextKey()) == JsonScanner.ITEM)
        {
            if (eventsStart < 0 && scanner.keyEquals(EVENTS) && scanner.valueKind() == JsonScanner.KIND_ARRAY &&
                inlineChannel(channelSoFar))
            {
                // channel came first: decode the entries while validating them, in this one pass.
                eventsStart = scanner.valueStart();
                final boolean trades = channelSoFar == CoinbaseChannel.MARKET_TRADES;
                if (!entries.read(scanner, !trades, trades ? TRADES : TICKERS) || !scanner.endMember())
                {
                    result = JsonScanner.ERROR;
                    break;
                }
                decodedInline = !entries.overflow;
                continue;
            }
            if (scanner.skipCurrentValue() != JsonScanner.ITEM)
            {
                result = JsonScanner.ERROR;
                break;
            }
            if (scanner.keyEquals(CHANNEL))
            {
                typeProblem = firstOf(typeProblem, expect(scanner, JsonScanner.KIND_STRING));
                channelStart = scanner.stringStart();
                channelLength = scanner.stringLength();
                channelSoFar = scanner.valueKind() == JsonScanner.KIND_STRING ?
                    CoinbaseChannel.of(scanner.buffer(), channelStart, channelLength) : null;
                decodedInline = false; // a channel after events: decode events again for the channel that won
            }
            else if (scanner.keyEquals(TIMESTAMP))
            {
                typeProblem = firstOf(typeProblem, expect(scanner, JsonScanner.KIND_STRING));
                timestampStart = scanner.stringStart();
                timestampLength = scanner.stringLength();
            }
            else if (scanner.keyEquals(SEQUENCE_NUM))
            {
                typeProblem = firstOf(typeProblem, reader.integerNumber(scanner));
                sequence = reader.value;
                hasSequence = true;
            }
            else if (scanner.keyEquals(TYPE))
            {
                isErrorType = scanner.stringEquals(ERROR);
            }
            else if (scanner.keyEquals(EVENTS))
            {
                typeProblem = firstOf(typeProblem, expect(scanner, JsonScanner.KIND_ARRAY));
                eventsStart = scanner.valueStart();
                decodedInline = false; // a later events wins, as it always has: decode it in the second pass
            }
        }
        // Structure first: a frame that is not JSON is malformed, whatever else is wrong with it.
        if (result == JsonScanner.ERROR || !scanner.atEnd())
        {
            return syntaxProblem(scanner);
        }
        if (channelStart < 0 || timestampStart < 0 || eventsStart < 0 || !hasSequence)
        {
            venueError = isErrorType && channelStart < 0;
            return DropReason.MISSING_FIELD;
        }
        return typeProblem;
    }

    private static boolean inlineChannel(final CoinbaseChannel channel)
    {
        return channel == CoinbaseChannel.TICKER || channel == CoinbaseChannel.TICKER_BATCH ||
            channel == CoinbaseChannel.MARKET_TRADES;
    }

    private static DropReason expect(final JsonScanner scanner, final int kind)
    {
        return scanner.valueKind() == kind ? null : DropReason.WRONG_TYPE;
    }

    private static DropReason firstOf(final DropReason earlier, final DropReason later)
    {
        return earlier != null ? earlier : later;
    }

    private static DropReason syntaxProblem(final JsonScanner scanner)
    {
        return scanner.error() == JsonScanner.ERR_UTF8 ? DropReason.INVALID_UTF8 : DropReason.MALFORMED_JSON;
    }
}
