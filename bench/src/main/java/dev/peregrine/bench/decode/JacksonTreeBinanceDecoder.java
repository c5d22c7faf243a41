package dev.peregrine.bench.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;

import java.io.IOException;

import static dev.peregrine.bench.decode.JacksonValues.scaled;

/** Baseline: the Binance frames of {@link JacksonStreamingBinanceDecoder}, through databind's tree. */
public final class JacksonTreeBinanceDecoder extends JacksonBaseline
{
    private final ObjectMapper mapper = new ObjectMapper();

    public JacksonTreeBinanceDecoder(final InstrumentRegistry registry)
    {
        super(registry);
    }

    @Override
    protected void parse(final byte[] buffer, final int offset, final int length, final DecodedEvents out)
        throws IOException
    {
        final JsonNode root = mapper.readTree(buffer, offset, length);
        final String stream = root.required("stream").asText();
        final boolean trade = stream.endsWith("@trade");
        if (!trade && !stream.endsWith("@bookTicker"))
        {
            return;
        }
        final JsonNode data = root.required("data");
        final InboundEvent e = nextEvent(out);
        e.instrumentId = instrument(data.required("s").asText());
        if (trade)
        {
            e.type = EventType.TRADE;
            e.tradeId = data.required("t").asLong();
            e.venueSequence = e.tradeId;
            e.price = scaled(data, "p");
            e.quantity = scaled(data, "q");
            e.exchangeTimeNanos = data.required("T").asLong() * 1_000_000L;
            e.side = data.required("m").asBoolean() ? Side.BUY : Side.SELL;
        }
        else
        {
            e.type = EventType.QUOTE;
            e.venueSequence = data.required("u").asLong();
            e.bidPrice = scaled(data, "b");
            e.bidQuantity = scaled(data, "B");
            e.askPrice = scaled(data, "a");
            e.askQuantity = scaled(data, "A");
        }
    }
}
