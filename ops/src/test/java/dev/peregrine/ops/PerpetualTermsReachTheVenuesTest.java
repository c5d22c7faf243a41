package dev.peregrine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.gateway.binance.emulator.BinanceEmulatorKey;
import dev.peregrine.gateway.binanceusdm.emulator.BinanceUsdmEmulator;
import dev.peregrine.gateway.binanceusdm.sim.UsdmSimulatedExchange;
import dev.peregrine.gateway.coinbase.CoinbaseLiveVenue;
import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJwtSigner;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;
import dev.peregrine.gateway.sim.MarketSnapshot;
import dev.peregrine.gateway.testing.Await;
import dev.peregrine.gateway.venue.Venue;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.ops.config.DaemonConfig;
import dev.peregrine.ops.config.DaemonConfigLoader;
import dev.peregrine.ops.engine.LiveEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configuration's {@code perpetual:} leverage and margin type reach the live venues, from a real file: a live
 * engine on Binance USD-M sets BTCUSDT to 5x ISOLATED at start (the emulator says so, over loopback), and a live
 * Coinbase venue given the same file's terms for BTC-PERP-INTX sends its order 5x isolated (the emulator's INTX
 * position says so).
 */
class PerpetualTermsReachTheVenuesTest
{
    private static final String API_KEY = "peregrine-usdm-terms-test";
    private static final String SECRET = "Zx8cV2bN6mQ1wE5rT9yU3iO7pA4sD0fG2hJ6kL1zX5cV9bN3mQ7wE1rT5yU9iO3p";
    private static final Duration WAIT = Duration.ofSeconds(10);

    @TempDir
    Path temp;

    private DaemonConfig config(final String venue, final String product) throws Exception
    {
        final Path file = Files.writeString(temp.resolve(venue + ".yaml"), String.join("\n",
            "venue: {name: " + venue + "}",
            "products: [" + product + "]",
            "perpetual:",
            "  products:",
            "    " + product + ": {leverage: 5, margin_type: isolated}",
            "ports: {health: 0, metrics: 0}",
            "journal: {dir: " + temp.resolve("journal-" + venue) + "}") + "\n");
        return DaemonConfigLoader.load(file, null, Map.of());
    }

    @Test
    void aUsdmEngineSetsTheConfiguredLeverageAndIsolatedMarginAtStart() throws Exception
    {
        final DaemonConfig cfg = config("binance-usdm", "BTCUSDT");
        final BinanceUsdmEmulator emulator = new BinanceUsdmEmulator(BinanceEmulatorKey.hmac(API_KEY, SECRET),
            System::currentTimeMillis);
        final Venue venue = VenueRegistry.standard().venue("binance-usdm");
        final List<String> products = cfg.settings().products();
        try (UsdmSimulatedExchange exchange = UsdmSimulatedExchange.generated(products, 7, cfg.catalog().catalog(),
            Duration.ofMinutes(1), 0).withTradingApi(emulator, emulator).start())
        {
            final LiveEngine engine = new LiveEngine(cfg.catalog().catalog(), cfg.settings().withLiveVenue(true),
                venue.marketData(exchange.streamBase(), exchange.restBase(), products), temp.resolve("journal"), 4096,
                new BlockingWaitStrategy(), 1000,
                venue.liveVenue(exchange.restBase(), exchange.streamBase(), API_KEY, SECRET, "test"));
            engine.perpetualTerms(cfg.perpetual().accountTerms(cfg.settings()));
            assertThat(emulator.marginTypeOf("BTCUSDT")).isEqualTo("CROSSED");
            engine.start();
            try
            {
                assertThat(emulator.leverageOf("BTCUSDT")).isEqualTo(5);
                assertThat(emulator.marginTypeOf("BTCUSDT")).isEqualTo("ISOLATED");
            }
            finally
            {
                engine.stop();
            }
        }
    }

    @Test
    void anIntxOrderGoesOutWithTheConfiguredLeverageAndIsolatedMargin() throws Exception
    {
        final String btc = "BTC-PERP-INTX";
        final DaemonConfig cfg = config("coinbase", btc);
        final InstrumentRegistry instruments = cfg.catalog().catalog().registryFor(cfg.settings().products());
        try (EmulatedCoinbase coinbase = EmulatedCoinbase.start("organizations/o/apiKeys/terms"))
        {
            coinbase.venue().intxCollateral("10000");
            coinbase.venue().fillPrice(btc, "50000");
            final long mid = FixedPoint.parse("50000");
            coinbase.venue().quote(new MarketSnapshot(btc, mid - FixedPoint.SCALE, FixedPoint.SCALE, mid + FixedPoint.SCALE,
                FixedPoint.SCALE, mid, mid, mid, FixedPoint.SCALE, List.of(), List.of(), List.of()));
            try (CoinbaseLiveVenue live = coinbase.liveVenue())
            {
                live.engineView(cfg.perpetual().accountTerms(cfg.settings()), id -> 0);
                live.start(RingBuffer.createMultiProducer(InboundEvent::new, 1024), instruments, "prg-terms-");
                final OrderCommand buy = new OrderCommand();
                buy.set(OrderCommand.NEW, OrderType.MARKET.ordinal(), 1, 0, Side.BUY, FixedPoint.parse("0.01"), 0, 0);
                live.send(buy);
                Await.until("the 0.01 position", WAIT, () -> "0.01".equals(coinbase.venue().intxNetSize(btc)));
            }
            // Get Perpetuals Position, as a client reads it
            final CoinbaseOrderClient client = new CoinbaseOrderClient(coinbase.venue().baseUri(), "127.0.0.1",
                new CoinbaseJwtSigner(CoinbaseCredentials.of(coinbase.keyName(), coinbase.privateKeyPem(), "test")), WAIT, WAIT);
            final String portfolio = client.get("/api/v3/brokerage/portfolios", (status, json) -> json).join()
                .path("portfolios").get(0).path("uuid").asText();
            final JsonNode position = client.get("/api/v3/brokerage/intx/positions/" + portfolio + "/" + btc,
                (status, json) -> json).join().path("position");
            assertThat(position.path("margin_type").asText()).as(position.toString()).isEqualTo("MARGIN_TYPE_ISOLATED");
            assertThat(position.path("leverage").asText()).as(position.toString()).isEqualTo("5");
        }
    }
}
