package dev.peregrine.core.engine;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The assembly's two modes: paper mode answers orders on the core thread, live mode has no paper venue. */
class CoreAssemblyTest
{
    private static EngineSettings settings(final boolean live)
    {
        final long one = FixedPoint.parse("1");
        return EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{one, one}).risk(RiskLimits.basic(new long[]{one, one}, new long[]{one, one})).paperVenue(PaperVenueSettings.FRICTIONLESS).build()
            .withLiveVenue(live);
    }

    @Test
    void paperModeFillsOnThePaperVenue()
    {
        final CoreHarness h = new CoreHarness(settings(false));
        h.feed(h.events.quote(0, "100", "5", "101", "5"));
        assertThat(h.core.execution().venue()).isNotNull();
        final long id = h.core.execution().submitMarketOrder(0, Side.BUY, FixedPoint.parse("0.5"));
        h.advanceMillis(1);
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.FILLED);
        assertThat(h.core.positions().quantity(0)).isEqualTo(FixedPoint.parse("0.5"));
    }

    @Test
    void liveModeHasNoPaperVenueAndOrdersWaitForTheVenue()
    {
        final CoreHarness h = new CoreHarness(settings(true));
        h.feed(h.events.quote(0, "100", "5", "101", "5"));
        assertThat(h.core.execution().venue()).isNull();
        final long id = h.core.execution().submitMarketOrder(0, Side.BUY, FixedPoint.parse("0.5"));
        h.advanceMillis(1);
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.PENDING_NEW);
        assertThat(h.core.positions().quantity(0)).isZero();
    }

    @Test
    void theSameSettingsAssembleCoresOfEqualState()
    {
        for (final boolean live : new boolean[]{false, true})
        {
            final TradingCore a = CoreAssembly.build(TestProducts.CATALOG, settings(live), new OutputDigest(), new CoreMetrics(2), new TradingSwitch());
            final TradingCore b = CoreAssembly.build(TestProducts.CATALOG, settings(live), new OutputDigest(), new CoreMetrics(2), new TradingSwitch());
            assertThat(a.stateHash()).isEqualTo(b.stateHash());
            assertThat(a.strategies().count()).as("the configured crossover").isEqualTo(1);
        }
    }
}
