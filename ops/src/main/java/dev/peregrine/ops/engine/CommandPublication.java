package dev.peregrine.ops.engine;

/** What became of an operator command handed to {@link LiveEngine#publishCommand}. */
public enum CommandPublication
{
    /** On the ring: it will be journaled, then acted on. */
    ACCEPTED,
    /** The engine is not running (not started, or stopping). */
    NOT_RUNNING,
    /** The ring is full for longer than the wait: the caller should retry. */
    RING_FULL
}
