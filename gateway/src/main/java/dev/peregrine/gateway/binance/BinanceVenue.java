package dev.peregrine.gateway.binance;

import dev.peregrine.gateway.binance.orders.BinanceCredentials;
import dev.peregrine.gateway.orders.KeyFileWatch;
import dev.peregrine.gateway.orders.KeyFiles;
import dev.peregrine.gateway.binance.sim.BinanceSimulator;
import dev.peregrine.gateway.capture.CaptureFormat;
import dev.peregrine.gateway.venue.BaseTierFees;
import dev.peregrine.gateway.venue.CatalogLoader;
import dev.peregrine.gateway.venue.CatalogSource;
import dev.peregrine.gateway.venue.DemoExchange;
import dev.peregrine.gateway.venue.KeyVerification;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.MarketDataFeed;
import dev.peregrine.gateway.venue.SimulatorSettings;
import dev.peregrine.gateway.venue.Venue;
import dev.peregrine.gateway.venue.VenueSimulator;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Binance spot: market data (combined streams plus the REST depth snapshot), live orders over the signed REST API
 * with the user data stream for answers ({@link BinanceLiveVenue}), and a simulator that generates a market or
 * replays an hftbacktest capture.
 */
public final class BinanceVenue implements Venue
{
    @Override
    public String name()
    {
        return "binance";
    }

    @Override
    public URI defaultMarketDataUrl()
    {
        return URI.create("wss://stream.binance.com:9443");
    }

    @Override
    public URI defaultRestUrl()
    {
        return URI.create("https://api.binance.com");
    }

    @Override
    public CatalogLoader catalog()
    {
        return new BinanceProducts();
    }

    @Override
    public CatalogSource catalogSource()
    {
        return new BinanceCatalogSource();
    }

    /** Binance spot's regular tier: 0.1% maker and taker (without the BNB discount). */
    @Override
    public BaseTierFees baseTierFees(final List<String> products)
    {
        return new BaseTierFees(10, 10);
    }

    @Override
    public List<String> defaultProducts()
    {
        return List.of("BTCUSDT", "ETHUSDT");
    }

    @Override
    public MarketDataFeed marketData(final URI marketDataUrl, final URI restUrl, final List<String> products)
    {
        return new BinanceFeed(marketDataUrl, restUrl, products);
    }

    @Override
    public boolean tradesLive()
    {
        return true;
    }

    /**
     * @param userChannel   the WebSocket API the user data stream is subscribed on (a host only: its {@code /ws-api/v3}).
     * @param keyName       the API key.
     * @param privateKeyPem the HMAC secret key, or the Ed25519 private key in PEM.
     */
    @Override
    public LiveVenue liveVenue(final URI restUrl, final URI userChannel, final String keyName, final String privateKeyPem,
        final String keySource)
    {
        return new BinanceLiveVenue(restUrl, userChannel, BinanceCredentials.of(keyName, privateKeyPem, keySource));
    }

    /** With key files: they are re-read when rotated (at most once a second, off the order path). */
    @Override
    public LiveVenue liveVenue(final URI restUrl, final URI userChannel, final String keyName, final String privateKeyPem,
        final String keySource, final KeyFiles keyFiles)
    {
        final BinanceCredentials initial = BinanceCredentials.of(keyName, privateKeyPem, keySource);
        if (!keyFiles.any())
        {
            return new BinanceLiveVenue(restUrl, userChannel, initial);
        }
        final KeyFileWatch<BinanceCredentials> watch = new KeyFileWatch<>(keyFiles, keyName, privateKeyPem, initial,
            BinanceCredentials::of, System.err::println, KeyFileWatch.PERIOD);
        return new BinanceLiveVenue(restUrl, userChannel, watch, watch);
    }

    @Override
    public void checkCredentials(final String keyName, final String privateKeyPem, final String keySource)
    {
        BinanceCredentials.of(keyName, privateKeyPem, keySource);
    }

    @Override
    public KeyVerification verifyKeys(final Path keyFile, final Map<String, String> environment, final URI restUrl,
        final Duration timeout, final Consumer<String> passed)
    {
        return BinanceKeyVerification.verify(keyFile, environment, restUrl, timeout, passed);
    }

    /** The generated Binance market sets its own pace: {@code tradesPerSecond} is not used. */
    @Override
    public DemoExchange generated(final List<String> products, final long seed, final int tradesPerSecond)
    {
        return BinanceDemoExchange.generated(products, seed);
    }

    @Override
    public CaptureFormat captureFormat()
    {
        return CaptureFormat.BINANCE_HFTBACKTEST;
    }

    @Override
    public List<String> captureProducts(final Path capture)
    {
        return BinanceCaptureSymbols.of(capture);
    }

    /** The simulated Binance with the emulated spot trading API on one port, and a throwaway key. */
    @Override
    public VenueSimulator simulator(final SimulatorSettings settings)
    {
        return BinanceSimulator.build(settings);
    }

    @Override
    public DemoExchange replaying(final Path capture, final double speed)
    {
        return BinanceDemoExchange.replaying(capture, speed);
    }
}
