package dev.peregrine.ops.assembly;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.journal.JournalCatalog;
import dev.peregrine.journal.JournalReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The catalog a configuration loaded reaches the engine and its journal as given: the assembly does not load another. */
class EngineAssemblyCatalogTest
{
    @TempDir
    Path temp;

    /** A venue's catalog: BTC-USD with other increments than the built-in list's, and a product that list lacks. */
    private static final ProductCatalog VENUE = VenueRegistry.standard().catalog().overlaidWith(new ProductCatalog(List.of(
        new ProductCatalog.Product("BTC-USD", FixedPoint.parse("0.1"), FixedPoint.parse("0.0001"), FixedPoint.parse("64000"),
            FixedPoint.parse("1"), "online"),
        new ProductCatalog.Product("SUI-USD", FixedPoint.parse("0.0001"), FixedPoint.parse("0.1"), FixedPoint.parse("3.5"),
            FixedPoint.parse("1"), "online"))));

    @Test
    void theJournalRecordsTheCatalogTheOptionsCarry() throws Exception
    {
        // The simulated exchange serves BTC-USD; the catalog given (with a product the built-in lists lack) is what
        // the engine and the journal get, not the built-in lists the assembly would otherwise pick.
        final Path journal = temp.resolve("journal");
        final EngineOptions options = new EngineOptions().label("run").journalDir(journal).metricsPort(0).healthPort(0)
            .settings(EngineSettings.defaults(VENUE, List.of("BTC-USD"), 1000)).catalog(VENUE);

        EngineAssembly.assemble(options).close();

        try (JournalReader reader = JournalReader.open(journal))
        {
            final ProductCatalog recorded = JournalCatalog.recorded(journal, reader.header());
            assertThat(recorded.symbols()).as("the products traded").containsExactly("BTC-USD");
            assertThat(recorded.find("BTC-USD")).isEqualTo(VENUE.find("BTC-USD"))
                .isNotEqualTo(VenueRegistry.standard().catalog().find("BTC-USD"));
        }
    }

    @Test
    void aCatalogThatDoesNotListTheTradedProductsIsRefused()
    {
        final EngineOptions options = new EngineOptions().label("run").journalDir(temp.resolve("journal"))
            .settings(EngineSettings.defaults(VENUE, List.of("SUI-USD"), 1000))
            .catalog(VenueRegistry.standard().catalog());

        assertThatThrownBy(options::conclude).hasMessage("the catalog given does not list SUI-USD, which the settings trade");
    }
}
