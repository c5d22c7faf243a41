package dev.peregrine.gateway.venue;

import dev.peregrine.gateway.capture.CaptureFormat;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * One exchange as a plug-in: everything the engine needs from a venue, built from plain settings, so the
 * composition root in ops never names a venue's classes. A venue is one package of the gateway
 * ({@code gateway/coinbase}, {@code gateway/binance}) with one implementation of this interface,
 * registered in {@link VenueRegistry}; adding a venue touches no ops file.
 *
 * <p>What it builds: the market-data feed (live, or against its own simulated exchange), the order path
 * for live trading (adapter, user channel and start-up reconciliation behind {@link LiveVenue}), and the
 * simulated exchange the demo and the tests run against (generated, or replaying one of its captures).
 * Each venue also lists the products it trades ({@link #catalog()}); core only holds the catalog type.
 */
public interface Venue
{
    /** The venue's name as configuration spells it: {@code coinbase}, {@code binance}. */
    String name();

    /** The public market-data WebSocket, used when the configuration names none. */
    URI defaultMarketDataUrl();

    /** The public REST base, used when the configuration names none. */
    URI defaultRestUrl();

    /** Where the products this venue trades come from: increments and reference prices, in a stable order. */
    CatalogLoader catalog();

    /**
     * The venue's public REST listing of its products, which a live or paper run against the venue loads its catalog
     * from at start ({@link VenueCatalogLoader}); the built-in {@link #catalog()} stays the simulated venues' catalog.
     */
    CatalogSource catalogSource();

    /**
     * The venue's documented base-tier fee for {@code products}, which a paper or demo run charges when the user names
     * none; it follows the products where the venue charges spot and perpetuals differently.
     */
    BaseTierFees baseTierFees(List<String> products);

    /** The products its simulated exchange serves, and the demo trades, when none are named. */
    List<String> defaultProducts();

    /**
     * The market-data feed of the real exchange (or anything speaking its protocol); not started.
     *
     * @param marketDataUrl the WebSocket to connect to.
     * @param restUrl       the REST base, for venues that take book snapshots over REST; ignored otherwise.
     * @param products      the venue's product names or symbols to subscribe to.
     */
    MarketDataFeed marketData(URI marketDataUrl, URI restUrl, List<String> products);

    /** True when {@link #liveVenue} can send orders to this venue. */
    boolean tradesLive();

    /**
     * The order path for live trading; not started.
     *
     * @param restUrl       the order REST base.
     * @param userChannel   the authenticated user WebSocket.
     * @param keyName       the API key's name.
     * @param privateKeyPem the API key's private half.
     * @param keySource     where the key came from, named in error messages ({@code configuration}).
     * @throws UnsupportedOperationException unless {@link #tradesLive()}.
     */
    LiveVenue liveVenue(URI restUrl, URI userChannel, String keyName, String privateKeyPem, String keySource);

    /**
     * {@link #liveVenue(URI, URI, String, String, String)} for a key read from {@code keyFiles}: a venue that can
     * re-reads them when they are rotated ({@link dev.peregrine.gateway.orders.KeyFileWatch}) and signs with the new
     * key from the next request; the default keeps the key it started with.
     */
    default LiveVenue liveVenue(final URI restUrl, final URI userChannel, final String keyName, final String privateKeyPem,
        final String keySource, final dev.peregrine.gateway.orders.KeyFiles keyFiles)
    {
        return liveVenue(restUrl, userChannel, keyName, privateKeyPem, keySource);
    }

    /**
     * Checks an API key the way {@link #liveVenue} will read it (the name's shape, the private key's format), so a
     * configuration check can refuse it before anything connects.
     *
     * @throws dev.peregrine.gateway.orders.CredentialsException naming what is wrong (never the secret itself).
     * @throws UnsupportedOperationException unless {@link #tradesLive()}.
     */
    void checkCredentials(String keyName, String privateKeyPem, String keySource);

    /**
     * {@code verify-keys}: checks an API key the way live trading will use it (its format, that a request can be
     * signed) and, with network access, with one read-only call to {@code restUrl}. Each step that passes is
     * reported to {@code passed} as it passes (a line for people, never the secret).
     *
     * @param keyFile     the key file downloaded from the venue, or null to read the key from {@code environment}.
     * @param environment the environment variables holding the key when no file is given.
     * @param timeout     the time-out of the read-only call.
     * @throws UnsupportedOperationException unless {@link #tradesLive()}.
     */
    default KeyVerification verifyKeys(final Path keyFile, final Map<String, String> environment, final URI restUrl,
        final Duration timeout, final Consumer<String> passed)
    {
        throw new UnsupportedOperationException(name() + " has no order path: verify-keys checks the keys of a venue " +
            "that trades live");
    }

    /** A simulated exchange generating a market for {@code products}; not started. */
    DemoExchange generated(List<String> products, long seed, int tradesPerSecond);

    /** The capture format this venue's simulator replays. */
    CaptureFormat captureFormat();

    /**
     * The products a capture of {@link #captureFormat()} names, in first-seen order; empty if none.
     *
     * @throws java.io.UncheckedIOException if the file cannot be read.
     */
    List<String> captureProducts(Path capture);

    /**
     * A simulated exchange replaying a capture of {@link #captureFormat()}; not started.
     *
     * @param speed 1 (recorded pace), 10, or {@link Double#POSITIVE_INFINITY} (as fast as it can).
     */
    DemoExchange replaying(Path capture, double speed);

    /**
     * {@code peregrine sim}: the simulated exchange with an emulator of the venue's order API and user channel; not
     * started.
     *
     * @throws VenueUsageException naming the option when the key cannot be read or written.
     * @throws UnsupportedOperationException unless {@link #tradesLive()}: a venue without an order path has no
     *                                       order emulator.
     */
    default VenueSimulator simulator(final SimulatorSettings settings)
    {
        throw new UnsupportedOperationException(name() + " has no order emulator: peregrine sim simulates a venue " +
            "that trades live");
    }
}
