package dev.peregrine.gateway.coinbase.intx;

import dev.peregrine.core.instrument.CatalogText;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.coinbase.CoinbaseProducts;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.gateway.coinbase.orders.TestKeys;
import dev.peregrine.gateway.venue.VenueRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.ECPublicKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run against the venue loads an INTX perpetual's terms from its product listing (the emulator's, over loopback)
 * as the built-in list holds them, and the cached copy keeps them for an offline start.
 */
class IntxCatalogOnEmulatorTest
{
    @TempDir
    Path dir;

    @Test
    void thePerpetualsTermsComeFromTheListingAndSurviveTheCache() throws Exception
    {
        final List<String> warnings = new ArrayList<>();
        try (CoinbaseVenueEmulator emulator = new CoinbaseVenueEmulator((ECPublicKey)TestKeys.p256().getPublic(),
            TestKeys.KEY_NAME, "127.0.0.1").start())
        {
            final Path cache = dir.resolve("journal.coinbase-catalog");
            final ProductCatalog catalog = VenueRegistry.standard().loadCatalog("coinbase", emulator.baseUri(),
                List.of("BTC-PERP-INTX", "BTC-USD"), cache, Duration.ofSeconds(10), warnings::add);

            final ProductCatalog.Product listed = catalog.find("BTC-PERP-INTX");
            final ProductCatalog.Product builtIn = CoinbaseProducts.CATALOG.find("BTC-PERP-INTX");
            assertThat(listed.perpetual()).isEqualTo(builtIn.perpetual());
            assertThat(listed.minNotional()).isEqualTo(builtIn.minNotional());
            assertThat(listed.priceIncrement()).isEqualTo(builtIn.priceIncrement());
            assertThat(catalog.find("BTC-USD").perpetual()).isNull();
            assertThat(warnings).isEmpty();
            final ProductCatalog cached = CatalogText.decode(Files.readString(cache, StandardCharsets.UTF_8), cache.toString());
            assertThat(cached.find("BTC-PERP-INTX").perpetual()).isEqualTo(builtIn.perpetual());
        }
    }
}
