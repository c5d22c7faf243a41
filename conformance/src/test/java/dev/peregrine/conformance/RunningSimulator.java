package dev.peregrine.conformance;

import dev.peregrine.gateway.venue.SimulatorSettings;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.gateway.venue.VenueSimulator;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * A venue's {@code peregrine sim} simulator in this JVM, as the command builds it (through the venue
 * registry): a generated market and the order emulator on ephemeral loopback ports, a throwaway API key in
 * {@code credentials}, and the fill prices kept at the market every 100 ms as the command's serve loop does.
 */
final class RunningSimulator implements AutoCloseable
{
    static final String KEY_NAME = "organizations/peregrine-sim/apiKeys/sim";

    private final VenueSimulator simulator;
    private final ScheduledExecutorService prices;

    private RunningSimulator(final VenueSimulator simulator)
    {
        this.simulator = simulator;
        this.prices = Executors.newSingleThreadScheduledExecutor(r -> {
            final Thread thread = new Thread(r, "conformance-sim-prices");
            thread.setDaemon(true);
            return thread;
        });
        prices.scheduleWithFixedDelay(simulator::syncFillPrices, 100, 100, TimeUnit.MILLISECONDS);
    }

    /**
     * Starts {@code venue}'s simulator serving {@code products}, its key of kind {@code keyAlgorithm} (as the venue's
     * {@code --key-algorithm} spells it) made in {@code credentials}.
     */
    static RunningSimulator start(final String venue, final List<String> products, final Path credentials,
        final String keyAlgorithm)
    {
        final SimulatorSettings settings = new SimulatorSettings(null, products, "127.0.0.1", 0, 42, 20, KEY_NAME, null,
            credentials, "127.0.0.1", keyAlgorithm);
        final VenueSimulator simulator = VenueRegistry.standard().venue(venue).simulator(settings);
        try
        {
            simulator.start(0);
        }
        catch (final RuntimeException ex)
        {
            simulator.close();
            throw ex;
        }
        return new RunningSimulator(simulator);
    }

    VenueSimulator simulator()
    {
        return simulator;
    }

    /** The generated key's name (Coinbase) or API key (Binance), as written to its file. */
    String keyName()
    {
        return read(simulator.key().keyNameFile()).strip();
    }

    /**
     * The generated key's private half as a user hands it to a client: the file's text without its final line
     * break (a client may tell the key's kind by its length, as ccxt does for a base64 Ed25519 key).
     */
    String privateKey()
    {
        return read(simulator.key().privateKeyFile()).strip();
    }

    @Override
    public void close()
    {
        prices.shutdownNow();
        simulator.close();
    }

    private static String read(final Path file)
    {
        try
        {
            return Files.readString(file);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the simulator's key file " + file, ex);
        }
    }
}
