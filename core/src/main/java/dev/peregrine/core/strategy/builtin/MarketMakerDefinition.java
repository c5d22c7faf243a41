package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.strategy.StrategyFactory;
import dev.peregrine.core.strategy.config.DescribedDefinition;
import dev.peregrine.core.strategy.config.StrategyParams;

import java.math.BigDecimal;

/** {@link MarketMaker}'s parameters, read and checked once, at configuration: {@link MarketMaker#DEFINITION}. */
final class MarketMakerDefinition extends DescribedDefinition
{
    /** Largest max-position accepted, in units: keeps max-position plus a position inside a scaled long. */
    private static final double MAX_POSITION_UNITS = 1e10;

    MarketMakerDefinition()
    {
        super(MarketMaker.NAME,
            "L2 market maker: a bid and an ask around the mid, skewed against inventory, within a position limit",
            "instrument=first product: the product to quote",
            "spread-bps=10: full quoted spread, basis points of the mid (> 0, to 0.0001)",
            "quantity=the engine's order quantity: size of each quote",
            "max-position=4 x quantity: absolute inventory limit (>= quantity)",
            "skew-bps=spread-bps/2: how far both quotes move against the inventory at max-position",
            "requote-ticks=1: replace a quote only when its price is off by at least this many ticks",
            "min-requote-ms=0: least event time between placing a quote and replacing it (0 = none)");
    }

    @Override
    public boolean needsBook()
    {
        return true;
    }

    @Override
    public StrategyFactory configure(final StrategyParams params)
    {
        final int instrument = params.instrument("instrument");
        final double spreadBps = params.decimal("spread-bps", 10, 0, QuotePricer.MAX_BPS);
        final long quantity = params.quantity("quantity", instrument);
        // StrategyParams.quantity's default is the engine's order quantity; this one defaults to 4 x quantity,
        // so it is read as a decimal with "absent" as NaN.
        final double maxPositionUnits = params.decimal("max-position", Double.NaN, 0, MAX_POSITION_UNITS);
        final double skewBps = params.decimal("skew-bps", spreadBps / 2, 0, QuotePricer.MAX_BPS);
        final int requoteTicks = params.integer("requote-ticks", 1, 1, 1_000_000);
        final int minRequoteMillis = params.integer("min-requote-ms", 0, 0, 3_600_000);
        final long maxPosition = Double.isNaN(maxPositionUnits) ?
            Math.min(quantity, FixedPoint.fromDouble(MAX_POSITION_UNITS) / 4) * 4 :
            FixedPoint.fromDouble(maxPositionUnits);
        params.require(QuotePricer.representable(spreadBps),
            "parameter 'spread-bps' = '" + plain(spreadBps) + "': expected a spread above 0 (at least 0.0001 bps)");
        params.require(maxPosition >= quantity, "max-position (" + FixedPoint.toString(maxPosition) +
            ") must be at least quantity (" + FixedPoint.toString(quantity) + "): no quote would fit");
        return context -> new MarketMaker(context, instrument, spreadBps, skewBps, quantity, maxPosition,
            requoteTicks, minRequoteMillis * 1_000_000L);
    }

    private static String plain(final double value)
    {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
