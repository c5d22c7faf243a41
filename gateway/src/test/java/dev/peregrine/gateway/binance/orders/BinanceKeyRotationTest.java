package dev.peregrine.gateway.binance.orders;

import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.gateway.binance.emulator.BinanceEmulatorKey;
import dev.peregrine.gateway.binance.emulator.BinanceSpotEmulator;
import dev.peregrine.gateway.orders.KeyFileWatch;
import dev.peregrine.gateway.orders.KeyFiles;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.sim.binance.BinanceSimulatedExchange;
import dev.peregrine.gateway.testing.Await;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A Binance key rotated in its files while orders flow: the order path (REST client and user data stream, against
 * the emulated Binance over loopback) signs with the new key once the files settle, without a restart; the emulator
 * is told the new key and from then on refuses the old one, so an accepted order proves which key signed it. A broken
 * file afterwards keeps the key in use and logs one line.
 */
class BinanceKeyRotationTest
{
    private static final Duration WAIT = Duration.ofSeconds(15);
    private static final String OLD_KEY = "peregrine-old-key";
    private static final String OLD_SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final String NEW_KEY = "peregrine-new-key";
    private static final String NEW_SECRET = "Q7tXcM2wVrLk9pHsD4fGjN8bZyE6aU3oTiR1eW5qKmPxCvBnL0sJdFgHhYuIoA2z";
    private static final int BTC = 1;

    @TempDir
    Path dir;

    private final RecordingVenueListener recorder = new RecordingVenueListener();
    private final List<String> log = new CopyOnWriteArrayList<>();
    private BinanceSimulatedExchange exchange;
    private BinanceOrderAdapter adapter;
    private BinanceUserStreamClient stream;
    private KeyFileWatch<BinanceCredentials> watch;

    @AfterEach
    void stop()
    {
        if (stream != null)
        {
            stream.close();
        }
        if (adapter != null)
        {
            adapter.close();
        }
        if (exchange != null)
        {
            exchange.close();
        }
        if (watch != null)
        {
            watch.close();
        }
    }

    @Test
    void aRotatedKeySignsTheNextOrderAndABrokenFileKeepsIt() throws Exception
    {
        final Path keyFile = dir.resolve("binance_api_key");
        final Path secretFile = dir.resolve("binance_api_secret");
        Files.writeString(keyFile, OLD_KEY + "\n");
        Files.writeString(secretFile, OLD_SECRET + "\n");
        final BinanceSpotEmulator emulator = new BinanceSpotEmulator(BinanceEmulatorKey.hmac(OLD_KEY, OLD_SECRET),
            System::currentTimeMillis);
        exchange = BinanceSimulatedExchange.generated(List.of("BTCUSDT"), 7).withTradingApi(emulator).start();
        Await.until("a market to trade against", WAIT, () -> exchange.market().bestBid("BTCUSDT") != null);
        // As the live venue builds it from the configuration's key files.
        watch = new KeyFileWatch<>(new KeyFiles(keyFile, secretFile), OLD_KEY, OLD_SECRET,
            BinanceCredentials.of(OLD_KEY, OLD_SECRET, "test"), BinanceCredentials::of, log::add, KeyFileWatch.PERIOD);
        final BinanceOrderClient client = new BinanceOrderClient(exchange.restBase(), BinanceRestPaths.SPOT, watch,
            Duration.ofMillis(800), Duration.ofSeconds(2), System::currentTimeMillis);
        adapter = new BinanceOrderAdapter(client, recorder, id -> id == BTC ? "BTCUSDT" : null,
            new BinanceOrderAdapter.Config(30, 30, 3, TimeUnit.SECONDS.toNanos(5), 64, false), new OrderAdapterMetrics(),
            System::nanoTime, System::currentTimeMillis);
        stream = new BinanceUserStreamClient(exchange.streamBase(), watch, System::currentTimeMillis,
            adapter::onExecutionReport, WAIT);
        stream.start();
        adapter.start();

        adapter.submit(marketBuy(1), "prg-r-1");
        Await.until("the first order's fill", WAIT, () -> recorder.has("fill 1"));

        // The user makes a new key at the venue and deletes the old one, then the secret store writes the files:
        // the key first, the secret a moment later, as a Vault Agent template or a hand edit might.
        emulator.replaceKey(BinanceEmulatorKey.hmac(NEW_KEY, NEW_SECRET));
        Files.writeString(keyFile, NEW_KEY + "\n");
        Files.writeString(secretFile, NEW_SECRET + "\n");
        Await.until("the new key taken", WAIT, () -> log.stream().anyMatch(l -> l.contains("changed: the new key signs")));
        assertThat(watch.get().apiKey()).isEqualTo(NEW_KEY);

        adapter.submit(marketBuy(2), "prg-r-2");
        Await.until("the second order's fill", WAIT, () -> recorder.has("fill 2"));
        assertThat(emulator.statusOf("BTCUSDT", "prg-r-2")).isEqualTo("FILLED");
        assertThat(emulator.authFailures()).as(String.valueOf(emulator.lastAuthFailure())).isZero();

        // A broken secret (cut short): the key in use stays, one line says so and names the file, never the secret.
        Files.writeString(secretFile, NEW_SECRET.substring(0, 10));
        Await.until("the broken file reported", WAIT, () -> log.stream().anyMatch(l -> l.contains("not usable")));
        Thread.sleep(3 * KeyFileWatch.PERIOD.toMillis()); // three more checks: still one line
        assertThat(log).filteredOn(l -> l.contains("not usable")).singleElement().satisfies(line ->
        {
            assertThat(line).startsWith("peregrine: key files " + keyFile + " and " + secretFile + " changed but are not usable (")
                .endsWith("; keeping the key in use").doesNotContain(NEW_SECRET.substring(0, 10));
        });
        adapter.submit(marketBuy(3), "prg-r-3");
        Await.until("the third order's fill", WAIT, () -> recorder.has("fill 3"));
        assertThat(emulator.authFailures()).isZero();
        assertThat(watch.get().apiKey()).isEqualTo(NEW_KEY);
    }

    private static OrderCommand marketBuy(final long id)
    {
        final OrderCommand command = new OrderCommand();
        command.set(OrderCommand.NEW, OrderType.MARKET.ordinal(), id, BTC, Side.BUY, FixedPoint.parse("0.01"), 0, 0);
        return command;
    }
}
