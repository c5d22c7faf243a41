package dev.peregrine.core.engine;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.risk.EventRateWindow;
import dev.peregrine.core.market.MarketSanitySettings;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.core.strategy.config.StrategySpec;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What a settings change changes, keeps and refuses, and how a core applies it. */
class SettingsChangeTest
{
    private static final StrategySpec QUICK = StrategySpec.parse("ma-crossover:name=quick,fast=4,slow=8,min-hold=0s", "quick");
    private static final StrategySpec SLOW = StrategySpec.parse("ma-crossover:name=slow,fast=10,slow=30,min-hold=0s", "slow");
    private static final EngineSettings A = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000)
        .withStrategies(List.of(QUICK, SLOW));

    @Test
    void aRaisedLimitAndAnAddedStrategyAreReadableLinesAndKeepTheUnchangedStrategies()
    {
        final long[] raised = A.maxPosition();
        raised[0] *= 2;
        final StrategySpec third = StrategySpec.parse("ma-crossover:name=third,fast=3,slow=9,min-hold=0s", "third");
        final EngineSettings b = A.withRisk(RiskLimits.defaults(A.maxOrderQuantity(), raised))
            .withStrategies(List.of(QUICK, SLOW, third));
        final SettingsChange change = SettingsChange.between(A, b);

        assertThat(change.isEmpty()).isFalse();
        assertThat(change.changes()).containsExactly(
            "risk.maxPosition[BTC-USD]: " + fixed(A.maxPosition()[0]) + " -> " + fixed(raised[0]),
            "strategy added: " + third);
        assertThat(change.keepsStrategy(0)).isTrue();
        assertThat(change.keepsStrategy(1)).isTrue();
        assertThat(change.keepsStrategy(2)).isFalse();
        assertThat(SettingsChange.between(A, EngineSettings.decode(A.encode())).isEmpty()).isTrue();
    }

    @Test
    void aChangedStrategyStartsFreshAndTheOthersKeepTheirRunners()
    {
        final StrategySpec slower = StrategySpec.parse("ma-crossover:name=slow,fast=12,slow=40,min-hold=0s", "slow");
        final EngineSettings b = A.withStrategies(List.of(QUICK, slower));
        final SettingsChange change = SettingsChange.between(A, b);
        assertThat(change.changes()).containsExactly("strategy changed: " + SLOW + " -> " + slower + " (starts fresh)",
            "strategies starting fresh: slow");

        final TradingCore core = CoreAssembly.build(TestProducts.CATALOG, A, new OutputDigest(), new CoreMetrics(2), new TradingSwitch());
        final long hashBefore = core.stateHash();
        final var quick = core.strategies().get(0);
        final var slow = core.strategies().get(1);
        core.applySettings(b);
        assertThat(core.strategies().get(0)).isSameAs(quick);
        assertThat(core.strategies().get(1)).isNotSameAs(slow);
        assertThat(core.settings()).isSameAs(b);
        assertThat(core.stateHash()).as("the change is part of the state").isNotEqualTo(hashBefore);
    }

    @Test
    void productsVenueModeAndZoneCannotChangeAndSayWhy()
    {
        final TradingCore core = CoreAssembly.build(TestProducts.CATALOG, A, new OutputDigest(), new CoreMetrics(2), new TradingSwitch());
        final EngineSettings btcOnly = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD"), 1000).withStrategies(List.of(QUICK, SLOW));
        assertThat(SettingsChange.between(A, btcOnly).blockers(core)).singleElement().asString()
            .startsWith("products: BTC-USD,ETH-USD -> BTC-USD: the product list cannot change on a running journal");
        assertThat(SettingsChange.between(A, A.withLiveVenue(true)).blockers(core)).singleElement().asString()
            .startsWith("venue.mode: paper -> live: ");
        final RiskLimits r = A.risk();
        final EngineSettings newYork = A.withRisk(new RiskLimits(r.maxOrderQuantity, r.maxOrderNotional, r.maxPosition,
            r.priceBand, 0, 100, 0, 0, 0, 0, 0, ZoneId.of("America/New_York"), 0, 1440, r.tradingDays, MarketSanitySettings.OFF));
        assertThat(SettingsChange.between(A, newYork).blockers(core)).singleElement().asString()
            .startsWith("risk.zone: UTC -> America/New_York: ");
        assertThatThrownBy(() -> core.applySettings(btcOnly)).isInstanceOf(IllegalArgumentException.class)
            .hasMessageContaining("products: BTC-USD,ETH-USD -> BTC-USD");
    }

    @Test
    void aChangedRateLimitRemembersTheEventsAlreadyCounted()
    {
        final EventRateWindow two = new EventRateWindow(2, 1_000);
        two.record(100);
        two.record(200);
        assertThat(two.allows(300)).isFalse();
        final EventRateWindow three = two.withLimit(3);
        assertThat(three.allows(300)).isTrue();
        three.record(300);
        assertThat(three.allows(400)).as("three in the window already").isFalse();
        assertThat(two.withLimit(1).allows(300)).as("the newest, 200, is in the window").isFalse();
        assertThat(two.withLimit(0).allows(300)).as("0 = no limit").isTrue();
    }

    private static String fixed(final long scaled)
    {
        return dev.peregrine.core.number.FixedPoint.toString(scaled);
    }
}
