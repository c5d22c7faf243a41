package dev.peregrine.core.engine;

import dev.peregrine.core.execution.ExitRules;
import dev.peregrine.core.execution.PaperVenueSettings;
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
    void concludeNamesWhatIsOff()
    {
        assertThatThrownBy(() -> EngineSettings.builder(List.of()).build()).hasMessageContaining("at least one product");
        assertThatThrownBy(() -> EngineSettings.builder(List.of("BTC-USD")).build()).hasMessageContaining("orderQuantity(..)");
        assertThatThrownBy(() -> btc().orderQuantity(new long[]{1, 2}).build()).hasMessageContaining("one order quantity");
        assertThatThrownBy(() -> btc().exits(ExitRules.none(2)).build()).hasMessageContaining("per product");
        assertThatThrownBy(() -> btc().venueTimeoutNanos(-1).build()).hasMessageContaining("venue time-out");
        assertThatThrownBy(() -> btc().orderNotional(Double.NaN).build()).hasMessageContaining("order notional");
        assertThatThrownBy(() -> btc().minHoldNanos(-1).build()).hasMessageContaining("minimum holding time");
    }
}
