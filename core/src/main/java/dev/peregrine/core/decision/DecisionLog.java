package dev.peregrine.core.decision;

/**
 * Where the core hands each decision for journaling. Called on the core thread; must not block or
 * allocate (the live engine's {@link DecisionQueue} copies the record into a pre-allocated ring).
 */
@FunctionalInterface
public interface DecisionLog
{
    /** Journals nothing: replay, recovery and tests, where decisions are regenerated, not recorded. */
    DecisionLog NONE = record -> { };

    /** {@code record} is reused once this returns: copy what must be kept. */
    void append(DecisionRecord record);

    /**
     * The inbound ring sequence of the input the core is about to process: the decisions that follow are
     * caused by it. A journaling log uses it to write a decision only once its cause is on the journal.
     */
    default void beginInput(final long ringSequence)
    {
    }
}
