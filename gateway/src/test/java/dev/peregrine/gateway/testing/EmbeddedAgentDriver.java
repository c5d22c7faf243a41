package dev.peregrine.gateway.testing;

import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentRunner;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Drives an agent that hands work to a Netty event loop (the simulators' replays) inline, with no thread: the
 * agent runs under an {@link AgentInvoker}, the loop is an {@link EmbeddedChannel}'s, whose tasks run when
 * {@link #cycles} says so, and what was written to the channel is read back in order. Register it with
 * {@code @RegisterExtension}; it releases what is left on the channel after each test.
 */
public final class EmbeddedAgentDriver implements AfterEachCallback
{
    private final EmbeddedChannel channel = new EmbeddedChannel();
    private final List<Agent> started = new ArrayList<>();
    private final List<Throwable> errors = new CopyOnWriteArrayList<>();
    private AgentInvoker invoker;

    /** The channel the agent's sessions write to; its event loop is the one to hand the agent. */
    public EmbeddedChannel channel()
    {
        return channel;
    }

    /** A starter for the agent's owner: keeps the agent (see {@link #started()}) instead of starting a thread. */
    public AgentRunner keep(final Agent agent)
    {
        started.add(agent);
        return null;
    }

    /** The agents handed to {@link #keep}, in order. */
    public List<Agent> started()
    {
        return started;
    }

    /** Errors the agent's duty cycles handed to the invoker's error handler. */
    public List<Throwable> errors()
    {
        return errors;
    }

    /** Starts {@code agent} under an invoker (its {@code onStart} runs now). */
    public AgentInvoker start(final Agent agent)
    {
        invoker = new AgentInvoker(errors::add, null, agent);
        invoker.start();
        return invoker;
    }

    /** Up to {@code count} duty cycles, each followed by the loop's pending tasks; stops early once the agent ended. */
    public void cycles(final int count)
    {
        for (int i = 0; i < count && invoker.isRunning(); i++)
        {
            invoker.invoke();
            channel.runPendingTasks();
        }
    }

    /** The text frames written to the channel since the last call, in order. */
    public List<String> sentTexts()
    {
        final List<String> texts = new ArrayList<>();
        Object written;
        while ((written = channel.readOutbound()) != null)
        {
            final TextWebSocketFrame text = (TextWebSocketFrame)written;
            texts.add(text.text());
            text.release();
        }
        return texts;
    }

    @Override
    public void afterEach(final ExtensionContext context)
    {
        channel.finishAndReleaseAll();
    }
}
