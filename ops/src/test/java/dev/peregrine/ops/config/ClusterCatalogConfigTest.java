package dev.peregrine.ops.config;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.venue.VenueRegistry;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * A cluster member against a real venue's listing (a venue on loopback): every member must build the same core
 * settings from one file, but each loads the listing at its own start, at the price of that moment. So a member keeps
 * the venue's increments and takes each product's reference price (default limits, the sanity band's centre) from
 * the built-in lists; a product those lack is refused with one line naming it.
 */
class ClusterCatalogConfigTest
{
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

    private Path member(final String products) throws IOException
    {
        return Files.writeString(temp.resolve("member.yaml"), String.join("\n",
            "profile: paper",
            "venue: {name: coinbase, market_data_url: 'ws://127.0.0.1:9', rest_url: '" + venue.restUrl() + "'}",
            "products: [" + products + "]",
            "ports: {health: 0, metrics: 0}",
            "journal: {dir: " + temp.resolve("journal") + "}",
            "cluster: {members: [127.0.0.1, 127.0.0.1, 127.0.0.1], port_base: 29520, dir: " + temp.resolve("cluster") + "}",
            ""));
    }

    @Test
    void everyMemberSizesFromTheBuiltInReferencePriceAndTheVenuesIncrements() throws Exception
    {
        final DaemonConfig cfg = DaemonConfigLoader.load(member("BTC-USD, ETH-USD"), null, Map.of(), true, 1);
        final ProductCatalog builtIn = VenueRegistry.standard().catalog("coinbase");
        final ProductCatalog catalog = cfg.catalog().catalog();
        for (final String symbol : List.of("BTC-USD", "ETH-USD"))
        {
            assertThat(catalog.find(symbol).referencePrice()).isEqualTo(builtIn.find(symbol).referencePrice());
            assertThat(catalog.find(symbol).status()).as("the venue's own word stays").isEqualTo("online");
        }
        assertThat(cfg.catalog().lines()).last().isEqualTo("catalog: reference prices from the built-in lists, the same " +
            "on every cluster member (the venue's price moves between the members' starts)");
        // The same file as member 2, loaded later: the same settings.
        final DaemonConfig later = DaemonConfigLoader.load(member("BTC-USD, ETH-USD"), null, Map.of(), true, 2);
        assertThat(later.settings().orderQuantity()).containsExactly(cfg.settings().orderQuantity());
        assertThat(later.settings().risk().maxPosition).containsExactly(cfg.settings().risk().maxPosition);
    }

    @Test
    void aProductWithoutABuiltInReferencePriceIsRefused() throws Exception
    {
        assertThatThrownBy(() -> DaemonConfigLoader.load(member("BTC-USD, SUI-USD"), null, Map.of(), true, 0))
            .isInstanceOfSatisfying(ConfigException.class, ex -> assertThat(ex.problems()).extracting(Object::toString)
                .containsExactly("products: was 'SUI-USD'; expected a product of the built-in lists in cluster mode: its " +
                    "reference price (sizing the default limits, centring the sanity band) must be the same on every " +
                    "member, and the venue's price differs from one member's start to the next"));
    }
}
