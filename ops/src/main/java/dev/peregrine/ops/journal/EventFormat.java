package dev.peregrine.ops.journal;

import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.event.TradeFlags;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.ops.demo.JsonWriter;

import java.time.Instant;
import java.util.List;

/**
 * One journaled event as people and tools read it: a JSON object on one line ({@link #json}) or a text
 * line ({@link #text}). Both show exactly the fields the journal records for the event's type (the
 * payload table of {@code JournalRecordCodec}, a superset of the table in {@code InboundEvent}'s
 * Javadoc), so a dump loses nothing the journal holds:
 * <ul>
 *   <li>prices, quantities, increments and fees as decimal strings ({@code "65000.12"}), never floats;</li>
 *   <li>the type and the product by name ({@code "TRADE"}, {@code "BTC-USD"}; {@code null} for events of
 *       no product, {@code "#7"} for an id the header does not list), the side as {@code BUY}/{@code SELL};</li>
 *   <li>times as ISO-8601 UTC with nanoseconds, and the event time also as epoch nanoseconds
 *       ({@code event_time_nanos}), the exact value the core ran on.</li>
 * </ul>
 * Allocates per event: it is for the CLI, never the engine.
 */
public final class EventFormat
{
    private final List<String> products;

    /** @param products the journal header's products, in instrument id order */
    public EventFormat(final List<String> products)
    {
        this.products = products;
    }

    /** @param number the event's position in the journal, 1 for the first event */
    public String json(final InboundEvent e, final long number)
    {
        final JsonWriter w = new JsonWriter(false).beginObject();
        w.key("n").value(number);
        w.key("type").value(EventType.name(e.type));
        w.key("product");
        final String product = product(e.instrumentId);
        if (product == null)
        {
            w.nullValue();
        }
        else
        {
            w.value(product);
        }
        w.key("event_time").value(iso(e.eventTimeNanos));
        w.key("event_time_nanos").value(e.eventTimeNanos);
        w.key("exchange_time");
        if (e.exchangeTimeNanos == 0)
        {
            w.nullValue();
        }
        else
        {
            w.value(iso(e.exchangeTimeNanos));
        }
        w.key("venue_sequence").value(e.venueSequence);
        w.key("flags").value(e.flags);
        if (e.type == EventType.TRADE)
        {
            w.key("snapshot").value(TradeFlags.isSnapshot(e));
        }
        if (e.type == EventType.COMMAND)
        {
            w.key("command").value(CommandCode.name(e.flags));
        }
        final Fields fields = new Fields()
        {
            @Override
            void decimal(final String name, final long scaled)
            {
                w.key(name).value(FixedPoint.toString(scaled));
            }

            @Override
            void integer(final String name, final long value)
            {
                w.key(name).value(value);
            }

            @Override
            void side(final int side)
            {
                w.key("side").value(Side.name(side));
            }
        };
        payload(e, fields);
        return w.endObject().toJson();
    }

    /** One readable line: time, type, product, then the type's fields as {@code name=value}. */
    public String text(final InboundEvent e, final long number)
    {
        final StringBuilder sb = new StringBuilder(128);
        sb.append('#').append(number).append(' ').append(iso(e.eventTimeNanos)).append(' ')
            .append(EventType.name(e.type));
        final String product = product(e.instrumentId);
        if (product != null)
        {
            sb.append(' ').append(product);
        }
        if (e.venueSequence != 0)
        {
            sb.append(" seq=").append(e.venueSequence);
        }
        if (e.type == EventType.COMMAND)
        {
            sb.append(" command=").append(CommandCode.name(e.flags));
        }
        else if (TradeFlags.isSnapshot(e))
        {
            sb.append(" snapshot");
        }
        else if (e.flags != 0)
        {
            sb.append(" flags=").append(e.flags);
        }
        payload(e, new Fields()
        {
            @Override
            void decimal(final String name, final long scaled)
            {
                sb.append(' ').append(name).append('=');
                FixedPoint.appendTo(sb, scaled);
            }

            @Override
            void integer(final String name, final long value)
            {
                sb.append(' ').append(name).append('=').append(value);
            }

            @Override
            void side(final int side)
            {
                sb.append(" side=").append(Side.name(side));
            }
        });
        return sb.toString();
    }

    /** The product name of an instrument id, null for -1 (no product), {@code #id} for an id not in the header. */
    public String product(final int instrumentId)
    {
        if (instrumentId < 0)
        {
            return null;
        }
        return instrumentId < products.size() ? products.get(instrumentId) : "#" + instrumentId;
    }

    /** ISO-8601 UTC, nanosecond precision where there is one. */
    public static String iso(final long epochNanos)
    {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L))
            .toString();
    }

    /** Receives the payload fields of one event, in record order. */
    private abstract static class Fields
    {
        abstract void decimal(String name, long scaled);

        abstract void integer(String name, long value);

        abstract void side(int side);
    }

    /** The payload of each type, as JournalRecordCodec writes it. */
    private static void payload(final InboundEvent e, final Fields f)
    {
        switch (e.type)
        {
            case EventType.TRADE:
                f.integer("trade_id", e.tradeId);
                f.decimal("price", e.price);
                f.decimal("quantity", e.quantity);
                f.side(e.side);
                break;
            case EventType.QUOTE:
                f.decimal("price", e.price);
                f.decimal("bid_price", e.bidPrice);
                f.decimal("bid_quantity", e.bidQuantity);
                f.decimal("ask_price", e.askPrice);
                f.decimal("ask_quantity", e.askQuantity);
                break;
            case EventType.CLOCK:
            case EventType.FEED_RECOVERED:
            case EventType.COMMAND:
                break;
            case EventType.BOOK_LEVEL:
                f.decimal("price", e.price);
                f.decimal("quantity", e.quantity);
                f.side(e.side);
                break;
            case EventType.CANDLE:
                f.decimal("open", e.open);
                f.decimal("high", e.high);
                f.decimal("low", e.low);
                f.decimal("close", e.close);
                f.decimal("volume", e.volume);
                break;
            case EventType.INSTRUMENT_INFO:
                f.decimal("price_increment", e.priceIncrement);
                f.decimal("size_increment", e.sizeIncrement);
                f.decimal("quantity", e.quantity);
                break;
            case EventType.FEED_STALE:
                f.integer("stale_nanos", e.staleNanos);
                break;
            case EventType.FEED_GAP:
                f.integer("expected_sequence", e.expectedSequence);
                break;
            case EventType.VENUE_ACCEPTED:
            case EventType.VENUE_REJECTED:
            case EventType.VENUE_FILL:
            case EventType.VENUE_CANCELLED:
            case EventType.VENUE_CANCEL_REJECTED:
            case EventType.VENUE_UNKNOWN:
                f.integer("order_id", e.orderId);
                f.integer("trade_id", e.tradeId);
                f.decimal("price", e.price);
                f.decimal("quantity", e.quantity);
                f.decimal("fee", e.fee);
                break;
            default:
                // A code this build does not know: the journal kept every input field, so show them all.
                f.integer("trade_id", e.tradeId);
                f.decimal("price", e.price);
                f.decimal("quantity", e.quantity);
                f.side(e.side);
                f.decimal("bid_price", e.bidPrice);
                f.decimal("bid_quantity", e.bidQuantity);
                f.decimal("ask_price", e.askPrice);
                f.decimal("ask_quantity", e.askQuantity);
                f.decimal("open", e.open);
                f.decimal("high", e.high);
                f.decimal("low", e.low);
                f.decimal("close", e.close);
                f.decimal("volume", e.volume);
                f.decimal("price_increment", e.priceIncrement);
                f.decimal("size_increment", e.sizeIncrement);
                f.integer("expected_sequence", e.expectedSequence);
                f.integer("stale_nanos", e.staleNanos);
                f.integer("order_id", e.orderId);
                f.decimal("fee", e.fee);
                break;
        }
    }
}
