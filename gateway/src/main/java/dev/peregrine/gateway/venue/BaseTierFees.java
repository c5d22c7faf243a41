package dev.peregrine.gateway.venue;

/**
 * A venue's documented fee for its lowest (base) tier, in basis points of the notional: what a paper or demo run
 * charges when the user names no fee, so a run on a venue costs what an account there would start at.
 *
 * @param makerBps the fee on a fill that rested on the book.
 * @param takerBps the fee on a fill that took liquidity.
 */
public record BaseTierFees(double makerBps, double takerBps)
{
}
