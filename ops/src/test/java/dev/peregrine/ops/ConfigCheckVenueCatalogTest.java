package dev.peregrine.ops;

import dev.peregrine.ops.config.ListingWithOneMoreProduct;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code config check} against a real venue says where the catalog came from, and refuses a product it does not list. */
class ConfigCheckVenueCatalogTest
{
    @TempDir
    Path temp;

    private Path config(final String products, final String restUrl) throws Exception
    {
        return Files.writeString(temp.resolve("peregrine.yaml"), "profile: paper\nvenue: {name: coinbase, " +
            "market_data_url: 'ws://127.0.0.1:9', rest_url: '" + restUrl + "'}\nproducts: [" + products + "]\n" +
            "ports: {health: 0, metrics: 0}\njournal: {dir: " + temp.resolve("journal") + "}\n");
    }

    @Test
    void printsTheVenuesListingAndRefusesAnUnlistedProductInOneLine() throws Exception
    {
        try (ListingWithOneMoreProduct venue = new ListingWithOneMoreProduct())
        {
            final String listing = venue.restUrl() + ListingWithOneMoreProduct.PATH;

            final CliRun ok = new CliRun("config", "check", "--config",
                config("SUI-USD", venue.restUrl().toString()).toString());
            assertThat(ok.exit).as("stderr: %s", ok.err.lines()).isZero();
            assertThat(ok.out.lines()).contains("  catalog: coinbase's listing at " + listing + "?product_ids=SUI-USD");
            assertThat(ok.out.lines().get(0)).contains("products SUI-USD");

            final CliRun refused = new CliRun("config", "check", "--config",
                config("SUI-USD, NOPE-USD", venue.restUrl().toString()).toString());
            assertThat(refused.exit).isEqualTo(2);
            assertThat(refused.err.lines()).contains("  products: was 'SUI-USD, NOPE-USD'; expected products the venue " +
                "lists: coinbase catalog from " + listing + "?product_ids=SUI-USD&product_ids=NOPE-USD does not list " +
                "NOPE-USD, which the configuration trades");
        }
    }
}
