package dev.peregrine.gateway.venue;

import dev.peregrine.gateway.binance.BinanceFeed;
import dev.peregrine.gateway.binance.BinanceVenue;
import dev.peregrine.gateway.capture.CaptureFormat;
import dev.peregrine.gateway.coinbase.CoinbaseFeed;
import dev.peregrine.gateway.coinbase.CoinbaseVenue;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class VenueRegistryTest
{
    private static final URI WS = URI.create("ws://127.0.0.1:1/");
    private static final URI REST = URI.create("http://127.0.0.1:1");

    @Test
    void registersCoinbaseAndBinanceByNameAndCaptureFormat()
    {
        final VenueRegistry registry = VenueRegistry.standard();

        assertThat(registry.names()).containsExactly("coinbase", "binance", "binance-usdm");
        assertThat(registry.venue("coinbase")).isInstanceOf(CoinbaseVenue.class);
        assertThat(registry.venue("binance")).isInstanceOf(BinanceVenue.class);
        assertThat(registry.find("kraken")).isNull();
        assertThat(registry.forCapture(CaptureFormat.COINBASE_ADVANCED_TRADE).name()).isEqualTo("coinbase");
        assertThat(registry.forCapture(CaptureFormat.BINANCE_HFTBACKTEST).name()).isEqualTo("binance");
    }

    @Test
    void anUnknownNameIsRefusedNamingTheKnownOnes()
    {
        assertThatThrownBy(() -> VenueRegistry.standard().venue("kraken"))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage("unknown venue 'kraken': known are coinbase, binance, binance-usdm");
    }

    @Test
    void twoVenuesOfOneNameOrOneCaptureFormatAreRefused()
    {
        assertThatThrownBy(() -> new VenueRegistry(List.of(new CoinbaseVenue(), new CoinbaseVenue())))
            .hasMessageContaining("two venues are named coinbase");
        final Venue coinbase = new CoinbaseVenue();
        final Venue anotherCoinbaseFormat = (Venue)Proxy.newProxyInstance(Venue.class.getClassLoader(),
            new Class<?>[] {Venue.class},
            (proxy, method, args) -> "name".equals(method.getName()) ? "coinbase-copy" : method.invoke(coinbase, args));
        assertThatThrownBy(() -> new VenueRegistry(List.of(new CoinbaseVenue(), anotherCoinbaseFormat)))
            .hasMessageContaining("a capture format belongs to one venue");
    }

    @Test
    void eachVenueBuildsItsOwnFeedAndBothTradeLive()
    {
        try (MarketDataFeed coinbase = VenueRegistry.standard().venue("coinbase").marketData(WS, REST, List.of("BTC-USD"));
             MarketDataFeed binance = VenueRegistry.standard().venue("binance").marketData(WS, REST, List.of("BTCUSDT")))
        {
            assertThat(coinbase).isInstanceOf(CoinbaseFeed.class);
            assertThat(coinbase.venue()).isEqualTo("coinbase");
            assertThat(binance).isInstanceOf(BinanceFeed.class);
            assertThat(binance.endpoint()).isEqualTo(WS + " (REST " + REST + ")");
        }
        assertThat(VenueRegistry.standard().venue("coinbase").defaultProducts()).containsExactly("BTC-USD", "ETH-USD");
        assertThat(VenueRegistry.standard().venue("binance").defaultProducts()).containsExactly("BTCUSDT", "ETHUSDT");
        assertThat(VenueRegistry.standard().venue("coinbase").tradesLive()).isTrue();
        assertThat(VenueRegistry.standard().venue("binance").tradesLive()).isTrue();
        assertThatThrownBy(() -> VenueRegistry.standard().venue("binance").liveVenue(REST, WS, "k", "pem", "test"))
            .isInstanceOf(dev.peregrine.gateway.orders.CredentialsException.class);
    }

    @Test
    void aFeedSummaryKeepsItsKeysInPrintOrder()
    {
        try (MarketDataFeed binance = VenueRegistry.standard().venue("binance").marketData(WS, REST, List.of("BTCUSDT")))
        {
            assertThat(binance.summary().keySet())
                .containsExactly("venue", "uri", "rest", "frames_received", "heartbeats", "sequence_gaps", "book_snapshots",
                    "frames_dropped");
            assertThat(binance.summary().get("heartbeats")).isEqualTo(0L);
        }
    }
}
