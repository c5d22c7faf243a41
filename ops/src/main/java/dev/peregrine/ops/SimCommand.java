package dev.peregrine.ops;

import dev.peregrine.gateway.venue.ReplayCapture;
import dev.peregrine.gateway.venue.SimulatorKey;
import dev.peregrine.gateway.venue.SimulatorSettings;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.gateway.venue.VenueSimulator;
import dev.peregrine.ops.assembly.EngineAssembly;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.cli.UsageException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.SocketException;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;

/**
 * {@code peregrine sim}: a venue's simulated exchange as a process of its own, so that {@code peregrine run}
 * (any profile) or another client connects to it as to the real venue. Coinbase (the default): market data over
 * WebSocket, and on a second port the order REST API and {@code user} channel, which verify the engine's JWTs (EdDSA
 * or ES256). Binance ({@code --venue binance}): one port serving the REST market and signed trading API, the market
 * streams and the user data streams, with an HMAC or Ed25519 key. Prints the URLs to put in a configuration and one
 * {@code sim ready:} line, serves until SIGTERM or Ctrl-C, then prints a summary and exits 0. Bad options and ports
 * that cannot be bound exit 2 before anything listens.
 */
@Command(
    name = "sim",
    mixinStandardHelpOptions = true,
    description = {
        "Runs a simulated exchange on its own: Coinbase Advanced Trade (the default) or,",
        "with --venue binance, Binance spot. Its market data (a generated market or a",
        "replayed capture) and an emulator of the order API and user channel that checks",
        "signed requests like the venue does (Binance: REST and streams on one port).",
        "Prints the URLs for a run configuration (venue.market_data_url, venue.rest_url,",
        "venue.user_channel_url) and one line for scripts:",
        "  sim ready: market_data_url=ws://... rest_url=http://... user_channel_url=ws://...",
        "Serves until SIGTERM or Ctrl-C, then prints a summary and exits 0; bad options",
        "and ports that cannot be bound exit 2 before anything listens."})
public final class SimCommand implements Callable<Integer>
{
    private static final String COINBASE = "coinbase";
    private static final String BINANCE = "binance";
    private static final String COINBASE_KEY_NAME = "organizations/peregrine-sim/apiKeys/sim";
    /** The name Coinbase's CDP keys have; the engine refuses any other shape. */
    private static final Pattern KEY_NAME = Pattern.compile("organizations/[A-Za-z0-9-]+/apiKeys/[A-Za-z0-9-]+");
    private static final long PRICE_SYNC_MILLIS = 100;

    @Spec
    private CommandSpec spec;

    @Option(names = "--venue", defaultValue = COINBASE, paramLabel = "coinbase|binance",
        description = "Venue to simulate (default: ${DEFAULT-VALUE}).")
    private String venueName;

    @Option(names = "--products", split = ",", paramLabel = "LIST",
        description = "Comma-separated products to serve (default: BTC-USD,ETH-USD, or BTCUSDT,ETHUSDT for binance; " +
            "with --replay: those of the capture).")
    private List<String> products;

    @Option(names = "--seed", defaultValue = "42", paramLabel = "N", description = "Seed of the random walks (default: ${DEFAULT-VALUE}).")
    private long seed;

    @Option(names = "--trades-per-second", defaultValue = "100", paramLabel = "N",
        description = "Trades generated per product per second, each followed by a ticker (default: ${DEFAULT-VALUE}; " +
            "Coinbase only: the generated Binance market prints 100 a second).")
    private int tradesPerSecond;

    @Option(names = "--bind", defaultValue = "127.0.0.1", paramLabel = "ADDRESS",
        description = "Address both ports listen on (default: ${DEFAULT-VALUE}).")
    private String bind;

    @Option(names = "--host-name", paramLabel = "HOST",
        description = "Host the printed URLs name, and that the engine's JWT uri claim must name (the host of its rest_url). " +
            "Default: the --bind address (127.0.0.1 when binding every interface).")
    private String hostName;

    @Option(names = "--market-data-port", defaultValue = "8765", paramLabel = "PORT",
        description = "Market-data WebSocket port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    private int marketDataPort;

    @Option(names = "--rest-port", defaultValue = "8766", paramLabel = "PORT",
        description = "Order REST and user-channel port; 0 picks a free one (default: ${DEFAULT-VALUE}; Coinbase only: " +
            "the simulated Binance serves everything on --market-data-port).")
    private int restPort;

    @Option(names = "--api-key-name", paramLabel = "NAME",
        description = "Name of the API key whose signed requests are accepted (Coinbase default: " + COINBASE_KEY_NAME +
            "; a generated key keeps the name it was made with). Binance: the API key of --api-public-key-file.")
    private String apiKeyName;

    @Option(names = "--api-public-key-file", paramLabel = "FILE",
        description = "PEM public key ('-----BEGIN PUBLIC KEY-----') of the engine's API key (Binance: Ed25519). Without " +
            "it a throwaway key is made in --credentials-dir, in the files run reads.")
    private Path apiPublicKeyFile;

    @Option(names = "--key-algorithm", paramLabel = "ed25519|ecdsa|hmac",
        description = "Kind of throwaway key to make: Coinbase ed25519 (EdDSA JWTs, the default, as Coinbase now makes keys) " +
            "or ecdsa (P-256, ES256 JWTs); Binance hmac (HMAC-SHA256, the default) or ed25519. Without it a key already " +
            "in --credentials-dir is reused whatever its kind.")
    private String keyAlgorithm;

    @Option(names = "--credentials-dir", defaultValue = "peregrine-data/sim-credentials", paramLabel = "DIR",
        description = "Where the throwaway key is written, or reused from (default: ${DEFAULT-VALUE}).")
    private Path credentialsDir;

    @Option(names = "--replay", paramLabel = "FILE",
        description = "Serve a recorded Coinbase Advanced Trade capture (cryptofeed JSON lines, gzip or plain) instead of a generated market.")
    private Path replay;

    @Option(names = "--speed", paramLabel = "1|10|max", description = "Replay pace: 1 as recorded (default), 10, or max.")
    private String speed;

    private final CountDownLatch stopSignal = new CountDownLatch(1);
    private final CountDownLatch finished = new CountDownLatch(1);
    /** What the shutdown hook ends the JVM with: a failure unless the summary was printed. */
    private volatile int exitCode = ExitCodes.RUNTIME_FAILURE;

    @Override
    public Integer call() throws Exception
    {
        final PrintWriter out = spec.commandLine().getOut();
        final ReplayCapture capture = checkOptions();
        final List<String> served = capture != null ? capture.products() : products != null ? products :
            VenueRegistry.standard().venue(venueName).defaultProducts();
        final String advertised = hostName != null ? hostName : wildcard(bind) ? "127.0.0.1" : bind;
        final SimulatorSettings settings = new SimulatorSettings(capture, served, bind, marketDataPort, seed,
            tradesPerSecond, keyName(), apiPublicKeyFile, credentialsDir, advertised, keyAlgorithm);
        final Thread hook = new Thread(this::onShutdownSignal, "peregrine-sim-shutdown");
        try (VenueSimulator venue = EngineAssembly.simulator(venueName, settings))
        {
            venue.start(restPort);
            Runtime.getRuntime().addShutdownHook(hook);
            printEndpoints(out, venue, venue.key(), served, capture);
            serve(out, venue);
            out.println("stopping (signal)");
            venue.close();
            out.println("sim stopped: " + venue.summary());
            out.flush();
            exitCode = ExitCodes.OK;
        }
        finally
        {
            finished.countDown();
        }
        return ExitCodes.OK;
    }

    /** The key name asked for, or the venue's default (Binance: none, a generated key has its own). */
    private String keyName()
    {
        return apiKeyName != null ? apiKeyName : COINBASE.equals(venueName) ? COINBASE_KEY_NAME : null;
    }

    private boolean binance()
    {
        return BINANCE.equals(venueName);
    }

    private ReplayCapture checkOptions()
    {
        if (!COINBASE.equals(venueName) && !BINANCE.equals(venueName))
        {
            throw new UsageException("--venue: '" + venueName + "' has no simulator (sim serves " + COINBASE + " and " +
                BINANCE + ")");
        }
        if (binance() && spec.commandLine().getParseResult().hasMatchedOption("--rest-port"))
        {
            throw new UsageException("--rest-port: the simulated Binance serves REST and streams on --market-data-port");
        }
        if (speed != null && replay == null)
        {
            throw new UsageException("--speed applies to --replay only");
        }
        if (replay != null && products != null)
        {
            throw new UsageException("--products: with --replay the capture decides the products");
        }
        if (tradesPerSecond < 1 || tradesPerSecond > 100_000)
        {
            throw new UsageException("--trades-per-second must be 1 to 100000, was " + tradesPerSecond);
        }
        port("--market-data-port", marketDataPort);
        port("--rest-port", restPort);
        if (!binance() && marketDataPort != 0 && marketDataPort == restPort)
        {
            throw new UsageException("--market-data-port and --rest-port must differ, both were " + restPort);
        }
        if (products != null)
        {
            if (products.isEmpty())
            {
                throw new UsageException("--products: at least one product");
            }
            final ProductCatalog catalog = VenueRegistry.standard().catalog();
            for (final String product : products)
            {
                if (catalog.find(product) == null)
                {
                    throw new UsageException("--products: unknown product '" + product + "' (known: " +
                        String.join(",", catalog.symbols()) + ")");
                }
            }
        }
        if (!binance() && !KEY_NAME.matcher(keyName()).matches())
        {
            throw new UsageException("--api-key-name must look like organizations/{org_id}/apiKeys/{key_id}, as the engine requires");
        }
        checkBind();
        if (replay == null)
        {
            return null;
        }
        final ReplayCapture capture = ReplayCapture.inspect(replay, speed == null ? "1" : speed);
        if (!venueName.equals(capture.venue()))
        {
            throw new UsageException("--replay " + replay + ": a " + capture.format().description() + " capture; " +
                (binance() ? "sim --venue binance serves Binance spot captures only" :
                    "sim serves Coinbase Advanced Trade captures only (--venue " + capture.venue() + " for this one)"));
        }
        return capture;
    }

    private static void port(final String option, final int port)
    {
        if (port < 0 || port > 65_535)
        {
            throw new UsageException(option + " must be 0 (a free port) to 65535, was " + port);
        }
    }

    /** The address must be one of this machine's: a typo would otherwise surface as a bind error on a port. */
    private void checkBind()
    {
        try
        {
            final InetAddress address = InetAddress.getByName(bind);
            if (!address.isAnyLocalAddress() && !address.isLoopbackAddress() && NetworkInterface.getByInetAddress(address) == null)
            {
                throw new UsageException("--bind: " + bind + " is not an address of this machine");
            }
        }
        catch (final UnknownHostException | SocketException ex)
        {
            throw new UsageException("--bind: '" + bind + "' is not an address of this machine (" + ex.getClass().getSimpleName() + ")");
        }
    }

    private static boolean wildcard(final String address)
    {
        return "0.0.0.0".equals(address) || "::".equals(address) || "[::]".equals(address);
    }

    private void printEndpoints(final PrintWriter out, final VenueSimulator venue, final SimulatorKey credentials,
        final List<String> served, final ReplayCapture capture)
    {
        final String label = binance() ? "Binance spot" : "Coinbase Advanced Trade";
        out.println("sim: simulated " + label + " on " + bind + ", products " + String.join(",", served) +
            (capture == null ? ", seed " + seed + (binance() ? "" : ", " + tradesPerSecond + " trades/s per product") :
                ", replaying " + capture.file() + " at speed " + (speed == null ? "1" : speed)));
        if (binance())
        {
            out.println("market data (trade, aggTrade, bookTicker, depth, depth@100ms, kline_<interval>, miniTicker, ticker " +
                "at /ws/<stream> or /stream?streams=): " + venue.marketDataUrl());
            out.println("REST (market endpoints and the signed spot trading API) " + venue.restUrl() +
                ", user data on the WebSocket API at " + venue.userChannelUrl() + "/ws-api/v3 (and the retired listen keys " +
                "at /ws/<listenKey>); market orders fill at once at the best price, limit orders when the market reaches them");
        }
        else
        {
            out.println("market data (ticker, market_trades, level2, heartbeats): " + venue.marketDataUrl());
            out.println("orders: REST " + venue.restUrl() + ", user channel " + venue.userChannelUrl() +
                (capture == null ? "; market orders fill at once at the last simulated trade, limit orders when a trade reaches their price" :
                    "; market orders fill at once at the catalog's reference price, limit orders rest until cancelled"));
        }
        if (credentials.generated())
        {
            out.println("api key: a throwaway " + credentials.keyAlgorithm() + " key made for this simulator" + (credentials.reused() ? " (reused)" : "") +
                ", name " + credentials.keyName() + ", in " + credentials.privateKeyFile().getParent() +
                " (it is no " + (binance() ? "Binance" : "Coinbase") + " key and works nowhere else)");
        }
        else
        {
            out.println("api key: requests signed by the key in " + apiPublicKeyFile + " as " + credentials.keyName());
        }
        out.println("for a peregrine run configuration (profile live, or paper with venue " + venueName + "):");
        out.println("  venue:");
        out.println("    name: " + venueName);
        out.println("    market_data_url: " + venue.marketDataUrl());
        out.println("    rest_url: " + venue.restUrl());
        out.println("    user_channel_url: " + venue.userChannelUrl());
        if (credentials.generated())
        {
            out.println("  secrets:");
            out.println("    " + venueName + "_api_key_file: " + credentials.keyNameFile());
            out.println("    " + venueName + "_api_secret_file: " + credentials.privateKeyFile());
        }
        out.println("sim ready: market_data_url=" + venue.marketDataUrl() + " rest_url=" + venue.restUrl() +
            " user_channel_url=" + venue.userChannelUrl());
        out.flush();
    }

    /** Keeps fill prices at the market and reports refused JWTs as they happen, until the stop signal. */
    private void serve(final PrintWriter out, final VenueSimulator venue) throws InterruptedException
    {
        int refusedReported = 0;
        boolean replayEndReported = false;
        while (!stopSignal.await(PRICE_SYNC_MILLIS, TimeUnit.MILLISECONDS))
        {
            venue.syncFillPrices();
            final int refused = venue.authFailures();
            if (refused > refusedReported)
            {
                out.println((binance() ? "signed requests refused: " : "JWTs refused: ") + refused + " so far; last: " +
                    venue.lastAuthFailure() + " (is the engine's key the one this simulator accepts" +
                    (binance() ? "?)" : ", and its rest_url host " + venue.restUrl().getHost() + "?)"));
                refusedReported = refused;
            }
            if (!replayEndReported && replay != null && venue.replayFinished())
            {
                out.println("replay: the capture has been sent in full (" + venue.framesReplayed() +
                    " frames); orders are still served until the signal");
                replayEndReported = true;
            }
            out.flush();
        }
    }

    /**
     * SIGTERM or Ctrl-C: wakes {@link #call}, waits (bounded) for it to print the summary, then ends the JVM
     * with 0 itself, since a JVM ended by a signal exits with 143 whatever {@code main} returns.
     */
    private void onShutdownSignal()
    {
        stopSignal.countDown();
        boolean done = false;
        try
        {
            done = finished.await(10, TimeUnit.SECONDS);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        spec.commandLine().getOut().flush();
        System.out.flush();
        Runtime.getRuntime().halt(done ? exitCode : ExitCodes.RUNTIME_FAILURE);
    }
}
