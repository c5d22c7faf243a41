package dev.peregrine.ops.assembly;

import com.lmax.disruptor.WaitStrategy;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.journal.RetentionPolicy;
import dev.peregrine.journal.snapshot.SnapshotPolicy;
import dev.peregrine.gateway.venue.ReplayCapture;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.ops.engine.WaitStrategies;
import dev.peregrine.ops.logging.JsonLog;

import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Everything {@link EngineAssembly} needs to build a running engine, in one object validated in one place,
 * {@link #conclude()} (Aeron's {@code Context#conclude} is the model): the commands ({@code demo}, {@code run})
 * set what their users gave, checked in their own words (option or configuration key), and conclude resolves
 * the rest (the wait strategy, the bind address) and refuses what no command should have let through.
 * Setters and getters share a name; a setter returns this.
 *
 * <p>The demo and the daemon are the same engine: a daemon ({@link #daemon}) differs only in its shutdown
 * (a bound, an optional cancel-all, the JVM halted with the run's exit code) and in where market data and
 * the admin token come from.
 *
 * <p>Over 400 lines, and one concept: the one settings object of a running engine, as Aeron's {@code Context} is,
 * about thirty options each with its setter, getter and the fact that explains it; the checks between them live
 * in {@link #conclude()} alone.
 */
public final class EngineOptions
{
    private boolean concluded;

    private String label = "demo";
    private EngineSettings settings;
    private Duration duration;
    private Path journalDir;
    private String bindAddress = "127.0.0.1";
    private int metricsPort;
    private int healthPort;
    private long seed = 42;
    private int tradesPerSecond = 100;
    private String waitStrategyName = "yielding";
    private int ringSize = 16_384;
    private ReplayCapture replay;
    private Path summaryJson;
    private String venue = "coinbase";
    private URI marketDataUrl;
    private URI restUrl;
    private ProductCatalog catalog;
    private URI userChannelUrl;
    private String apiKeyName;
    private String apiSecret;
    private dev.peregrine.gateway.orders.KeyFiles keyFiles = dev.peregrine.gateway.orders.KeyFiles.NONE;
    private Path adminTokenFile;
    private String adminToken;
    private String adminTokenSource;
    private RetentionPolicy retention;
    private double diskAlertRatio = 0.10;
    private int stageSampleEvery = 1;
    private int warmupOrders;
    private SnapshotPolicy snapshots = SnapshotPolicy.DEFAULT;
    private JsonLog jsonLog;
    private Duration shutdownTimeout;
    private boolean cancelOpenOrdersOnShutdown;
    private dev.peregrine.gateway.venue.PerpetualAccountTerms perpetualTerms;

    private WaitStrategy waitStrategy;
    private InetAddress bindInetAddress;

    /**
     * Checks the options against each other and resolves the derived ones; idempotent. An
     * {@link IllegalArgumentException} names what to change.
     */
    public EngineOptions conclude()
    {
        if (concluded)
        {
            return this;
        }
        Objects.requireNonNull(settings, "settings");
        Objects.requireNonNull(journalDir, "journalDir");
        waitStrategy = WaitStrategies.byName(waitStrategyName);
        try
        {
            bindInetAddress = InetAddress.getByName(bindAddress);
        }
        catch (final UnknownHostException ex)
        {
            throw new IllegalArgumentException(ex.getMessage(), ex);
        }
        port("metrics port", metricsPort);
        port("health port", healthPort);
        final VenueRegistry venues = VenueRegistry.standard();
        if (venues.find(venue) == null)
        {
            throw new IllegalArgumentException("venue must be one of " + String.join(", ", venues.names()) + ", was '" +
                venue + "'");
        }
        if (settings.liveVenue() && !venues.venue(venue).tradesLive())
        {
            throw new IllegalArgumentException("venue " + venue + " has no order path: live trading needs a venue that " +
                "trades live");
        }
        if (settings.liveVenue() && (restUrl == null || userChannelUrl == null || apiKeyName == null || apiSecret == null))
        {
            throw new IllegalArgumentException("the live venue needs its REST and user-channel (or user data stream) " +
                "URLs and an API key");
        }
        for (final String product : settings.products())
        {
            if (catalog != null && catalog.find(product) == null)
            {
                throw new IllegalArgumentException("the catalog given does not list " + product + ", which the settings trade");
            }
        }
        if (!(diskAlertRatio >= 0 && diskAlertRatio <= 1))
        {
            throw new IllegalArgumentException("journal disk free alert ratio must be between 0 and 1, got " + diskAlertRatio);
        }
        if (stageSampleEvery < 1 || Integer.bitCount(stageSampleEvery) != 1)
        {
            throw new IllegalArgumentException("stage sample every must be a power of two, was " + stageSampleEvery);
        }
        if (adminToken != null && adminTokenSource == null)
        {
            throw new IllegalArgumentException("an admin token needs its source, for the start-up line");
        }
        concluded = true;
        return this;
    }

    private static void port(final String what, final int port)
    {
        if (port < 0 || port > 65_535)
        {
            throw new IllegalArgumentException(what + " " + port + " is not a port number (0-65535)");
        }
    }

    private void settable()
    {
        if (concluded)
        {
            throw new IllegalStateException("the options are concluded: set them before EngineAssembly.assemble");
        }
    }

    /** The command name in the start-up line ({@code demo}, {@code run}). */
    public EngineOptions label(final String label)
    {
        settable();
        this.label = label;
        return this;
    }

    public String label()
    {
        return label;
    }

    public EngineOptions settings(final EngineSettings settings)
    {
        settable();
        this.settings = settings;
        return this;
    }

    public EngineSettings settings()
    {
        return settings;
    }

    /** How long to run; null runs until a signal (with a replay: until the capture ends). */
    public EngineOptions duration(final Duration duration)
    {
        settable();
        this.duration = duration;
        return this;
    }

    public Duration duration()
    {
        return duration;
    }

    public EngineOptions journalDir(final Path journalDir)
    {
        settable();
        this.journalDir = journalDir;
        return this;
    }

    public Path journalDir()
    {
        return journalDir;
    }

    /** Address the HTTP endpoints bind to. */
    public EngineOptions bindAddress(final String bindAddress)
    {
        settable();
        this.bindAddress = bindAddress;
        return this;
    }

    public String bindAddress()
    {
        return bindAddress;
    }

    /** The bind address resolved; only once concluded. */
    public InetAddress bindInetAddress()
    {
        requireConcluded();
        return bindInetAddress;
    }

    public EngineOptions metricsPort(final int metricsPort)
    {
        settable();
        this.metricsPort = metricsPort;
        return this;
    }

    public int metricsPort()
    {
        return metricsPort;
    }

    public EngineOptions healthPort(final int healthPort)
    {
        settable();
        this.healthPort = healthPort;
        return this;
    }

    public int healthPort()
    {
        return healthPort;
    }

    /** Seed of the simulated exchange's generated market. */
    public EngineOptions seed(final long seed)
    {
        settable();
        this.seed = seed;
        return this;
    }

    public long seed()
    {
        return seed;
    }

    /** Trades a second per product of the simulated exchange's generated market. */
    public EngineOptions tradesPerSecond(final int tradesPerSecond)
    {
        settable();
        this.tradesPerSecond = tradesPerSecond;
        return this;
    }

    public int tradesPerSecond()
    {
        return tradesPerSecond;
    }

    /** The ring's wait strategy by name ({@link WaitStrategies#NAMES}). */
    public EngineOptions waitStrategy(final String name)
    {
        settable();
        this.waitStrategyName = name;
        return this;
    }

    /** The wait strategy resolved; only once concluded. */
    public WaitStrategy waitStrategy()
    {
        requireConcluded();
        return waitStrategy;
    }

    public EngineOptions ringSize(final int ringSize)
    {
        settable();
        this.ringSize = ringSize;
        return this;
    }

    public int ringSize()
    {
        return ringSize;
    }

    /** A capture the simulated exchange replays instead of its generated market; null for none. */
    public EngineOptions replay(final ReplayCapture replay)
    {
        settable();
        this.replay = replay;
        return this;
    }

    public ReplayCapture replay()
    {
        return replay;
    }

    /** Where to write the run's JSON summary; null for none. */
    public EngineOptions summaryJson(final Path summaryJson)
    {
        settable();
        this.summaryJson = summaryJson;
        return this;
    }

    public Path summaryJson()
    {
        return summaryJson;
    }

    /**
     * The venue: {@code coinbase} or {@code binance}, and its market-data URL, or null for the venue's simulated
     * exchange, which the assembly starts itself on loopback.
     *
     * @param restUrl Binance: the REST base for book snapshots and, live, orders; Coinbase live: the order REST base;
     *                else null.
     */
    public EngineOptions venue(final String venue, final URI marketDataUrl, final URI restUrl)
    {
        settable();
        this.venue = venue;
        this.marketDataUrl = marketDataUrl;
        this.restUrl = restUrl;
        return this;
    }

    public String venue()
    {
        return venue;
    }

    public URI marketDataUrl()
    {
        return marketDataUrl;
    }

    public URI restUrl()
    {
        return restUrl;
    }

    /**
     * The catalog the settings were built on (by {@code run}'s configuration, which loaded a real venue's catalog
     * once): the engine and the journal run on this one rather than loading it again. Null: the assembly picks it
     * (the built-in lists for a simulated exchange, else the venue's catalog loaded at start).
     */
    public EngineOptions catalog(final ProductCatalog catalog)
    {
        settable();
        this.catalog = catalog;
        return this;
    }

    public ProductCatalog catalog()
    {
        return catalog;
    }

    /** Where orders go when the settings say live: the venue's user channel and the API key that signs requests. */
    public EngineOptions liveVenue(final URI userChannelUrl, final String apiKeyName, final String apiSecret)
    {
        settable();
        this.userChannelUrl = userChannelUrl;
        this.apiKeyName = apiKeyName;
        this.apiSecret = apiSecret;
        return this;
    }

    public URI userChannelUrl()
    {
        return userChannelUrl;
    }

    public String apiKeyName()
    {
        return apiKeyName;
    }

    public String apiSecret()
    {
        return apiSecret;
    }

    /** The files the API key came from: the live venue re-reads them when they are rotated. */
    public EngineOptions keyFiles(final dev.peregrine.gateway.orders.KeyFiles keyFiles)
    {
        settable();
        this.keyFiles = java.util.Objects.requireNonNull(keyFiles, "keyFiles");
        return this;
    }

    public dev.peregrine.gateway.orders.KeyFiles keyFiles()
    {
        return keyFiles;
    }

    /** File holding the admin bearer token; null for the environment or a generated one. */
    public EngineOptions adminTokenFile(final Path adminTokenFile)
    {
        settable();
        this.adminTokenFile = adminTokenFile;
        return this;
    }

    public Path adminTokenFile()
    {
        return adminTokenFile;
    }

    /** A configured admin token and where it came from; null for the demo's resolution (file, variable, generated). */
    public EngineOptions adminToken(final String token, final String source)
    {
        settable();
        this.adminToken = token;
        this.adminTokenSource = source;
        return this;
    }

    public String adminToken()
    {
        return adminToken;
    }

    public String adminTokenSource()
    {
        return adminTokenSource;
    }

    /** Journal retention to apply while running; null for none. */
    public EngineOptions retention(final RetentionPolicy retention)
    {
        settable();
        this.retention = retention;
        return this;
    }

    public RetentionPolicy retention()
    {
        return retention;
    }

    /** Free fraction of the journal's volume below which the disk alert should fire. */
    public EngineOptions diskAlertRatio(final double diskAlertRatio)
    {
        settable();
        this.diskAlertRatio = diskAlertRatio;
        return this;
    }

    public double diskAlertRatio()
    {
        return diskAlertRatio;
    }

    /** The stage latency histograms time ring wait and strategy on one live input in this many (a power of two). */
    public EngineOptions stageSampleEvery(final int stageSampleEvery)
    {
        settable();
        this.stageSampleEvery = stageSampleEvery;
        return this;
    }

    /**
     * With a live venue, runs {@code orders} synthetic orders through a scratch core's order path before the engine
     * starts ({@link dev.peregrine.core.engine.OrderPathWarmup}); 0 (the default here; {@code run} takes
     * {@code startup.warmup_orders}) for none.
     */
    public EngineOptions warmupOrders(final int orders)
    {
        if (orders < 0)
        {
            throw new IllegalArgumentException("warm-up orders must be >= 0, was " + orders);
        }
        this.warmupOrders = orders;
        return this;
    }

    public int warmupOrders()
    {
        return warmupOrders;
    }

    public int stageSampleEvery()
    {
        return stageSampleEvery;
    }

    /** When the engine snapshots its state (default {@link SnapshotPolicy#DEFAULT}). */
    public EngineOptions snapshots(final SnapshotPolicy snapshots)
    {
        settable();
        this.snapshots = snapshots;
        return this;
    }

    public SnapshotPolicy snapshots()
    {
        return snapshots;
    }

    /**
     * The leverage and margin type per instrument a live perpetual venue is told (the configuration's {@code
     * perpetual:} section); null: the settings' leverage, cross margin.
     */
    public EngineOptions perpetualTerms(final dev.peregrine.gateway.venue.PerpetualAccountTerms perpetualTerms)
    {
        settable();
        this.perpetualTerms = perpetualTerms;
        return this;
    }

    public dev.peregrine.gateway.venue.PerpetualAccountTerms perpetualTerms()
    {
        return perpetualTerms;
    }

    /** JSON lines of order events and the engine's lifecycle; null for none. */
    public EngineOptions jsonLog(final JsonLog jsonLog)
    {
        settable();
        this.jsonLog = jsonLog;
        return this;
    }

    public JsonLog jsonLog()
    {
        return jsonLog;
    }

    /**
     * Runs as a daemon: a signal's shutdown may take {@code timeout}, after which the JVM is halted regardless,
     * and ends the JVM with the run's exit code (a SIGTERM would make it 143).
     *
     * @param cancelOpenOrders publish STOP (cancel every open order, like a kill, but the next start trades again)
     *                         through the ring before stopping.
     */
    public EngineOptions daemon(final Duration timeout, final boolean cancelOpenOrders)
    {
        settable();
        this.shutdownTimeout = Objects.requireNonNull(timeout, "timeout");
        this.cancelOpenOrdersOnShutdown = cancelOpenOrders;
        return this;
    }

    /** True when set up by {@link #daemon}. */
    public boolean isDaemon()
    {
        return shutdownTimeout != null;
    }

    /** The daemon's shutdown bound; null for the demo. */
    public Duration shutdownTimeout()
    {
        return shutdownTimeout;
    }

    public boolean cancelOpenOrdersOnShutdown()
    {
        return cancelOpenOrdersOnShutdown;
    }

    private void requireConcluded()
    {
        if (!concluded)
        {
            throw new IllegalStateException("conclude() the options first");
        }
    }
}
