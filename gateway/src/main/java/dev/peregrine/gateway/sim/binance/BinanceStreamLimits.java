package dev.peregrine.gateway.sim.binance;

import java.time.Duration;

/**
 * The documented limits of Binance's market-stream connections: a ping frame every 20 s and a disconnect when no pong
 * came for a minute, at most 24 h per connection, 5 incoming messages a second, 1024 streams a connection and 300
 * connection attempts per IP in 5 minutes. Tests shorten the times.
 */
record BinanceStreamLimits(Duration pingInterval, Duration pongTimeout, Duration maxConnectionAge,
    int messagesPerSecond, int streamsPerConnection, int connectionsPerWindow, Duration connectionWindow)
{
    static final BinanceStreamLimits DOCUMENTED = new BinanceStreamLimits(Duration.ofSeconds(20), Duration.ofMinutes(1),
        Duration.ofHours(24), 5, 1024, 300, Duration.ofMinutes(5));
}
