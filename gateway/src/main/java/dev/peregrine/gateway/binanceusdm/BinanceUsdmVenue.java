package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.gateway.binance.BinanceCaptureSymbols;
import dev.peregrine.gateway.binance.BinanceKeyVerification;
import dev.peregrine.gateway.binance.orders.BinanceCredentials;
import dev.peregrine.gateway.orders.KeyFileWatch;
import dev.peregrine.gateway.orders.KeyFiles;
import dev.peregrine.gateway.binanceusdm.orders.UsdmAccountSettings;
import dev.peregrine.gateway.binanceusdm.orders.UsdmLiveVenue;
import dev.peregrine.gateway.binanceusdm.orders.UsdmRest;
import dev.peregrine.gateway.binanceusdm.sim.UsdmSimulator;
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
import dev.peregrine.gateway.venue.VenueUsageException;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * Binance USD-M perpetual futures ({@code binance-usdm}): contracts from {@code /fapi/v1/exchangeInfo}
 * ({@link UsdmCatalogSource}, built-in {@link UsdmProducts}), market data from the futures streams
 * ({@code aggTrade}, {@code bookTicker}, {@code depth@100ms} with the futures sync rule, {@code markPrice@1s},
 * {@code forceOrder}) and a simulated USD-M market with marks and funding ({@link UsdmDemoExchange}); live orders through
 * {@code binanceusdm/orders} ({@link UsdmLiveVenue}) and {@code peregrine sim} with the emulated futures trading API
 * ({@link UsdmSimulator}).
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

    /** USD-M futures' regular tier: 0.02% maker, 0.05% taker (without the BNB discount). */
    @Override
    public BaseTierFees baseTierFees(final List<String> products)
    {
        return new BaseTierFees(2, 5);
    }

    @Override
    public List<String> defaultProducts()
    {
        return List.of("BTCUSDT", "ETHUSDT");
    }

    @Override
    public MarketDataFeed marketData(final URI marketDataUrl, final URI restUrl, final List<String> products)
    {
        return new UsdmFeed(marketDataUrl, restUrl, products);
    }

    @Override
    public boolean tradesLive()
    {
        return true;
    }

    /**
     * @param restUrl       the futures REST base ({@code https://fapi.binance.com}).
     * @param userChannel   the futures stream host the listen-key user data stream is on ({@code wss://fstream.binance.com}).
     * @param keyName       the API key.
     * @param privateKeyPem the HMAC secret key, or the Ed25519 private key in PEM.
     */
    @Override
    public LiveVenue liveVenue(final URI restUrl, final URI userChannel, final String keyName, final String privateKeyPem,
        final String keySource)
    {
        return new UsdmLiveVenue(restUrl, userChannel, BinanceCredentials.of(keyName, privateKeyPem, keySource),
            UsdmAccountSettings.defaults());
    }

    /** With key files: they are re-read when rotated (at most once a second, off the order path). */
    @Override
    public LiveVenue liveVenue(final URI restUrl, final URI userChannel, final String keyName, final String privateKeyPem,
        final String keySource, final KeyFiles keyFiles)
    {
        final BinanceCredentials initial = BinanceCredentials.of(keyName, privateKeyPem, keySource);
        if (!keyFiles.any())
        {
            return new UsdmLiveVenue(restUrl, userChannel, initial, UsdmAccountSettings.defaults());
        }
        final KeyFileWatch<BinanceCredentials> watch = new KeyFileWatch<>(keyFiles, keyName, privateKeyPem, initial,
            BinanceCredentials::of, System.err::println, KeyFileWatch.PERIOD);
        return new UsdmLiveVenue(restUrl, userChannel, watch, watch, UsdmAccountSettings.defaults());
    }

    @Override
    public void checkCredentials(final String keyName, final String privateKeyPem, final String keySource)
    {
        BinanceCredentials.of(keyName, privateKeyPem, keySource);
    }

    /** Spot Binance's checks with the read-only call at {@code GET /fapi/v2/account}. */
    @Override
    public KeyVerification verifyKeys(final Path keyFile, final Map<String, String> environment, final URI restUrl,
        final Duration timeout, final Consumer<String> passed)
    {
        return BinanceKeyVerification.verify(keyFile, environment, restUrl, UsdmRest.PATHS, timeout, passed);
    }

    /** The simulated USD-M market with the emulated futures trading API on one port, and a throwaway key. */
    @Override
    public VenueSimulator simulator(final SimulatorSettings settings)
    {
        return UsdmSimulator.build(settings);
    }

    /**
     * The generated USD-M market sets its own pace ({@code tradesPerSecond} is not used) and settles funding every
     * {@link UsdmDemoExchange#DEMO_FUNDING_INTERVAL}, so a demo sees funding.
     */
    @Override
    public DemoExchange generated(final List<String> products, final long seed, final int tradesPerSecond)
    {
        return UsdmDemoExchange.generated(products, seed, UsdmDemoExchange.DEMO_FUNDING_INTERVAL);
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

    /**
     * The USD-M simulator generates its market (marks and funding are in no capture): a USD-M capture is read by the
     * tests, not replayed.
     *
     * @throws VenueUsageException naming {@code --capture}.
     */
    @Override
    public DemoExchange replaying(final Path capture, final double speed)
    {
        throw new VenueUsageException("--capture: " + capture + " is a Binance USD-M capture; the " + NAME +
            " simulator generates its market (marks and funding) and replays no capture");
    }
}
