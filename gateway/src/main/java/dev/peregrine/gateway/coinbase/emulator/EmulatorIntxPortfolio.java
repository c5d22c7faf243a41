package dev.peregrine.gateway.coinbase.emulator;

import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.coinbase.intx.IntxFundingProcess;
import dev.peregrine.gateway.coinbase.intx.IntxMarginRates;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * The emulated user's INTX perpetuals portfolio: USDC collateral, one net position per perpetual (one-way, as INTX
 * holds them) with its entry price (the fills' volume-weighted average while it grows), the order's {@code leverage}
 * and {@code margin_type}, and the venue's rules: an order that would grow the positions' initial margin (notional /
 * leverage, at most the product's {@code max_leverage}) beyond the equity is refused {@code INSUFFICIENT_FUND}; a
 * funding at every multiple of the funding interval charges each position {@code net size x contract size x mark x
 * rate} (longs pay when the rate is positive); when the equity (collateral + unrealized PnL on the mark) falls below
 * the maintenance margin (notional x {@link IntxMarginRates#maintenanceRate}), every position is closed at the mark
 * (a liquidation). The mark is the product's book mid, as the product answer's {@code mid_market_price} shows it.
 * Called under the emulator's lock.
 */
final class EmulatorIntxPortfolio
{
    /** The INTX portfolio's id: the positions, portfolio and balances endpoints answer for it (and the default one). */
    static final String PORTFOLIO_UUID = new UUID(0x5045524547524e45L, 0x494e5458L).toString();
    /** What the collateral starts with unless a test says otherwise, USDC. */
    static final BigDecimal COLLATERAL_START = new BigDecimal("100000");
    private static final MathContext MATH = MathContext.DECIMAL64;

    /** One perpetual's position. */
    static final class Position
    {
        BigDecimal netSize = BigDecimal.ZERO;
        BigDecimal entry = BigDecimal.ZERO;
        BigDecimal realized = BigDecimal.ZERO;
        BigDecimal funding = BigDecimal.ZERO;
        BigDecimal leverage;
        String marginType = "CROSS";
    }

    private final ProductCatalog catalog;
    private final Function<String, BigDecimal> mark;
    private final Map<String, Position> positions = new LinkedHashMap<>();
    private IntxFundingProcess funding;
    private BigDecimal collateral = COLLATERAL_START;
    private long fundedThroughNanos;
    private int fundings;
    private int liquidations;

    EmulatorIntxPortfolio(final ProductCatalog catalog, final IntxFundingProcess funding, final Function<String, BigDecimal> mark,
        final long nowNanos)
    {
        this.catalog = catalog;
        this.funding = funding;
        this.mark = mark;
        this.fundedThroughNanos = nowNanos;
    }

    /** Whether {@code productId} is a perpetual this portfolio trades. */
    boolean trades(final String productId)
    {
        final ProductCatalog.Product product = catalog.find(productId);
        return product != null && product.perpetual() != null;
    }

    IntxFundingProcess funding()
    {
        return funding;
    }

    /** A new funding schedule from now on (tests, demos): fundings before {@code nowNanos} are not charged. */
    void funding(final IntxFundingProcess newFunding, final long nowNanos)
    {
        funding = newFunding;
        fundedThroughNanos = nowNanos;
    }

    void collateral(final BigDecimal amount)
    {
        collateral = amount;
    }

    BigDecimal collateral()
    {
        return collateral;
    }

    /** The product's mark now (its book mid), or null when nothing quotes it. */
    BigDecimal markOf(final String productId)
    {
        return mark.apply(productId);
    }

    Position position(final String productId)
    {
        return positions.get(productId);
    }

    Map<String, Position> positions()
    {
        return positions;
    }

    int fundings()
    {
        return fundings;
    }

    int liquidations()
    {
        return liquidations;
    }

    /** The refusal of {@code spec} for {@code size} at {@code price}, or null when the margin allows it. */
    EmulatorOrderChecks.Refusal check(final EmulatorOrderSpec spec, final BigDecimal size, final BigDecimal price)
    {
        final PerpetualTerms terms = terms(spec.productId);
        final BigDecimal maxLeverage = decimal(terms.maxLeverage());
        final BigDecimal leverage = spec.leverage != null ? spec.leverage : maxLeverage;
        if (leverage.compareTo(BigDecimal.ONE) < 0 || leverage.compareTo(maxLeverage) > 0)
        {
            return new EmulatorOrderChecks.Refusal("UNKNOWN_FAILURE_REASON", "PREVIEW_INVALID_LEVERAGE",
                "leverage " + leverage.toPlainString() + " is outside 1 to max_leverage " + maxLeverage.toPlainString());
        }
        final Position held = positions.get(spec.productId);
        final BigDecimal now = held == null ? BigDecimal.ZERO : held.netSize;
        final BigDecimal after = spec.buy() ? now.add(size) : now.subtract(size);
        if (after.abs().compareTo(now.abs()) <= 0 && after.signum() * now.signum() >= 0)
        {
            return null; // it only reduces: INTX never refuses that for margin
        }
        BigDecimal required = after.abs().multiply(decimal(terms.contractSize())).multiply(price).divide(leverage, MATH);
        for (final Map.Entry<String, Position> other : positions.entrySet())
        {
            if (!other.getKey().equals(spec.productId))
            {
                required = required.add(initialMargin(other.getKey(), other.getValue()));
            }
        }
        final BigDecimal equity = equity();
        if (required.compareTo(equity) > 0)
        {
            return new EmulatorOrderChecks.Refusal("INSUFFICIENT_FUND", "PREVIEW_INSUFFICIENT_FUNDS_FOR_FUTURES",
                "needs " + required.setScale(2, RoundingMode.UP).toPlainString() + " USDC initial margin, equity " +
                    equity.setScale(2, RoundingMode.DOWN).toPlainString() + " USDC");
        }
        return null;
    }

    /** A fill of {@code order}: the position, its entry, realized PnL and the fee move the collateral. */
    void settle(final EmulatedOrder order, final BigDecimal size, final BigDecimal price, final BigDecimal fee)
    {
        final Position p = positions.computeIfAbsent(order.productId, id -> new Position());
        if (order.leverage != null)
        {
            p.leverage = order.leverage;
        }
        if (order.marginType != null)
        {
            p.marginType = order.marginType;
        }
        final BigDecimal signed = "BUY".equals(order.side) ? size : size.negate();
        final BigDecimal contract = decimal(terms(order.productId).contractSize());
        if (p.netSize.signum() == 0 || p.netSize.signum() == signed.signum())
        {
            final BigDecimal grown = p.netSize.add(signed);
            p.entry = p.entry.multiply(p.netSize.abs()).add(price.multiply(size)).divide(grown.abs(), MATH);
            p.netSize = grown;
        }
        else
        {
            final BigDecimal closed = size.min(p.netSize.abs());
            final BigDecimal pnl = price.subtract(p.entry).multiply(closed).multiply(contract)
                .multiply(BigDecimal.valueOf(p.netSize.signum()));
            p.realized = p.realized.add(pnl);
            collateral = collateral.add(pnl);
            final BigDecimal after = p.netSize.add(signed);
            if (after.signum() != 0 && after.signum() != p.netSize.signum())
            {
                p.entry = price; // flipped: the rest opens a position at this fill's price
            }
            else if (after.signum() == 0)
            {
                p.entry = BigDecimal.ZERO;
            }
            p.netSize = after;
        }
        collateral = collateral.subtract(fee);
    }

    /**
     * Charges every funding due up to {@code nowNanos}, then liquidates when the equity is below maintenance.
     *
     * @return the fundings charged.
     */
    int advance(final long nowNanos)
    {
        int charged = 0;
        for (long at = funding.nextFundingTime(fundedThroughNanos); at <= nowNanos; at += funding.intervalNanos())
        {
            for (final Map.Entry<String, Position> entry : positions.entrySet())
            {
                final Position p = entry.getValue();
                final BigDecimal markPrice = mark.apply(entry.getKey());
                if (p.netSize.signum() == 0 || markPrice == null)
                {
                    continue;
                }
                final BigDecimal payment = p.netSize.multiply(decimal(terms(entry.getKey()).contractSize()))
                    .multiply(markPrice).multiply(decimal(funding.rate(entry.getKey(), at))).setScale(8, RoundingMode.HALF_EVEN);
                p.funding = p.funding.add(payment);
                collateral = collateral.subtract(payment);
            }
            fundedThroughNanos = at;
            fundings++;
            charged++;
        }
        if (!positions.isEmpty() && equity().compareTo(maintenanceMargin()) < 0 && hasOpenPosition())
        {
            liquidate();
        }
        return charged;
    }

    /** Collateral plus every position's unrealized PnL on the mark. */
    BigDecimal equity()
    {
        BigDecimal equity = collateral;
        for (final String productId : positions.keySet())
        {
            equity = equity.add(unrealized(productId));
        }
        return equity;
    }

    BigDecimal unrealized(final String productId)
    {
        final Position p = positions.get(productId);
        final BigDecimal markPrice = mark.apply(productId);
        if (p == null || p.netSize.signum() == 0 || markPrice == null)
        {
            return BigDecimal.ZERO;
        }
        return markPrice.subtract(p.entry).multiply(p.netSize).multiply(decimal(terms(productId).contractSize()));
    }

    BigDecimal notional(final String productId)
    {
        final Position p = positions.get(productId);
        final BigDecimal markPrice = mark.apply(productId);
        return p == null || markPrice == null ? BigDecimal.ZERO :
            p.netSize.abs().multiply(decimal(terms(productId).contractSize())).multiply(markPrice);
    }

    BigDecimal initialMargin(final String productId, final Position p)
    {
        final BigDecimal leverage = p.leverage != null ? p.leverage : decimal(terms(productId).maxLeverage());
        return notional(productId).divide(leverage, MATH);
    }

    BigDecimal maintenanceRate(final String productId)
    {
        return decimal(IntxMarginRates.maintenanceRate(terms(productId).maxLeverage()));
    }

    BigDecimal maintenanceMargin()
    {
        BigDecimal margin = BigDecimal.ZERO;
        for (final String productId : positions.keySet())
        {
            margin = margin.add(notional(productId).multiply(maintenanceRate(productId)));
        }
        return margin;
    }

    /**
     * The mark at which a long (short) position of {@code productId} alone would be liquidated, the others' PnL held:
     * equity + net x (liq - mark) = |net| x liq x maintenance rate; 0 when flat or never (a short's has no cap).
     */
    BigDecimal liquidationPrice(final String productId)
    {
        final Position p = positions.get(productId);
        final BigDecimal markPrice = mark.apply(productId);
        if (p == null || p.netSize.signum() == 0 || markPrice == null)
        {
            return BigDecimal.ZERO;
        }
        final BigDecimal size = p.netSize.multiply(decimal(terms(productId).contractSize()));
        final BigDecimal rest = equity().subtract(size.multiply(markPrice));
        final BigDecimal divisor = size.abs().multiply(maintenanceRate(productId)).subtract(size);
        if (divisor.signum() == 0)
        {
            return BigDecimal.ZERO;
        }
        final BigDecimal price = rest.divide(divisor, MATH);
        return price.signum() > 0 ? price.setScale(2, RoundingMode.HALF_UP) : BigDecimal.ZERO;
    }

    private boolean hasOpenPosition()
    {
        for (final Position p : positions.values())
        {
            if (p.netSize.signum() != 0)
            {
                return true;
            }
        }
        return false;
    }

    /** Closes every position at its mark: the realized PnL moves the collateral. */
    private void liquidate()
    {
        for (final Map.Entry<String, Position> entry : positions.entrySet())
        {
            final Position p = entry.getValue();
            if (p.netSize.signum() != 0)
            {
                final BigDecimal pnl = unrealized(entry.getKey());
                p.realized = p.realized.add(pnl);
                collateral = collateral.add(pnl);
                p.netSize = BigDecimal.ZERO;
                p.entry = BigDecimal.ZERO;
            }
        }
        liquidations++;
    }

    private PerpetualTerms terms(final String productId)
    {
        return catalog.find(productId).perpetual();
    }

    static BigDecimal decimal(final long scaled)
    {
        return BigDecimal.valueOf(scaled, FixedPoint.DECIMALS);
    }
}
