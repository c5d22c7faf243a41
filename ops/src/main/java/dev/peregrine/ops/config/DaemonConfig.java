package dev.peregrine.ops.config;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.journal.RetentionPolicy;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A validated configuration of {@code peregrine run}: what {@link DaemonConfigLoader} builds from the YAML
 * file and the environment once every check passed. {@link #toString()} leaves the secrets out.
 *
 * @param venue            {@code simulated} (the embedded exchange), {@code coinbase} or {@code binance}.
 * @param marketDataUrl    the venue's market-data WebSocket; null for the simulated venue.
 * @param restUrl          Binance: the REST base for book snapshots and, live, orders; Coinbase live: the order REST base.
 * @param userChannelUrl   live: Coinbase's user-channel WebSocket, or the Binance stream host of the user data stream;
 *                         otherwise null.
 * @param adminToken       the admin bearer token, or null for a generated one (paper only).
 * @param apiKey           live only: the venue's API key (Coinbase: its name); null otherwise.
 * @param apiSecret        live only: its secret (Coinbase: the private key PEM; Binance: the HMAC secret or an
 *                         Ed25519 private key PEM); null otherwise.
 * @param overrides        the environment overrides applied, as "path (VARIABLE)", for the start-up line.
 * @param warmupOrders     synthetic orders the live profile runs through a scratch core's order path at start
 *                         ({@code startup.warmup_orders}; 0: none)
 * @param stageSampleEvery the per-stage latency histograms time ring wait and strategy on one live input in this many.
 * @param logFormat        {@code json}: JSON log lines on stdout, the human status line and summary on stderr;
 *                         {@code text}: only the human output, on stdout.
 * @param catalog          the product catalog the settings were checked and sized against, and where it came from;
 *                         the engine runs on the same one.
 * @param perpetual        collateral, and leverage and margin type per perpetual product (empty for spot products
 *                         only); the leverage and collateral are in {@link #settings} too, the margin type is for a
 *                         live venue to set at start.
 * @param keyFiles         live: the files the API key was read from, re-read when rotated ({@code secrets.reload_key_files},
 *                         on by default); {@code KeyFiles.NONE} when it came from the environment or reloading is off.
 * @param cluster          {@code cluster:}: this process is one member of a cluster ({@link ClusterConfig}); null for a
 *                         single node. A member's {@link #healthPort} and {@link #metricsPort} are the file's plus its
 *                         member id (0 stays 0).
 */
public record DaemonConfig(
    Path file,
    String profile,
    String venue,
    URI marketDataUrl,
    URI restUrl,
    URI userChannelUrl,
    long simulatedSeed,
    int simulatedTradesPerSecond,
    EngineSettings settings,
    String bindAddress,
    int healthPort,
    int metricsPort,
    Path journalDir,
    RetentionPolicy retention,
    double diskAlertRatio,
    int ringSize,
    String waitStrategy,
    boolean cancelOpenOrdersOnShutdown,
    Duration shutdownTimeout,
    int warmupOrders,
    String adminToken,
    String adminTokenSource,
    String apiKey,
    String apiSecret,
    List<String> overrides,
    String logFormat,
    int stageSampleEvery,
    dev.peregrine.journal.snapshot.SnapshotPolicy snapshots,
    ConfiguredCatalog catalog,
    PerpetualSettings perpetual,
    dev.peregrine.gateway.orders.KeyFiles keyFiles,
    ClusterConfig cluster)
{
    /** Whether this process is one member of a cluster ({@code cluster:}); otherwise a single node. */
    public boolean clustered()
    {
        return cluster != null;
    }

    public boolean jsonLogs()
    {
        return "json".equals(logFormat);
    }

    public boolean live()
    {
        return "live".equals(profile);
    }

    @Override
    public String toString()
    {
        return "DaemonConfig{file=" + file + ", profile=" + profile + ", venue=" + venue + ", products=" +
            settings.products() + ", journal=" + journalDir + ", admin token from " + adminTokenSource + "}";
    }
}
