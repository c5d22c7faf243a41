package dev.peregrine.gateway.binanceusdm.orders;

import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.binance.emulator.BinanceEmulatorKey;
import dev.peregrine.gateway.binance.orders.BinanceCredentials;
import dev.peregrine.gateway.binanceusdm.UsdmProducts;
import dev.peregrine.gateway.binanceusdm.emulator.BinanceUsdmEmulator;
import dev.peregrine.gateway.binanceusdm.sim.UsdmSimulatedExchange;
import dev.peregrine.gateway.testing.RecordingRing;
import dev.peregrine.gateway.venue.PerpetualAccountTerms;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The configured leverage and margin type reach Binance USD-M over real HTTP on loopback: a live venue built with
 * the defaults (1x cross) and told the configuration's terms ({@link UsdmLiveVenue#engineView}) sets BTCUSDT to 5x
 * ISOLATED and ETHUSDT to 2x CROSSED at start ({@code POST /fapi/v1/leverage}, {@code /fapi/v1/marginType}).
 */
class UsdmConfiguredTermsTest
{
    private static final String API_KEY = "Qm3Rt7Yz1Xc5Vb9Nk2Lp6Hf0Dj4Sg8Aw3Ee7Ti1Uo5Pl9Mn2Bv6Cx0Zq4Wr8Ky2";
    private static final String SECRET = "Hs2Jd6Kf0Lg4Za8Xc1Vb5Nm9Qw3Er7Ty1Ui5Op9As3Df7Gh1Jk5Lz9Xc3Vb7Nm1";

    @Test
    void eachSymbolGetsItsLeverageAndMarginType()
    {
        final BinanceUsdmEmulator emulator = new BinanceUsdmEmulator(BinanceEmulatorKey.hmac(API_KEY, SECRET),
            System::currentTimeMillis);
        final List<String> symbols = List.of("BTCUSDT", "ETHUSDT");
        final InstrumentRegistry instruments = UsdmProducts.CATALOG.registryFor(symbols);
        try (UsdmSimulatedExchange exchange = UsdmSimulatedExchange.generated(symbols, 11, UsdmProducts.CATALOG,
            Duration.ofMinutes(1), 0).withTradingApi(emulator, emulator).start();
            UsdmLiveVenue venue = new UsdmLiveVenue(exchange.restBase(), exchange.streamBase(),
                BinanceCredentials.of(API_KEY, SECRET, "test"), UsdmAccountSettings.defaults()))
        {
            assertThat(emulator.marginTypeOf("BTCUSDT")).isEqualTo("CROSSED");
            venue.engineView(new PerpetualAccountTerms(new long[] {5 * FixedPoint.SCALE, 2 * FixedPoint.SCALE},
                new boolean[] {true, false}), id -> 0);
            venue.start(new RecordingRing(1024).ring(), instruments, "prg-terms-", List.of());

            assertThat(emulator.leverageOf("BTCUSDT")).isEqualTo(5);
            assertThat(emulator.marginTypeOf("BTCUSDT")).isEqualTo("ISOLATED");
            assertThat(emulator.leverageOf("ETHUSDT")).isEqualTo(2);
            assertThat(emulator.marginTypeOf("ETHUSDT")).isEqualTo("CROSSED");
        }
    }
}
