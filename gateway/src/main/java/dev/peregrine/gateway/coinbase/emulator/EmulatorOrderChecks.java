package dev.peregrine.gateway.coinbase.emulator;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The documented refusals of a well-formed order, checked in the venue's order: product, configuration,
 * increments, sizes, end time, stop price, post-only, funds. Each names the create answer's
 * {@code new_order_failure_reason} (as its {@code error}) and the preview's {@code preview_failure_reason}.
 * Called under the emulator's lock.
 */
final class EmulatorOrderChecks
{
    /** Coinbase's smallest order by {@code quote_size}, in quote currency. */
    static final BigDecimal QUOTE_MIN_SIZE = BigDecimal.ONE;

    /** One refusal: the create answer's error, the preview's reason, and a line for people. */
    record Refusal(String error, String previewReason, String message)
    {
    }

    private EmulatorOrderChecks()
    {
    }

    /** The refusal of {@code spec} at market {@code price} (null when the product is unknown), or null when it may trade. */
    static Refusal check(final CoinbaseVenueEmulator venue, final EmulatorOrderSpec spec, final BigDecimal price)
    {
        if (price == null)
        {
            return new Refusal("INVALID_PRODUCT_ID", "PREVIEW_INVALID_PRODUCT_ID", "unknown product " + spec.productId);
        }
        if (spec.unsupported != null)
        {
            return new Refusal("UNSUPPORTED_ORDER_CONFIGURATION", "PREVIEW_INVALID_ORDER_CONFIG",
                "order_configuration " + spec.unsupported + " is not a spot configuration this venue trades");
        }
        final ProductCatalog.Product product = venue.product(spec.productId);
        if (product != null)
        {
            final BigDecimal sizeStep = BigDecimal.valueOf(product.sizeIncrement(), FixedPoint.DECIMALS);
            final BigDecimal priceStep = BigDecimal.valueOf(product.priceIncrement(), FixedPoint.DECIMALS);
            if (spec.baseSize != null && !onGrid(spec.baseSize, sizeStep))
            {
                return new Refusal("INVALID_SIZE_PRECISION", "PREVIEW_INVALID_SIZE_PRECISION",
                    "base_size " + spec.baseSize.toPlainString() + " is not a multiple of base_increment " + sizeStep.stripTrailingZeros().toPlainString());
            }
            for (final BigDecimal p : spec.prices())
            {
                if (!onGrid(p, priceStep))
                {
                    return new Refusal("INVALID_PRICE_PRECISION", "PREVIEW_INVALID_PRICE_PRECISION",
                        "price " + p.toPlainString() + " is not a multiple of quote_increment " + priceStep.stripTrailingZeros().toPlainString());
                }
            }
            if (spec.quoteSize != null && !onGrid(spec.quoteSize, priceStep))
            {
                return new Refusal("INVALID_SIZE_PRECISION", "PREVIEW_INVALID_QUOTE_SIZE_PRECISION",
                    "quote_size " + spec.quoteSize.toPlainString() + " is not a multiple of quote_increment " + priceStep.stripTrailingZeros().toPlainString());
            }
        }
        if (spec.quoteSize != null && spec.quoteSize.compareTo(QUOTE_MIN_SIZE) < 0)
        {
            return new Refusal("UNKNOWN_FAILURE_REASON", "PREVIEW_INVALID_QUOTE_SIZE_TOO_SMALL",
                "quote_size is below quote_min_size " + QUOTE_MIN_SIZE);
        }
        if (spec.endEpochSecond != 0 && spec.endEpochSecond <= venue.epochSecond())
        {
            return new Refusal("UNKNOWN_FAILURE_REASON", "PREVIEW_INVALID_END_TIME", "end_time is not in the future");
        }
        if (spec.stopPrice != null &&
            ("STOP_DIRECTION_STOP_UP".equals(spec.stopDirection) ? spec.stopPrice.compareTo(price) <= 0 : spec.stopPrice.compareTo(price) >= 0))
        {
            return new Refusal("UNKNOWN_FAILURE_REASON", "PREVIEW_INVALID_STOP_PRICE",
                "stop_price " + spec.stopPrice.toPlainString() + " is already reached at the last price " + price.toPlainString());
        }
        if (spec.postOnly && spec.type.startsWith("LIMIT_G") && spec.marketableAt(price))
        {
            return new Refusal("INVALID_LIMIT_PRICE_POST_ONLY", "PREVIEW_INVALID_LIMIT_PRICE_POST_ONLY",
                "a post-only limit at " + spec.limitPrice.toPlainString() + " would take liquidity at " + price.toPlainString());
        }
        if (venue.intx().trades(spec.productId))
        {
            return venue.intx().check(spec, baseFor(venue, spec, price), spec.limitPrice != null ? spec.limitPrice : price);
        }
        final BigDecimal needed = needed(spec, price);
        final String currency = spec.buy() ? EmulatorBalances.quoteOf(spec.productId) : EmulatorBalances.baseOf(spec.productId);
        final BigDecimal available = venue.ledger().available(currency);
        if (needed.compareTo(available) > 0)
        {
            return new Refusal("INSUFFICIENT_FUND", "PREVIEW_INSUFFICIENT_FUND", "needs " + needed.stripTrailingZeros().toPlainString() +
                " " + currency + ", " + available.stripTrailingZeros().toPlainString() + " available");
        }
        return null;
    }

    /** The base size a market order by {@code quote_size} buys at {@code price}: floored to the product's increment. */
    static BigDecimal baseFor(final CoinbaseVenueEmulator venue, final EmulatorOrderSpec spec, final BigDecimal price)
    {
        if (spec.baseSize != null)
        {
            return spec.baseSize;
        }
        final ProductCatalog.Product product = venue.product(spec.productId);
        final BigDecimal step = product == null ? BigDecimal.ONE.movePointLeft(FixedPoint.DECIMALS) :
            BigDecimal.valueOf(product.sizeIncrement(), FixedPoint.DECIMALS);
        // A buy's quote_size pays the fee too; a sell's is what it should fetch.
        final BigDecimal spend = spec.buy() ? spec.quoteSize.divide(BigDecimal.ONE.add(EmulatedOrder.FEE_RATE), 16, RoundingMode.DOWN) :
            spec.quoteSize;
        return spend.divide(price, 16, RoundingMode.DOWN).divide(step, 0, RoundingMode.DOWN).multiply(step);
    }

    /** What the order may spend: a buy's notional at its limit (or the price) with the fee, a sell's base size. */
    private static BigDecimal needed(final EmulatorOrderSpec spec, final BigDecimal price)
    {
        if (!spec.buy())
        {
            return spec.baseSize != null ? spec.baseSize : spec.quoteSize.divide(price, 8, RoundingMode.UP);
        }
        if (spec.quoteSize != null)
        {
            return spec.quoteSize;
        }
        final BigDecimal at = spec.limitPrice != null ? spec.limitPrice : price;
        return spec.baseSize.multiply(at).multiply(BigDecimal.ONE.add(EmulatedOrder.FEE_RATE));
    }

    private static boolean onGrid(final BigDecimal value, final BigDecimal step)
    {
        return value.remainder(step).signum() == 0;
    }
}
