package dev.peregrine.ops.journal;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.event.EventDescriptor;
import dev.peregrine.core.event.EventFieldVisitor;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.event.TradeFlags;
import dev.peregrine.core.number.FixedPoint;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;

/**
 * One journaled event as people and tools read it: a JSON object on one line ({@link #json}) or a text
 * line ({@link #text}). Both show exactly the fields the journal records for the event's type (the
 * field lists of {@link EventDescriptor}, which the journal codec writes too), so a dump loses nothing
 * the journal holds:
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
    private static final JsonFactory JSON = new JsonFactory();

    private final List<String> products;

    /** @param products the journal header's products, in instrument id order */
    public EventFormat(final List<String> products)
    {
        this.products = products;
    }

    /** @param number the event's position in the journal, 1 for the first event */
    public String json(final InboundEvent e, final long number)
    {
        final StringWriter out = new StringWriter(256);
        try (JsonGenerator g = JSON.createGenerator(out))
        {
            g.writeStartObject();
            g.writeNumberField("n", number);
            g.writeStringField("type", EventType.name(e.type));
            g.writeStringField("product", product(e.instrumentId));
            g.writeStringField("event_time", iso(e.eventTimeNanos));
            g.writeNumberField("event_time_nanos", e.eventTimeNanos);
            g.writeStringField("exchange_time", e.exchangeTimeNanos == 0 ? null : iso(e.exchangeTimeNanos));
            g.writeNumberField("venue_sequence", e.venueSequence);
            g.writeNumberField("flags", e.flags);
            if (e.type == EventType.TRADE)
            {
                g.writeBooleanField("snapshot", TradeFlags.isSnapshot(e));
            }
            if (e.type == EventType.COMMAND)
            {
                g.writeStringField("command", CommandCode.name(e.flags));
            }
            EventDescriptor.of(e.type).visit(e, new JsonFields(g));
            g.writeEndObject();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
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
        EventDescriptor.of(e.type).visit(e, new EventFieldVisitor()
        {
            @Override
            public void decimal(final String name, final long scaled)
            {
                sb.append(' ').append(name).append('=');
                FixedPoint.appendTo(sb, scaled);
            }

            @Override
            public void integer(final String name, final long value)
            {
                sb.append(' ').append(name).append('=').append(value);
            }

            @Override
            public void side(final String name, final int side)
            {
                sb.append(' ').append(name).append('=').append(Side.name(side));
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

    /** Writes the payload fields into the JSON object being generated. */
    private static final class JsonFields implements EventFieldVisitor
    {
        private final JsonGenerator g;

        JsonFields(final JsonGenerator g)
        {
            this.g = g;
        }

        @Override
        public void decimal(final String name, final long scaled)
        {
            write(name, FixedPoint.toString(scaled));
        }

        @Override
        public void integer(final String name, final long value)
        {
            try
            {
                g.writeNumberField(name, value);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }

        @Override
        public void side(final String name, final int side)
        {
            write(name, Side.name(side));
        }

        private void write(final String name, final String value)
        {
            try
            {
                g.writeStringField(name, value);
            }
            catch (final IOException ex)
            {
                throw new UncheckedIOException(ex);
            }
        }
    }
}
