package dev.peregrine.gateway.sim.binance;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.binance.BinanceProducts;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The trading rules of one symbol of the simulated Binance, as {@code exchangeInfo} lists them and its order checks
 * apply them: base and quote asset, tick size ({@code PRICE_FILTER}), step size ({@code LOT_SIZE}) and minimum
 * notional ({@code NOTIONAL}), from {@link BinanceProducts}. Binance's quote assets are suffixes of the symbol
 * ({@code BTCUSDT} = {@code BTC} + {@code USDT}), so the split needs the list of quote assets the venue uses.
 *
 * @param symbol      upper case, no separator ({@code BTCUSDT}).
 * @param baseAsset   the asset bought and sold ({@code BTC}).
 * @param quoteAsset  the asset prices are in ({@code USDT}).
 * @param tickSize    the price increment.
 * @param stepSize    the quantity increment; also the smallest quantity.
 * @param minNotional the smallest price x quantity an order may have.
 */
public record BinanceSymbolRules(String symbol, String baseAsset, String quoteAsset, BigDecimal tickSize,
    BigDecimal stepSize, BigDecimal minNotional)
{
    /** Quote assets Binance spot lists, longest first so {@code FDUSD} is not read as {@code USD}. */
    private static final List<String> QUOTE_ASSETS = List.of("FDUSD", "USDT", "USDC", "TUSD", "BUSD", "EUR", "TRY",
        "BTC", "ETH", "BNB");
    /** Binance's {@code NOTIONAL} minimum on its USD stablecoin markets (5 USDT); other quotes get one step of price. */
    private static final BigDecimal STABLE_MIN_NOTIONAL = new BigDecimal("5");

    /** The rules of a catalog product. */
    public static BinanceSymbolRules of(final ProductCatalog.Product product)
    {
        final String symbol = product.symbol();
        for (final String quote : QUOTE_ASSETS)
        {
            if (symbol.length() > quote.length() && symbol.endsWith(quote))
            {
                final boolean stable = quote.contains("USD");
                final BigDecimal tick = decimal(product.priceIncrement());
                return new BinanceSymbolRules(symbol, symbol.substring(0, symbol.length() - quote.length()), quote,
                    tick, decimal(product.sizeIncrement()), stable ? STABLE_MIN_NOTIONAL : tick);
            }
        }
        throw new IllegalArgumentException("Binance symbol '" + symbol + "' ends in no known quote asset " + QUOTE_ASSETS);
    }

    /**
     * The rules of {@code symbols}, in that order, from {@link BinanceProducts}.
     *
     * @throws IllegalArgumentException naming a symbol Binance's catalog does not list.
     */
    public static List<BinanceSymbolRules> of(final List<String> symbols)
    {
        final List<BinanceSymbolRules> rules = new ArrayList<>(symbols.size());
        for (final String symbol : symbols)
        {
            final ProductCatalog.Product product = BinanceProducts.CATALOG.find(symbol);
            if (product == null)
            {
                throw new IllegalArgumentException("unknown Binance symbol '" + symbol + "' (known: " +
                    BinanceProducts.CATALOG.symbols() + ")");
            }
            rules.add(of(product));
        }
        return rules;
    }

    /** Decimal places of the price increment: what Binance calls the quote asset's precision for this symbol. */
    public int pricePrecision()
    {
        return Math.max(0, tickSize.stripTrailingZeros().scale());
    }

    /** Decimal places of the quantity increment. */
    public int quantityPrecision()
    {
        return Math.max(0, stepSize.stripTrailingZeros().scale());
    }

    private static BigDecimal decimal(final long scaled)
    {
        return BigDecimal.valueOf(scaled, FixedPoint.DECIMALS);
    }
}
