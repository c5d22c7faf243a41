package dev.peregrine.gateway.sim;

import dev.peregrine.gateway.testing.TextCollector;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * The simulator tests' client: starts a {@link SimulatedExchange}, connects the JDK's own WebSocket client to it
 * (independent of the gateway's Netty client), collects every text message in arrival order, and after each test
 * aborts the socket and closes the exchange. Register it with {@code @RegisterExtension}.
 */
final class SimulatorClient implements AfterEachCallback
{
    private final List<String> received = new CopyOnWriteArrayList<>();
    private SimulatedExchange exchange;
    private WebSocket socket;

    /** Starts {@code simulated} and connects to it; returns it. */
    SimulatedExchange connect(final SimulatedExchange simulated) throws Exception
    {
        exchange = simulated;
        simulated.start();
        socket = HttpClient.newHttpClient().newWebSocketBuilder()
            .buildAsync(simulated.uri(), new TextCollector(received)).get(10, TimeUnit.SECONDS);
        return simulated;
    }

    /** Sends a {@code subscribe} request for {@code channel} and {@code products}, waiting until it is sent. */
    void subscribe(final String channel, final String... products) throws Exception
    {
        socket.sendText("{\"type\":\"subscribe\",\"product_ids\":[\"" + String.join("\",\"", products) +
            "\"],\"channel\":\"" + channel + "\"}", true).get(10, TimeUnit.SECONDS);
    }

    /** Every text message so far; the list is its own monitor, notified on each message. */
    List<String> received()
    {
        return received;
    }

    /** Waits until {@code count} messages have arrived or {@code timeoutNanos} passed; the messages so far. */
    List<String> awaitMessages(final int count, final long timeoutNanos) throws InterruptedException
    {
        final long deadline = System.nanoTime() + timeoutNanos;
        synchronized (received)
        {
            while (received.size() < count && System.nanoTime() - deadline < 0)
            {
                received.wait(100);
            }
        }
        return received;
    }

    @Override
    public void afterEach(final ExtensionContext context)
    {
        if (socket != null)
        {
            socket.abort();
        }
        if (exchange != null)
        {
            exchange.close();
        }
    }
}
