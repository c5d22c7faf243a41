package dev.peregrine.core.engine;

import dev.peregrine.core.execution.ExitRules;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.number.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** One way to make settings: defaults filled and every rule checked in {@code conclude()}. */
class EngineSettingsBuilderTest
{
    private static EngineSettingsBuilder btc()
    {
        return EngineSettings.builder(List.of("BTC-USD")).orderQuantity(new long[]{1}).limits(new long[]{2}, new long[]{4});
    }

    @Test
    void unsetSettingsTakeTheirDefaults()
    {
        final EngineSettings settings = btc().build();
        assertThat(settings.fastWindow()).isEqualTo(10);
        assertThat(settings.slowWindow()).isEqualTo(30);
        assertThat(settings.paperVenue()).isSameAs(PaperVenueSettings.DEFAULT);
        assertThat(settings.venueTimeoutNanos()).isEqualTo(EngineSettings.DEFAULT_VENUE_TIMEOUT_NANOS);
        assertThat(settings.exits().instrumentCount()).isEqualTo(1);
        assertThat(settings.liveVenue()).isFalse();
        assertThat(settings.strategies()).isEmpty();
    }

    @Test
    void theTextFormRoundTripsThroughTheBuilder()
    {
        final EngineSettings settings = btc().windows(3, 8).liveVenue(true).passiveOrders(true).orderNotional(25.0)
            .minHoldNanos(1_000).venueTimeoutNanos(0).build();
        final EngineSettings decoded = EngineSettings.decode(settings.encode());
        assertThat(decoded.encode()).isEqualTo(settings.encode());
        assertThat(decoded.digest()).isEqualTo(settings.digest());
        assertThat(settings.toBuilder().build().encode()).isEqualTo(settings.encode());
        assertThat(settings.withLiveVenue(false).liveVenue()).isFalse();
    }

    @Test
    void marginSettingsDefaultTo10000And1xAndAreWrittenOnlyWhenChanged()
    {
        final EngineSettings spot = btc().build();
        assertThat(spot.collateral()).isEqualTo(10_000 * FixedPoint.SCALE);
        assertThat(spot.leverage()).containsExactly(FixedPoint.SCALE);
        // a spot run's header (and its digest) stays what it was before perpetuals existed
        assertThat(spot.encode()).doesNotContain("perpetual.");

        final EngineSettings perp = spot.withMargin(FixedPoint.parse("2500.5"), new long[]{FixedPoint.parse("20")});
        assertThat(perp.encode()).contains("perpetual.collateral=2500.5\n", "perpetual.leverage=20\n");
        final EngineSettings decoded = EngineSettings.decode(perp.encode());
        assertThat(decoded.collateral()).isEqualTo(FixedPoint.parse("2500.5"));
        assertThat(decoded.leverage()).containsExactly(FixedPoint.parse("20"));
        assertThat(decoded.digest()).isEqualTo(perp.digest());
        assertThat(perp.toBuilder().build().encode()).isEqualTo(perp.encode());
    }

    @Test
    void concludeNamesWhatIsOff()
    {
        assertThatThrownBy(() -> EngineSettings.builder(List.of()).build()).hasMessageContaining("at least one product");
        assertThatThrownBy(() -> EngineSettings.builder(List.of("BTC-USD")).build()).hasMessageContaining("orderQuantity(..)");
        assertThatThrownBy(() -> btc().orderQuantity(new long[]{1, 2}).build()).hasMessageContaining("one order quantity");
        assertThatThrownBy(() -> btc().exits(ExitRules.none(2)).build()).hasMessageContaining("per product");
        assertThatThrownBy(() -> btc().venueTimeoutNanos(-1).build()).hasMessageContaining("venue time-out");
        assertThatThrownBy(() -> btc().orderNotional(Double.NaN).build()).hasMessageContaining("order notional");
        assertThatThrownBy(() -> btc().minHoldNanos(-1).build()).hasMessageContaining("minimum holding time");
        assertThatThrownBy(() -> btc().collateral(0).build()).hasMessageContaining("collateral must be > 0");
        assertThatThrownBy(() -> btc().leverage(new long[]{FixedPoint.parse("0.5")}).build())
            .hasMessageContaining("leverage of BTC-USD must be >= 1, got 0.5");
        assertThatThrownBy(() -> btc().leverage(new long[]{FixedPoint.SCALE, FixedPoint.SCALE}).build())
            .hasMessageContaining("one leverage per product");
    }
}
