package dev.peregrine.gateway.coinbase;

import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

import static dev.peregrine.gateway.coinbase.TickerEntry.bytes;

/**
 * The envelope of one frame, {@code {"channel","timestamp","sequence_num","events"}}, read in one pass
 * in whatever key order the venue chose. Reading it skips (and so validates) every value, {@code events}
 * included, and keeps only spans into the frame and the parsed sequence number: reused for every frame.
 */
final class CoinbaseEnvelope
{
    private static final byte[] CHANNEL = bytes("channel");
    private static final byte[] TIMESTAMP = bytes("timestamp");
    private static final byte[] SEQUENCE_NUM = bytes("sequence_num");
    private static final byte[] EVENTS = bytes("events");
    private static final byte[] TYPE = bytes("type");
    private static final byte[] ERROR = bytes("error");

    private final FieldReader reader = new FieldReader();

    int channelStart;
    int channelLength;
    int timestampStart;
    int timestampLength;
    long sequence;
    /** A well-formed {@code {"type":"error",...}} message: the venue refusing something, not a bad frame. */
    boolean venueError;
    /** Index of the '[' of {@code events}. */
    int eventsStart;

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
        boolean isErrorType = false;
        boolean hasSequence = false;
        DropReason typeProblem = null;
        if (!scanner.enterObject())
        {
            return syntaxProblem(scanner);
        }
        int result;
        while ((result = scanner.nextMember()) == JsonScanner.ITEM)
        {
            if (scanner.keyEquals(CHANNEL))
            {
                typeProblem = firstOf(typeProblem, expect(scanner, JsonScanner.KIND_STRING));
                channelStart = scanner.stringStart();
                channelLength = scanner.stringLength();
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
