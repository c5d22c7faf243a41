package dev.peregrine.bench.decode;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;

import java.io.IOException;

import static dev.peregrine.bench.decode.JacksonValues.complete;
import static dev.peregrine.bench.decode.JacksonValues.expect;

/**
 * A Jackson baseline on the streaming {@link JsonParser}, the fastest way Jackson offers: one parser per frame,
 * the frame's top-level fields handed to {@link #frameField} in the order they come, and each entry object read
 * field by field through {@link #entryField} by {@link #entry}, which fails an entry that lacks a field the
 * venue always sends (as Peregrine drops the frame). Keys may come in any order within an entry.
 */
abstract class JacksonStreamingBaseline extends JacksonBaseline
{
    private final JsonFactory factory = new JsonFactory();

    protected JacksonStreamingBaseline(final InstrumentRegistry registry)
    {
        super(registry);
    }

    @Override
    protected final void parse(final byte[] buffer, final int offset, final int length, final DecodedEvents out)
        throws IOException
    {
        startFrame();
        // Jackson parsers are not reusable: one per frame is how the library is meant to be used.
        try (JsonParser parser = factory.createParser(buffer, offset, length))
        {
            expect(parser.nextToken(), JsonToken.START_OBJECT);
            String name;
            while ((name = nextField(parser)) != null)
            {
                frameField(name, parser, out);
            }
        }
    }

    /** Forgets the previous frame's top-level values. */
    protected abstract void startFrame();

    /** One top-level field, the parser on its value; a field the baseline does not read is skipped. */
    protected abstract void frameField(String name, JsonParser parser, DecodedEvents out) throws IOException;

    /**
     * One field of an entry, the parser on its value, into {@code event}; returns its bit of the entry's mask, or 0
     * for a field it skipped.
     */
    protected abstract int entryField(String name, JsonParser parser, InboundEvent event) throws IOException;

    /** Reads the entry object the parser is on into {@code event}; fails unless every field of {@code all} was there. */
    protected final void entry(final JsonParser parser, final InboundEvent event, final int all, final String what)
        throws IOException
    {
        int seen = 0;
        String name;
        while ((name = nextField(parser)) != null)
        {
            seen |= entryField(name, parser, event);
        }
        complete(seen & all, all, what);
    }

    /** The next field's name, the parser moved on to its value; null at the end of the object. */
    private static String nextField(final JsonParser parser) throws IOException
    {
        if (parser.nextToken() != JsonToken.FIELD_NAME)
        {
            return null;
        }
        final String name = parser.currentName();
        parser.nextToken();
        return name;
    }
}
