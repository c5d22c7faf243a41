package dev.peregrine.ops.config;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.venue.VenueRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A configuration for a run against a real venue is checked against, and sized from, the catalog the venue lists
 * (loaded once, before the settings are built, as {@code run} and {@code config check} do), or its cached copy;
 * without a REST URL the built-in lists, exactly as before.
 */
class VenueCatalogConfigTest
{
    private static final Map<String, String> NO_ENV = Map.of();

    @TempDir
    Path temp;
    private ListingWithOneMoreProduct venue;

    @BeforeEach
    void startVenue() throws Exception
    {
        venue = new ListingWithOneMoreProduct();
    }

    @AfterEach
    void stopVenue()
    {
        venue.close();
    }

    private Path paperCoinbase(final String products, final String restUrl) throws IOException
    {
        return Files.writeString(temp.resolve("peregrine.yaml"), "profile: paper\nvenue: {name: coinbase, " +
            "market_data_url: 'ws://127.0.0.1:9', rest_url: '" + restUrl + "'}\nproducts: [" + products + "]\n" +
            "ports: {health: 0, metrics: 0}\njournal: {dir: " + temp.resolve("journal") + "}\n");
    }

    @Test
    void aProductTheVenueListsButTheBuiltInListsLackIsTradedAndSizedFromTheVenuesPrice() throws Exception
    {
        assertThat(VenueRegistry.standard().catalog().find("SUI-USD")).as("the built-in lists lack it").isNull();

        final DaemonConfig cfg = DaemonConfigLoader.load(paperCoinbase("BTC-USD, SUI-USD", venue.restUrl().toString()),
            null, NO_ENV, true);

        final EngineSettings settings = cfg.settings();
        assertThat(settings.products()).containsExactly("BTC-USD", "SUI-USD");
        final ProductCatalog catalog = cfg.catalog().catalog();
        assertThat(catalog.find("SUI-USD").referencePrice()).isEqualTo(FixedPoint.parse("150.25"));
        assertThat(catalog.find("SUI-USD").sizeIncrement()).isEqualTo(FixedPoint.parse("0.001"));
        assertThat(catalog.find("SUI-USD").status()).isEqualTo("online");
        // 1000 of quote at the venue's 150.25, on its 0.001 lot: 6.655 SUI (fixed point, 8 decimals).
        assertThat(settings.orderQuantity()[1]).isEqualTo(665_500_000L);
        assertThat(cfg.catalog().lines()).containsExactly("catalog: coinbase's listing at " + venue.restUrl() +
            ListingWithOneMoreProduct.PATH + "?product_ids=BTC-USD&product_ids=SUI-USD");
        assertThat(catalog.symbols()).as("instrument ids: the built-in order, the venue's new product after it")
            .startsWith(VenueRegistry.standard().catalog().symbols().toArray(new String[0])).endsWith("SUI-USD");
        assertThat(Files.readString(ConfiguredCatalog.cachePath(temp.resolve("journal"), "coinbase"))).contains("SUI-USD ");
    }

    @Test
    void aProductTheVenueDoesNotListIsOneLineNamingTheProductTheVenueAndTheUrl() throws Exception
    {
        final Path config = paperCoinbase("BTC-USD, NOPE-USD", venue.restUrl().toString());

        assertThatThrownBy(() -> DaemonConfigLoader.load(config, null, NO_ENV, true))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).singleElement()
                .hasToString("products: was 'BTC-USD, NOPE-USD'; expected products the venue lists: coinbase catalog from " +
                    venue.restUrl() + ListingWithOneMoreProduct.PATH + "?product_ids=BTC-USD&product_ids=NOPE-USD " +
                    "does not list NOPE-USD, which the configuration trades"));
    }

    @Test
    void anUnreachableVenueUsesTheCachedCopyWithAWarningAndWithoutOneSaysWhereItLooked() throws Exception
    {
        final String closed;
        try (ServerSocket socket = new ServerSocket())
        {
            socket.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            closed = "http://127.0.0.1:" + socket.getLocalPort();
        }
        final Path cache = ConfiguredCatalog.cachePath(temp.resolve("journal"), "coinbase");
        assertThatThrownBy(() -> DaemonConfigLoader.load(paperCoinbase("SUI-USD", closed), null, NO_ENV, true))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).singleElement().asString()
                .contains("cannot load it from " + closed + ListingWithOneMoreProduct.PATH, "no cached copy at " + cache));

        DaemonConfigLoader.load(paperCoinbase("SUI-USD", venue.restUrl().toString()), null, NO_ENV, true);
        final DaemonConfig offline = DaemonConfigLoader.load(paperCoinbase("SUI-USD", closed), null, NO_ENV, true);

        assertThat(offline.settings().products()).containsExactly("SUI-USD");
        assertThat(offline.catalog().lines()).hasSize(2);
        assertThat(offline.catalog().lines().get(0)).isEqualTo("catalog: coinbase's cached copy " + cache);
        assertThat(offline.catalog().lines().get(1)).startsWith("warning: coinbase catalog from the cached copy " + cache);
    }

    @Test
    void withoutARestUrlOrWithOtherProblemsTheBuiltInListsAndNoNetwork() throws Exception
    {
        final Path simulatedMarket = Files.writeString(temp.resolve("sim.yaml"), "profile: paper\nvenue: {name: coinbase, " +
            "market_data_url: 'ws://127.0.0.1:9'}\nproducts: [BTC-USD]\nports: {health: 0, metrics: 0}\n" +
            "journal: {dir: " + temp.resolve("journal") + "}\n");
        final DaemonConfig cfg = DaemonConfigLoader.load(simulatedMarket, null, NO_ENV, true);
        assertThat(cfg.catalog().catalog().symbols()).isEqualTo(VenueRegistry.standard().catalog().symbols());
        assertThat(cfg.catalog().lines()).singleElement().asString().startsWith("catalog: the built-in lists (no REST URL");

        // Another problem: the venue is not asked (no catalog problem, no cache written), SUI-USD not refused by the built-in lists.
        final Path bad = Files.writeString(temp.resolve("bad.yaml"), Files.readString(paperCoinbase("SUI-USD",
            venue.restUrl().toString())) + "ring: {size: 1000}\n");
        assertThatThrownBy(() -> DaemonConfigLoader.load(bad, null, NO_ENV, true))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).singleElement().asString()
                .startsWith("ring.size:"));
        assertThat(ConfiguredCatalog.cachePath(temp.resolve("journal"), "coinbase")).doesNotExist();
    }
}
