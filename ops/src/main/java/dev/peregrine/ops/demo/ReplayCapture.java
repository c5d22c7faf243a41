package dev.peregrine.ops.demo;

import dev.peregrine.gateway.capture.CaptureFormat;
import dev.peregrine.gateway.capture.CaptureFormatException;
import dev.peregrine.gateway.capture.CoinbaseCaptureReader;
import dev.peregrine.ops.cli.UsageException;

import java.nio.file.Path;
import java.util.List;

/**
 * A recorded capture the demo replays, with its format told from its content. This is the one place
 * that maps a format to the simulator serving it: Coinbase Advanced Trade JSON lines or Binance
 * hftbacktest lines.
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
     * @throws UsageException with one line naming the file if it is missing, not a capture, or of a
     *                        format the demo cannot replay yet.
     */
    public static ReplayCapture inspect(final Path file, final String speed)
    {
        final double factor = parseSpeed(speed);
        try
        {
            final CaptureFormat format = CaptureFormat.detect(file);
            switch (format)
            {
                case COINBASE_ADVANCED_TRADE:
                    final List<String> products = CoinbaseCaptureReader.products(file);
                    if (products.isEmpty())
                    {
                        throw new UsageException("--replay " + file + ": the capture names no product; give --products");
                    }
                    return new ReplayCapture(file, format, products, factor);
                case BINANCE_HFTBACKTEST:
                    final List<String> symbols = BinanceCaptureSymbols.of(file);
                    if (symbols.isEmpty())
                    {
                        throw new UsageException("--replay " + file + ": the capture names no symbol; give --products");
                    }
                    return new ReplayCapture(file, format, symbols, factor);
                default:
                    throw new UsageException("--replay " + file + " is a " + format.description() +
                        " capture, which the demo cannot replay");
            }
        }
        catch (final CaptureFormatException ex)
        {
            throw new UsageException("--replay: " + ex.getMessage());
        }
    }

    /** @throws UsageException unless {@code speed} is one of {@link #SPEEDS}. */
    public static double parseSpeed(final String speed)
    {
        switch (speed)
        {
            case "1": return 1;
            case "10": return 10;
            case "max": return Double.POSITIVE_INFINITY;
            default: throw new UsageException("--speed must be 1, 10 or max, was '" + speed + "'");
        }
    }

    /** How the speed was given on the command line. */
    public String speedLabel()
    {
        return Double.isInfinite(speed) ? "max" : Long.toString((long)speed);
    }

    /** A simulated exchange serving this capture; not started. */
    public DemoExchange serve()
    {
        return format == CaptureFormat.BINANCE_HFTBACKTEST ?
            BinanceDemoExchange.replaying(file, speed) : CoinbaseDemoExchange.replaying(file, speed);
    }
}
