package dev.peregrine.gateway.coinbase;

import dev.peregrine.gateway.capture.CaptureFormat;
import dev.peregrine.gateway.capture.CoinbaseCaptureReader;
import dev.peregrine.gateway.coinbase.intx.IntxFeed;
import dev.peregrine.gateway.coinbase.intx.IntxProducts;
import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.orders.KeyFileWatch;
import dev.peregrine.gateway.orders.KeyFiles;
import dev.peregrine.gateway.coinbase.sim.SimVenue;
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
 * Coinbase Advanced Trade: market data over its public WebSocket, live orders over its REST API with the
 * authenticated {@code user} channel for answers, and a simulator that generates a market or replays a
 * cryptofeed JSON-lines capture.
 */
public final class CoinbaseVenue implements Venue
{
    @Override
    public String name()
    {
        return "coinbase";
    }

    @Override
    public URI defaultMarketDataUrl()
    {
        return URI.create("wss://advanced-trade-ws.coinbase.com");
    }

    @Override
    public URI defaultRestUrl()
    {
        return URI.create("https://api.coinbase.com");
    }

    @Override
    public CatalogLoader catalog()
    {
        return new CoinbaseProducts();
    }

    @Override
    public CatalogSource catalogSource()
    {
        return new CoinbaseCatalogSource();
    }

    /**
     * Advanced Trade spot's 40/60 bp (the Intro tier Peregrine has always charged); perpetuals ({@code -PERP-INTX}) trade
     * on Coinbase International Exchange, whose public perpetual tier without balance or volume is 2 bp maker,
     * 4 bp taker. A run whose products are all perpetuals pays that; one with any spot product pays spot's.
     */
    @Override
    public BaseTierFees baseTierFees(final List<String> products)
    {
        return !products.isEmpty() && IntxProducts.perpetualsAmong(products).size() == products.size() ?
            new BaseTierFees(2, 4) : new BaseTierFees(40, 60);
    }

    @Override
    public List<String> defaultProducts()
    {
        return List.of("BTC-USD", "ETH-USD");
    }

    @Override
    public MarketDataFeed marketData(final URI marketDataUrl, final URI restUrl, final List<String> products)
    {
        final CoinbaseFeed feed = new CoinbaseFeed(marketDataUrl, products, CoinbaseClientConfig.defaults());
        final List<String> perpetuals = IntxProducts.perpetualsAmong(products);
        // Advanced Trade streams no marks or funding: the perpetuals' come from its public product answers.
        return perpetuals.isEmpty() ? feed : new IntxFeed(feed, restUrl, perpetuals, IntxFeed.DEFAULT_POLL_NANOS);
    }

    @Override
    public boolean tradesLive()
    {
        return true;
    }

    /** The JWTs' {@code uri} claim names the REST host, as Coinbase checks it. */
    @Override
    public LiveVenue liveVenue(final URI restUrl, final URI userChannel, final String keyName, final String privateKeyPem,
        final String keySource)
    {
        return new CoinbaseLiveVenue(restUrl, restUrl.getHost(), userChannel,
            CoinbaseCredentials.of(keyName, privateKeyPem, keySource));
    }

    /** With key files: they are re-read when rotated (at most once a second, off the order path). */
    @Override
    public LiveVenue liveVenue(final URI restUrl, final URI userChannel, final String keyName, final String privateKeyPem,
        final String keySource, final KeyFiles keyFiles)
    {
        final CoinbaseCredentials initial = CoinbaseCredentials.of(keyName, privateKeyPem, keySource);
        if (!keyFiles.any())
        {
            return new CoinbaseLiveVenue(restUrl, restUrl.getHost(), userChannel, initial);
        }
        final KeyFileWatch<CoinbaseCredentials> watch = new KeyFileWatch<>(keyFiles, keyName, privateKeyPem, initial,
            CoinbaseCredentials::of, System.err::println, KeyFileWatch.PERIOD);
        return new CoinbaseLiveVenue(restUrl, restUrl.getHost(), userChannel, watch, watch, null);
    }

    @Override
    public void checkCredentials(final String keyName, final String privateKeyPem, final String keySource)
    {
        CoinbaseCredentials.of(keyName, privateKeyPem, keySource);
    }

    @Override
    public KeyVerification verifyKeys(final Path keyFile, final Map<String, String> environment, final URI restUrl,
        final Duration timeout, final Consumer<String> passed)
    {
        return CoinbaseKeyVerification.verify(keyFile, environment, restUrl, timeout, passed);
    }

    @Override
    public DemoExchange generated(final List<String> products, final long seed, final int tradesPerSecond)
    {
        return CoinbaseDemoExchange.generated(products, seed, tradesPerSecond);
    }

    @Override
    public CaptureFormat captureFormat()
    {
        return CaptureFormat.COINBASE_ADVANCED_TRADE;
    }

    @Override
    public List<String> captureProducts(final Path capture)
    {
        return CoinbaseCaptureReader.products(capture);
    }

    @Override
    public DemoExchange replaying(final Path capture, final double speed)
    {
        return CoinbaseDemoExchange.replaying(capture, speed);
    }

    @Override
    public VenueSimulator simulator(final SimulatorSettings settings)
    {
        return SimVenue.build(settings);
    }
}
