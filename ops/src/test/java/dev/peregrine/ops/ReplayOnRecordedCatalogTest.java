package dev.peregrine.ops;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.journal.JournalWriter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code replay} of a journal that recorded a venue's catalog: replayed with it, and says how it differs from the built-in lists. */
class ReplayOnRecordedCatalogTest
{
    @TempDir
    Path dir;

    @Test
    void replaySaysWhatTheJournalsCatalogChangesFromTheBuiltInLists()
    {
        final ProductCatalog builtIn = VenueRegistry.standard().catalog();
        final EngineSettings settings = EngineSettings.defaults(builtIn, List.of("BTC-USD"), 1000);
        final ProductCatalog venue = builtIn.overlaidWith(new ProductCatalog(List.of(new Product("BTC-USD",
            FixedPoint.parse("0.1"), FixedPoint.parse("0.00000001"), FixedPoint.parse("64000"), FixedPoint.parse("1"),
            "online"))));
        JournalWriter.open(dir, settings, venue).close();

        final CliRun replay = new CliRun("replay", "--journal", dir.toString());

        assertThat(replay.exit).as("stderr: %s", replay.err.lines()).isZero();
        assertThat(replay.out.lines()).contains("catalog: the journal ran with its own (replayed with it), which differs " +
            "from the built-in lists: BTC-USD price increment 0.1 -> 0.01; BTC-USD minimum notional 1 -> 0; " +
            "BTC-USD status online -> (none)");
    }

    @Test
    void aJournalOnTheBuiltInListsReplaysWithoutACatalogLine()
    {
        final ProductCatalog builtIn = VenueRegistry.standard().catalog();
        JournalWriter.open(dir, EngineSettings.defaults(builtIn, List.of("BTC-USD"), 1000), builtIn).close();

        final CliRun replay = new CliRun("replay", "--journal", dir.toString());

        assertThat(replay.exit).isZero();
        assertThat(replay.out.lines()).noneMatch(line -> line.startsWith("catalog:")).anyMatch(l -> l.startsWith("output-digest:"));
    }
}
