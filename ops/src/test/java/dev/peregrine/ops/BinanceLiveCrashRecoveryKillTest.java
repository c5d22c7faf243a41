package dev.peregrine.ops;

import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.gateway.binance.emulator.BinanceEmulatorKey;
import dev.peregrine.gateway.binance.emulator.BinanceSpotEmulator;
import dev.peregrine.gateway.sim.binance.BinanceSimulatedExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Coinbase's SIGKILL test ({@link LiveCrashRecoveryKillTest}) against the emulated Binance: a live engine in its own
 * JVM sends market orders over real sockets to the simulated Binance with its spot trading API, in this JVM, and is
 * killed with SIGKILL at seeded random moments; each restart recovers the journal and asks the venue by
 * {@code origClientOrderId} what became of its open orders. After a clean run: replay equals live, no client order
 * id reached the venue twice, and the engine's position in each symbol equals what the venue filled.
 *
 * <p>The clean run lasts longer than Coinbase's: an order recovered open that the venue does not have is only
 * rejected once no request sent before the restart can still arrive (Binance's recvWindow after it).
 */
class BinanceLiveCrashRecoveryKillTest
{
    private static final String API_KEY = "peregrine-kill-test";
    private static final String SECRET = "kT9vQ2mX7pL4sN8wR3yB6cF1hJ5dG0zAeU2iO9tY4rW7qE1uI3oP6aS8dF5gH2jK";
    private static final int KILLS = 5;
    private static final long SEED = 2207L;

    @TempDir
    Path temp;

    @Test
    void killedRepeatedlyTheEngineLosesNoOrderSendsNoneTwiceAndAgreesWithBinance() throws Exception
    {
        final BinanceSpotEmulator emulator = new BinanceSpotEmulator(BinanceEmulatorKey.hmac(API_KEY, SECRET),
            System::currentTimeMillis);
        emulator.deposit("BTC", "100");
        emulator.deposit("ETH", "1000");
        emulator.deposit("USDT", "10000000");
        final List<String> symbols = List.of("BTCUSDT", "ETHUSDT");
        try (BinanceSimulatedExchange binance = BinanceSimulatedExchange.generated(symbols, 5).withTradingApi(emulator)
            .start())
        {
            final LiveCrashKills kills = new LiveCrashKills("binance", binance.restBase(), binance.streamBase(), API_KEY,
                Files.writeString(temp.resolve("secret"), SECRET), temp.resolve("journal"), temp);

            kills.killRepeatedly(KILLS, SEED, () -> emulator.orderCount() > 0);
            assertThat(emulator.orderCount()).as("orders the venue received across the kills").isPositive();
            final String output = kills.cleanRun(10_000);

            kills.replayEqualsLive(output);
            for (final String clientOrderId : kills.clientOrderIds(output))
            {
                assertThat(emulator.createsFor(clientOrderId)).as("creates of %s", clientOrderId).isLessThanOrEqualTo(1);
            }
            final List<String> engineOrders = new ArrayList<>();
            final TradingCore core = kills.replayed(engineOrders);
            for (final String symbol : symbols)
            {
                assertThat(new BigDecimal(LiveCrashKills.position(core, symbol)))
                    .as("the engine's %s position against Binance's fills\nengine (outputs of the replayed journal):\n%s",
                        symbol, String.join("\n", engineOrders))
                    .isEqualByComparingTo(new BigDecimal(emulator.netFilled(symbol)));
            }
        }
    }
}
