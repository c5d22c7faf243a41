package dev.peregrine.journal;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.instrument.CatalogText;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.testing.TestProducts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A journal records the catalog its run traded with; a restart on another is refused, a replay uses the recorded one. */
class JournalCatalogTest
{
    private static final List<String> TRADED = List.of("ETH-USD", "BTC-USD");
    private static final EngineSettings SETTINGS = EngineSettings.defaults(TestProducts.CATALOG, TRADED, 1000);
    /** What a venue listed at the run's start: not the test fixture's figures. */
    private static final ProductCatalog VENUE = TestProducts.CATALOG.overlaidWith(new ProductCatalog(List.of(
        new Product("BTC-USD", FixedPoint.parse("0.01"), FixedPoint.parse("0.00000001"), FixedPoint.parse("64000"),
            FixedPoint.parse("1"), "online"),
        new Product("ETH-USD", FixedPoint.parse("0.01"), FixedPoint.parse("0.0001"), FixedPoint.parse("1800"),
            FixedPoint.parse("1"), "online"))));

    @TempDir
    Path dir;

    @Test
    void theHeaderRecordsTheTradedProductsAsTheRunsCatalogListedThem()
    {
        JournalWriter.open(dir, SETTINGS, VENUE).close();

        try (JournalReader reader = JournalReader.open(dir))
        {
            final JournalHeader header = reader.header();
            assertThat(header.catalogText()).isEqualTo(CatalogText.encode(VENUE.only(TRADED)));
            final ProductCatalog effective = JournalCatalog.effective(TestProducts.CATALOG, dir, header);
            assertThat(effective.find("ETH-USD")).isEqualTo(VENUE.find("ETH-USD"));
            assertThat(effective.find("BTCUSDT")).isEqualTo(TestProducts.CATALOG.find("BTCUSDT"));
            assertThat(JournalCatalog.differences(TestProducts.CATALOG, dir, header)).containsExactly(
                "ETH-USD size increment 0.0001 -> 0.00000001", "ETH-USD minimum notional 1 -> 0",
                "ETH-USD status online -> (none)", "BTC-USD minimum notional 1 -> 0", "BTC-USD status online -> (none)");
        }
        assertThat(JournalCatalog.effective(TestProducts.CATALOG, dir).find("ETH-USD").sizeIncrement())
            .isEqualTo(FixedPoint.parse("0.0001"));
        assertThat(Replay.run(TestProducts.CATALOG, dir).events()).isZero();
    }

    @Test
    void aRestartOnAChangedCatalogIsRefusedNamingWhatDiffersButANewPriceIsNoChange()
    {
        JournalWriter.open(dir, SETTINGS, VENUE).close();
        final ProductCatalog repriced = VENUE.overlaidWith(new ProductCatalog(List.of(new Product("BTC-USD",
            FixedPoint.parse("0.01"), FixedPoint.parse("0.00000001"), FixedPoint.parse("70000"), FixedPoint.parse("1"),
            "online"))));
        JournalWriter.open(dir, SETTINGS, repriced).close();

        final ProductCatalog changed = VENUE.overlaidWith(new ProductCatalog(List.of(new Product("BTC-USD",
            FixedPoint.parse("0.1"), FixedPoint.parse("0.00000001"), FixedPoint.parse("70000"), FixedPoint.parse("5"),
            "online"))));
        assertThatThrownBy(() -> JournalWriter.open(dir, SETTINGS, changed))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining("journal folder " + dir + " ran with another catalog than this run's: " +
                "BTC-USD price increment 0.01 -> 0.1; BTC-USD minimum notional 1 -> 5; start a new journal folder");
    }

    @Test
    void aJournalWrittenWithoutACatalogReplaysOnTheCatalogInHand()
    {
        JournalWriter.open(dir, SETTINGS).close();

        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.header().catalogText()).isEmpty();
            assertThat(JournalCatalog.effective(TestProducts.CATALOG, dir, reader.header())).isSameAs(TestProducts.CATALOG);
            assertThat(JournalCatalog.differences(VENUE, dir, reader.header())).isEmpty();
        }
        JournalWriter.open(dir, SETTINGS, VENUE).close();
    }
}
