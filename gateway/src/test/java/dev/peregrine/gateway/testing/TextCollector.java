package dev.peregrine.gateway.testing;

import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletionStage;

/**
 * A JDK WebSocket listener that joins each text message's fragments and adds the whole message to a list,
 * in arrival order. Adds under the list's monitor and notifies it, so a test may {@code wait} on the list.
 */
public final class TextCollector implements WebSocket.Listener
{
    private final List<String> received;
    private final StringBuilder partial = new StringBuilder();

    /** @param received where the messages go; thread-safe for readers (e.g. a CopyOnWriteArrayList). */
    public TextCollector(final List<String> received)
    {
        this.received = received;
    }

    @Override
    public CompletionStage<?> onText(final WebSocket webSocket, final CharSequence data, final boolean last)
    {
        partial.append(data);
        if (last)
        {
            synchronized (received)
            {
                received.add(partial.toString());
                received.notifyAll();
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }
}
