package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.gateway.binance.BinanceCaptureSymbols;
import dev.peregrine.gateway.capture.CaptureFormat;
import dev.peregrine.gateway.venue.CatalogLoader;
import dev.peregrine.gateway.venue.CatalogSource;
import dev.peregrine.gateway.venue.DemoExchange;
import dev.peregrine.gateway.venue.LiveVenue;
import dev.peregrine.gateway.venue.MarketDataFeed;
import dev.peregrine.gateway.venue.Venue;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Binance USD-M perpetual futures ({@code binance-usdm}): contracts from {@code /fapi/v1/exchangeInfo}
 * ({@link UsdmCatalogSource}, built-in {@link UsdmProducts}), market data from the futures streams
 * ({@code aggTrade}, {@code bookTicker}, {@code depth@100ms} with the futures sync rule, {@code markPrice@1s},
 * {@code forceOrder}) and a simulated USD-M market with marks and funding. The live order path, the key check and
 * {@code peregrine sim} belong to {@code binanceusdm/orders} and {@code binanceusdm/emulator}; until they are wired this
 * venue has none, as a venue without an order path.
 */
public final class BinanceUsdmVenue implements Venue
{
    /** The name configuration spells. */
    public static final String NAME = "binance-usdm";
    /** A stream name inside a cryptofeed envelope's escaped {@code data}: {@code \\"stream\\":\\"sushiusdt@...}. */
    private static final Pattern CAPTURE_STREAM = Pattern.compile("\\\\\"stream\\\\\":\\\\\"([a-z0-9]+)@");

    @Override
    public String name()
    {
        return NAME;
    }

    @Override
    public URI defaultMarketDataUrl()
    {
        return URI.create("wss://fstream.binance.com");
    }

    @Override
    public URI defaultRestUrl()
    {
        return URI.create("https://fapi.binance.com");
    }

    @Override
    public CatalogLoader catalog()
    {
        return new UsdmProducts();
    }

    @Override
    public CatalogSource catalogSource()
    {
        return new UsdmCatalogSource();
    }

    @Override
    public List<String> defaultProducts()
    {
        return List.of("BTCUSDT", "ETHUSDT");
    }

    @Override
    public MarketDataFeed marketData(final URI marketDataUrl, final URI restUrl, final List<String> products)
    {
        throw new UnsupportedOperationException(NAME + " market data is not wired yet");
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
        throw new UnsupportedOperationException(NAME + " has no live order path yet");
    }

    @Override
    public void checkCredentials(final String keyName, final String privateKeyPem, final String keySource)
    {
        throw new UnsupportedOperationException(NAME + " has no live order path yet: no key to check");
    }

    @Override
    public DemoExchange generated(final List<String> products, final long seed, final int tradesPerSecond)
    {
        throw new UnsupportedOperationException(NAME + " has no simulated market yet");
    }

    @Override
    public CaptureFormat captureFormat()
    {
        return CaptureFormat.BINANCE_USDM_CRYPTOFEED;
    }

    @Override
    public List<String> captureProducts(final Path capture)
    {
        return BinanceCaptureSymbols.of(capture, CAPTURE_STREAM);
    }

    @Override
    public DemoExchange replaying(final Path capture, final double speed)
    {
        throw new UnsupportedOperationException(NAME + " does not replay captures: its simulator generates a market");
    }
}
