package dev.peregrine.bench.decode;

import com.fasterxml.jackson.core.JsonParser;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;

import java.io.IOException;

import static dev.peregrine.bench.decode.JacksonValues.scaled;

/**
 * Baseline: a Binance combined-stream frame ({@code {"stream":..,"data":{..}}}) of the {@code trade} or
 * {@code bookTicker} stream decoded with Jackson's streaming parser into {@link InboundEvent} fields:
 * trade: TRADE with {@code t} as trade id and venue sequence, {@code p}, {@code q}, exchange time
 * {@code T} (ms), side = the maker's ({@code m}: buyer is maker, so BUY; else SELL, Coinbase's
 * convention); bookTicker: QUOTE with {@code b}/{@code B}/{@code a}/{@code A} and {@code u} as the venue
 * sequence (no exchange time, no last price in the frame). Relies on {@code stream} preceding
 * {@code data}, as Binance sends it.
 *
 * <p>The mapping is Peregrine's {@code BinanceMarketDataDecoder}'s; {@code DecoderAgreementTest} holds the
 * two to the same events on every trade and bookTicker frame of the capture.
 */
public final class JacksonStreamingBinanceDecoder extends JacksonStreamingBaseline
{
    // One bit per field of the data object, as entryField reports them.
    private static final int SYMBOL = 1;
    private static final int TRADE_ID = 1 << 1;
    private static final int PRICE = 1 << 2;
    private static final int QUANTITY = 1 << 3;
    private static final int TRADE_TIME = 1 << 4;
    private static final int BUYER_MAKER = 1 << 5;
    private static final int UPDATE_ID = 1 << 6;
    private static final int BID = 1 << 7;
    private static final int BID_QUANTITY = 1 << 8;
    private static final int ASK = 1 << 9;
    private static final int ASK_QUANTITY = 1 << 10;
    private static final int TRADE_FIELDS = SYMBOL | TRADE_ID | PRICE | QUANTITY | TRADE_TIME | BUYER_MAKER;
    private static final int BOOK_TICKER_FIELDS = SYMBOL | UPDATE_ID | BID | BID_QUANTITY | ASK | ASK_QUANTITY;

    private boolean trade;
    private boolean bookTicker;

    public JacksonStreamingBinanceDecoder(final InstrumentRegistry registry)
    {
        super(registry);
    }

    @Override
    protected void startFrame()
    {
        trade = false;
        bookTicker = false;
    }

    @Override
    protected void frameField(final String name, final JsonParser parser, final DecodedEvents out) throws IOException
    {
        if ("stream".equals(name))
        {
            final String stream = parser.getText();
            trade = stream.endsWith("@trade");
            bookTicker = stream.endsWith("@bookTicker");
        }
        else if ("data".equals(name) && trade)
        {
            final InboundEvent event = nextEvent(out);
            event.type = EventType.TRADE;
            entry(parser, event, TRADE_FIELDS, "trade");
        }
        else if ("data".equals(name) && bookTicker)
        {
            final InboundEvent event = nextEvent(out);
            event.type = EventType.QUOTE;
            entry(parser, event, BOOK_TICKER_FIELDS, "bookTicker");
        }
        else
        {
            parser.skipChildren();
        }
    }

    @Override
    protected int entryField(final String name, final JsonParser parser, final InboundEvent event) throws IOException
    {
        // The streams reuse one-letter keys with other meanings (a trade's "b" and "a" were order ids once).
        return trade ? tradeField(name, parser, event) : bookTickerField(name, parser, event);
    }

    private int tradeField(final String name, final JsonParser parser, final InboundEvent event) throws IOException
    {
        switch (name)
        {
            case "s": event.instrumentId = instrument(parser.getText()); return SYMBOL;
            case "t": event.tradeId = parser.getLongValue(); event.venueSequence = event.tradeId; return TRADE_ID;
            case "p": event.price = scaled(parser); return PRICE;
            case "q": event.quantity = scaled(parser); return QUANTITY;
            case "T": event.exchangeTimeNanos = parser.getLongValue() * 1_000_000L; return TRADE_TIME;
            case "m": event.side = parser.getBooleanValue() ? Side.BUY : Side.SELL; return BUYER_MAKER;
            default: parser.skipChildren(); return 0;
        }
    }

    private int bookTickerField(final String name, final JsonParser parser, final InboundEvent event) throws IOException
    {
        switch (name)
        {
            case "s": event.instrumentId = instrument(parser.getText()); return SYMBOL;
            case "u": event.venueSequence = parser.getLongValue(); return UPDATE_ID;
            case "b": event.bidPrice = scaled(parser); return BID;
            case "B": event.bidQuantity = scaled(parser); return BID_QUANTITY;
            case "a": event.askPrice = scaled(parser); return ASK;
            case "A": event.askQuantity = scaled(parser); return ASK_QUANTITY;
            default: parser.skipChildren(); return 0;
        }
    }
}
