package dev.peregrine.gateway.venue;

import dev.peregrine.gateway.capture.CaptureFormat;
import dev.peregrine.gateway.capture.CaptureFormatException;

import java.nio.file.Path;
import java.util.List;

/**
 * A recorded capture the demo replays, with its format told from its content. This is the one place
 * that maps a format to the simulator serving it, through {@link VenueRegistry#forCapture}: Coinbase
 * Advanced Trade JSON lines or Binance hftbacktest lines.
 *
 * @param speed 1 (recorded pace), 10, or {@link Double#POSITIVE_INFINITY} ("max").
 */
public record ReplayCapture(Path file, CaptureFormat format, List<String> products, double speed)
{
    /** The speeds the command line offers, as typed. */
    public static final List<String> SPEEDS = List.of("1", "10", "max");

    /**
     * Checks the file before anything starts.
     *
     * @throws VenueUsageException with one line naming the file if it is missing, not a capture, or of a
     *                        format the demo cannot replay yet.
     */
    public static ReplayCapture inspect(final Path file, final String speed)
    {
        final double factor = parseSpeed(speed);
        try
        {
            final CaptureFormat format = CaptureFormat.detect(file);
            final Venue venue = VenueRegistry.standard().forCapture(format);
            if (venue == null)
            {
                throw new VenueUsageException("--replay " + file + " is a " + format.description() +
                    " capture, which the demo cannot replay");
            }
            final List<String> products = venue.captureProducts(file);
            if (products.isEmpty())
            {
                throw new VenueUsageException("--replay " + file + ": the capture names no " +
                    (format == CaptureFormat.BINANCE_HFTBACKTEST ? "symbol" : "product") + "; give --products");
            }
            return new ReplayCapture(file, format, products, factor);
        }
        catch (final CaptureFormatException ex)
        {
            throw new VenueUsageException("--replay: " + ex.getMessage());
        }
    }

    /** @throws VenueUsageException unless {@code speed} is one of {@link #SPEEDS}. */
    public static double parseSpeed(final String speed)
    {
        switch (speed)
        {
            case "1": return 1;
            case "10": return 10;
            case "max": return Double.POSITIVE_INFINITY;
            default: throw new VenueUsageException("--speed must be 1, 10 or max, was '" + speed + "'");
        }
    }

    /** How the speed was given on the command line. */
    public String speedLabel()
    {
        return Double.isInfinite(speed) ? "max" : Long.toString((long)speed);
    }

    /** The name of the venue whose simulator serves this capture. */
    public String venue()
    {
        return VenueRegistry.standard().forCapture(format).name();
    }

    /** A simulated exchange serving this capture; not started. */
    public DemoExchange serve()
    {
        return VenueRegistry.standard().forCapture(format).replaying(file, speed);
    }
}
