package dev.peregrine.gateway.binance;

import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * The combined-stream envelope {@code {"stream":"btcusdt@trade","data":{...}}}: one validating pass
 * over the whole frame that remembers the spans of {@code stream} and {@code data}, in whatever key
 * order they come. After it succeeds the frame is known to be well-formed JSON, so the data pass
 * cannot meet a syntax error.
 */
final class BinanceEnvelope
{
    private static final byte[] STREAM = BinanceStream.ascii("stream");
    private static final byte[] DATA = BinanceStream.ascii("data");

    int streamStart;
    int streamLength;
    int dataStart;

    /** @return null if the envelope is good, else why the frame is dropped. */
    DropReason read(final JsonScanner scanner)
    {
        streamStart = -1;
        streamLength = 0;
        dataStart = -1;
        boolean wrongType = false;
        if (!scanner.enterObject())
        {
            return DropReason.MALFORMED_JSON;
        }
        int result;
        while ((result = scanner.nextMember()) == JsonScanner.ITEM)
        {
            if (scanner.keyEquals(STREAM))
            {
                if (scanner.valueKind() == JsonScanner.KIND_STRING)
                {
                    streamStart = scanner.stringStart();
                    streamLength = scanner.stringLength();
                }
                else
                {
                    wrongType = true;
                }
            }
            else if (scanner.keyEquals(DATA))
            {
                if (scanner.valueKind() == JsonScanner.KIND_OBJECT)
                {
                    dataStart = scanner.valueStart();
                }
                else
                {
                    wrongType = true;
                }
            }
        }
        if (result == JsonScanner.ERROR || !scanner.atEnd())
        {
            return scanner.error() == JsonScanner.ERR_UTF8 ? DropReason.INVALID_UTF8 : DropReason.MALFORMED_JSON;
        }
        if (wrongType)
        {
            return DropReason.WRONG_TYPE;
        }
        if (streamStart < 0 || dataStart < 0)
        {
            return DropReason.MISSING_FIELD;
        }
        return null;
    }
}
