package dev.peregrine.core.perpetual;

import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.OutputListener;
import dev.peregrine.core.strategy.config.NamedStrategy;
import dev.peregrine.core.testing.PerpetualProducts;

import java.util.List;

/** Perpetual inputs and a core over {@link PerpetualProducts} for the tests of this package. */
final class PerpetualFixtures
{
    static final PerpetualTerms BTC_TERMS = PerpetualProducts.BTC_TERMS;
    static final ProductCatalog CATALOG = PerpetualProducts.CATALOG;

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
