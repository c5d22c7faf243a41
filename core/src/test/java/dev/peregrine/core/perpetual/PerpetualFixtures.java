package dev.peregrine.core.perpetual;

import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.instrument.MarginTier;
import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.strategy.config.NamedStrategy;

import java.util.List;

/**
 * Binance USD-M's BTCUSDT and ETHUSDT as tests use them: contract size 1, funding every 8 h, and BTCUSDT's first
 * three leverage brackets as Binance published them (0-50,000 at 125x, 0.4%, cum 0; 50,000-250,000 at 100x, 0.5%,
 * cum 50 = 50,000 x (0.5% - 0.4%); 250,000 up at 50x, 1%, cum 1,300 = 250,000 x (1% - 0.5%) + 50); ETHUSDT one
 * bracket at 0.5%. Plus a spot product, to show it takes no part.
 */
final class PerpetualFixtures
{
    static final PerpetualTerms BTC_TERMS = new PerpetualTerms(FixedPoint.SCALE, d("125"), List.of(
        new MarginTier(0, d("50000"), d("125"), d("0.004"), 0),
        new MarginTier(d("50000"), d("250000"), d("100"), d("0.005"), d("50")),
        new MarginTier(d("250000"), Long.MAX_VALUE, d("50"), d("0.01"), d("1300"))),
        PerpetualTerms.EIGHT_HOURS_NANOS, "USDT");
    static final PerpetualTerms ETH_TERMS = new PerpetualTerms(FixedPoint.SCALE, d("100"),
        List.of(MarginTier.single(d("100"), d("0.005"))), PerpetualTerms.EIGHT_HOURS_NANOS, "USDT");

    static final ProductCatalog CATALOG = new ProductCatalog(List.of(
        new Product("BTCUSDT", d("0.1"), d("0.001"), d("40000"), d("5"), "TRADING").withPerpetual(BTC_TERMS),
        new Product("ETHUSDT", d("0.01"), d("0.001"), d("2500"), d("5"), "TRADING").withPerpetual(ETH_TERMS),
        new Product("BTC-USD", d("0.01"), d("0.00000001"), d("40000"))));

    static final long T0 = 1_786_309_548_000_000_000L;

    private PerpetualFixtures()
    {
    }

    static long d(final String decimal)
    {
        return FixedPoint.parseOrThrow("fixture", decimal);
    }

    /** Settings for {@code products}: frictionless paper venue, large limits, the given leverage for each product. */
    static EngineSettings settings(final List<String> products, final String leverage)
    {
        final int n = products.size();
        final long[] big = new long[n];
        final long[] quantity = new long[n];
        final long[] lev = new long[n];
        for (int i = 0; i < n; i++)
        {
            big[i] = d("1000");
            quantity[i] = d("0.001");
            lev[i] = d(leverage);
        }
        return EngineSettings.builder(products).windows(2, 3).orderQuantity(quantity).limits(big, big)
            .paperVenue(PaperVenueSettings.FRICTIONLESS).leverage(lev).build();
    }

    static TradingCore core(final EngineSettings settings, final OutputListener outputs, final List<NamedStrategy> strategies)
    {
        return CoreAssembly.build(CATALOG, settings, outputs, new CoreMetrics(settings.products().size()),
            new TradingSwitch(), strategies);
    }

    /** A QUOTE of bid/ask (decimal text) with a size of 100 each, at {@code T0 + millis}. */
    static InboundEvent quote(final InboundEvent e, final int instrumentId, final String bid, final String ask,
        final long millis)
    {
        begin(e, EventType.QUOTE, instrumentId, millis);
        e.bidPrice = d(bid);
        e.bidQuantity = d("100");
        e.askPrice = d(ask);
        e.askQuantity = d("100");
        e.price = d(bid);
        return e;
    }

    static InboundEvent mark(final InboundEvent e, final int instrumentId, final String mark, final String rate,
        final long millis)
    {
        begin(e, EventType.MARK_PRICE, instrumentId, millis);
        e.markPrice = d(mark);
        e.indexPrice = d(mark);
        e.fundingRate = d(rate);
        e.nextFundingTimeNanos = T0 + PerpetualTerms.EIGHT_HOURS_NANOS;
        return e;
    }

    static InboundEvent funding(final InboundEvent e, final int instrumentId, final String mark, final String rate,
        final String venueFee, final long millis)
    {
        begin(e, EventType.FUNDING_SETTLEMENT, instrumentId, millis);
        e.markPrice = d(mark);
        e.fundingRate = d(rate);
        e.fee = d(venueFee);
        return e;
    }

    private static void begin(final InboundEvent e, final int type, final int instrumentId, final long millis)
    {
        e.clearInputs();
        e.type = type;
        e.instrumentId = instrumentId;
        e.eventTimeNanos = T0 + millis * 1_000_000L;
        e.exchangeTimeNanos = e.eventTimeNanos - 5_000_000L;
    }
}
