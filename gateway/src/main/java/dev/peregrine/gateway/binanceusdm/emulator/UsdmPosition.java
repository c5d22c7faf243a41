package dev.peregrine.gateway.binanceusdm.emulator;

import dev.peregrine.gateway.binance.emulator.EmulatorJson;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A one-way position in one contract ({@code positionSide} {@code BOTH}): signed amount (+ long), average entry price,
 * the symbol's leverage and margin type. A fill that adds to the position moves the entry to the quantity-weighted
 * average; one that reduces it realizes {@code closed x (price - entry)} (negated for a short) and keeps the entry; one
 * that flips it closes the old side and opens the rest at the fill price.
 */
final class UsdmPosition
{
    static final int DEFAULT_LEVERAGE = 20;

    final UsdmContract contract;
    BigDecimal amount = BigDecimal.ZERO;
    BigDecimal entryPrice = BigDecimal.ZERO;
    int leverage = DEFAULT_LEVERAGE;
    /** {@code CROSSED} or {@code ISOLATED}: recorded and shown; margin is computed as cross for both. */
    String marginType = "CROSSED";
    /** Realized PnL over the position's life, before fees ({@code cr} of {@code ACCOUNT_UPDATE}). */
    BigDecimal accumulatedRealized = BigDecimal.ZERO;
    long updateTime;

    UsdmPosition(final UsdmContract contract)
    {
        this.contract = contract;
    }

    /** Applies a fill of signed {@code quantity} at {@code price}; returns the PnL it realized. */
    BigDecimal apply(final BigDecimal quantity, final BigDecimal price, final long now)
    {
        updateTime = now;
        BigDecimal realized = BigDecimal.ZERO;
        if (amount.signum() == 0 || amount.signum() == quantity.signum())
        {
            final BigDecimal total = amount.abs().add(quantity.abs());
            entryPrice = amount.abs().multiply(entryPrice).add(quantity.abs().multiply(price))
                .divide(total, EmulatorJson.DECIMALS, RoundingMode.HALF_UP);
            amount = amount.add(quantity);
            return realized;
        }
        final BigDecimal closed = quantity.abs().min(amount.abs());
        realized = closed.multiply(price.subtract(entryPrice)).multiply(BigDecimal.valueOf(amount.signum()));
        accumulatedRealized = accumulatedRealized.add(realized);
        amount = amount.add(quantity);
        if (amount.signum() == 0)
        {
            entryPrice = BigDecimal.ZERO;
        }
        else if (amount.signum() == quantity.signum())
        {
            entryPrice = price; // flipped: the rest opened at this fill
        }
        return realized;
    }

    /** {@code amount x (mark - entry)}. */
    BigDecimal unrealized(final BigDecimal mark)
    {
        return amount.signum() == 0 || mark == null ? BigDecimal.ZERO : amount.multiply(mark.subtract(entryPrice));
    }

    BigDecimal notional(final BigDecimal mark)
    {
        return mark == null ? BigDecimal.ZERO : amount.multiply(mark);
    }

    /** Initial margin of the position: |notional| / leverage. */
    BigDecimal initialMargin(final BigDecimal mark)
    {
        return notional(mark).abs().divide(BigDecimal.valueOf(leverage), EmulatorJson.DECIMALS, RoundingMode.HALF_UP);
    }

    BigDecimal maintenanceMargin(final BigDecimal mark)
    {
        return contract.maintenanceMargin(notional(mark));
    }

    /**
     * The liquidation price of this position as the only one of a cross account with wallet balance {@code wallet}:
     * the price where margin balance meets maintenance, {@code wallet + amount x (P - entry) = |amount| x P x rate -
     * cum}, so {@code P = (wallet + cum - amount x entry) / (|amount| x rate - amount)} (Binance's documented formula
     * for a one-way position, other positions' PnL left out); the bracket is the one of the notional at {@code mark}.
     * 0 without a position or when no price liquidates it.
     */
    BigDecimal liquidationPrice(final BigDecimal wallet, final BigDecimal mark)
    {
        if (amount.signum() == 0 || mark == null)
        {
            return BigDecimal.ZERO;
        }
        final UsdmContract.Bracket b = contract.bracketOf(notional(mark));
        final BigDecimal numerator = wallet.add(b.cum()).subtract(amount.multiply(entryPrice));
        final BigDecimal denominator = amount.abs().multiply(b.maintMarginRatio()).subtract(amount);
        if (denominator.signum() == 0)
        {
            return BigDecimal.ZERO;
        }
        final BigDecimal price = numerator.divide(denominator, EmulatorJson.DECIMALS, RoundingMode.HALF_UP);
        return price.signum() > 0 ? price : BigDecimal.ZERO;
    }
}
