package dev.peregrine.core.ring;

import dev.peregrine.core.metrics.SingleWriterCounter;

/**
 * How far the journal got: the sequence of the first inbound event it failed to append, and the
 * inputs the core therefore did not take. The core stage runs after the journal stage on every slot
 * (see {@link InboundRing}), so by the time the core looks at sequence {@code s} the journal has either
 * appended it or closed this gate at or before {@code s}: the core never decides on an input that is
 * not journaled, and a replay of the journal reproduces everything the core did.
 *
 * <p>Memory ordering: {@link #close} is called on the journal thread before the Disruptor advances the
 * journal stage's sequence past the failed slot (the exception handler and the rethrow run first); the
 * core thread reads that sequence (acquire) before it reads {@link #failedSequence} (volatile), so it
 * always sees the gate closed for the failed slot. {@link #notTaken} is written by the core thread only.
 */
public final class JournalGate
{
    private volatile long failedSequence = Long.MAX_VALUE;
    private volatile Throwable cause;
    private final SingleWriterCounter notTaken = new SingleWriterCounter("inputs_not_taken_after_journal_failure");

    /** Journal thread: the append of {@code sequence} failed; it and every later input stay out of the core. */
    void close(final long sequence, final Throwable why)
    {
        if (failedSequence == Long.MAX_VALUE)
        {
            cause = why;
            failedSequence = sequence;
        }
    }

    /** Core thread: whether the input at {@code sequence} was journaled and may be processed. */
    boolean admits(final long sequence)
    {
        return sequence < failedSequence;
    }

    /** Core thread: one input refused because the journal failed at or before it. */
    void refused()
    {
        notTaken.increment();
    }

    /** True once an append failed. Any thread. */
    public boolean closed()
    {
        return failedSequence != Long.MAX_VALUE;
    }

    /**
     * The ring sequence of the first event not journaled (this session's sequences start at 0, so it is
     * also the number of events this session journaled), or -1 while the journal is healthy.
     */
    public long failedSequence()
    {
        final long failed = failedSequence;
        return failed == Long.MAX_VALUE ? -1 : failed;
    }

    /** What failed the append, or null. */
    public Throwable cause()
    {
        return cause;
    }

    /** Inputs the core did not take because they were not journaled. Any thread. */
    public long inputsNotTaken()
    {
        return notTaken.get();
    }
}
