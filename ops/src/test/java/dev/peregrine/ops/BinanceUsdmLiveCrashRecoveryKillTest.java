package dev.peregrine.ops;

import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.gateway.binance.emulator.BinanceEmulatorKey;
import dev.peregrine.gateway.binanceusdm.UsdmProducts;
import dev.peregrine.gateway.binanceusdm.emulator.BinanceUsdmEmulator;
import dev.peregrine.gateway.binanceusdm.sim.UsdmSimulatedExchange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The SIGKILL test ({@link LiveCrashKills}) against the emulated Binance USD-M futures: a live engine in its own JVM
 * sends market orders to the simulated USD-M market with the futures trading API (leverage and margin type set at each
 * start, fills on the listen key's user data stream), in this JVM, and is killed with SIGKILL at seeded random
 * moments; each restart recovers the journal, cancels this journal's orphans and asks the venue by
 * {@code origClientOrderId} (then {@code userTrades}) what became of its open orders. After a clean run: replay equals
 * live, no client order id reached the venue twice, and the engine's position in each contract equals the venue's
 * ({@code positionRisk}).
 */
class BinanceUsdmLiveCrashRecoveryKillTest
{
    private static final String API_KEY = "peregrine-usdm-kill-test";
    private static final String SECRET = "Zx8cV2bN6mQ1wE5rT9yU3iO7pA4sD0fG2hJ6kL1zX5cV9bN3mQ7wE1rT5yU9iO3p";
    private static final int KILLS = 2;
    private static final long SEED = 1607L;

    @TempDir
    Path temp;

    @Test
    void killedRepeatedlyTheEngineLosesNoOrderSendsNoneTwiceAndAgreesWithTheVenuesPositions() throws Exception
    {
        final BinanceUsdmEmulator emulator = new BinanceUsdmEmulator(BinanceEmulatorKey.hmac(API_KEY, SECRET),
            System::currentTimeMillis);
        final List<String> symbols = List.of("BTCUSDT", "ETHUSDT");
        try (UsdmSimulatedExchange venue = UsdmSimulatedExchange.generated(symbols, 5, UsdmProducts.CATALOG,
            Duration.ofSeconds(5), 0).withTradingApi(emulator, emulator).start())
        {
            final LiveCrashKills kills = new LiveCrashKills("binance-usdm", venue.restBase(), venue.streamBase(), API_KEY,
                Files.writeString(temp.resolve("secret"), SECRET), temp.resolve("journal"), temp);

            kills.killRepeatedly(KILLS, SEED, () -> emulator.orderCount() > 0);
            assertThat(emulator.orderCount()).as("orders the venue received across the kills").isPositive();
            final String output = kills.cleanRun(8_000);

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
                    .as("the engine's %s position against the venue's\nengine (outputs of the replayed journal):\n%s",
                        symbol, String.join("\n", engineOrders))
                    .isEqualByComparingTo(new BigDecimal(emulator.positionAmount(symbol)));
            }
        }
    }
}
