package dev.peregrine.core.risk;

import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.perpetual.MarginAccount;

/**
 * Refuses an order on a perpetual that, filled ({@link MarginProjection}), would leave the account over a leverage
 * limit, each measured on the margin balance after the fill (wallet balance plus unrealized PnL on the mark):
 * <ol>
 *   <li>the instrument's position notional over the margin balance above {@link PerpetualLimits#maxLeverage} for
 *       it, and never above the venue's maximum leverage for a position of that notional (its margin bracket's,
 *       {@code MarginTier.maxLeverage}): the venue would not carry it;</li>
 *   <li>every perpetual's notional together over the margin balance above
 *       {@link PerpetualLimits#maxAccountLeverage} (0 = none);</li>
 *   <li>the initial margin of every position at the leverage set for each instrument (notional / leverage) above
 *       the margin balance: what Binance USD-M refuses as "margin is insufficient".</li>
 * </ol>
 * A margin balance of zero or less refuses every new risk. Reducing orders, spot instruments and orders with
 * no price to value them at pass (the venue refuses an unpriced market order itself).
 */
public final class MaxLeverageCheck extends ProjectedMarginCheck
{
    public MaxLeverageCheck(final MarginProjection projection)
    {
        super(projection);
    }

    @Override
    protected boolean isOn(final PerpetualLimits limits)
    {
        return true; // the venue's maximum and the leverage set always apply
    }

    @Override
    protected RejectReason judge(final int instrumentId, final MarginAccount after, final PerpetualTerms terms,
        final PerpetualLimits limits)
    {
        final double balance = after.marginBalance();
        if (balance <= 0)
        {
            return RejectReason.MAX_LEVERAGE;
        }
        final double notional = after.notional(instrumentId);
        final double venueMax = FixedPoint.toDouble(terms.tierFor(FixedPoint.fromDouble(notional)).maxLeverage());
        final double configured = limits.maxLeverage()[instrumentId];
        final double limit = configured > 0 ? Math.min(configured, venueMax) : venueMax;
        final double accountLimit = limits.maxAccountLeverage();
        final boolean over = notional > limit * balance ||
            (accountLimit > 0 && after.notional() > accountLimit * balance) ||
            after.marginUsed() > balance;
        return over ? RejectReason.MAX_LEVERAGE : RejectReason.NONE;
    }
}
