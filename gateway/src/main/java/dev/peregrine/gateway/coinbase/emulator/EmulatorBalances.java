package dev.peregrine.gateway.coinbase.emulator;

import dev.peregrine.core.instrument.ProductCatalog;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The emulated user's wallets: one account per currency of the catalog, a balance that moves with each fill
 * and its fee, and holds for what open orders may still spend (a buy: what is left at its limit plus the fee;
 * a sell: what is left of its base size). Called under the emulator's lock.
 */
final class EmulatorBalances
{
    /** What each wallet starts with unless a test says otherwise: ample for any test, finite like a real account. */
    static final BigDecimal FIAT_START = new BigDecimal("1000000");
    static final BigDecimal CRYPTO_START = new BigDecimal("1000");
    private static final java.util.Set<String> FIAT = java.util.Set.of("USD", "EUR", "GBP");

    private final Map<String, BigDecimal> totals = new LinkedHashMap<>();

    EmulatorBalances(final ProductCatalog catalog)
    {
        for (final ProductCatalog.Product product : catalog.products())
        {
            if (product.perpetual() != null)
            {
                continue; // an INTX perpetual settles in its portfolio's USDC collateral (EmulatorIntxPortfolio)
            }
            for (final String currency : new String[] {quoteOf(product.symbol()), baseOf(product.symbol())})
            {
                totals.putIfAbsent(currency, FIAT.contains(currency) ? FIAT_START : CRYPTO_START);
            }
        }
    }

    static boolean fiat(final String currency)
    {
        return FIAT.contains(currency);
    }

    static String baseOf(final String productId)
    {
        final int dash = productId.indexOf('-');
        return dash < 0 ? productId : productId.substring(0, dash);
    }

    static String quoteOf(final String productId)
    {
        final int dash = productId.indexOf('-');
        return dash < 0 ? "" : productId.substring(dash + 1);
    }

    /** The currencies held, in catalog order. */
    Collection<String> currencies()
    {
        return totals.keySet();
    }

    void set(final String currency, final BigDecimal amount)
    {
        totals.put(currency, amount);
    }

    BigDecimal total(final String currency)
    {
        return totals.getOrDefault(currency, BigDecimal.ZERO);
    }

    /** What the open orders hold of {@code currency}. */
    static BigDecimal held(final String currency, final Collection<EmulatedOrder> orders)
    {
        BigDecimal held = BigDecimal.ZERO;
        for (final EmulatedOrder order : orders)
        {
            if (order.open() && currency.equals(holdCurrency(order)))
            {
                held = held.add(hold(order));
            }
        }
        return held;
    }

    BigDecimal available(final String currency, final Collection<EmulatedOrder> orders)
    {
        return total(currency).subtract(held(currency, orders));
    }

    /** The currency an order holds: the quote currency for a buy, the base for a sell. */
    static String holdCurrency(final EmulatedOrder order)
    {
        return "BUY".equals(order.side) ? quoteOf(order.productId) : baseOf(order.productId);
    }

    /** What an open order may still spend: the rest of a buy at its limit plus the fee, the rest of a sell. */
    static BigDecimal hold(final EmulatedOrder order)
    {
        if (!"BUY".equals(order.side))
        {
            return order.remaining();
        }
        return order.limitPrice == null ? BigDecimal.ZERO :
            order.remaining().multiply(order.limitPrice).multiply(BigDecimal.ONE.add(EmulatedOrder.FEE_RATE));
    }

    /** A fill moves both wallets: the base by the size, the quote by its value and the fee. */
    void settle(final EmulatedOrder order, final BigDecimal size, final BigDecimal price, final BigDecimal fee)
    {
        final String base = baseOf(order.productId);
        final String quote = quoteOf(order.productId);
        final BigDecimal value = size.multiply(price);
        if ("BUY".equals(order.side))
        {
            totals.put(base, total(base).add(size));
            totals.put(quote, total(quote).subtract(value).subtract(fee));
        }
        else
        {
            totals.put(base, total(base).subtract(size));
            totals.put(quote, total(quote).add(value).subtract(fee));
        }
    }
}
