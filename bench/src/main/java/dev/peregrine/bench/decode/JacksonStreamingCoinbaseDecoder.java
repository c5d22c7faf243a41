package dev.peregrine.bench.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;

import java.io.IOException;

import static dev.peregrine.bench.decode.JacksonValues.complete;
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
public final class JacksonStreamingCoinbaseDecoder extends JacksonBaseline
{
    private static final int TICKER = 1;
    private static final int TRADES = 2;
    private static final int LEVEL2 = 3;

    private final JsonFactory factory = new JsonFactory();

    private int channel;
    private long exchangeTimeNanos;
    private long sequence;

    public JacksonStreamingCoinbaseDecoder(final InstrumentRegistry registry)
    {
        super(registry);
    }

    @Override
    protected void parse(final byte[] buffer, final int offset, final int length, final DecodedEvents out)
        throws IOException
    {
        channel = 0;
        exchangeTimeNanos = 0;
        sequence = 0;
        // Jackson parsers are not reusable: one per frame is how the library is meant to be used.
        try (JsonParser parser = factory.createParser(buffer, offset, length))
        {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                parser.nextToken();
                switch (name)
                {
                    case "channel": channel = channelOf(parser.getText()); break;
                    case "timestamp": exchangeTimeNanos = JacksonValues.epochNanos(parser.getText()); break;
                    case "sequence_num": sequence = parser.getLongValue(); break;
                    case "events": events(parser, out); break;
                    default: parser.skipChildren();
                }
            }
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
                if (channel == TICKER && "tickers".equals(name))
                {
                    entries(parser, out);
                }
                else if (channel == TRADES && "trades".equals(name))
                {
                    entries(parser, out);
                }
                else if (channel == LEVEL2 && "updates".equals(name))
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
            if (channel == TICKER)
            {
                ticker(parser, event);
            }
            else if (channel == TRADES)
            {
                trade(parser, event);
            }
            else
            {
                level(parser, event);
            }
        }
    }

    private void ticker(final JsonParser parser, final InboundEvent event) throws IOException
    {
        event.type = EventType.QUOTE;
        event.exchangeTimeNanos = exchangeTimeNanos;
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            parser.nextToken();
            switch (name)
            {
                case "product_id": event.instrumentId = instrument(parser.getText()); seen |= 1; break;
                case "price": event.price = scaled(parser); seen |= 2; break;
                case "best_bid": event.bidPrice = scaled(parser); seen |= 4; break;
                case "best_bid_quantity": event.bidQuantity = scaled(parser); seen |= 8; break;
                case "best_ask": event.askPrice = scaled(parser); seen |= 16; break;
                case "best_ask_quantity": event.askQuantity = scaled(parser); seen |= 32; break;
                default: parser.skipChildren();
            }
        }
        complete(seen, 63, "ticker");
    }

    private void trade(final JsonParser parser, final InboundEvent event) throws IOException
    {
        event.type = EventType.TRADE;
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            parser.nextToken();
            switch (name)
            {
                case "product_id": event.instrumentId = instrument(parser.getText()); seen |= 1; break;
                case "trade_id": event.tradeId = Long.parseLong(parser.getText()); seen |= 2; break;
                case "price": event.price = scaled(parser); seen |= 4; break;
                case "size": event.quantity = scaled(parser); seen |= 8; break;
                case "side": event.side = side(parser.getText(), "BUY", "SELL"); seen |= 16; break;
                case "time": event.exchangeTimeNanos = JacksonValues.epochNanos(parser.getText()); seen |= 32; break;
                default: parser.skipChildren();
            }
        }
        complete(seen, 63, "trade");
    }

    private void level(final JsonParser parser, final InboundEvent event) throws IOException
    {
        event.type = EventType.BOOK_LEVEL;
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            parser.nextToken();
            switch (name)
            {
                case "side": event.side = side(parser.getText(), "bid", "offer"); seen |= 1; break;
                case "event_time": event.exchangeTimeNanos = JacksonValues.epochNanos(parser.getText()); seen |= 2; break;
                case "price_level": event.price = scaled(parser); seen |= 4; break;
                case "new_quantity": event.quantity = scaled(parser); seen |= 8; break;
                default: parser.skipChildren();
            }
        }
        complete(seen, 15, "l2_data update");
    }
}
