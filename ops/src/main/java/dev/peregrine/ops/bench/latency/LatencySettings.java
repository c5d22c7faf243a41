package dev.peregrine.ops.bench.latency;

import java.time.Duration;

/**
 * What one {@code bench latency} run does: how long it warms up and measures, how many frames a second the venue
 * writes, one in how many of them is a trade that causes an order, the ring's wait strategy, and the synthetic orders
 * the engine's order path is warmed with before it starts (as {@code run}'s {@code startup.warmup_orders}).
 */
record LatencySettings(Duration duration, Duration warmup, int rate, int triggerEvery, String waitStrategy, int warmupOrders)
{
}
