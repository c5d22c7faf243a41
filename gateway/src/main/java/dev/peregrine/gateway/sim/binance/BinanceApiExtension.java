package dev.peregrine.gateway.sim.binance;

/**
 * What the simulated Binance serves beyond market data, plugged into {@link BinanceSimulatedExchange}: the spot
 * trading REST API and its user data streams ({@code gateway/binance/emulator}). The exchange owns the one port
 * and its event loop; it answers the market endpoints and streams itself and hands everything else here. Every
 * method is called on the exchange's event loop.
 */
public interface BinanceApiExtension
{
    /** The answer to a REST request the market side does not serve, or null when the path is not this API's (404). */
    BinanceHttpAnswer answer(BinanceHttpRequest request);

    /** True when {@code /ws/<name>} names a user data stream (a live listen key) rather than a market stream. */
    boolean servesUserStream(String name);

    /** A client connected to the user data stream {@code name}; events for it go to {@code sink} until closed. */
    void openUserStream(String name, UserStreamSink sink);

    /** The client of {@code sink} went away. */
    void closeUserStream(String name, UserStreamSink sink);

    /** The market of {@code symbol} moved (a trade or a book change): resting orders may fill against it. */
    void onMarket(String symbol, BinanceMarketView market);

    /**
     * The path of the trading API's WebSocket API ({@code /ws-api/v3}), where a client sends JSON requests
     * ({@code {"id","method","params"}}) and gets answers and user data events on the same connection; null when this
     * API serves none. A connection there goes to {@link #openApiSession}, each text frame to {@link #onApiRequest}.
     */
    default String webSocketApiPath()
    {
        return null;
    }

    /** A client connected to the WebSocket API; answers and subscribed events for it go to {@code sink} until closed. */
    default void openApiSession(final UserStreamSink sink)
    {
    }

    /** One text frame from a WebSocket API client: a JSON request, answered on {@code sink}. */
    default void onApiRequest(final UserStreamSink sink, final String text)
    {
    }

    /** The WebSocket API client of {@code sink} went away. */
    default void closeApiSession(final UserStreamSink sink)
    {
    }
}
