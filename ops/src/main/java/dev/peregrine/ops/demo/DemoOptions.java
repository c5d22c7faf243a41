package dev.peregrine.ops.demo;

import dev.peregrine.core.engine.EngineSettings;

import java.nio.file.Path;
import java.time.Duration;

/** Everything a demo run needs, validated by the command before it is built. */
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
    int ringSize)
{
}
