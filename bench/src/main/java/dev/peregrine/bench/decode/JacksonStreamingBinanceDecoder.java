package dev.peregrine.bench.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;

import java.io.IOException;

import static dev.peregrine.bench.decode.JacksonValues.complete;
import static dev.peregrine.bench.decode.JacksonValues.expect;
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
public final class JacksonStreamingBinanceDecoder extends JacksonBaseline
{
    private final JsonFactory factory = new JsonFactory();

    public JacksonStreamingBinanceDecoder(final InstrumentRegistry registry)
    {
        super(registry);
    }

    @Override
    protected void parse(final byte[] buffer, final int offset, final int length, final DecodedEvents out)
        throws IOException
    {
        try (JsonParser parser = factory.createParser(buffer, offset, length))
        {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            boolean trade = false;
            boolean bookTicker = false;
            while (parser.nextToken() == JsonToken.FIELD_NAME)
            {
                final String name = parser.currentName();
                parser.nextToken();
                if ("stream".equals(name))
                {
                    final String stream = parser.getText();
                    trade = stream.endsWith("@trade");
                    bookTicker = stream.endsWith("@bookTicker");
                }
                else if ("data".equals(name) && (trade || bookTicker))
                {
                    final InboundEvent event = nextEvent(out);
                    if (trade)
                    {
                        trade(parser, event);
                    }
                    else
                    {
                        bookTicker(parser, event);
                    }
                }
                else
                {
                    parser.skipChildren();
                }
            }
        }
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
                case "s": event.instrumentId = instrument(parser.getText()); seen |= 1; break;
                case "t": event.tradeId = parser.getLongValue(); event.venueSequence = event.tradeId; seen |= 2; break;
                case "p": event.price = scaled(parser); seen |= 4; break;
                case "q": event.quantity = scaled(parser); seen |= 8; break;
                case "T": event.exchangeTimeNanos = parser.getLongValue() * 1_000_000L; seen |= 16; break;
                case "m": event.side = parser.getBooleanValue() ? Side.BUY : Side.SELL; seen |= 32; break;
                default: parser.skipChildren();
            }
        }
        complete(seen, 63, "trade");
    }

    private void bookTicker(final JsonParser parser, final InboundEvent event) throws IOException
    {
        event.type = EventType.QUOTE;
        int seen = 0;
        while (parser.nextToken() == JsonToken.FIELD_NAME)
        {
            final String name = parser.currentName();
            parser.nextToken();
            switch (name)
            {
                case "s": event.instrumentId = instrument(parser.getText()); seen |= 1; break;
                case "u": event.venueSequence = parser.getLongValue(); seen |= 2; break;
                case "b": event.bidPrice = scaled(parser); seen |= 4; break;
                case "B": event.bidQuantity = scaled(parser); seen |= 8; break;
                case "a": event.askPrice = scaled(parser); seen |= 16; break;
                case "A": event.askQuantity = scaled(parser); seen |= 32; break;
                default: parser.skipChildren();
            }
        }
        complete(seen, 63, "bookTicker");
    }
}
