package dev.peregrine.core.engine;

import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.core.testing.TestProducts;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class OrderPathWarmupTest
{
    private static final long START = 1_786_309_548_000_000_000L;

    private static EngineSettings settings(final int windowEndMinute)
    {
        final long[] limit = {FixedPoint.parse("0.5"), FixedPoint.parse("0.5")};
        final long[] position = {FixedPoint.parse("1"), FixedPoint.parse("1")};
        // The defaults a user's engine starts from (price band, market-data sanity), and a trading window.
        final RiskLimits defaults = RiskLimits.defaults(limit, position);
        final RiskLimits limits = new RiskLimits(limit, new double[]{1_000, 1_000}, position, defaults.priceBand, 0, 0, 0,
            20, 1_000, 20, 1_000, ZoneId.of("UTC"), 0, windowEndMinute, EnumSet.allOf(DayOfWeek.class), defaults.sanity);
        return EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3)
            .orderQuantity(new long[]{FixedPoint.parse("0.01"), FixedPoint.parse("0.01")})
            .risk(limits).paperVenue(PaperVenueSettings.FRICTIONLESS).build().withLiveVenue(true);
    }

    @Test
    void everyOrderPassesRiskAndIsAnsweredAndThePositionComesBackFlat()
    {
        final OrderPathWarmup.Result result = OrderPathWarmup.run(TestProducts.CATALOG, settings(1440), 2_000, START);

        assertThat(result.refused()).as("first refusal: " + result.firstRefusal()).isZero();
        assertThat(result.placed()).isEqualTo(2_000);
        assertThat(result.answered()).as("filled or cancelled by the synthetic venue").isEqualTo(2_000);
        assertThat(result.position()).isZero();
        assertThat(result.describe()).startsWith("order path warm-up: 2,000 synthetic orders through risk and execution in ")
            .contains("(2,000 placed and answered, 0 refused)").endsWith("nothing journaled or sent");
    }

    @Test
    void limitsThatRefuseTheSmallestOrderAreSaidInTheLine()
    {
        // A trading window of the first minute of the day, and warm-up times late in the day: every warm-up order is refused, and the line says why.
        final OrderPathWarmup.Result result = OrderPathWarmup.run(TestProducts.CATALOG, settings(1), 100, START);

        assertThat(result.placed()).isZero();
        assertThat(result.refused()).isEqualTo(100);
        assertThat(result.firstRefusal()).isEqualTo(RejectReason.OUTSIDE_TRADING_WINDOW);
        assertThat(result.describe()).contains("100 refused, first: OUTSIDE_TRADING_WINDOW");
    }

    @Test
    void theSameSettingsBuildAnUntouchedCoreAfterwards()
    {
        // The core library has no mutable static state: a core built after a warm-up starts where any core starts.
        final EngineSettings settings = settings(1440);
        final TradingCore before = CoreAssembly.build(TestProducts.CATALOG, settings, new dev.peregrine.core.testing.RecordingOutputs(),
            new dev.peregrine.core.metrics.CoreMetrics(2), new TradingSwitch());
        OrderPathWarmup.run(TestProducts.CATALOG, settings, 1_000, START);
        final TradingCore after = CoreAssembly.build(TestProducts.CATALOG, settings, new dev.peregrine.core.testing.RecordingOutputs(),
            new dev.peregrine.core.metrics.CoreMetrics(2), new TradingSwitch());

        assertThat(after.stateHash()).isEqualTo(before.stateHash());
        assertThat(after.execution().lastOrderId()).isZero();
    }
}
