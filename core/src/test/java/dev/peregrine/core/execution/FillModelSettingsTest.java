package dev.peregrine.core.execution;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.engine.EngineSettings;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The fill model is part of the journal header: it survives encode and decode, and old headers mean touch. */
class FillModelSettingsTest
{
    @Test
    void eachFillModelAndItsParametersSurviveTheJournalHeader()
    {
        for (final FillModel model : FillModel.values())
        {
            final EngineSettings settings = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD"), 1000.0)
                .withPaperVenue(PaperVenueSettings.DEFAULT.withFillModel(model, 0.1, 30_000_000_000L, 7.5));
            final EngineSettings decoded = EngineSettings.decode(settings.encode());
            assertThat(decoded.paperVenue()).as(model.cliName()).isEqualTo(settings.paperVenue());
            assertThat(decoded.paperVenue().fillModel()).isEqualTo(model);
            assertThat(decoded.digest()).isEqualTo(settings.digest());
        }
    }

    @Test
    void aHeaderWithoutAFillModelIsTheTouchModelAndKeepsItsDigest()
    {
        final EngineSettings touch = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD"), 1000.0);
        assertThat(touch.encode()).doesNotContain("paper.fillModel");
        assertThat(EngineSettings.decode(touch.encode()).paperVenue().fillModel()).isEqualTo(FillModel.TOUCH);
        final EngineSettings volume = touch.withPaperVenue(PaperVenueSettings.DEFAULT.withFillModel(FillModel.VOLUME,
            0.25, 60_000_000_000L, 5));
        assertThat(volume.encode()).contains("paper.fillModel=volume\n", "paper.participation=0.25\n");
        assertThat(volume.digest()).isNotEqualTo(touch.digest());
    }

    @Test
    void impossibleParametersNameTheFix()
    {
        assertThatThrownBy(() -> PaperVenueSettings.DEFAULT.withFillModel(FillModel.VOLUME, 1.5, 1, 0))
            .hasMessageContaining("participation must be above 0 and at most 1");
        assertThatThrownBy(() -> PaperVenueSettings.DEFAULT.withFillModel(FillModel.VOLUME, 0.5, 0, 0))
            .hasMessageContaining("fill window must be positive");
        assertThatThrownBy(() -> EngineSettings.decode(EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD"), 1000.0).encode() +
            "paper.fillModel=infinite\n")).hasMessageContaining("'paper.fillModel' is 'infinite'");
        assertThat(FillModel.parse(" Volume ")).isEqualTo(FillModel.VOLUME);
    }
}
