package dev.peregrine.core.perpetual;

import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.strategy.StrategySet;

/**
 * Applies one FUNDING_SETTLEMENT to every holder of the instrument: each strategy's own position, and the engine's
 * own orders (exits, flattening: strategy 0) for what the strategies' positions do not account for. Binance USD-M's
 * documented funding: {@code payment = position size x mark price x funding rate}, the long paying the short when the
 * rate is positive; here {@code contracts x contractSize x mark x rate}, positive = paid.
 *
 * <p>When the venue reported what the account paid ({@code fee} not 0, a live venue's {@code FUNDING_FEE}), that
 * amount is what is booked, split over the holders in proportion to their contracts (the last holder takes what
 * rounding leaves, so the parts add up to the venue's figure); else the engine computes each holder's payment. Each
 * payment goes to the {@link FundingLedger}, the margin account's wallet and the outputs ({@code onFunding}). A
 * holder with no position pays nothing and produces no output, so a spot run never sees one.
 *
 * <p>One funding time (the event's {@code exchangeTimeNanos}) of an instrument is settled once, whichever source
 * arrives first ({@link SettledFunding}): the venue's figure for a time already computed replaces the computed
 * amount (the difference is booked, split over the holders of the computed settlement by their contracts then), a
 * computed settlement for a time the venue already reported is ignored, and so is a repeat. The venue's report names
 * no rate or mark (both 0): the mark used is the latest mark, the rate recorded the one the latest mark announced,
 * and nothing divides by either. Core thread only; no allocation.
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
     * @param venueFee         what the venue reported the account paid (scaled, positive = paid); 0 = compute it.
     * @param fundingTimeNanos the funding time settled (the event's exchange time); 0 = unnamed, always settled.
     */
    public void settle(final int instrumentId, final long rate, final long mark, final long venueFee,
        final long fundingTimeNanos, final StrategySet strategies, final long timeNanos)
    {
        final MarginAccount account = state.account();
        final FundingLedger ledger = state.funding();
        ledger.ensureStrategies(strategies.count()); // grows only after a settings change added strategies
        if (!account.isPerpetual(instrumentId))
        {
            ledger.settled(instrumentId);
            return;
        }
        final SettledFunding latest = ledger.latest();
        final boolean venueReported = venueFee != 0;
        final int kind = latest.classify(instrumentId, fundingTimeNanos, venueReported);
        if (kind == SettledFunding.IGNORE)
        {
            return;
        }
        if (kind == SettledFunding.CORRECTION)
        {
            latest.corrected(instrumentId);
            distribute(instrumentId, FixedPoint.toDouble(venueFee) - latest.computed(instrumentId),
                latest.mark(instrumentId), latest.rate(instrumentId), timeNanos);
            return;
        }
        ledger.settled(instrumentId);
        final long markPrice = mark > 0 ? mark : account.mark(instrumentId);
        final long rateUsed = rate != 0 || !venueReported ? rate : state.marks().fundingRate(instrumentId);
        latest.begin(instrumentId, fundingTimeNanos, rateUsed, markPrice, venueReported);
        final double perContract = FixedPoint.toDouble(account.terms(instrumentId).contractSize()) *
            FixedPoint.toDouble(markPrice) * FixedPoint.toDouble(rate);
        long strategyContracts = 0;
        for (int i = 0, n = strategies.count(); i < n; i++)
        {
            final long contracts = strategies.get(i).positions().quantity(instrumentId);
            strategyContracts += contracts;
            latest.hold(strategies.get(i).strategyId(), instrumentId, contracts,
                venueReported ? 0.0 : FixedPoint.toDouble(contracts) * perContract);
        }
        final long engineOwn = enginePositions.quantity(instrumentId) - strategyContracts;
        latest.hold(0, instrumentId, engineOwn, venueReported ? 0.0 : FixedPoint.toDouble(engineOwn) * perContract);
        if (venueReported)
        {
            distribute(instrumentId, FixedPoint.toDouble(venueFee), markPrice, rateUsed, timeNanos);
        }
        else
        {
            for (int slot = 1, n = latest.slots(); slot <= n; slot++)
            {
                final int s = slot == n ? 0 : slot; // the strategies in order, then the engine's own orders
                final long contracts = latest.held(s, instrumentId);
                if (contracts != 0)
                {
                    pay(s, instrumentId, contracts, markPrice, rate, FixedPoint.toDouble(contracts) * perContract,
                        timeNanos);
                }
            }
        }
    }

    /**
     * Books {@code amount} over the holders of the instrument's latest settlement by their contracts; the last holder
     * takes what rounding leaves. With no holder (or holders netting to nothing) the remainder falls to the engine.
     */
    private void distribute(final int instrumentId, final double amount, final long mark, final long rate,
        final long timeNanos)
    {
        final SettledFunding latest = state.funding().latest();
        final int n = latest.slots();
        long total = 0;
        int last = -1;
        for (int slot = 1; slot <= n; slot++)
        {
            final int s = slot == n ? 0 : slot;
            final long contracts = latest.held(s, instrumentId);
            if (contracts != 0)
            {
                total += contracts;
                last = s;
            }
        }
        if (last < 0)
        {
            if (amount != 0.0)
            {
                pay(0, instrumentId, 0, mark, rate, amount, timeNanos); // a charge on a position no one holds
            }
            return;
        }
        double booked = 0.0;
        for (int slot = 1; slot <= n; slot++)
        {
            final int s = slot == n ? 0 : slot;
            final long contracts = latest.held(s, instrumentId);
            if (contracts == 0)
            {
                continue;
            }
            final double payment = s == last ? amount - booked :
                total == 0 ? 0.0 : amount * ((double)contracts / (double)total);
            booked += payment;
            pay(s, instrumentId, contracts, mark, rate, payment, timeNanos);
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
