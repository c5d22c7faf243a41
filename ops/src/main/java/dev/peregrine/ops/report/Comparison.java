package dev.peregrine.ops.report;

import java.nio.file.Path;
import java.util.List;

/**
 * Decision-by-decision differences of the reported journal against another one (a live run against its
 * replay or backtest). {@code differences} lists the first {@value DecisionComparison#MAX_LISTED};
 * the counts cover all of them.
 */
public record Comparison(
    Path other,
    long decisions,
    long otherDecisions,
    long matched,
    long missing,
    long extra,
    long different,
    String outputDigest,
    String otherOutputDigest,
    String stateHash,
    String otherStateHash,
    List<DecisionDifference> differences)
{
    public long differenceCount()
    {
        return missing + extra + different;
    }

    public boolean identical()
    {
        return differenceCount() == 0;
    }
}
