package dev.peregrine.ops.config;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.execution.FillModel;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.strategy.config.BuiltInStrategies;
import dev.peregrine.core.strategy.config.StrategyConfigException;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.orders.CredentialsException;
import dev.peregrine.journal.RetentionPolicy;
import dev.peregrine.ops.engine.WaitStrategies;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
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
        "risk", "paper", "ports", "journal", "ring", "shutdown", "logging", "metrics", "secrets"));
    public static final String COINBASE_KEY_VARIABLE = "COINBASE_API_KEY";
    public static final String COINBASE_SECRET_VARIABLE = "COINBASE_API_SECRET";
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
        final List<ConfigProblem> problems = new ArrayList<>();
        final Map<String, Object> tree = parse(file, problems);
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
        final String venueName = venue.choice("name", "simulated", List.of("simulated", "coinbase", "binance"));
        if (live && !"coinbase".equals(venueName))
        {
            venue.problem("name", venueName, "coinbase: the live profile sends orders to Coinbase only");
        }
        // Every URL key is read (and checked) whatever the venue, so switching profile or venue with an
        // override never turns a key of the file into an unknown one.
        final URI marketDataAny = url(venue, "market_data_url", "binance".equals(venueName) ?
            "wss://stream.binance.com:9443" : "wss://advanced-trade-ws.coinbase.com", "ws", "wss");
        final URI restAny = url(venue, "rest_url", "binance".equals(venueName) ?
            "https://api.binance.com" : "https://api.coinbase.com", "http", "https");
        final URI userAny = url(venue, "user_channel_url", "wss://advanced-trade-ws-user.coinbase.com", "ws", "wss");
        if (live)
        {
            // The order API and user channel carry signed JWTs, and live market data drives real orders: in
            // plain text only to this machine (peregrine sim), never across a network.
            requireTls(venue, "market_data_url", marketDataAny, "wss");
            requireTls(venue, "rest_url", restAny, "https");
            requireTls(venue, "user_channel_url", userAny, "wss");
        }
        final URI marketData = "simulated".equals(venueName) ? null : marketDataAny;
        final URI rest = "binance".equals(venueName) || live ? restAny : null;
        final URI user = live ? userAny : null;
        final ConfigSection simulated = venue.section("simulated");
        final long seed = simulated.integer("seed", 42, Long.MIN_VALUE, Long.MAX_VALUE);
        final int tradesPerSecond = (int) simulated.integer("trades_per_second", 100, 1, 100_000);
        simulated.finish();
        venue.finish();

        final EngineSettings settings = settings(root, live, problems);

        final ConfigSection ports = root.section("ports");
        final String bind = ports.string("bind", "127.0.0.1");
        final int health = ports.port("health", 8080);
        final int metrics = ports.port("metrics", 9090);
        ports.finish();
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
        if (live)
        {
            keyName = SecretSource.read(secrets, "coinbase_api_key", COINBASE_KEY_VARIABLE, environment);
            keySecret = SecretSource.read(secrets, "coinbase_api_secret", COINBASE_SECRET_VARIABLE, environment);
            SecretSource.require(secrets, "admin_token", ADMIN_TOKEN_VARIABLE, token, true);
            SecretSource.require(secrets, "coinbase_api_key", COINBASE_KEY_VARIABLE, keyName, false);
            SecretSource.require(secrets, "coinbase_api_secret", COINBASE_SECRET_VARIABLE, keySecret, false);
            if (keyName != null && keySecret != null && !SecretSource.isPlaceholder(keyName.value()) &&
                !SecretSource.isPlaceholder(keySecret.value()))
            {
                coinbaseCredentials(secrets, keyName, keySecret);
            }
        }
        else
        {
            // Known keys on every profile: a live file checked with --profile paper stays valid.
            secrets.has("coinbase_api_key_file");
            secrets.has("coinbase_api_secret_file");
        }
        if (!live && token != null && SecretSource.isPlaceholder(token.value()))
        {
            SecretSource.require(secrets, "admin_token", ADMIN_TOKEN_VARIABLE, token, false);
        }
        secrets.finish();
        root.finish();

        if (!problems.isEmpty())
        {
            throw new ConfigException(problems);
        }
        return new DaemonConfig(file, profile, venueName, marketData, rest, user, seed, tradesPerSecond, settings, bind,
            health, metrics, journalDir, retention, diskAlert, ringSize, wait, cancelOpen, shutdownTimeout,
            token == null ? null : token.value(), token == null ? null : token.source(),
            keyName == null ? null : keyName.value(), keySecret == null ? null : keySecret.value(), overrides, logFormat, stageSampleEvery,
            new dev.peregrine.journal.snapshot.SnapshotPolicy(snapshotEvents,
                snapshotTime == null ? 0 : snapshotTime.toNanos(), (int) snapshotsKept));
    }

    /** The key name's shape and the PEM parse, as the order adapter will need them; messages name sources only. */
    /** paper.slippage_bps: the unlimited fill model's price worsening, at least 0 and under 1000 bps. */
    private static double slippageBps(final ConfigSection paper)
    {
        final double bps = Double.parseDouble(paper.decimal("slippage_bps",
            Double.toString(PaperVenueSettings.DEFAULT_SLIPPAGE_BPS), true));
        if (bps >= 1000)
        {
            paper.problem("slippage_bps", bps, "a slippage in bps >= 0 and under 1000, e.g. 5");
            return PaperVenueSettings.DEFAULT_SLIPPAGE_BPS;
        }
        return bps;
    }

    /** paper.participation: a share of the traded volume, above 0 and at most 1 (the volume fill model). */
    private static double participation(final ConfigSection paper)
    {
        final double share = Double.parseDouble(paper.decimal("participation",
            Double.toString(PaperVenueSettings.DEFAULT_PARTICIPATION), false));
        if (!(share > 0 && share <= 1))
        {
            paper.problem("participation", share, "a share of the traded volume above 0 and at most 1, e.g. 0.25");
            return PaperVenueSettings.DEFAULT_PARTICIPATION;
        }
        return share;
    }

    private static void coinbaseCredentials(final ConfigSection secrets, final SecretSource.Secret keyName,
        final SecretSource.Secret keySecret)
    {
        try
        {
            CoinbaseCredentials.of(keyName.value(), keySecret.value(), keyName.source() + " / " + keySecret.source());
        }
        catch (final CredentialsException ex)
        {
            secrets.problems().add(new ConfigProblem("secrets.coinbase_api_key_file/coinbase_api_secret_file or " +
                COINBASE_KEY_VARIABLE + "/" + COINBASE_SECRET_VARIABLE, "unusable Coinbase credentials", ex.getMessage()));
        }
        catch (final RuntimeException ex)
        {
            secrets.problems().add(new ConfigProblem("secrets.coinbase_api_secret_file or " + COINBASE_SECRET_VARIABLE,
                "an unreadable private key (from " + keySecret.source() + ", " + ex.getClass().getSimpleName() + ")",
                "a P-256 private key in PEM (EC PRIVATE KEY or PRIVATE KEY)"));
        }
    }

    /** Products, order size, strategies, risk limits and paper venue: everything the journal header records. */
    private static EngineSettings settings(final ConfigSection root, final boolean live, final List<ConfigProblem> problems)
    {
        final List<String> products = new ArrayList<>(root.strings("products", List.of("BTC-USD", "ETH-USD")));
        if (products.isEmpty())
        {
            root.problem("products", "[]", "at least one product");
            products.add("BTC-USD");
        }
        for (int i = 0; i < products.size(); i++)
        {
            final String product = products.get(i);
            if (ProductCatalog.find(product) == null || products.indexOf(product) != i)
            {
                problems.add(new ConfigProblem("products[" + i + "]", "'" + product + "'", products.indexOf(product) != i ?
                    "each product once" : "a known product (" + String.join(", ", ProductCatalog.symbols()) + ")"));
            }
        }
        products.removeIf(p -> ProductCatalog.find(p) == null);
        final List<String> known = new ArrayList<>(new LinkedHashSet<>(products));
        if (known.isEmpty())
        {
            known.add("BTC-USD");
        }
        final ConfigSection order = root.section("order");
        final double notional = Double.parseDouble(order.decimal("notional", "1000", false));
        final String type = order.choice("type", "market", List.of("market", "limit"));
        final Duration venueTimeout = order.duration("venue_timeout", Duration.ofNanos(EngineSettings.DEFAULT_VENUE_TIMEOUT_NANOS), true);
        order.finish();

        final ConfigSection paper = root.section("paper");
        final PaperVenueSettings paperVenue = new PaperVenueSettings(
            paper.duration("order_latency", Duration.ofMillis(20), true).toNanos(),
            paper.duration("cancel_latency", Duration.ofMillis(20), true).toNanos(),
            paper.duration("fill_latency", Duration.ofMillis(5), true).toNanos(),
            Double.parseDouble(paper.decimal("maker_fee_bps", "40", true)),
            Double.parseDouble(paper.decimal("taker_fee_bps", "60", true)))
            .withFillModel(FillModel.parse(paper.choice("fill_model", FillModel.TOUCH.cliName(),
                    List.of("touch", "volume", "unlimited"))),
                participation(paper),
                paper.duration("fill_window", Duration.ofNanos(PaperVenueSettings.DEFAULT_FILL_WINDOW_NANOS), false).toNanos(),
                slippageBps(paper));
        paper.finish();

        EngineSettings settings = EngineSettings.defaults(known, notional)
            .withPassiveOrders("limit".equals(type))
            .withPaperVenue(paperVenue)
            .withVenueTimeout(venueTimeout.toNanos())
            .withLiveVenue(live);
        settings = settings.withRisk(RiskSection.read(root.section("risk"), settings));
        final List<StrategySpec> specs = strategies(root);
        try
        {
            BuiltInStrategies.configure(specs, settings.products(), settings.orderQuantity());
        }
        catch (final StrategyConfigException ex)
        {
            for (final String problem : ex.problems())
            {
                problems.add(new ConfigProblem(strategyPath(specs, problem), problem, "types and parameters as 'peregrine demo --list-strategies' lists them"));
            }
        }
        return settings.withStrategies(specs);
    }

    /** {@code strategies[i]} of the spec a problem names ("strategy 'NAME'..."), else the list as a whole. */
    private static String strategyPath(final List<StrategySpec> specs, final String problem)
    {
        for (int i = 0; i < specs.size(); i++)
        {
            if (problem.startsWith("strategy '" + specs.get(i).name() + "'"))
            {
                return "strategies[" + i + "]";
            }
        }
        return "strategies";
    }

    private static List<StrategySpec> strategies(final ConfigSection root)
    {
        final List<StrategySpec> specs = new ArrayList<>();
        final List<ConfigSection> entries = root.sections("strategies");
        for (int i = 0; i < entries.size(); i++)
        {
            final ConfigSection entry = entries.get(i);
            final String type = entry.string("type", null);
            if (type == null)
            {
                entry.problem("type", null, "a strategy type (" + String.join(", ", BuiltInStrategies.types()) + ")");
            }
            final String name = entry.string("name", type == null ? "strategy-" + (i + 1) : type);
            final ConfigSection params = entry.section("params");
            params.acceptAnyKey();
            final Map<String, String> values = new LinkedHashMap<>();
            for (final String key : params.keys())
            {
                final Object value = params.raw(key);
                if (value instanceof Map || value instanceof List || value == null)
                {
                    params.problem(key, value, "a single value");
                    continue;
                }
                values.put(key, value.toString());
            }
            entry.finish();
            if (type != null)
            {
                specs.add(new StrategySpec(name, type, values));
            }
        }
        return specs;
    }

    private static void requireTls(final ConfigSection section, final String key, final URI uri, final String secure)
    {
        if (!secure.equals(uri.getScheme()) && !isLoopback(uri.getHost()))
        {
            section.problem(key, uri.toString(), secure + ":// with the live profile (plain " + uri.getScheme() +
                " only to a loopback host such as 127.0.0.1, e.g. peregrine sim)");
        }
    }

    /** A loopback host by its text alone: no name lookup while validating. */
    static boolean isLoopback(final String host)
    {
        return host != null && ("localhost".equalsIgnoreCase(host) || host.startsWith("127.") ||
            "[::1]".equals(host) || "::1".equals(host));
    }

    private static URI url(final ConfigSection section, final String key, final String defaultValue, final String... schemes)
    {
        final String text = section.string(key, defaultValue);
        try
        {
            final URI uri = new URI(text);
            if (uri.getHost() == null || !List.of(schemes).contains(uri.getScheme()))
            {
                section.problem(key, text, "a URL with scheme " + String.join(" or ", schemes) + " and a host");
                return URI.create(defaultValue);
            }
            return uri;
        }
        catch (final java.net.URISyntaxException ex)
        {
            section.problem(key, text, "a URL with scheme " + String.join(" or ", schemes) + " and a host");
            return URI.create(defaultValue);
        }
    }

    /** The file as a tree of maps; null (with the problem recorded) when it cannot be read or is not a mapping. */
    @SuppressWarnings("unchecked")
    private static Map<String, Object> parse(final Path file, final List<ConfigProblem> problems)
    {
        final LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        final Yaml yaml = new Yaml(new SafeConstructor(options));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            final Object loaded = yaml.load(reader);
            if (loaded == null)
            {
                return new LinkedHashMap<>();
            }
            if (!(loaded instanceof Map))
            {
                problems.add(new ConfigProblem(file.toString(), "a " + loaded.getClass().getSimpleName(),
                    "a YAML mapping of sections (" + String.join(", ", SECTIONS) + ")"));
                return null;
            }
            final Map<String, Object> tree = new LinkedHashMap<>();
            ((Map<Object, Object>) loaded).forEach((k, v) -> tree.put(String.valueOf(k), v));
            return tree;
        }
        catch (final IOException ex)
        {
            problems.add(new ConfigProblem(file.toString(), null, "a readable YAML file (" + ex.getClass().getSimpleName() + ")"));
            return null;
        }
        catch (final MarkedYAMLException ex)
        {
            // The problem and its position only: the parser's snippet of the line might hold a pasted secret.
            problems.add(new ConfigProblem(file + ":" + (ex.getProblemMark().getLine() + 1) + ":" +
                (ex.getProblemMark().getColumn() + 1), "invalid YAML (" + ex.getProblem() + ")", "valid YAML"));
            return null;
        }
        catch (final YAMLException ex)
        {
            problems.add(new ConfigProblem(file.toString(), "invalid YAML", "valid YAML"));
            return null;
        }
    }
}
