package dev.peregrine.journal.snapshot;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.EngineSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The snapshot's roots come in the one order (core first), listed once rather than per snapshot. */
class WiredStateTest
{
    @Test
    void rootsAreCoreDigestLedgerStatisticsAndTheSameArrayEachTime()
    {
        final RecoverableEngine engine = new RecoverableEngine(TestProducts.CATALOG, EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD"), 1000));
        final WiredState state = WiredState.of(engine.core(), engine.digest(), engine.ledger(), engine.statistics());

        assertThat(state.roots()).containsExactly(engine.core(), engine.digest(), engine.ledger(), engine.statistics());
        assertThat(state.core()).isSameAs(engine.core());
        assertThat(state.digest()).isSameAs(engine.digest());
        assertThat(state.roots()).isSameAs(state.roots());
        assertThat(engine.roots()).containsExactly(state.roots()).isSameAs(engine.roots());
    }
}
