package dev.peregrine.bench.decode;

import dev.peregrine.core.instrument.InstrumentRegistry;

import java.io.IOException;

/**
 * One Jackson baseline of {@link DecoderBenchmark}: a venue frame decoded with Jackson into the same
 * {@code InboundEvent} fields Peregrine's decoder fills, so the two can be timed against each other and
 * held to the same events by {@code DecoderAgreementTest}. The subclasses differ in the Jackson API they use
 * (streaming parser or tree) and the venue; what they share, the frame-to-events signature and the
 * symbol lookup that fails on an unknown instrument (as Peregrine drops the frame), is here.
 */
public abstract class JacksonBaseline
{
    private final InstrumentRegistry registry;

    protected JacksonBaseline(final InstrumentRegistry registry)
    {
        this.registry = registry;
    }

    /** Decodes {@code buffer[offset, offset + length)} into {@code out} (cleared first). */
    public abstract void decode(
        byte[] buffer, int offset, int length, long receiveEpochNanos, long receiveNanoTime, DecodedEvents out)
        throws IOException;

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
