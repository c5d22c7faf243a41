package dev.peregrine.core.risk;

/**
 * The funding-rate limits strategies set for themselves ({@code StrategyContext.guardFunding}): per strategy and
 * instrument, the most funding per interval a new position on the paying side may face. Read by
 * {@link FundingRateGuard} beside the engine-wide {@link PerpetualLimits#maxFundingRate}. Set while strategies are
 * built (from their configuration), so a replay builds the same table. Core thread only; no allocation after build.
 */
public final class FundingGuards
{
    /** Strategy ids 0 (the engine) to this. */
    private final int maxStrategyId;
    private final int instrumentCount;
    /** [strategyId * instrumentCount + instrumentId]; 0 = none. */
    private final double[] limits;

    public FundingGuards(final int maxStrategyId, final int instrumentCount)
    {
        this.maxStrategyId = maxStrategyId;
        this.instrumentCount = instrumentCount;
        this.limits = new double[(maxStrategyId + 1) * instrumentCount];
    }

    /**
     * Strategy {@code strategyId} takes no new position in the instrument on the side that pays funding above
     * {@code maxRate} per interval (0.0005 = 0.05 %); 0 lifts its own guard.
     */
    public void set(final int strategyId, final int instrumentId, final double maxRate)
    {
        if (strategyId < 0 || strategyId > maxStrategyId || instrumentId < 0 || instrumentId >= instrumentCount)
        {
            throw new IllegalArgumentException("funding guard: no strategy " + strategyId + " or instrument " + instrumentId);
        }
        if (!(maxRate >= 0 && maxRate < 1))
        {
            throw new IllegalArgumentException("funding guard of strategy " + strategyId + ": the rate must be in [0, 1) " +
                "per funding interval (0.0005 = 0.05 %), got " + maxRate);
        }
        limits[strategyId * instrumentCount + instrumentId] = maxRate;
    }

    /** The strategy's own limit in the instrument, 0 when it set none. */
    public double limit(final int strategyId, final int instrumentId)
    {
        return strategyId < 0 || strategyId > maxStrategyId ? 0 : limits[strategyId * instrumentCount + instrumentId];
    }
}
