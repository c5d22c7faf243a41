package dev.peregrine.gateway.sim.binance;

import dev.peregrine.gateway.testing.Await;
import dev.peregrine.gateway.testing.TextCollector;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * The stream tests' client: the JDK's own WebSocket client (independent of the gateway's Netty one) connected to a
 * simulated Binance path, collecting text messages, counting the server's pings (the JDK answers each with a pong)
 * and noting the close.
 */
final class StreamClient implements WebSocket.Listener, AutoCloseable
{
    private static final Duration WAIT = Duration.ofSeconds(10);
    /** One client for every connection: making one initialises TLS, seconds on a busy machine. */
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private final List<String> received = new CopyOnWriteArrayList<>();
    private final TextCollector collector = new TextCollector(received);
    private final AtomicInteger pings = new AtomicInteger();
    private volatile int closeCode = -1;
    private final WebSocket socket;

    StreamClient(final URI base, final String pathAndQuery) throws Exception
    {
        socket = HTTP.newWebSocketBuilder().buildAsync(URI.create(base + pathAndQuery), this)
            .get(10, TimeUnit.SECONDS);
    }

    void send(final String text) throws Exception
    {
        socket.sendText(text, true).get(10, TimeUnit.SECONDS);
    }

    /** The first message (from the start) that {@code test} accepts, waiting for it. */
    String await(final String what, final Predicate<String> test)
    {
        Await.until(what, WAIT, () -> received.stream().anyMatch(test));
        return received.stream().filter(test).findFirst().orElseThrow();
    }

    List<String> received()
    {
        return received;
    }

    int pings()
    {
        return pings.get();
    }

    /** The close code the server sent, or -1 while open. */
    int closeCode()
    {
        return closeCode;
    }

    @Override
    public void onOpen(final WebSocket webSocket)
    {
        webSocket.request(1);
    }

    @Override
    public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
    {
        return collector.onText(webSocket, data, last);
    }

    @Override
    public CompletionStage<?> onPing(final WebSocket webSocket, final ByteBuffer message)
    {
        pings.incrementAndGet();
        webSocket.request(1);
        return null;
    }

    @Override
    public CompletionStage<?> onClose(final WebSocket webSocket, final int statusCode, final String reason)
    {
        closeCode = statusCode;
        return null;
    }

    @Override
    public void onError(final WebSocket webSocket, final Throwable error)
    {
        closeCode = 1006;
    }

    @Override
    public void close()
    {
        socket.abort();
    }
}
