package dev.peregrine.bench.decode;

import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;

import java.io.IOException;

/**
 * One Jackson baseline of {@link DecoderBenchmark}: a venue frame decoded with Jackson into the same
 * {@code InboundEvent} fields Peregrine's decoder fills, so the two can be timed against each other and
 * held to the same events by {@code DecoderAgreementTest}. The subclasses differ in the Jackson API they use
 * (streaming parser or tree) and the venue; what they share is here: the frame-to-events entry point, the
 * receive times every event of a frame is stamped with, and the symbol lookup that fails on an unknown
 * instrument (as Peregrine drops the frame).
 */
public abstract class JacksonBaseline
{
    private final InstrumentRegistry registry;
    private long receiveEpochNanos;
    private long receiveNanoTime;

    protected JacksonBaseline(final InstrumentRegistry registry)
    {
        this.registry = registry;
    }

    /** Decodes {@code buffer[offset, offset + length)}, received at the given times, into a cleared {@code out}. */
    public final void decode(
        final byte[] buffer,
        final int offset,
        final int length,
        final long receiveEpochNanos,
        final long receiveNanoTime,
        final DecodedEvents out) throws IOException
    {
        out.clear();
        this.receiveEpochNanos = receiveEpochNanos;
        this.receiveNanoTime = receiveNanoTime;
        parse(buffer, offset, length, out);
    }

    /** The frame's events into {@code out}, each taken with {@link #nextEvent}. */
    protected abstract void parse(byte[] buffer, int offset, int length, DecodedEvents out) throws IOException;

    /** The next event of {@code out}, stamped with the frame's receive times (its event time is the receive time). */
    protected final InboundEvent nextEvent(final DecodedEvents out)
    {
        final InboundEvent event = out.next();
        event.eventTimeNanos = receiveEpochNanos;
        event.receiveNanoTime = receiveNanoTime;
        return event;
    }

    /** The registry's id of a venue symbol; an unknown one fails the frame. */
    protected final int instrument(final String symbol)
    {
        final int id = registry.idOf(symbol);
        if (id < 0)
        {
            throw new IllegalArgumentException("unknown instrument " + symbol);
        }
        return id;
    }
}
