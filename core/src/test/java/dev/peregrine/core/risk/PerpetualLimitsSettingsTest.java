package dev.peregrine.core.risk;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The perpetual limits and the liquidation fee travel in the settings (the journal header), so a replay judges and
 * liquidates by the same figures; left at their defaults they write nothing, so a spot journal's header, and the
 * checks a spot engine runs, are what they always were.
 */
class PerpetualLimitsSettingsTest
{
    private static EngineSettings spot()
    {
        final long[] one = {100_000_000L, 100_000_000L};
        return EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).orderQuantity(one).limits(one, one)
            .paperVenue(PaperVenueSettings.DEFAULT).build();
    }

    @Test
    void spotSettingsWriteNoPerpetualLineAndASpotEngineRunsTheTwelveSpotChecks()
    {
        final String text = spot().encode();
        assertThat(text).doesNotContain("risk.maxLeverage", "risk.maxMarginRatio", "risk.minLiquidationDistance",
            "risk.maxFundingRate", "risk.maxAccountLeverage", "paper.liquidationFeeRate");
        assertThat(EngineSettings.decode(text).risk().perpetual).isEqualTo(PerpetualLimits.none(2));
        assertThat(CoreHarness.btcEth("0.01", "1", "1").core.execution().riskChain().size()).isEqualTo(12);
    }

    @Test
    void perpetualLimitsAndTheLiquidationFeeRoundTripThroughTheSettingsText()
    {
        final PerpetualLimits limits = new PerpetualLimits(new double[]{5, 0}, 8, 0.8, 2.5, new double[]{0.0005, 0.001});
        final EngineSettings settings = spot().withRisk(spot().risk().withPerpetual(limits))
            .withPaperVenue(PaperVenueSettings.DEFAULT.withLiquidationFeeRate(0.005));
        final String text = settings.encode();
        assertThat(text).contains("risk.maxLeverage=5.0,0.0\n", "risk.maxAccountLeverage=8.0\n",
            "risk.maxMarginRatio=0.8\n", "risk.minLiquidationDistance=2.5\n", "risk.maxFundingRate=5.0E-4,0.001\n",
            "paper.liquidationFeeRate=0.005\n");
        final EngineSettings decoded = EngineSettings.decode(text);
        assertThat(decoded.risk().perpetual).isEqualTo(limits);
        assertThat(decoded.paperVenue()).isEqualTo(settings.paperVenue());
        assertThat(decoded.paperVenue().liquidationFeeRate()).isEqualTo(0.005);
    }

    @Test
    void aLimitOutOfRangeIsRefusedNamingIt()
    {
        assertThatThrownBy(() -> new PerpetualLimits(new double[1], 0, 1.5, 0, new double[1]))
            .hasMessage("risk.maxMarginRatio must be in [0, 1] (maintenance margin over margin balance; 0 = none)");
        assertThatThrownBy(() -> new PerpetualLimits(new double[]{-1}, 0, 0, 0, new double[1]))
            .hasMessage("risk.maxLeverage of product 0 must be >= 0 (0 = the venue's maximum)");
        assertThatThrownBy(() -> spot().risk().withPerpetual(PerpetualLimits.none(3)))
            .hasMessage("risk limits: one value per product is needed for every per-product limit");
        assertThatThrownBy(() -> PaperVenueSettings.DEFAULT.withLiquidationFeeRate(1))
            .hasMessageStartingWith("liquidation fee rate must be >= 0 and under 1");
    }
}
