package dev.peregrine.gateway.coinbase.intx;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.coinbase.CoinbaseDemoExchange;
import dev.peregrine.gateway.coinbase.CoinbaseProducts;
import dev.peregrine.gateway.testing.Await;
import dev.peregrine.gateway.testing.RecordingRing;
import dev.peregrine.gateway.venue.MarketDataFeed;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code demo --venue coinbase --products BTC-PERP-INTX}'s market side: the generated demo exchange with a perpetual
 * gives a feed that publishes the perpetual's trades from the WebSocket and its marks and funding settlements from
 * the product answers, over loopback. Funding every second here (the demo's default is
 * {@link IntxDemoMarket#DEMO_FUNDING_INTERVAL}).
 */
class IntxDemoFeedTest
{
    @Test
    void aPerpetualDemoPublishesTradesMarksAndFundingSettlements()
    {
        final List<String> products = List.of("BTC-PERP-INTX");
        final InstrumentRegistry registry = CoinbaseProducts.CATALOG.registryFor(products);
        final RecordingRing recording = new RecordingRing(1 << 16);
        final List<InboundEvent> events = new ArrayList<>();
        try (CoinbaseDemoExchange exchange = CoinbaseDemoExchange.generated(products, 42, 20, Duration.ofSeconds(1)))
        {
            exchange.start();
            try (MarketDataFeed feed = exchange.feed(products))
            {
                assertThat(feed).isInstanceOf(IntxFeed.class);
                feed.start(recording.ring(), registry);
                Await.until("a trade, marks and a funding settlement", Duration.ofSeconds(20), () ->
                {
                    events.clear();
                    events.addAll(recording.drain());
                    return count(events, EventType.TRADE) > 0 && count(events, EventType.MARK_PRICE) > 1 &&
                        count(events, EventType.FUNDING_SETTLEMENT) > 0;
                });
                assertThat(feed.summary()).containsKey("perpetual_marks");
            }
        }
        final InboundEvent mark = first(events, EventType.MARK_PRICE);
        assertThat(mark.instrumentId).isEqualTo(registry.idOf("BTC-PERP-INTX"));
        assertThat(mark.markPrice).isPositive();
        assertThat(mark.nextFundingTimeNanos % 1_000_000_000L).isZero();
        final InboundEvent settlement = first(events, EventType.FUNDING_SETTLEMENT);
        assertThat(settlement.fundingRate).isBetween(IntxFundingProcess.LOWEST_RATE, IntxFundingProcess.HIGHEST_RATE);
        assertThat(settlement.markPrice).isPositive();
    }

    private static long count(final List<InboundEvent> events, final int type)
    {
        return events.stream().filter(e -> e.type == type).count();
    }

    private static InboundEvent first(final List<InboundEvent> events, final int type)
    {
        return events.stream().filter(e -> e.type == type).findFirst().orElseThrow();
    }
}
