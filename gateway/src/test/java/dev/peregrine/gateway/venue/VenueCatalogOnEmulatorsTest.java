package dev.peregrine.gateway.venue;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.binance.BinanceProducts;
import dev.peregrine.gateway.coinbase.CoinbaseProducts;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.gateway.coinbase.orders.TestKeys;
import dev.peregrine.gateway.sim.binance.BinanceSimulatedExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The catalog loaded from the emulators of both venues over loopback, as a run against them loads it. */
class VenueCatalogOnEmulatorsTest
{
    @TempDir
    Path dir;
    private final List<String> warnings = new ArrayList<>();

    @Test
    void coinbaseFromTheEmulatorsMarketProducts() throws Exception
    {
        try (CoinbaseVenueEmulator emulator = new CoinbaseVenueEmulator((ECPublicKey)TestKeys.p256().getPublic(),
            TestKeys.KEY_NAME, "127.0.0.1").start())
        {
            final Path cache = dir.resolve("journal.coinbase-catalog");
            final ProductCatalog catalog = VenueRegistry.standard().loadCatalog("coinbase", emulator.baseUri(),
                List.of("ETH-USD", "DOGE-USD"), cache, Duration.ofSeconds(10), warnings::add);

            for (final String symbol : List.of("ETH-USD", "DOGE-USD"))
            {
                final ProductCatalog.Product listed = catalog.find(symbol);
                final ProductCatalog.Product builtIn = CoinbaseProducts.CATALOG.find(symbol);
                assertThat(listed.priceIncrement()).isEqualTo(builtIn.priceIncrement());
                assertThat(listed.sizeIncrement()).isEqualTo(builtIn.sizeIncrement());
                assertThat(listed.status()).isEqualTo("online");
                assertThat(listed.minNotional()).isPositive();
                assertThat(listed.referencePrice()).isPositive();
            }
            assertThat(warnings).isEmpty();
            assertThat(Files.readString(cache)).contains("ETH-USD ", "DOGE-USD ").doesNotContain("BTC-USD ");
        }
    }

    @Test
    void binanceFromTheSimulatedExchangesExchangeInfo() throws Exception
    {
        try (BinanceSimulatedExchange exchange = BinanceSimulatedExchange.generated(List.of("BTCUSDT", "ETHUSDT"), 7).start())
        {
            final ProductCatalog catalog = VenueRegistry.standard().loadCatalog("binance", exchange.restBase(),
                List.of("ETHUSDT"), dir.resolve("journal.binance-catalog"), Duration.ofSeconds(10), warnings::add);

            final ProductCatalog.Product eth = catalog.find("ETHUSDT");
            assertThat(eth.priceIncrement()).isEqualTo(BinanceProducts.CATALOG.find("ETHUSDT").priceIncrement());
            assertThat(eth.sizeIncrement()).isEqualTo(BinanceProducts.CATALOG.find("ETHUSDT").sizeIncrement());
            assertThat(eth.status()).isEqualTo("TRADING");
            assertThat(eth.minNotional()).isPositive();
            assertThat(eth.referencePrice()).isPositive();
            assertThat(warnings).isEmpty();
        }
    }
}
