package dev.peregrine.core.testing;

import dev.peregrine.core.instrument.MarginTier;
import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.core.number.FixedPoint;

import java.util.List;

/**
 * Binance USD-M's BTCUSDT and ETHUSDT as tests use them: contract size 1, funding every 8 h, and BTCUSDT's first
 * three leverage brackets as Binance published them (0-50,000 at 125x, 0.4%, cum 0; 50,000-250,000 at 100x, 0.5%,
 * cum 50 = 50,000 x (0.5% - 0.4%); 250,000 up at 50x, 1%, cum 1,300 = 250,000 x (1% - 0.5%) + 50); ETHUSDT one
 * bracket at 0.5%. Plus the spot BTC-USD, to show a spot product takes no part.
 */
public final class PerpetualProducts
{
    public static final PerpetualTerms BTC_TERMS = new PerpetualTerms(FixedPoint.SCALE, d("125"), List.of(
        new MarginTier(0, d("50000"), d("125"), d("0.004"), 0),
        new MarginTier(d("50000"), d("250000"), d("100"), d("0.005"), d("50")),
        new MarginTier(d("250000"), Long.MAX_VALUE, d("50"), d("0.01"), d("1300"))),
        PerpetualTerms.EIGHT_HOURS_NANOS, "USDT");
    public static final PerpetualTerms ETH_TERMS = new PerpetualTerms(FixedPoint.SCALE, d("100"),
        List.of(MarginTier.single(d("100"), d("0.005"))), PerpetualTerms.EIGHT_HOURS_NANOS, "USDT");

    public static final ProductCatalog CATALOG = new ProductCatalog(List.of(
        new Product("BTCUSDT", d("0.1"), d("0.001"), d("40000"), d("5"), "TRADING").withPerpetual(BTC_TERMS),
        new Product("ETHUSDT", d("0.01"), d("0.001"), d("2500"), d("5"), "TRADING").withPerpetual(ETH_TERMS),
        new Product("BTC-USD", d("0.01"), d("0.00000001"), d("40000"))));

    private PerpetualProducts()
    {
    }

    private static long d(final String decimal)
    {
        return FixedPoint.parseOrThrow("perpetual product", decimal);
    }
}
