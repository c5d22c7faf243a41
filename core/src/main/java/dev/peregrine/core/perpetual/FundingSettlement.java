package dev.peregrine.core.perpetual;

import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.strategy.StrategyRunner;
import dev.peregrine.core.strategy.StrategySet;

/**
 * Applies one FUNDING_SETTLEMENT to every holder of the instrument: each strategy's own position, and the engine's
 * own orders (exits, flattening: strategy 0) for what the strategies' positions do not account for. Binance USD-M's
 * documented funding: {@code payment = position size x mark price x funding rate}, the long paying the short when the
 * rate is positive; here {@code contracts x contractSize x mark x rate}, positive = paid.
 *
 * <p>When the venue reported what the account paid ({@code fee} not 0, a live venue's {@code FUNDING_FEE}), that
 * amount is what is booked, split over the holders in proportion to their contracts (strategy 0 takes what rounding
 * leaves, so the parts add up to the venue's figure); else the engine computes each holder's payment. Each payment
 * goes to the {@link FundingLedger}, the margin account's wallet and the outputs ({@code onFunding}). A holder with no
 * position pays nothing and produces no output, so a spot run never sees one. Core thread only; no allocation.
 */
public final class FundingSettlement
{
    private final PerpetualState state;
    private final PositionBook enginePositions;
    private final OutputListener outputs;

    public FundingSettlement(final PerpetualState state, final PositionBook enginePositions, final OutputListener outputs)
    {
        this.state = state;
        this.enginePositions = enginePositions;
        this.outputs = outputs;
    }

    /**
     * Settles funding of {@code instrumentId} at {@code rate} and {@code mark} (scaled) for every holder.
     *
     * @param venueFee what the venue reported the account paid (scaled, positive = paid); 0 = compute it.
     */
    public void settle(final int instrumentId, final long rate, final long mark, final long venueFee,
        final StrategySet strategies, final long timeNanos)
    {
        final MarginAccount account = state.account();
        state.funding().ensureStrategies(strategies.count()); // grows only after a settings change added strategies
        state.funding().settled(instrumentId);
        if (!account.isPerpetual(instrumentId))
        {
            return;
        }
        final long markPrice = mark > 0 ? mark : account.mark(instrumentId);
        final double perContract = FixedPoint.toDouble(account.terms(instrumentId).contractSize()) *
            FixedPoint.toDouble(markPrice) * FixedPoint.toDouble(rate);
        final long engineContracts = enginePositions.quantity(instrumentId);
        final double reported = FixedPoint.toDouble(venueFee);
        long strategyContracts = 0;
        int lastHolder = -1;
        for (int i = 0, n = strategies.count(); i < n; i++)
        {
            final long contracts = strategies.get(i).positions().quantity(instrumentId);
            if (contracts != 0)
            {
                strategyContracts += contracts;
                lastHolder = i;
            }
        }
        final long engineOwn = engineContracts - strategyContracts;
        double booked = 0.0;
        for (int i = 0; i <= lastHolder; i++)
        {
            final StrategyRunner runner = strategies.get(i);
            final long contracts = runner.positions().quantity(instrumentId);
            if (contracts == 0)
            {
                continue;
            }
            final double payment;
            if (venueFee == 0)
            {
                payment = FixedPoint.toDouble(contracts) * perContract;
            }
            else if (engineOwn == 0 && i == lastHolder)
            {
                payment = reported - booked; // the last holder takes what rounding left: the parts add up to the venue's
            }
            else
            {
                payment = engineContracts == 0 ? 0.0 : reported * ((double)contracts / (double)engineContracts);
            }
            booked += payment;
            pay(runner.strategyId(), instrumentId, contracts, markPrice, rate, payment, timeNanos);
        }
        if (engineOwn != 0 || (venueFee != 0 && lastHolder < 0))
        {
            // the engine's own orders hold the rest; a venue's charge on a position no strategy holds is booked here too
            pay(0, instrumentId, engineOwn, markPrice, rate,
                venueFee != 0 ? reported - booked : FixedPoint.toDouble(engineOwn) * perContract, timeNanos);
        }
    }

    private void pay(final int strategyId, final int instrumentId, final long contracts, final long mark,
        final long rate, final double payment, final long timeNanos)
    {
        state.funding().book(strategyId, instrumentId, payment);
        state.account().applyFunding(payment);
        outputs.onFunding(strategyId, instrumentId, contracts, mark, rate, payment, timeNanos);
    }
}
