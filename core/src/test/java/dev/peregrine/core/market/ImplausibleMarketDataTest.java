package dev.peregrine.core.market;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The core with its shipped defaults (price band and market-data sanity on) fed the fuzzer's cases: impossible
 * prices never reach the paper venue, the strategies or the books, and a crossed book stops orders.
 */
class ImplausibleMarketDataTest
{
    private static final int BTC = 0;

    private static CoreHarness failClosed()
    {
        final long order = FixedPoint.parse("0.01");
        final long big = FixedPoint.parse("1");
        return new CoreHarness(EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{order, order}).limits(new long[]{big, big}, new long[]{big, big}).paperVenue(PaperVenueSettings.FRICTIONLESS).build()
            .withRisk(RiskLimits.defaults(new long[]{big, big}, new long[]{big, big})));
    }

    /** A limit buy at {@code price} resting on the paper venue, placed inside an event. */
    private static void restingBuy(final CoreHarness h, final String price)
    {
        h.core.execution().beginEvent(h.events.clock());
        h.core.execution().submitLimitOrder(BTC, Side.BUY, FixedPoint.parse("0.01"), FixedPoint.parse(price));
        h.feed(h.events.clock());
    }

    private static void marketBuy(final CoreHarness h)
    {
        h.core.execution().beginEvent(h.events.clock());
        h.core.execution().submitMarketOrder(BTC, Side.BUY, FixedPoint.parse("0.01"));
        h.feed(h.events.clock());
    }

    @Test
    void absurdPricesNeverFillAndAreCountedByReason()
    {
        final CoreHarness h = failClosed();
        h.feed(h.events.quote(BTC, "60000", "1", "60001", "1"));
        h.trades(BTC, "60000");
        restingBuy(h, "59990");
        // The fuzzer's prints: a trade at 0.01 would fill the resting buy at its limit, the others would move marks.
        h.trades(BTC, "0.01", "9999999", "92233720368");
        h.feed(h.events.quote(BTC, "60010", "1", "60000", "1")); // crossed ticker
        h.feed(h.events.quote(BTC, "0.01", "1", "0.02", "1"));   // a whole ticker at 0.01

        assertThat(h.outputs.lines()).containsExactly("ORDER #1 i0 BUY 0.01 LIMIT @ 59990", "ACCEPTED #1");
        final MarketSanity sanity = h.core.sanity();
        assertThat(sanity.dropped(ImplausibleReason.OUT_OF_RANGE)).isEqualTo(3);
        assertThat(sanity.dropped(ImplausibleReason.OUTSIDE_BAND)).isEqualTo(1);
        assertThat(sanity.dropped(ImplausibleReason.CROSSED_QUOTE)).isEqualTo(1);
        assertThat(h.metrics.marketDataDropped[ImplausibleReason.OUT_OF_RANGE.ordinal()].get()).isEqualTo(3);
        assertThat(h.core.market().lastPrice(BTC)).isEqualTo(FixedPoint.parse("60000"));
        assertThat(h.core.market().bidPrice(BTC)).isEqualTo(FixedPoint.parse("60000"));
        // The last judged price was impossible: no order until a believable one arrives.
        assertThat(h.core.feedHealth().isHealthy(BTC)).isFalse();
        assertThat(h.metrics.feedUnhealthy[BTC].get()).isEqualTo(1);
        marketBuy(h);
        h.feed(h.events.quote(BTC, "60002", "1", "60004", "1"));
        assertThat(h.metrics.feedUnhealthy[BTC].get()).isZero();
        marketBuy(h);
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 0.01 LIMIT @ 59990",
            "ACCEPTED #1",
            "REJECT #2 i0 BUY 0.01 FEED_UNHEALTHY",
            "ORDER #3 i0 BUY 0.01",
            "FILL #3 i0 BUY 0.01 @ 60004");
    }

    @Test
    void aCrossedBookRefusesOrdersUntilItUncrosses()
    {
        final CoreHarness h = failClosed();
        h.bookSnapshot(BTC, "bid 60000 1", "ask 60001 1");
        h.bookUpdate(BTC, "bid 60002 1"); // within every band, but it crosses the book
        assertThat(h.core.feedHealth().isCrossed(BTC)).isTrue();
        marketBuy(h);
        h.bookUpdate(BTC, "bid 60002 0");
        assertThat(h.core.feedHealth().isCrossed(BTC)).isFalse();
        marketBuy(h);
        assertThat(h.outputs.lines()).containsExactly(
            "REJECT #1 i0 BUY 0.01 FEED_UNHEALTHY",
            "ORDER #2 i0 BUY 0.01",
            "FILL #2 i0 BUY 0.01 @ 60001");
        assertThat(h.core.feedHealth().crossedEpisodes(BTC)).isEqualTo(1);
    }

    @Test
    void aResyncClearsACrossedBook()
    {
        final CoreHarness h = failClosed();
        h.bookSnapshot(BTC, "bid 60000 1", "ask 60001 1");
        h.bookUpdate(BTC, "ask 59999 1");
        assertThat(h.core.feedHealth().isHealthy(BTC)).isFalse();
        h.feed(h.events.feedStatus(BTC, EventType.FEED_GAP));
        h.feed(h.events.feedStatus(BTC, EventType.FEED_RECOVERED));
        h.bookSnapshot(BTC, "bid 60000 1", "ask 60001 1");
        assertThat(h.core.feedHealth().isHealthy(BTC)).isTrue();
        assertThat(h.core.feedHealth().isCrossed(BTC)).isFalse();
    }

    @Test
    void theSanityStateIsInTheStateHash()
    {
        final CoreHarness a = failClosed();
        final CoreHarness b = failClosed();
        a.trades(BTC, "60000", "60100");
        b.trades(BTC, "60000", "60100");
        assertThat(a.core.stateHash()).isEqualTo(b.core.stateHash());
        a.trades(BTC, "0.01");
        b.feed(b.events.clock()); // same event count and time, nothing dropped
        assertThat(a.core.stateHash()).isNotEqualTo(b.core.stateHash());
    }

    @Test
    void thePriceBandIsOnByDefault()
    {
        final EngineSettings shipped = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD"), 1000);
        assertThat(shipped.risk().priceBand[0]).isEqualTo(RiskLimits.DEFAULT_PRICE_BAND);
        assertThat(shipped.risk().sanity.enabled).isTrue();
        assertThat(EngineSettings.decode(shipped.encode()).risk().sanity.toString())
            .isEqualTo(MarketSanitySettings.DEFAULTS.toString());
    }
}
