package dev.peregrine.gateway.binance;

import dev.peregrine.gateway.binance.sim.BinanceSimulator;
import dev.peregrine.gateway.capture.CaptureFormat;
import dev.peregrine.gateway.venue.CatalogLoader;
import dev.peregrine.gateway.venue.DemoExchange;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.MarketDataFeed;
import dev.peregrine.gateway.venue.SimulatorSettings;
import dev.peregrine.gateway.venue.Venue;
import dev.peregrine.gateway.venue.VenueSimulator;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * Binance spot: market data only (combined streams plus the REST depth snapshot), and a simulator that
 * generates a market or replays an hftbacktest capture. It has no order path yet: live trading is
 * Coinbase's only.
 */
public final class BinanceVenue implements Venue
{
    private static final String NO_ORDER_PATH = "binance has no order path: the live profile trades on coinbase only";

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
        return false;
    }

    @Override
    public LiveVenue liveVenue(final URI restUrl, final URI userChannel, final String keyName, final String privateKeyPem,
        final String keySource)
    {
        throw new UnsupportedOperationException(NO_ORDER_PATH);
    }

    @Override
    public void checkCredentials(final String keyName, final String privateKeyPem, final String keySource)
    {
        throw new UnsupportedOperationException(NO_ORDER_PATH);
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
