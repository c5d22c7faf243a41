package dev.peregrine.core.risk;

import dev.peregrine.core.execution.PositionBook;

/** Runs the checks in order; the first rejection wins, so its reason is the one reported. */
public final class RiskChain
{
    private final RiskCheck[] checks;

    public RiskChain(final RiskCheck... checks)
    {
        this.checks = checks.clone();
    }

    public RejectReason check(final int instrumentId, final int side, final long quantity, final PositionBook positions)
    {
        for (final RiskCheck check : checks)
        {
            final RejectReason reason = check.check(instrumentId, side, quantity, positions);
            if (reason != RejectReason.NONE)
            {
                return reason;
            }
        }
        return RejectReason.NONE;
    }
}
