package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.TradeFlags;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.sim.SimulatedExchange;
import dev.peregrine.gateway.sim.SimulatedExchangeConfig;
import dev.peregrine.gateway.testing.Await;
import dev.peregrine.gateway.testing.RecordingRing;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A forced reconnect in the middle of a session, over real loopback sockets: the simulator answers the
 * resubscribe with its last 100 trades per product, newest first, as the venue does. The ring must get
 * each trade once, per product oldest first, and the repeats must be counted. The simulator trades
 * slowly here (5 a second) so that 100 trades span 20 s: far more than a reconnect takes even on a busy
 * machine, so the resnapshot always overlaps what the client already has.
 */
class CoinbaseResnapshotTest
{
    private static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD");
    private static final Duration WAIT = Duration.ofSeconds(20);

    private final InstrumentRegistry registry = CoinbaseProducts.CATALOG.registryFor(PRODUCTS);
    private final RecordingRing recording = new RecordingRing(1 << 16);
    private final GatewayMetrics metrics = new GatewayMetrics();
    private SimulatedExchange exchange;
    private CoinbaseMarketDataClient client;

    @BeforeEach
    void connect()
    {
        exchange = new SimulatedExchange(SimulatedExchangeConfig.forProducts(PRODUCTS).withTradesPerSecond(5).withSeed(7));
        exchange.start();
        final CoinbaseClientConfig config = CoinbaseClientConfig.defaults()
            .withChannels(List.of("heartbeats", "market_trades"))
            .withBackoff(Duration.ofMillis(50), Duration.ofSeconds(1))
            .withSubscribeSpacing(Duration.ofMillis(20))
            .withJitterSeed(1);
        client = new CoinbaseMarketDataClient(exchange.uri(), PRODUCTS, registry, recording.ring(), metrics, config);
        client.start();
    }

    @AfterEach
    void tearDown()
    {
        client.close();
        exchange.close();
    }

    @Test
    void theResnapshotAfterAReconnectAddsNoDuplicateTradeAndTimeNeverGoesBack()
    {
        // The first snapshot and a live trade of each product, so the resnapshot repeats what the client has.
        Await.until("a live trade of every product", WAIT, () -> PRODUCTS.stream().allMatch(p -> trades().stream()
            .anyMatch(e -> e.instrumentId == registry.idOf(p) && !TradeFlags.isSnapshot(e))));
        final int tradesBefore = trades().size();
        assertThat(tradesBefore).isGreaterThanOrEqualTo(200 + PRODUCTS.size());
        assertThat(totalDuplicates()).isZero();

        assertThat(exchange.faults().disconnectAll()).isEqualTo(1);
        Await.until("a reconnection", WAIT, () -> metrics.reconnects() == 1 && client.isConnected());
        Await.until("the resnapshot's repeats dropped", WAIT, () -> totalDuplicates() > 0);
        // Two snapshots of 100 per product were sent; each entry was published once or counted as a repeat.
        Await.until("both snapshots of both products accounted for", WAIT, () ->
            trades().stream().filter(TradeFlags::isSnapshot).count() + totalDuplicates() == 2L * 100 * PRODUCTS.size());
        Await.until("live trades after the reconnect", WAIT, () -> trades().size() > tradesBefore + 4);

        final List<InboundEvent> trades = trades();
        final Map<Integer, Long> lastTime = new HashMap<>();
        final Set<String> ids = new HashSet<>();
        for (final InboundEvent trade : trades)
        {
            assertThat(ids.add(trade.instrumentId + ":" + trade.tradeId)).as("trade %d published twice", trade.tradeId).isTrue();
            assertThat(trade.exchangeTimeNanos).as("trade %d goes back in time", trade.tradeId)
                .isGreaterThanOrEqualTo(lastTime.getOrDefault(trade.instrumentId, Long.MIN_VALUE));
            lastTime.put(trade.instrumentId, trade.exchangeTimeNanos);
        }
        assertThat(trades.stream().filter(e -> !TradeFlags.isSnapshot(e)).count()).isGreaterThan(PRODUCTS.size());
    }

    private List<InboundEvent> trades()
    {
        return recording.drain().stream().filter(e -> e.type == EventType.TRADE).toList();
    }

    private long totalDuplicates()
    {
        return PRODUCTS.stream().mapToLong(p -> client.duplicateTrades(registry.idOf(p))).sum();
    }
}
