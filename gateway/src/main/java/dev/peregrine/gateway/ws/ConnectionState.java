package dev.peregrine.gateway.ws;

/**
 * Where a reconnecting {@link WebSocketClient} user stands (the Coinbase market-data client); its ordinal is exported as a gauge
 * ({@code GatewayMetrics.connectionState()}), so never reorder, only append.
 */
public enum ConnectionState
{
    /** Created, not started. */
    NEW,
    /** A connection attempt (TCP, TLS, WebSocket handshake) is under way. */
    CONNECTING,
    /** Handshake done; subscriptions sent or being sent (paced). */
    CONNECTED,
    /** The connection was lost; waiting for the next attempt (exponential backoff with jitter). */
    BACKOFF,
    /** Closed by {@code close()}: no more attempts. */
    CLOSED
}
