package dev.peregrine.gateway.binance;

import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * The combined-stream envelope {@code {"stream":"btcusdt@trade","data":{...}}}: one validating pass
 * over the whole frame that remembers the spans of {@code stream} and {@code data}, in whatever key
 * order they come. After it succeeds the frame is known to be well-formed JSON.
 *
 * <p>Single pass for trades and bookTickers: when {@code stream} came first (as Binance sends it) and
 * names one of them, {@code data} is decoded into the message's scratch fields on the way through,
 * validated as it is read, and {@link #decodedInline} is set; nothing is published until the whole frame
 * has passed, so a frame that turns out malformed after {@code data} still publishes nothing. Depth diffs,
 * and {@code data} before {@code stream}, take the second pass.
 */
public final class BinanceEnvelope
{
    private static final byte[] STREAM = BinanceStream.ascii("stream");
    private static final byte[] DATA = BinanceStream.ascii("data");

    private final TradeMessage trade;
    private final BookTickerMessage bookTicker;

    public int streamStart;
    public int streamLength;
    public int dataStart;
    /** {@code data} was decoded during the envelope pass; {@link #inlineProblem} says how that went. */
    public boolean decodedInline;
    public DropReason inlineProblem;

    public BinanceEnvelope(final TradeMessage trade, final BookTickerMessage bookTicker)
    {
        this.trade = trade;
        this.bookTicker = bookTicker;
    }

    /** @return null if the envelope is good, else why the frame is dropped. */
    public DropReason read(final JsonScanner scanner)
    {
        streamStart = -1;
        streamLength = 0;
        dataStart = -1;
        decodedInline = false;
        inlineProblem = null;
        BinanceStream streamSoFar = null;
        boolean wrongType = false;
        if (!scanner.enterObject())
        {
            return DropReason.MALFORMED_JSON;
        }
        int result;
        while ((result = scanner.nextKey()) == JsonScanner.ITEM)
        {
            if (scanner.keyEquals(DATA) && scanner.valueKind() == JsonScanner.KIND_OBJECT &&
                (streamSoFar == BinanceStream.TRADE || streamSoFar == BinanceStream.BOOK_TICKER))
            {
                dataStart = scanner.valueStart();
                inlineProblem = streamSoFar == BinanceStream.TRADE ? trade.decode(scanner) : bookTicker.decode(scanner);
                // The message walks its object to the end, so a syntax error inside shows up here.
                if (scanner.error() != JsonScanner.ERR_NONE || !scanner.endMember())
                {
                    result = JsonScanner.ERROR;
                    break;
                }
                decodedInline = true;
                continue;
            }
            if (scanner.skipCurrentValue() != JsonScanner.ITEM)
            {
                result = JsonScanner.ERROR;
                break;
            }
            if (scanner.keyEquals(STREAM))
            {
                if (scanner.valueKind() == JsonScanner.KIND_STRING)
                {
                    streamStart = scanner.stringStart();
                    streamLength = scanner.stringLength();
                    streamSoFar = BinanceStream.of(scanner.buffer(), streamStart, streamLength);
                }
                else
                {
                    wrongType = true;
                }
            }
            else if (scanner.keyEquals(DATA))
            {
                decodedInline = false; // a later data wins, as it always has
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
