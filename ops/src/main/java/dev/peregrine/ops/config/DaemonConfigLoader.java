package dev.peregrine.ops.config;

import dev.peregrine.core.engine.OrderPathWarmup;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.gateway.orders.CredentialsException;
import dev.peregrine.gateway.orders.KeyFiles;
import dev.peregrine.gateway.venue.Venue;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.journal.RetentionPolicy;
import dev.peregrine.ops.engine.WaitStrategies;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a YAML configuration, applies {@code PEREGRINE_*} environment overrides and the command's
 * {@code --profile}, and checks all of it (keys, types, limits, strategies, ports, journal folder, secrets)
 * before anything connects. Either a complete {@link DaemonConfig} comes back or a {@link ConfigException}
 * listing every problem at once.
 */
public final class DaemonConfigLoader
{
    /** Top-level sections: also where an environment override may create a section the file lacks. */
    static final Set<String> SECTIONS = new LinkedHashSet<>(List.of("profile", "venue", "products", "order", "strategies",
        "risk", "perpetual", "paper", "ports", "journal", "ring", "shutdown", "logging", "metrics", "secrets", "cluster"));
    public static final String COINBASE_KEY_VARIABLE = "COINBASE_API_KEY";
    public static final String COINBASE_SECRET_VARIABLE = "COINBASE_API_SECRET";
    public static final String BINANCE_KEY_VARIABLE = "BINANCE_API_KEY";
    public static final String BINANCE_SECRET_VARIABLE = "BINANCE_API_SECRET";
    /** Where Coinbase's user channel is: a host of its own. */
    private static final String COINBASE_USER_CHANNEL = "wss://advanced-trade-ws-user.coinbase.com";
    /** Binance's user data stream: a subscription on its WebSocket API (listen keys were retired on 2026-02-20). */
    private static final String BINANCE_WEBSOCKET_API = "wss://ws-api.binance.com:443/ws-api/v3";
    public static final String ADMIN_TOKEN_VARIABLE = "PEREGRINE_ADMIN_TOKEN";

    private DaemonConfigLoader()
    {
    }

    /**
     * @param profileOverride {@code --profile} from the command line, or null for the file's.
     * @param environment     {@code System.getenv()} in production.
     * @throws ConfigException with every problem found.
     */
    public static DaemonConfig load(final Path file, final String profileOverride, final Map<String, String> environment)
    {
        return load(file, profileOverride, environment, false);
    }

    /**
     * As {@link #load(Path, String, Map)}; with {@code venueCatalog}, a run against a real venue (a REST URL to ask)
     * checks its products against the venue's catalog, loaded here once (or its cached copy beside the journal) and
     * sized from its prices, as {@code run} and {@code config check} do. Without it, or without a REST URL, the
     * built-in lists. The catalog is loaded only once the rest of the configuration checks out: a file with other
     * problems never reaches the network.
     */
    public static DaemonConfig load(final Path file, final String profileOverride, final Map<String, String> environment,
        final boolean venueCatalog)
    {
        return load(file, profileOverride, environment, venueCatalog, null);
    }

    /**
     * As {@link #load(Path, String, Map, boolean)}; {@code memberOverride} is {@code run --member N} (null: the file's
     * {@code cluster.member_id}), which needs a {@code cluster:} section.
     */
    public static DaemonConfig load(final Path file, final String profileOverride, final Map<String, String> environment,
        final boolean venueCatalog, final Integer memberOverride)
    {
        final List<ConfigProblem> problems = new ArrayList<>();
        final Map<String, Object> tree = YamlTree.parse(file, problems);
        if (tree == null)
        {
            throw new ConfigException(problems);
        }
        final List<String> overrides = EnvironmentOverrides.apply(tree, environment, SECTIONS);
        if (profileOverride != null)
        {
            tree.put("profile", profileOverride);
        }
        final ConfigSection root = new ConfigSection("", tree, problems);
        final String profile = root.choice("profile", "paper", List.of("paper", "live"));
        final boolean live = "live".equals(profile);

        final ConfigSection venue = root.section("venue");
        final List<String> venueNames = new ArrayList<>(List.of("simulated"));
        venueNames.addAll(VenueRegistry.standard().names());
        final String venueName = venue.choice("name", "simulated", venueNames);
        if (live && ("simulated".equals(venueName) || !VenueRegistry.standard().venue(venueName).tradesLive()))
        {
            venue.problem("name", venueName, "a venue that trades live (" + liveVenues() + "): the live profile sends " +
                "orders to a venue's API");
        }
        // The simulated exchange speaks Coinbase's protocol: a URL given for it is read with Coinbase's defaults.
        final Venue urlDefaults = VenueRegistry.standard().venue("simulated".equals(venueName) ? "coinbase" : venueName);
        // Every URL key is read (and checked) whatever the venue, so switching profile or venue with an
        // override never turns a key of the file into an unknown one.
        final URI marketDataAny = VenueUrls.url(venue, "market_data_url", urlDefaults.defaultMarketDataUrl().toString(), "ws", "wss");
        final URI restAny = VenueUrls.url(venue, "rest_url", urlDefaults.defaultRestUrl().toString(), "http", "https");
        final URI userAny = VenueUrls.url(venue, "user_channel_url", "binance".equals(venueName) ?
            binanceUserDataStream(urlDefaults, marketDataAny) : COINBASE_USER_CHANNEL, "ws", "wss");
        if (live)
        {
            // The order API and user channel carry signed JWTs, and live market data drives real orders: in
            // plain text only to this machine (peregrine sim), never across a network.
            VenueUrls.requireTls(venue, "market_data_url", marketDataAny, "wss");
            VenueUrls.requireTls(venue, "rest_url", restAny, "https");
            VenueUrls.requireTls(venue, "user_channel_url", userAny, "wss");
        }
        final URI marketData = "simulated".equals(venueName) ? null : marketDataAny;
        final URI rest = "binance".equals(venueName) || live ? restAny : null;
        final URI user = live ? userAny : null;
        final ConfigSection simulated = venue.section("simulated");
        final long seed = simulated.integer("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
        final int tradesPerSecond = (int) simulated.integer("trades_per_second", 100, 1, 100_000);
        simulated.finish();
        final boolean restGiven = venue.has("rest_url");
        venue.finish();
        final URI catalogUrl = "simulated".equals(venueName) ? null : rest != null ? rest : restGiven ? restAny :
            marketDataAny.equals(urlDefaults.defaultMarketDataUrl()) ? urlDefaults.defaultRestUrl() : null;

        // Read before the ports: a member serves on the file's ports plus its member id.
        final ClusterConfig cluster = ClusterSection.read(root, tree, memberOverride);
        final ConfigSection ports = root.section("ports");
        final String bind = ports.string("bind", "127.0.0.1");
        final int memberOffset = cluster == null ? 0 : cluster.memberId();
        final int health = ClusterSection.memberPort(ports.port("health", 8080), memberOffset);
        final int metrics = ClusterSection.memberPort(ports.port("metrics", 9090), memberOffset);
        ports.finish();
        if (cluster != null)
        {
            ClusterSection.portOutsideTheCluster(ports, "health", health, cluster);
            ClusterSection.portOutsideTheCluster(ports, "metrics", metrics, cluster);
            ClusterSection.membersPortsApart(ports, health - memberOffset, metrics - memberOffset, cluster);
        }
        StartupChecks.ports(ports, bind, health, metrics);

        final ConfigSection journal = root.section("journal");
        final Path journalDir = Path.of(journal.string("dir", "peregrine-data/journal"));
        final Duration maxAge = journal.duration("max_age", null, false);
        final long maxSize = journal.bytes("max_size");
        final double diskAlert = journal.fraction("disk_alert", 0.10);
        // State snapshots bound start-up (recovery restores the newest and replays only the journal after it).
        final long snapshotEvents = journal.integer("snapshot_every_events",
            dev.peregrine.journal.snapshot.SnapshotPolicy.DEFAULT_EVERY_EVENTS, 0, Long.MAX_VALUE);
        final Duration snapshotTime = journal.duration("snapshot_every",
            Duration.ofNanos(dev.peregrine.journal.snapshot.SnapshotPolicy.DEFAULT_EVERY_EVENT_NANOS), true);
        final long snapshotsKept = journal.integer("snapshots_kept",
            dev.peregrine.journal.snapshot.SnapshotPolicy.DEFAULT.keep(), 1, 100);
        journal.finish();
        StartupChecks.journalFolder(journal, journalDir);
        final RetentionPolicy retention = maxAge == null && maxSize == 0 ? null :
            new RetentionPolicy(maxAge, maxSize, RetentionPolicy.DEFAULT_KEEP_NEWEST_FILES);

        final ConfigSection ring = root.section("ring");
        final int ringSize = (int) ring.integer("size", 16_384, 64, 1 << 26);
        if (Integer.bitCount(ringSize) != 1)
        {
            ring.problem("size", ringSize, "a power of two (e.g. 16384)");
        }
        final String wait = ring.string("wait_strategy", "yielding");
        try
        {
            WaitStrategies.byName(wait);
        }
        catch (final IllegalArgumentException ex)
        {
            ring.problem("wait_strategy", wait, "one of " + WaitStrategies.NAMES);
        }
        ring.finish();

        final ConfigSection shutdown = root.section("shutdown");
        final boolean cancelOpen = shutdown.bool("cancel_open_orders", true);
        final Duration shutdownTimeout = shutdown.duration("timeout", Duration.ofSeconds(10), false);
        shutdown.finish();

        final ConfigSection startupSection = root.section("startup");
        final int warmupOrders = (int) startupSection.integer("warmup_orders", OrderPathWarmup.DEFAULT_ORDERS, 0, 1_000_000);
        startupSection.finish();

        final ConfigSection logging = root.section("logging");
        final String logFormat = logging.choice("format", "json", List.of("json", "text"));
        logging.finish();

        final ConfigSection metricsSection = root.section("metrics");
        final int stageSampleEvery = (int) metricsSection.integer("stage_sample_every", 1, 1, 1024);
        if (Integer.bitCount(stageSampleEvery) != 1)
        {
            metricsSection.problem("stage_sample_every", stageSampleEvery, "a power of two from 1 to 1024 (1 times every input)");
        }
        metricsSection.finish();

        final ConfigSection secrets = root.section("secrets");
        final SecretSource.Secret token = SecretSource.read(secrets, "admin_token", ADMIN_TOKEN_VARIABLE, environment);
        SecretSource.Secret keyName = null;
        SecretSource.Secret keySecret = null;
        final VenueKeys keys = VenueKeys.of(venueName);
        if (live && keys != null)
        {
            keyName = SecretSource.read(secrets, keys.key(), keys.keyVariable(), environment);
            keySecret = SecretSource.read(secrets, keys.secret(), keys.secretVariable(), environment);
            SecretSource.require(secrets, "admin_token", ADMIN_TOKEN_VARIABLE, token, true);
            SecretSource.require(secrets, keys.key(), keys.keyVariable(), keyName, false);
            SecretSource.require(secrets, keys.secret(), keys.secretVariable(), keySecret, false);
            if (keyName != null && keySecret != null && !SecretSource.isPlaceholder(keyName.value()) &&
                !SecretSource.isPlaceholder(keySecret.value()))
            {
                credentials(secrets, keys, keyName, keySecret);
            }
        }
        // Known keys on every profile and venue: a live file checked with --profile paper, or for another venue,
        // stays valid.
        for (final VenueKeys each : VenueKeys.ALL)
        {
            if (each != keys || !live)
            {
                secrets.has(each.key() + "_file");
                secrets.has(each.secret() + "_file");
            }
        }
        // On by default: a rotated key file (a Kubernetes Secret, a Vault Agent template) is used without a restart.
        final boolean reloadKeyFiles = secrets.bool("reload_key_files", true);
        final KeyFiles keyFiles = !live || keys == null || !reloadKeyFiles ? KeyFiles.NONE :
            new KeyFiles(keyName == null ? null : keyName.file(), keySecret == null ? null : keySecret.file());
        if (!live && token != null && SecretSource.isPlaceholder(token.value()))
        {
            SecretSource.require(secrets, "admin_token", ADMIN_TOKEN_VARIABLE, token, false);
        }
        secrets.finish();

        ConfiguredCatalog catalog;
        final boolean deferred = venueCatalog && catalogUrl != null && !problems.isEmpty();
        if (!venueCatalog || catalogUrl == null || deferred)
        {
            catalog = ConfiguredCatalog.builtIn(venueName, "simulated".equals(venueName) ? "the simulated exchange's" :
                catalogUrl == null ? "no REST URL for the market at " + marketDataAny +
                    "; set venue.rest_url to load the catalog from it" : "not loaded from the venue");
        }
        else
        {
            catalog = venueCatalog(root, venueName, catalogUrl, ConfiguredCatalog.cachePath(journalDir, venueName), problems);
            if (cluster != null)
            {
                catalog = agreedAcrossMembers(root, catalog, venueName, problems);
            }
        }
        final EngineSettings spotSettings = EngineSettingsSection.read(root, live, problems, catalog.catalog(), deferred,
            urlDefaults);
        final PerpetualSettings perpetual = PerpetualSection.read(root.section("perpetual"), spotSettings.products(),
            catalog.catalog());
        final EngineSettings settings = perpetual.applyTo(spotSettings);
        root.finish();

        if (!problems.isEmpty())
        {
            throw new ConfigException(problems);
        }
        return new DaemonConfig(file, profile, venueName, marketData, rest, user, seed, tradesPerSecond, settings, bind,
            health, metrics, journalDir, retention, diskAlert, ringSize, wait, cancelOpen, shutdownTimeout, warmupOrders,
            token == null ? null : token.value(), token == null ? null : token.source(),
            keyName == null ? null : keyName.value(), keySecret == null ? null : keySecret.value(), overrides, logFormat, stageSampleEvery,
            new dev.peregrine.journal.snapshot.SnapshotPolicy(snapshotEvents,
                snapshotTime == null ? 0 : snapshotTime.toNanos(), (int) snapshotsKept), catalog, perpetual, keyFiles, cluster);
    }

    /**
     * The venue's catalog for the configured products; when it cannot be had (neither the venue nor the cached copy,
     * or a product it does not list) the loader's one line, naming the venue, the URL and the product or the cache,
     * is the configuration's only problem.
     */
    private static ConfiguredCatalog venueCatalog(final ConfigSection root, final String venue, final URI restUrl,
        final Path cache, final List<ConfigProblem> problems)
    {
        final int before = problems.size();
        final List<String> products = new ArrayList<>(new LinkedHashSet<>(root.strings("products",
            EngineSettingsSection.DEFAULT_PRODUCTS)));
        if (problems.size() > before || products.isEmpty())
        {
            // Reported once, by the settings' own reading of the list.
            problems.subList(before, problems.size()).clear();
            return ConfiguredCatalog.builtIn("no usable products list to ask the venue about");
        }
        try
        {
            return ConfiguredCatalog.fromVenue(venue, restUrl, products, cache);
        }
        catch (final IllegalStateException | IllegalArgumentException ex)
        {
            problems.add(new ConfigProblem("products", "'" + String.join(", ", products) + "'",
                "products the venue lists: " + ex.getMessage()));
            throw new ConfigException(problems);
        }
    }

    /** A cluster member's venue catalog with the reference prices every member agrees on (a problem per product without). */
    private static ConfiguredCatalog agreedAcrossMembers(final ConfigSection root, final ConfiguredCatalog loaded,
        final String venue, final List<ConfigProblem> problems)
    {
        final List<String> products = new ArrayList<>(new LinkedHashSet<>(root.strings("products",
            EngineSettingsSection.DEFAULT_PRODUCTS)));
        final List<String> missing = new ArrayList<>();
        final ConfiguredCatalog agreed = loaded.withAgreedReferencePrices(venue, products, missing);
        for (final String symbol : missing)
        {
            problems.add(new ConfigProblem("products", "'" + symbol + "'", "a product of the built-in lists in cluster " +
                "mode: its reference price (sizing the default limits, centring the sanity band) must be the same on " +
                "every member, and the venue's price differs from one member's start to the next"));
        }
        return agreed;
    }

    /** The key's shape and its secret's parse, as the order adapter will need them; messages name sources only. */
    private static void credentials(final ConfigSection secrets, final VenueKeys keys, final SecretSource.Secret keyName,
        final SecretSource.Secret keySecret)
    {
        try
        {
            VenueRegistry.standard().venue(keys.venue()).checkCredentials(keyName.value(), keySecret.value(),
                keyName.source() + " / " + keySecret.source());
        }
        catch (final CredentialsException ex)
        {
            secrets.problems().add(new ConfigProblem("secrets." + keys.key() + "_file/" + keys.secret() + "_file or " +
                keys.keyVariable() + "/" + keys.secretVariable(), "unusable " + keys.venue() + " credentials", ex.getMessage()));
        }
        catch (final RuntimeException ex)
        {
            secrets.problems().add(new ConfigProblem("secrets." + keys.secret() + "_file or " + keys.secretVariable(),
                "an unreadable private key (from " + keySecret.source() + ", " + ex.getClass().getSimpleName() + ")",
                keys.expectedSecret()));
        }
    }

    /**
     * Binance's WebSocket API for the venue's own market data; for another market-data host (the simulated Binance,
     * which serves its WebSocket API beside its streams) that host, whose {@code /ws-api/v3} the client then uses.
     */
    private static String binanceUserDataStream(final Venue binance, final URI marketData)
    {
        return marketData.equals(binance.defaultMarketDataUrl()) ? BINANCE_WEBSOCKET_API : marketData.toString();
    }

    private static String liveVenues()
    {
        final List<String> names = new ArrayList<>();
        for (final String name : VenueRegistry.standard().names())
        {
            if (VenueRegistry.standard().venue(name).tradesLive())
            {
                names.add(name);
            }
        }
        return String.join(", ", names);
    }

}
