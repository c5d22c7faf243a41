package dev.peregrine.core.testing;

import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.instrument.MarginTier;
import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.perpetual.MarginAccount;
import dev.peregrine.core.risk.OrderRequest;
import dev.peregrine.core.risk.PerpetualLimits;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.strategy.config.NamedStrategy;

import java.util.List;

/**
 * One perpetual, {@code BTCUSDT} (contract size 1, lot 0.001, tick 0.1), on a core with round numbers for hand
 * arithmetic: collateral 1,000 USDT, one margin bracket with a maintenance rate of 4 % and no maintenance amount,
 * the venue's maximum leverage 20x, a quote of 99.9 / 100 with 1,000 on each side, and a frictionless paper venue
 * (no latency, no trading fee; the liquidation fee stays at its default, 1.2 %). Marks and funding come as
 * MARK_PRICE events. Instrument id 0.
 */
public final class PerpetualMarket
{
    public static final int BTC = 0;

    public final RecordingOutputs outputs = new RecordingOutputs();
    public final TestEvents events = new TestEvents();
    public final TradingCore core;
    private final InboundEvent mark = new InboundEvent();

    /** The contract: 20x at most, maintenance 4 % of the notional, funding every 8 hours, settled in USDT. */
    public static PerpetualTerms terms(final String venueMaxLeverage)
    {
        return new PerpetualTerms(FixedPoint.parse("1"), FixedPoint.parse(venueMaxLeverage),
            List.of(MarginTier.single(FixedPoint.parse(venueMaxLeverage), FixedPoint.parse("0.04"))),
            PerpetualTerms.EIGHT_HOURS_NANOS, "USDT");
    }

    /** @param leverage the leverage set for the instrument (initial margin = notional / leverage). */
    public PerpetualMarket(final PerpetualLimits limits, final String leverage, final List<NamedStrategy> strategies)
    {
        final ProductCatalog catalog = new ProductCatalog(List.of(
            Product.parse("BTCUSDT", "0.1", "0.001", "100").withPerpetual(terms("20"))));
        final long big = FixedPoint.parse("1000");
        final EngineSettings settings = EngineSettings.builder(List.of("BTCUSDT"))
            .orderQuantity(new long[]{FixedPoint.parse("1")})
            .risk(RiskLimits.basic(new long[]{big}, new long[]{big}).withPerpetual(limits))
            .paperVenue(PaperVenueSettings.FRICTIONLESS)
            .collateral(FixedPoint.parse("1000"))
            .leverage(new long[]{FixedPoint.parse(leverage)})
            .build();
        core = CoreAssembly.build(catalog, settings, outputs, new CoreMetrics(1), new TradingSwitch(), strategies);
        feed(events.quote(BTC, "99.9", "1000", "100", "1000"));
    }

    public InboundEvent feed(final InboundEvent event)
    {
        core.onEvent(event, events.sequence(), true);
        return event;
    }

    /** A MARK_PRICE of BTCUSDT at {@code price} with the venue's current funding rate {@code rate} (decimal text). */
    public void mark(final String price, final String rate)
    {
        final InboundEvent clock = events.clock(); // advances the test clock; the mark takes its time
        mark.clearInputs();
        mark.type = EventType.MARK_PRICE;
        mark.instrumentId = BTC;
        mark.markPrice = FixedPoint.parse(price);
        mark.indexPrice = mark.markPrice;
        mark.fundingRate = FixedPoint.parse(rate);
        mark.nextFundingTimeNanos = clock.eventTimeNanos + PerpetualTerms.EIGHT_HOURS_NANOS;
        mark.exchangeTimeNanos = clock.eventTimeNanos;
        mark.eventTimeNanos = clock.eventTimeNanos;
        core.onEvent(mark, events.sequence(), true);
    }

    /** The engine buys (or sells) {@code quantity} at market against the quote; filled at once. */
    public void fill(final int side, final String quantity)
    {
        core.execution().beginEvent(events.clock());
        core.execution().submitMarketOrder(BTC, side, FixedPoint.parse(quantity));
        feed(events.clock());
    }

    public MarginAccount account()
    {
        return core.perpetuals().account();
    }

    /**
     * What the risk chain says of an order of the engine's own (strategy 0) at {@code limitPrice}, or of
     * {@code strategyId} when given, as the execution engine would ask it.
     */
    public RejectReason judge(final int strategyId, final int side, final String quantity, final String limitPrice,
        final boolean reduceOnly)
    {
        final OrderRequest r = new OrderRequest();
        final long q = FixedPoint.parse(quantity);
        final long price = FixedPoint.parse(limitPrice);
        r.set(BTC, side, OrderType.LIMIT, q, price, price, events.timeNanos(),
            core.execution().riskContext().isReducing(BTC, side, q));
        r.reduceOnly = reduceOnly;
        r.strategyId = strategyId;
        return core.execution().riskChain().check(r, core.execution().riskContext());
    }

    public RejectReason judge(final int side, final String quantity, final String limitPrice)
    {
        return judge(0, side, quantity, limitPrice, false);
    }

    public static final int BUY = Side.BUY;
    public static final int SELL = Side.SELL;
}
