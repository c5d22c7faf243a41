package dev.peregrine.core.decision;

/** Receives decisions drained from a {@link DecisionQueue}, on the draining thread (the journal's side). */
@FunctionalInterface
public interface DecisionSink
{
    void write(DecisionRecord record);
}
