package dev.peregrine.ops.demo;

import dev.peregrine.gateway.venue.ReplayCapture;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.journal.RetentionPolicy;

import java.nio.file.Path;
import java.time.Duration;

/**
 * Everything a demo run needs, validated by the command before it is built.
 *
 * @param duration    how long to run; with a replay, null means "until the capture ends".
 * @param replay      the capture to replay instead of the generated market, or null.
 * @param summaryJson where to write the run's JSON summary, or null for none.
 * @param venue       {@code coinbase} or {@code binance}: which venue the generated market simulates.
 * @param adminTokenFile file holding the admin bearer token, or null for the environment or a generated one.
 * @param retention   journal retention to apply while running, or null for none.
 * @param diskAlertRatio free fraction of the journal's volume below which the disk alert should fire.
 * @param stageSampleEvery the stage latency histograms time ring wait and strategy on one live input in this many
 *                    (a power of two; 1 times every input).
 */
public record DemoOptions(
    EngineSettings settings,
    Duration duration,
    Path journalDir,
    String bindAddress,
    int metricsPort,
    int healthPort,
    long seed,
    int tradesPerSecond,
    String waitStrategy,
    int ringSize,
    ReplayCapture replay,
    Path summaryJson,
    String venue,
    Path adminTokenFile,
    RetentionPolicy retention,
    double diskAlertRatio,
    int stageSampleEvery)
{
}
