package dev.peregrine.core.risk;

import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.perpetual.MarginAccount;

/**
 * The margin account as it would stand once an order filled: a scratch copy of the engine's {@link MarginAccount}
 * with the order applied, read through the account's own formulas (Binance USD-M's), so the perpetual checks judge
 * the position after the order by exactly the figures the engine reports afterwards.
 *
 * <p>The order is projected whole, together with the open orders already on its side of the instrument (several
 * orders in flight must not add up past a limit), at its reference price: the limit price, or the touch a market
 * order would take first; unpriced, at the instrument's mark. Fees are left out (they are not known before the
 * fill). Computed once per order, on the first check that asks, after {@link RiskChain} {@link #reset}s it. Core
 * thread only; copying the account allocates nothing.
 */
public final class MarginProjection
{
    private final MarginAccount account;
    private final PositionBook positions;
    private final PositionBook scratchPositions;
    private final MarginAccount scratch;
    private final InstrumentRegistry instruments;
    private boolean projected;
    private boolean priced;

    /** @param positions the engine's positions, which {@code account} reads. */
    public MarginProjection(final MarginAccount account, final PositionBook positions, final InstrumentRegistry instruments)
    {
        this.account = account;
        this.positions = positions;
        this.scratchPositions = new PositionBook(positions.instrumentCount());
        this.scratch = account.copyOver(scratchPositions);
        this.instruments = instruments;
    }

    /** Forgets the last projection: the next {@link #of} projects the order it is given. */
    void reset()
    {
        projected = false;
    }

    /** The instrument's perpetual terms, or null for spot. */
    public PerpetualTerms terms(final int instrumentId)
    {
        return instruments.perpetual(instrumentId);
    }

    /**
     * The account after {@code order} (and its side's open orders) filled, or null when there is no price to value
     * the order at (no reference price and no mark yet). The returned account is reused by the next order.
     */
    public MarginAccount of(final OrderRequest order, final RiskContext context)
    {
        if (!projected)
        {
            projected = true;
            priced = project(order, context);
        }
        return priced ? scratch : null;
    }

    private boolean project(final OrderRequest order, final RiskContext context)
    {
        final int id = order.instrumentId;
        final long price = order.referencePrice > 0 ? order.referencePrice :
            FixedPoint.fromDouble(account.valuationPrice(id));
        if (price <= 0)
        {
            return false;
        }
        scratchPositions.copyFrom(positions);
        scratch.copyStateFrom(account);
        final long quantity = order.quantity + context.orders.openQuantity(id, order.side);
        scratchPositions.applyFill(id, order.side, quantity, price, 0.0);
        return true;
    }
}
