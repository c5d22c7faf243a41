package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.gateway.capture.CaptureFormat;
import dev.peregrine.gateway.venue.Venue;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.gateway.venue.VenueUsageException;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The real USD-M capture is recognised by its content and belongs to binance-usdm, which names its contracts. */
class UsdmCaptureFormatTest
{
    @Test
    void theCaptureIsRecognisedAndItsContractsNamedButNotReplayed()
    {
        final Path file = ExternalResources.sharedDataFile(UsdmCapture.FILE);

        final CaptureFormat format = CaptureFormat.detect(file);
        final Venue venue = VenueRegistry.standard().forCapture(format);

        assertThat(format).isEqualTo(CaptureFormat.BINANCE_USDM_CRYPTOFEED);
        assertThat(venue.name()).isEqualTo("binance-usdm");
        assertThat(venue.captureProducts(file)).containsExactly("SUSHIUSDT", "AKROUSDT", "KEEPUSDT", "CTKUSDT");
        assertThatThrownBy(() -> venue.replaying(file, 1)).isInstanceOf(VenueUsageException.class)
            .hasMessageStartingWith("--capture: ");
    }
}
