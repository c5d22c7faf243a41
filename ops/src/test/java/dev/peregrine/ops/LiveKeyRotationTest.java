package dev.peregrine.ops;

import com.lmax.disruptor.BlockingWaitStrategy;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.gateway.binance.emulator.BinanceEmulatorKey;
import dev.peregrine.gateway.binance.emulator.BinanceSpotEmulator;
import dev.peregrine.gateway.orders.KeyFiles;
import dev.peregrine.gateway.sim.binance.BinanceSimulatedExchange;
import dev.peregrine.gateway.venue.DemoExchange;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.Venue;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.ops.engine.LiveEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The live engine trading on Binance (the emulator over loopback) while its key is rotated in the key files it was
 * configured with, as a secret store rotates them: the venue is given both keys for a while, the files get the new
 * one, and once the engine's orders arrive signed with the new key the old one is deleted at the venue. The engine
 * keeps trading through all of it without a restart and without one refused request.
 */
class LiveKeyRotationTest
{
    private static final String OLD_KEY = "peregrine-key-1";
    private static final String OLD_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String NEW_KEY = "peregrine-key-2";
    private static final String NEW_SECRET = "Q7tXcM2wVrLk9pHsD4fGjN8bZyE6aU3oTiR1eW5qKmPxCvBnL0sJdFgHhYuIoA2z";
    private static final long WAIT_MILLIS = 30_000;

    @TempDir
    Path temp;

    @Test
    void theEngineSignsWithTheRotatedKeyWithoutARestart() throws Exception
    {
        final Path keyFile = Files.writeString(temp.resolve("binance_api_key"), OLD_KEY + "\n");
        final Path secretFile = Files.writeString(temp.resolve("binance_api_secret"), OLD_SECRET + "\n");
        final BinanceSpotEmulator emulator = new BinanceSpotEmulator(BinanceEmulatorKey.hmac(OLD_KEY, OLD_SECRET),
            System::currentTimeMillis);
        emulator.deposit("BTC", "100");
        emulator.deposit("USDT", "10000000");
        final List<String> products = List.of("BTCUSDT");
        final Venue venue = VenueRegistry.standard().venue("binance");
        try (BinanceSimulatedExchange binance = BinanceSimulatedExchange.generated(products, 5).withTradingApi(emulator).start();
             DemoExchange market = venue.generated(products, 11, 200))
        {
            market.start();
            final EngineSettings settings = EngineSettings.defaults(VenueRegistry.standard().catalog("binance"), products, 1000)
                .withLiveVenue(true).withMinHold(0);
            // As the daemon builds it from secrets.binance_api_key_file and binance_api_secret_file.
            final LiveVenue live = venue.liveVenue(binance.restBase(), binance.streamBase(), OLD_KEY, OLD_SECRET,
                "configuration", new KeyFiles(keyFile, secretFile));
            final LiveEngine engine = new LiveEngine(settings, market.feed(products), temp.resolve("journal"), 4096,
                new BlockingWaitStrategy(), 1000, live);
            engine.start();
            try
            {
                await("orders signed with the first key", () -> emulator.signedWith(OLD_KEY) >= 3);

                emulator.addKey(BinanceEmulatorKey.hmac(NEW_KEY, NEW_SECRET));
                Files.writeString(keyFile, NEW_KEY + "\n");
                Files.writeString(secretFile, NEW_SECRET + "\n");
                await("a request signed with the rotated key", () -> emulator.signedWith(NEW_KEY) > 0);
                Thread.sleep(300); // requests signed just before the switch reach the venue
                final int oldKeyRequests = emulator.signedWith(OLD_KEY);
                emulator.replaceKey(BinanceEmulatorKey.hmac(NEW_KEY, NEW_SECRET)); // the old key is deleted
                final int orders = emulator.orderCount();
                await("more orders after the old key is gone", () -> emulator.orderCount() >= orders + 3);

                assertThat(emulator.authFailures()).as(String.valueOf(emulator.lastAuthFailure())).isZero();
                assertThat(emulator.signedWith(OLD_KEY)).isEqualTo(oldKeyRequests);
                assertThat(emulator.signedWith(NEW_KEY)).isGreaterThanOrEqualTo(3);
                assertThat(engine.liveVenue().metrics()).isNotNull();
            }
            finally
            {
                engine.stop(); // closes the venue and its key watch
            }
        }
    }

    private static void await(final String what, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + WAIT_MILLIS * 1_000_000;
        while (!condition.getAsBoolean())
        {
            if (System.nanoTime() > deadline)
            {
                throw new AssertionError("waited " + WAIT_MILLIS / 1000 + " s for " + what);
            }
            Thread.sleep(20);
        }
    }
}
