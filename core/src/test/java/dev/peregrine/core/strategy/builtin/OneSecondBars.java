package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.strategy.Strategy;
import dev.peregrine.core.strategy.config.BuiltInStrategies;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.core.testing.CoreHarness;

import java.math.BigDecimal;
import java.util.List;

/**
 * A core running one built-in strategy, configured from its text as an operator would write it, on
 * BTC-USD and ETH-USD with a frictionless paper venue (market orders fill at once at the quote), and a
 * market of one trade per 1-second bar, so a test is a list of closes.
 */
final class OneSecondBars
{
    static final int BTC = 0;
    static final int ETH = 1;
    static final long SECOND = 1_000_000_000L;
    static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD");
    /** The engine's order quantity, the strategies' default {@code quantity}. */
    static final long[] ORDER_QUANTITY = {FixedPoint.parse("0.01"), FixedPoint.parse("0.01")};

    private OneSecondBars()
    {
    }

    /** The two products, order quantity 0.01, risk limits of 1 per order and position, frictionless paper venue. */
    static EngineSettings settings()
    {
        final long one = FixedPoint.parse("1");
        return EngineSettings.builder(PRODUCTS).windows(2, 3).orderQuantity(ORDER_QUANTITY.clone()).limits(new long[]{one, one}, new long[]{one, one}).paperVenue(PaperVenueSettings.FRICTIONLESS).build();
    }

    /** A core running {@code spec}, e.g. {@code trend-following:bar=1s,fast=2,slow=4}, on {@link #settings()}. */
    static CoreHarness core(final String spec)
    {
        return new CoreHarness(settings(), BuiltInStrategies.configure(List.of(StrategySpec.parse(spec, "s")), PRODUCTS,
            ORDER_QUANTITY));
    }

    /**
     * One BTC bar closing at {@code close}: a quote one below and one above it (size 1 each side), a trade at
     * it (maker side unknown, so it can fill a resting order on either side), then the clock event at the
     * end of the second, which closes the bar. So an order a bar causes is sent on that clock event, against
     * that bar's quote: a market buy fills at close + 1, a market sell at close - 1.
     */
    static void bar(final CoreHarness h, final String close)
    {
        final BigDecimal price = new BigDecimal(close);
        h.feed(h.events.quote(BTC, price.subtract(BigDecimal.ONE).toPlainString(), "1",
            price.add(BigDecimal.ONE).toPlainString(), "1"));
        h.feed(h.events.trade(BTC, close, "0.1", Side.NONE));
        h.feed(h.events.clockAtNextBoundary(SECOND));
    }

    static void bars(final CoreHarness h, final String... closes)
    {
        for (final String close : closes)
        {
            bar(h, close);
        }
    }

    /** The strategy the core built (the only one: id 1). */
    static Strategy strategy(final CoreHarness h)
    {
        return h.core.strategies().get(0).strategy();
    }

    /** The strategy's own BTC position (scaled). */
    static long position(final CoreHarness h)
    {
        return h.core.strategies().get(0).position(BTC);
    }
}
