package dev.peregrine.ops.engine;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.output.OutputFanOut;
import dev.peregrine.journal.statistics.PnlRow;
import dev.peregrine.journal.statistics.PnlTable;
import dev.peregrine.journal.statistics.PublishedStatistics;
import dev.peregrine.journal.statistics.StrategyLedger;
import dev.peregrine.ops.assembly.EngineAssembly;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link EngineResults} reads the figures of the parts it is given: the digest and the core's state hash as they
 * are, the published PnL table by strategy, and the final one from the core's own state.
 */
class EngineResultsTest
{
    private static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD");

    @Test
    void readsTheDigestTheStateHashAndThePnlOfItsParts()
    {
        final EngineSettings settings = EngineSettings.defaults(VenueRegistry.standard().catalog(), PRODUCTS, 1000);
        final OutputDigest digest = new OutputDigest();
        final CoreMetrics metrics = new CoreMetrics(PRODUCTS.size());
        final StrategyLedger ledger = new StrategyLedger(settings.strategyCount(), PRODUCTS.size());
        final TradingCore core = EngineAssembly.core(settings, new OutputFanOut(digest, ledger), metrics, new TradingSwitch());
        final EngineResults results = new EngineResults(core, digest, ledger, new PublishedStatistics(core), metrics);

        assertThat(results.outputCount()).isZero();
        assertThat(results.outputDigestHex()).isEqualTo(new OutputDigest().hex());
        assertThat(results.stateHashHex()).isEqualTo(Hash64.hex(core.stateHash()));

        final PnlTable published = results.pnlTable();
        assertThat(published.byStrategy()).extracting(PnlRow::strategy).isNotEmpty().isSubsetOf(StrategyLedger.strategyNames(core));
        assertThat(published.byStrategy()).allSatisfy(row -> assertThat(row.net()).isZero());
        assertThat(published.total().orders()).isZero();
        // Nothing traded: the core's own table says the same as the published one.
        assertThat(results.finalPnlTable().lines()).isEqualTo(published.lines());
        assertThat(results.statistics()).isNotNull();
    }
}
