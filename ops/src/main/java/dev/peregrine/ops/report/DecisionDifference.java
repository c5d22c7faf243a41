package dev.peregrine.ops.report;

import java.util.List;

/**
 * One difference between the decisions of two journals.
 *
 * @param kind     MISSING: in the reported journal only (the other run did not make it); EXTRA: in the
 *                 other journal only; DIFFERENT: both made a decision at that moment for that product and
 *                 strategy, and {@code fields} lists what differs
 * @param expected the reported journal's decision (null for EXTRA)
 * @param actual   the other journal's decision (null for MISSING)
 */
public record DecisionDifference(Kind kind, DecisionSummary expected, DecisionSummary actual, List<String> fields)
{
    public enum Kind
    {
        MISSING, EXTRA, DIFFERENT
    }

    public DecisionSummary either()
    {
        return expected != null ? expected : actual;
    }
}
