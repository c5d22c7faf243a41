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
import dev.peregrine.gateway.binanceusdm.sim.UsdmSimulatedExchange;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.ReplayResult;
import dev.peregrine.ops.engine.LiveEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A live engine on the emulated Binance USD-M futures (its market data from the same simulated market, funding every
 * second) whose position the venue liquidates: the test moves the emulator's mark through a short position's
 * liquidation price, the venue closes it with its {@code autoclose-} order, the engine learns it as a journaled
 * LIQUIDATION of its own position and closes its books. Afterwards the engine's position equals the venue's, replay
 * equals live, and the funding the engine booked equals the venue's funding income exactly (each funding time is told
 * twice, by the market feed and by the venue's income, and settled once).
 */
class BinanceUsdmLiveLiquidationTest
{
    private static final String API_KEY = "peregrine-usdm-liquidation-test";
    private static final String SECRET = "Pq7wE3rT9yU1iO5pA2sD8fG4hJ0kL6zX3cV7bN1mQ5wE9rT2yU6iO0pA4sD8fG2";
    private static final String SYMBOL = "BTCUSDT";

    @TempDir
    Path temp;

    @Test
    void theVenuesLiquidationClosesTheEnginesPositionAndFundingIsBookedOnce() throws Exception
    {
        final BinanceUsdmEmulator emulator = new BinanceUsdmEmulator(BinanceEmulatorKey.hmac(API_KEY, SECRET),
            System::currentTimeMillis);
        final List<String> products = List.of(SYMBOL);
        try (UsdmSimulatedExchange exchange = UsdmSimulatedExchange.generated(products, 23, UsdmProducts.CATALOG,
            java.time.Duration.ofSeconds(1), 0).withTradingApi(emulator, emulator).start())
        {
            final EngineSettings settings = EngineSettings.defaults(UsdmProducts.CATALOG, products, 1000)
                .withLiveVenue(true).withMinHold(0)
                .withStrategies(List.of(StrategySpec.parse("ma-crossover:fast=2,slow=4,min-hold=2s", "fast"))); // holds each side for 2 s or more: funding times find a position
            final LiveEngine engine = new LiveEngine(UsdmProducts.CATALOG, settings, new UsdmFeed(exchange.streamBase(), exchange.restBase(),
                products), temp.resolve("journal"), 4096, new BlockingWaitStrategy(), 1000,
                VenueRegistry.standard().venue("binance-usdm").liveVenue(exchange.restBase(), exchange.streamBase(),
                    API_KEY, SECRET, "test"));
            engine.start();
            state = () -> "engine orders " + engine.core().execution().lastOrderId() + ", state " +
                engine.core().execution().tradingState().state() + ", events " + engine.core().eventsProcessed() +
                ", marks " + engine.core().perpetuals().marks().updates(0) + ", rejects " + rejects(engine) + ", order requests " + emulator.requests("/fapi/v1/order") + ", auth failures " +
                emulator.authFailures() + " " + emulator.lastAuthFailure() + ", venue orders " + emulator.orderCount() + ", position " + emulator.positionAmount(SYMBOL) +
                ", wallet " + emulator.walletBalance() + ", margin ratio " + emulator.marginRatio() + ", liquidations " +
                emulator.liquidations() + ", engine contracts " + engine.core().perpetuals().published().contracts[0].get() +
                ", engine funding " + engine.core().perpetuals().published().totalFundingPaid.get() + ", venue funding " +
                emulator.incomeTotal("FUNDING_FEE") + ", venue marks/funding times " + emulator.markProgress() +
                ", funding corrections/ignored " + engine.core().perpetuals().published().fundingCorrections.get() + "/" +
                engine.core().perpetuals().published().fundingIgnored.get();
            try
            {
                // the crossover strategy goes long and short; once the venue booked funding on a position, a funding time
                // was told twice (feed and venue) and the venue holds a short, the mark goes through its liquidation price: the loss at mark = entry + 2 x wallet / |position| is twice the wallet
                await("the venue liquidates a short position", 60_000, () ->
                {
                    final BigDecimal position = new BigDecimal(emulator.positionAmount(SYMBOL));
                    final BigDecimal last = exchange.market().lastPrice(SYMBOL);
                    final var published = engine.core().perpetuals().published();
                    final boolean fundingPaid = emulator.incomeTotal("FUNDING_FEE").signum() != 0 &&
                        published.fundingCorrections.get() + published.fundingIgnored.get() > 0; // a time told twice
                    if (fundingPaid && position.signum() < 0 && last != null)
                    {
                        emulator.markTo(SYMBOL, last.add(emulator.walletBalance().max(BigDecimal.ONE).multiply(BigDecimal.valueOf(2))
                            .divide(position.abs(), 2, RoundingMode.UP)));
                    }
                    return emulator.liquidations() > 0;
                });
                engine.publishCommand(CommandCode.PAUSE); // no new orders: what the venue holds stays put
                await("the engine's position follows the venue's", 20_000, () ->
                    engine.core().perpetuals().published().contracts[0].get() ==
                        new BigDecimal(emulator.positionAmount(SYMBOL)).doubleValue());
                await("the engine's funding adds up to the venue's funding income", 20_000, () ->
                    Math.abs(engine.core().perpetuals().published().totalFundingPaid.get() +
                        emulator.incomeTotal("FUNDING_FEE").doubleValue()) < 1e-8);
            }
            finally
            {
                engine.stop();
            }

            assertThat(engine.core().execution().venueLiquidations()).as("liquidations the engine learned").isPositive();
            assertThat(FixedPoint.toString(engine.core().positions().quantity(0)))
                .isEqualTo(new BigDecimal(emulator.positionAmount(SYMBOL)).stripTrailingZeros().toPlainString());
            // exactly, to the venue's 8 decimals
            assertThat(BigDecimal.valueOf(engine.core().perpetuals().funding().totalPaid()).setScale(8, RoundingMode.HALF_EVEN))
                .isEqualByComparingTo(emulator.incomeTotal("FUNDING_FEE").negate().setScale(8, RoundingMode.HALF_EVEN));
            assertThat(engine.core().perpetuals().funding().latest().corrections() +
                engine.core().perpetuals().funding().latest().ignored())
                .as("funding times told twice were settled once: settlements %d, funding %s, venue %s",
                    engine.core().perpetuals().funding().settlements(0), engine.core().perpetuals().funding().totalPaid(),
                    emulator.incomeTotal("FUNDING_FEE")).isPositive();

            final ReplayResult replay = Replay.run(UsdmProducts.CATALOG, temp.resolve("journal"));
            assertThat(replay.outputDigestHex()).isEqualTo(engine.results().outputDigestHex());
            assertThat(replay.stateHashHex()).isEqualTo(engine.results().stateHashHex());
        }
    }

    private static String rejects(final LiveEngine engine)
    {
        final StringBuilder b = new StringBuilder();
        final var counters = engine.coreMetrics().rejects;
        for (int i = 0; i < counters.length; i++)
        {
            if (counters[i].get() > 0)
            {
                b.append(dev.peregrine.core.risk.RejectReason.values()[i]).append('=').append(counters[i].get()).append(' ');
            }
        }
        return b.toString();
    }

    private java.util.function.Supplier<String> state = () -> "";

    private void await(final String what, final long millis, final BooleanSupplier condition) throws InterruptedException
    {
        final long deadline = System.nanoTime() + millis * 1_000_000L;
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime() < deadline).as("timed out waiting for %s (%s)", what, state.get()).isTrue();
            Thread.sleep(20);
        }
    }
}
