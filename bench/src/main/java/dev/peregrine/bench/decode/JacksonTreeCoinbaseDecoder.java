package dev.peregrine.bench.decode;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;

import java.io.IOException;

import static dev.peregrine.bench.decode.JacksonValues.scaled;
import static dev.peregrine.bench.decode.JacksonValues.side;

/**
 * Baseline: the same frame through Jackson databind's tree ({@link ObjectMapper#readTree}), then the
 * same fields copied out of the nodes. This is the code most teams write first: the whole frame becomes
 * a tree of nodes and strings, and key order does not matter.
 */
public final class JacksonTreeCoinbaseDecoder extends JacksonBaseline
{
    private final ObjectMapper mapper = new ObjectMapper();

    public JacksonTreeCoinbaseDecoder(final InstrumentRegistry registry)
    {
        super(registry);
    }

    @Override
    protected void parse(final byte[] buffer, final int offset, final int length, final DecodedEvents out)
        throws IOException
    {
        final JsonNode root = mapper.readTree(buffer, offset, length);
        final String channel = root.required("channel").asText();
        final boolean ticker = "ticker".equals(channel);
        final boolean trades = "market_trades".equals(channel);
        final boolean level2 = "l2_data".equals(channel);
        if (!ticker && !trades && !level2)
        {
            return;
        }
        final long sequence = root.required("sequence_num").asLong();
        final long frameTime = JacksonValues.epochNanos(root.required("timestamp").asText());
        for (final JsonNode event : root.required("events"))
        {
            final String entriesKey = ticker ? "tickers" : trades ? "trades" : "updates";
            final int levelInstrument = level2 ? instrument(event.required("product_id").asText()) : -1;
            final int firstOfEvent = out.count();
            for (final JsonNode entry : event.required(entriesKey))
            {
                final InboundEvent e = nextEvent(out);
                e.venueSequence = sequence;
                if (ticker)
                {
                    e.type = EventType.QUOTE;
                    e.exchangeTimeNanos = frameTime;
                    e.instrumentId = instrument(entry.required("product_id").asText());
                    e.price = scaled(entry, "price");
                    e.bidPrice = scaled(entry, "best_bid");
                    e.bidQuantity = scaled(entry, "best_bid_quantity");
                    e.askPrice = scaled(entry, "best_ask");
                    e.askQuantity = scaled(entry, "best_ask_quantity");
                }
                else if (trades)
                {
                    e.type = EventType.TRADE;
                    e.instrumentId = instrument(entry.required("product_id").asText());
                    e.tradeId = Long.parseLong(entry.required("trade_id").asText());
                    e.price = scaled(entry, "price");
                    e.quantity = scaled(entry, "size");
                    e.side = side(entry.required("side").asText(), "BUY", "SELL");
                    e.exchangeTimeNanos = JacksonValues.epochNanos(entry.required("time").asText());
                }
                else
                {
                    e.type = EventType.BOOK_LEVEL;
                    e.instrumentId = levelInstrument;
                    e.side = side(entry.required("side").asText(), "bid", "offer");
                    e.exchangeTimeNanos = JacksonValues.epochNanos(entry.required("event_time").asText());
                    e.price = scaled(entry, "price_level");
                    e.quantity = scaled(entry, "new_quantity");
                }
            }
            if (level2)
            {
                JacksonValues.flagLevels(out, firstOfEvent, "snapshot".equals(event.path("type").asText()));
            }
        }
    }
}
