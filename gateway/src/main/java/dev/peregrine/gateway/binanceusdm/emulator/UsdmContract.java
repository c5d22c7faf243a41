package dev.peregrine.gateway.binanceusdm.emulator;

import dev.peregrine.core.instrument.MarginTier;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * One USD-M perpetual as the emulated venue trades it: its filters ({@code PRICE_FILTER} tick, {@code LOT_SIZE} step
 * and minimum, {@code MIN_NOTIONAL}) and its leverage brackets ({@code GET /fapi/v1/leverageBracket}), the tiers that
 * give the maintenance margin rate and amount of a position by its notional. Contract size is 1: a quantity is in
 * the base asset, margin and PnL in the margin asset ({@code USDT}).
 */
public record UsdmContract(String symbol, String marginAsset, BigDecimal tickSize, BigDecimal stepSize,
    BigDecimal minQty, BigDecimal minNotional, List<Bracket> brackets)
{
    /**
     * A leverage bracket as {@code leverageBracket} lists it: positions with a notional in
     * [{@code notionalFloor}, {@code notionalCap}) may use up to {@code initialLeverage}, and keep
     * {@code notional x maintMarginRatio - cum} as maintenance margin ({@code cum} is the "maintenance amount" that
     * makes the tiers continuous).
     */
    public record Bracket(int bracket, int initialLeverage, BigDecimal notionalCap, BigDecimal notionalFloor,
        BigDecimal maintMarginRatio, BigDecimal cum)
    {
    }

    public UsdmContract
    {
        if (brackets == null || brackets.isEmpty())
        {
            throw new IllegalArgumentException(symbol + ": a USD-M contract needs at least one leverage bracket");
        }
        brackets = List.copyOf(brackets);
    }

    /**
     * BTCUSDT and ETHUSDT with the filters of the venue's {@code exchangeInfo} and the first tiers of the brackets its
     * documentation shows (BTCUSDT: 125x to 50,000 at 0.4%, 100x to 250,000 at 0.5% less 50, 50x to 1,000,000 at 1%
     * less 1,300; ETHUSDT: 100x to 10,000 at 0.5%, 75x to 100,000 at 0.65% less 15, 50x to 500,000 at 1% less 365).
     */
    public static List<UsdmContract> defaults()
    {
        return List.of(
            new UsdmContract("BTCUSDT", "USDT", d("0.10"), d("0.001"), d("0.001"), d("100"), List.of(
                new Bracket(1, 125, d("50000"), d("0"), d("0.004"), d("0")),
                new Bracket(2, 100, d("250000"), d("50000"), d("0.005"), d("50")),
                new Bracket(3, 50, d("1000000"), d("250000"), d("0.01"), d("1300")))),
            new UsdmContract("ETHUSDT", "USDT", d("0.01"), d("0.001"), d("0.001"), d("20"), List.of(
                new Bracket(1, 100, d("10000"), d("0"), d("0.005"), d("0")),
                new Bracket(2, 75, d("100000"), d("10000"), d("0.0065"), d("15")),
                new Bracket(3, 50, d("500000"), d("100000"), d("0.01"), d("365")))));
    }

    /**
     * The perpetual products of {@code catalog}, as the venue's built-in list or its {@code exchangeInfo} gives them:
     * tick and lot from the increments, the minimum quantity one lot, brackets from the margin tiers (a tier capped at
     * {@link Long#MAX_VALUE} is open-ended). Spot products are left out.
     */
    public static List<UsdmContract> of(final ProductCatalog catalog)
    {
        final List<UsdmContract> list = new ArrayList<>();
        for (final ProductCatalog.Product p : catalog.products())
        {
            if (p.perpetual() == null)
            {
                continue;
            }
            final List<Bracket> brackets = new ArrayList<>();
            for (final MarginTier t : p.perpetual().tiers())
            {
                brackets.add(new Bracket(brackets.size() + 1, (int)(t.maxLeverage() / FixedPoint.SCALE),
                    t.notionalCap() == Long.MAX_VALUE ? new BigDecimal(Long.MAX_VALUE) : fixed(t.notionalCap()),
                    fixed(t.notionalFloor()), fixed(t.maintenanceRate()), fixed(t.maintenanceAmount())));
            }
            list.add(new UsdmContract(p.symbol(), p.perpetual().settlementCurrency(), fixed(p.priceIncrement()),
                fixed(p.sizeIncrement()), fixed(p.sizeIncrement()), fixed(p.minNotional()), brackets));
        }
        return list;
    }

    private static BigDecimal fixed(final long scaled)
    {
        return BigDecimal.valueOf(scaled, 8).stripTrailingZeros();
    }

    private static BigDecimal d(final String text)
    {
        return new BigDecimal(text);
    }

    /** The bracket of a position whose notional is {@code notional} (absolute); the last one past every cap. */
    public Bracket bracketOf(final BigDecimal notional)
    {
        final BigDecimal n = notional.abs();
        for (final Bracket b : brackets)
        {
            if (n.compareTo(b.notionalCap()) < 0)
            {
                return b;
            }
        }
        return brackets.get(brackets.size() - 1);
    }

    /** The maintenance margin of a position of {@code notional}: notional x rate - cum of its bracket. */
    public BigDecimal maintenanceMargin(final BigDecimal notional)
    {
        final Bracket b = bracketOf(notional);
        return notional.abs().multiply(b.maintMarginRatio()).subtract(b.cum()).max(BigDecimal.ZERO);
    }

    /** The highest leverage the first bracket allows: what {@code POST /fapi/v1/leverage} accepts at most. */
    public int maxLeverage()
    {
        return brackets.get(0).initialLeverage();
    }

    /** {@code LOT_SIZE}: -4003 at or under zero, -4004 under the minimum, -1111 off the step. */
    void checkQuantity(final BigDecimal quantity)
    {
        if (quantity.signum() <= 0)
        {
            throw UsdmErrors.badRequest(-4003, "Quantity less than or equal to zero.");
        }
        if (quantity.compareTo(minQty) < 0)
        {
            throw UsdmErrors.badRequest(-4004, "Quantity less than min quantity.");
        }
        if (quantity.remainder(stepSize).signum() != 0)
        {
            throw UsdmErrors.badRequest(-1111, "Precision is over the maximum defined for this asset.");
        }
    }

    /** {@code PRICE_FILTER}: -4001 at or under zero, -4014 off the tick. */
    void checkPrice(final BigDecimal price)
    {
        if (price.signum() <= 0)
        {
            throw UsdmErrors.badRequest(-4001, "Price less than 0.");
        }
        if (price.remainder(tickSize).signum() != 0)
        {
            throw UsdmErrors.badRequest(-4014, "Price not increased by tick size.");
        }
    }

    /** -4164: the order's notional (at its price) under {@code MIN_NOTIONAL}, unless it only reduces. */
    void checkNotional(final BigDecimal price, final BigDecimal quantity)
    {
        if (price.multiply(quantity).compareTo(minNotional) < 0)
        {
            throw UsdmErrors.badRequest(-4164, "Order's notional must be no smaller than " +
                minNotional.stripTrailingZeros().toPlainString() + " (unless you choose reduce only).");
        }
    }
}
