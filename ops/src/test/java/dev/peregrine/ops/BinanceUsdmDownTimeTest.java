package dev.peregrine.ops;

import com.lmax.disruptor.BlockingWaitStrategy;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.gateway.binance.emulator.BinanceEmulatorKey;
import dev.peregrine.gateway.binanceusdm.UsdmFeed;
import dev.peregrine.gateway.binanceusdm.UsdmProducts;
import dev.peregrine.gateway.binanceusdm.emulator.BinanceUsdmEmulator;
import dev.peregrine.gateway.binanceusdm.orders.UsdmLiveVenue;
import dev.peregrine.gateway.binanceusdm.sim.UsdmSimulatedExchange;
import dev.peregrine.gateway.testing.Await;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.ReplayResult;
import dev.peregrine.ops.engine.LiveEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a trader expects after a restart on Binance USD-M: the venue paid funding and then liquidated the position
 * while the engine was stopped; the restarted engine continues the same journal, reads both from the venue
 * ({@code income} and {@code forceOrders} since its last input) and its books equal the venue's: position flat,
 * funding equal to the venue's funding income to the cent, the liquidation counted. Replay of the whole journal
 * gives the live digest.
 */
class BinanceUsdmDownTimeTest
{
    private static final String API_KEY = "peregrine-usdm-downtime-test";
    private static final String SECRET = "Zx8cV2bN6mQ0wE4rT8yU2iO6pA0sD4fG8hJ2kL6zX0cV4bN8mQ2wE6rT0yU4iO8p";
    private static final String SYMBOL = "BTCUSDT";
    private static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path temp;

    @Test
    void fundingAndALiquidationWhileTheEngineWasDownAreBookedAtRestart() throws Exception
    {
        final BinanceUsdmEmulator emulator = new BinanceUsdmEmulator(BinanceEmulatorKey.hmac(API_KEY, SECRET),
            System::currentTimeMillis);
        final List<String> products = List.of(SYMBOL);
        // Funding every 8 h, as on the venue: no funding time falls inside the test but the one it settles itself.
        try (UsdmSimulatedExchange exchange = UsdmSimulatedExchange.generated(products, 31, UsdmProducts.CATALOG,
            UsdmSimulatedExchange.VENUE_FUNDING_INTERVAL, 0).withTradingApi(emulator, emulator).start())
        {
            final Path journal = temp.resolve("journal");
            final LiveEngine first = engine(exchange, journal);
            first.start();
            try
            {
                // A short: at this account's leverage (10,000 collateral, one 0.016 BTC order) only a short can be
                // liquidated at a positive mark. The crossover holds each side 2 s, so the pause lands while short.
                Await.until("the venue holds a short position the engine knows", WAIT, () ->
                    new BigDecimal(emulator.positionAmount(SYMBOL)).signum() < 0 &&
                        contracts(first) == new BigDecimal(emulator.positionAmount(SYMBOL)).doubleValue());
                first.publishCommand(CommandCode.PAUSE);
                Await.until("paused with the venue's position", WAIT, () ->
                    first.core().tradingState().state() == dev.peregrine.core.engine.TradingState.HALTED &&
                        contracts(first) == new BigDecimal(emulator.positionAmount(SYMBOL)).doubleValue());
            }
            finally
            {
                first.stop();
            }
            final BigDecimal held = new BigDecimal(emulator.positionAmount(SYMBOL));
            assertThat(held.signum()).as("still short when paused").isNegative();
            final BigDecimal fundingBefore = emulator.incomeTotal("FUNDING_FEE");

            // While the engine is down: a funding time (0.1 %), then the mark goes through the liquidation price.
            emulator.settleFunding(SYMBOL, "0.001");
            final BigDecimal last = exchange.market().lastPrice(SYMBOL);
            final BigDecimal through = emulator.walletBalance().multiply(BigDecimal.valueOf(2))
                .divide(held.abs(), 2, RoundingMode.UP);
            emulator.markTo(SYMBOL, last.add(through)); // the loss at this mark is twice the wallet
            assertThat(emulator.liquidations()).as("the venue liquidated while the engine was down").isEqualTo(1);
            assertThat(emulator.incomeTotal("FUNDING_FEE")).as("funding booked while down").isNotEqualByComparingTo(fundingBefore);

            final LiveEngine second = engine(exchange, journal);
            second.start();
            try
            {
                Await.until("the restarted engine's position follows the venue's", WAIT, () ->
                    contracts(second) == new BigDecimal(emulator.positionAmount(SYMBOL)).doubleValue(),
                    () -> "engine contracts " + contracts(second) + ", venue " + emulator.positionAmount(SYMBOL) +
                        ", liquidation fills read at restart " + ((UsdmLiveVenue)second.liveVenue()).missedCloses() +
                        ", liquidations learned " + second.core().execution().venueLiquidations() + ", recovered from " +
                        second.startup().recovery().describe() + ", state " + second.core().tradingState().state());
                Await.until("the restarted engine's funding equals the venue's funding income", WAIT, () ->
                    Math.abs(second.core().perpetuals().funding().totalPaid() + emulator.incomeTotal("FUNDING_FEE").doubleValue()) < 1e-8);
            }
            finally
            {
                second.stop();
            }

            assertThat(((UsdmLiveVenue)second.liveVenue()).missedCloses()).as("liquidation fills read at restart").isPositive();
            assertThat(second.core().execution().venueLiquidations()).as("liquidations the engine learned").isPositive();
            assertThat(second.core().positions().quantity(0)).as("flat, as the venue").isZero();
            assertThat(FixedPoint.toString(second.core().positions().quantity(0)))
                .isEqualTo(new BigDecimal(emulator.positionAmount(SYMBOL)).stripTrailingZeros().toPlainString());
            assertThat(BigDecimal.valueOf(second.core().perpetuals().funding().totalPaid()).setScale(8, RoundingMode.HALF_EVEN))
                .isEqualByComparingTo(emulator.incomeTotal("FUNDING_FEE").negate().setScale(8, RoundingMode.HALF_EVEN));

            final ReplayResult replay = Replay.run(UsdmProducts.CATALOG, journal);
            assertThat(replay.outputDigestHex()).isEqualTo(second.results().outputDigestHex());
            assertThat(replay.stateHashHex()).isEqualTo(second.results().stateHashHex());
        }
    }

    private static double contracts(final LiveEngine engine)
    {
        return engine.core().perpetuals().published().contracts[0].get();
    }

    private static LiveEngine engine(final UsdmSimulatedExchange exchange, final Path journal)
    {
        final List<String> products = List.of(SYMBOL);
        final EngineSettings settings = EngineSettings.defaults(UsdmProducts.CATALOG, products, 1000)
            .withLiveVenue(true).withMinHold(0)
            .withStrategies(List.of(StrategySpec.parse("ma-crossover:fast=2,slow=4,min-hold=2s", "fast")));
        return new LiveEngine(UsdmProducts.CATALOG, settings, new UsdmFeed(exchange.streamBase(), exchange.restBase(), products),
            journal, 4096, new BlockingWaitStrategy(), 1000, VenueRegistry.standard().venue("binance-usdm")
            .liveVenue(exchange.restBase(), exchange.streamBase(), API_KEY, SECRET, "test"));
    }
}
