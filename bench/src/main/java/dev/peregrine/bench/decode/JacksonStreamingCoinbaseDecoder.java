package dev.peregrine.bench.decode;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;

import java.io.IOException;

import static dev.peregrine.bench.decode.JacksonValues.expect;
import static dev.peregrine.bench.decode.JacksonValues.scaled;
import static dev.peregrine.bench.decode.JacksonValues.side;

/**
 * Baseline: a Coinbase Advanced Trade frame decoded with Jackson's streaming {@link JsonParser}, the
 * fastest way Jackson offers, into the same {@link InboundEvent} fields the Peregrine decoder fills
 * (QUOTE per ticker, TRADE per trade, BOOK_LEVEL per {@code l2_data} update).
 *
 * <p>One pass, so it relies on the venue's key order: {@code channel}, {@code timestamp} and
 * {@code sequence_num} before {@code events}, as every real frame has them. The Peregrine decoder makes
 * no such assumption (it pays for a second pass); the baseline is given the easier job. Within an entry,
 * keys may come in any order and missing fields fail the frame, as they drop it in Peregrine.
 */
public final class JacksonStreamingCoinbaseDecoder extends JacksonStreamingBaseline
{
    private static final int TICKER = 1;
    private static final int TRADES = 2;
    private static final int LEVEL2 = 3;

    // Per channel (indexed by TICKER, TRADES, LEVEL2): the key of its entries, their event type and fields.
    private static final String[] ENTRIES = {null, "tickers", "trades", "updates"};
    private static final String[] ENTRY_NAMES = {null, "ticker", "trade", "l2_data update"};
    private static final int[] TYPES = {0, EventType.QUOTE, EventType.TRADE, EventType.BOOK_LEVEL};

    // One bit per entry field, as entryField reports them.
    private static final int PRODUCT = 1;
    private static final int PRICE = 1 << 1;
    private static final int BEST_BID = 1 << 2;
    private static final int BEST_BID_QUANTITY = 1 << 3;
    private static final int BEST_ASK = 1 << 4;
    private static final int BEST_ASK_QUANTITY = 1 << 5;
    private static final int TRADE_ID = 1 << 6;
    private static final int SIZE = 1 << 7;
    private static final int SIDE = 1 << 8;
    private static final int TIME = 1 << 9;
    private static final int EVENT_TIME = 1 << 10;
    private static final int PRICE_LEVEL = 1 << 11;
    private static final int NEW_QUANTITY = 1 << 12;
    private static final int[] FIELDS = {0,
        PRODUCT | PRICE | BEST_BID | BEST_BID_QUANTITY | BEST_ASK | BEST_ASK_QUANTITY,
        PRODUCT | TRADE_ID | PRICE | SIZE | SIDE | TIME,
        SIDE | EVENT_TIME | PRICE_LEVEL | NEW_QUANTITY};

    private int channel;
    private long exchangeTimeNanos;
    private long sequence;

    public JacksonStreamingCoinbaseDecoder(final InstrumentRegistry registry)
    {
        super(registry);
    }

    @Override
    protected void startFrame()
    {
        channel = 0;
        exchangeTimeNanos = 0;
        sequence = 0;
    }

    @Override
    protected void frameField(final String name, final JsonParser parser, final DecodedEvents out) throws IOException
    {
        switch (name)
        {
            case "channel": channel = channelOf(parser.getText()); break;
            case "timestamp": exchangeTimeNanos = JacksonValues.epochNanos(parser.getText()); break;
            case "sequence_num": sequence = parser.getLongValue(); break;
            case "events": events(parser, out); break;
            default: parser.skipChildren();
        }
    }

    private static int channelOf(final String name)
    {
        switch (name)
        {
            case "ticker": return TICKER;
            case "market_trades": return TRADES;
            case "l2_data": return LEVEL2;
            default: return 0;
        }
    }

    private void events(final JsonParser parser, final DecodedEvents out) throws IOException
    {
        if (channel == 0)
        {
            parser.skipChildren(); // a channel this baseline does not decode (heartbeats, candles, ...)
            return;
        }
        expect(parser.currentToken(), JsonToken.START_ARRAY);
        while (parser.nextToken() == JsonToken.START_OBJECT)
        {
            final int firstOfEvent = out.count();
            int instrumentId = -1;
            boolean snapshot = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                parser.nextToken();
                if (ENTRIES[channel].equals(name))
                {
                    entries(parser, out);
                }
                else if (channel == LEVEL2 && "product_id".equals(name))
                {
                    instrumentId = instrument(parser.getText());
                }
                else if (channel == LEVEL2 && "type".equals(name))
                {
                    snapshot = "snapshot".equals(parser.getText());
                }
                else
                {
                    parser.skipChildren();
                }
            }
            if (channel == LEVEL2)
            {
                // The product is a member of the event, not of each level, and may follow "updates".
                for (int i = firstOfEvent; i < out.count(); i++)
                {
                    out.get(i).instrumentId = instrumentId;
                }
                JacksonValues.flagLevels(out, firstOfEvent, snapshot);
            }
        }
    }

    private void entries(final JsonParser parser, final DecodedEvents out) throws IOException
    {
        expect(parser.currentToken(), JsonToken.START_ARRAY);
        while (parser.nextToken() == JsonToken.START_OBJECT)
        {
            final InboundEvent event = nextEvent(out);
            event.venueSequence = sequence;
            event.type = TYPES[channel];
            if (channel == TICKER)
            {
                event.exchangeTimeNanos = exchangeTimeNanos; // a ticker has no time of its own: the frame's
            }
            entry(parser, event, FIELDS[channel], ENTRY_NAMES[channel]);
        }
    }

    @Override
    protected int entryField(final String name, final JsonParser parser, final InboundEvent event) throws IOException
    {
        switch (name)
        {
            case "product_id": event.instrumentId = instrument(parser.getText()); return PRODUCT;
            case "price": event.price = scaled(parser); return PRICE;
            case "best_bid": event.bidPrice = scaled(parser); return BEST_BID;
            case "best_bid_quantity": event.bidQuantity = scaled(parser); return BEST_BID_QUANTITY;
            case "best_ask": event.askPrice = scaled(parser); return BEST_ASK;
            case "best_ask_quantity": event.askQuantity = scaled(parser); return BEST_ASK_QUANTITY;
            case "trade_id": event.tradeId = Long.parseLong(parser.getText()); return TRADE_ID;
            case "size": event.quantity = scaled(parser); return SIZE;
            case "side":
                event.side = channel == TRADES ? side(parser.getText(), "BUY", "SELL") : side(parser.getText(), "bid", "offer");
                return SIDE;
            case "time": event.exchangeTimeNanos = JacksonValues.epochNanos(parser.getText()); return TIME;
            case "event_time": event.exchangeTimeNanos = JacksonValues.epochNanos(parser.getText()); return EVENT_TIME;
            case "price_level": event.price = scaled(parser); return PRICE_LEVEL;
            case "new_quantity": event.quantity = scaled(parser); return NEW_QUANTITY;
            default: parser.skipChildren(); return 0;
        }
    }
}
