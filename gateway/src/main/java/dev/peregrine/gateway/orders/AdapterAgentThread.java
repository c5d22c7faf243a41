package dev.peregrine.gateway.orders;

import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.agent.AgentThreads;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingIdleStrategy;

import java.util.Collection;
import java.util.Queue;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * The thread every venue's order adapter runs on, and the only ways other threads reach it: the outbound stage
 * offers requests to a bounded inbox, HTTP and WebSocket callbacks hand completions to run on it, and either wakes
 * it from its 1 ms idle sleep. The adapter (an Agrona {@link Agent}) composes one, drains it at the start of each
 * duty cycle and keeps its venue's order state to itself. Start once; after {@link #close()} nothing is taken.
 *
 * @param <R> the adapter's queued request type.
 */
public final class AdapterAgentThread<R>
{
    private static final long IDLE_NANOS = TimeUnit.MILLISECONDS.toNanos(1);

    private final ArrayBlockingQueue<R> inbox;
    private final Queue<Runnable> completions = new ConcurrentLinkedQueue<>();
    private volatile boolean closed;
    private volatile boolean started;
    private volatile Thread agentThread;
    private AgentRunner runner;

    public AdapterAgentThread(final int queueCapacity)
    {
        this.inbox = new ArrayBlockingQueue<>(queueCapacity);
    }

    /** From any thread: queues {@code request}; false once closed or when the inbox is full. */
    public boolean offer(final R request)
    {
        if (closed)
        {
            return false;
        }
        final boolean taken = inbox.offer(request);
        wake();
        return taken;
    }

    /** From any thread: runs {@code completion} on the adapter's thread, in its next duty cycle. */
    public void onAdapterThread(final Runnable completion)
    {
        completions.add(completion);
        wake();
    }

    /** Adapter thread: runs the completions handed over so far; how many. */
    public int runCompletions()
    {
        int work = 0;
        Runnable completion;
        while ((completion = completions.poll()) != null)
        {
            completion.run();
            work++;
        }
        return work;
    }

    /** Adapter thread: moves the queued requests to {@code pending}; how many. */
    public int drainInbox(final Collection<R> pending)
    {
        int work = 0;
        R request;
        while ((request = inbox.poll()) != null)
        {
            pending.add(request);
            work++;
        }
        return work;
    }

    public boolean started()
    {
        return started;
    }

    /**
     * Starts {@code agent} on its own thread, its errors counted in {@code errors}; {@code beforeThread} runs first,
     * once the adapter counts as started.
     *
     * @throws IllegalStateException when already started.
     */
    public void start(final Agent agent, final AgentErrors errors, final Runnable beforeThread)
    {
        if (started)
        {
            throw new IllegalStateException("already started");
        }
        started = true;
        beforeThread.run();
        runner = AgentThreads.start(agent, new SleepingIdleStrategy(IDLE_NANOS), errors);
    }

    /** The agent's {@code onStart}: from now on {@link #wake()} unparks this thread. */
    public void onStart()
    {
        agentThread = Thread.currentThread();
    }

    /** From any thread: ends the adapter thread's idle sleep. */
    public void wake()
    {
        final Thread t = agentThread;
        if (t != null)
        {
            LockSupport.unpark(t);
        }
    }

    /** Stops the thread; requests still queued are dropped without answers. */
    public void close()
    {
        closed = true;
        if (runner != null)
        {
            runner.close();
        }
    }
}
