package dev.peregrine.gateway.sim;

import dev.peregrine.core.agent.AgentThreads;
import dev.peregrine.gateway.capture.CaptureRecord;
import dev.peregrine.gateway.capture.CoinbaseCaptureReader;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.AgentTerminationException;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A recorded market: every {@code recv} frame of a Coinbase capture, sent verbatim, in order, at the
 * recorded pace divided by {@code speed} (infinite: as fast as the client reads). The capture holds its
 * own {@code subscriptions} confirmations and snapshots, so requests get no answer of their own: the
 * first {@code subscribe} starts the replay, and every session that has subscribed by the time a frame
 * is due receives it, with the recording's {@code sequence_num}s untouched.
 *
 * <p>Threads: the file is read and paced by this {@link Agent} on its own thread ({@code peregrine-sim-replay},
 * under {@link AgentThreads}, see {@link ReplayAgents}), so neither gzip nor waiting ever blocks the event loop; each frame is handed
 * to the event loop, which owns the sessions. A duty cycle does no work while a frame's write waits on a
 * client whose socket is not writable, so a slow client holds the file back rather than filling the heap
 * with the whole capture. The agent ends itself once the capture is out; a test drives it with an
 * {@link org.agrona.concurrent.AgentInvoker}.
 */
final class CoinbaseCaptureReplay extends SimulatedMarket implements Agent
{
    private static final long FLUSH_WAIT_NANOS = TimeUnit.SECONDS.toNanos(60);
    private static final String ROLE = "peregrine-sim-replay";

    private final Path file;
    private final double speed;
    private final CompletableFuture<Void> finished;
    private final Function<Agent, AgentRunner> starter;
    private final List<SimulatedSession> subscribed = new ArrayList<>();
    private volatile long framesSent;
    private volatile boolean closed;
    private EventLoop loop;
    private volatile AgentRunner runner;
    private boolean replayStarted;

    // Agent thread only.
    private CoinbaseCaptureReader reader;
    private long startNanoTime;
    private long firstEpochNanos = Long.MIN_VALUE;
    private CaptureRecord due;
    private Future<List<ChannelFuture>> broadcasting;
    private List<ChannelFuture> lastWrites = List.of();
    private long flushDeadline;

    /**
     * @param speed    1 for the recorded pace, 10 for ten times faster, {@link Double#POSITIVE_INFINITY} for no waiting.
     * @param finished completed once every frame has been written to the sockets of the subscribed sessions,
     *                 or exceptionally if the file cannot be read or the exchange closes first.
     */
    CoinbaseCaptureReplay(final Path file, final double speed, final CompletableFuture<Void> finished)
    {
        this(file, speed, finished, ReplayAgents::start);
    }

    /** @param starter runs the agent once the first client subscribed (a test keeps it to drive it inline). */
    CoinbaseCaptureReplay(final Path file, final double speed, final CompletableFuture<Void> finished,
        final Function<Agent, AgentRunner> starter)
    {
        if (!(speed > 0))
        {
            throw new IllegalArgumentException("replay speed must be > 0 (Double.POSITIVE_INFINITY: as fast as possible), was " + speed);
        }
        this.file = file;
        this.speed = speed;
        this.finished = finished;
        this.starter = starter;
    }

    @Override
    void start(final EventLoop eventLoop)
    {
        this.loop = eventLoop;
    }

    @Override
    void unregister(final SimulatedSession session)
    {
        super.unregister(session);
        subscribed.remove(session);
    }

    @Override
    void onRequest(final SimulatedSession session, final String type, final String channel, final List<String> productIds)
    {
        if (!"subscribe".equals(type))
        {
            return; // the recording decides what is sent; an unsubscribe cannot unsend it
        }
        session.subscribe(channel, productIds);
        if (!subscribed.contains(session))
        {
            subscribed.add(session);
        }
        if (!replayStarted && !closed)
        {
            replayStarted = true;
            runner = starter.apply(this);
        }
    }

    /** Frames handed to the sessions so far (any thread). */
    long framesSent()
    {
        return framesSent;
    }

    @Override
    public String roleName()
    {
        return ROLE;
    }

    @Override
    public void onStart()
    {
        startNanoTime = System.nanoTime();
    }

    /** One step of the replay: collect a broadcast, wait for a slow client, read the next frame, send it when due. */
    @Override
    public int doWork()
    {
        try
        {
            if (closed)
            {
                throw new CancellationException("the simulated exchange closed before the capture ended");
            }
            if (!collectBroadcast())
            {
                return 0;
            }
            if (flushDeadline != 0)
            {
                return finishWhenFlushed();
            }
            if (waitingForSlowClient())
            {
                return 0;
            }
            if (due == null && (due = nextFrame()) == null)
            {
                flushDeadline = System.nanoTime() + FLUSH_WAIT_NANOS;
                return finishWhenFlushed();
            }
            if (Double.isFinite(speed) &&
                System.nanoTime() - (startNanoTime + (long)((due.epochNanos() - firstEpochNanos) / speed)) < 0)
            {
                return 0;
            }
            final String text = due.data();
            due = null;
            broadcasting = loop.submit(() -> broadcast(text));
            return 1;
        }
        catch (final AgentTerminationException ex)
        {
            throw ex;
        }
        catch (final Throwable ex)
        {
            finished.completeExceptionally(ex);
            throw new AgentTerminationException(ex, ex instanceof CancellationException);
        }
    }

    /** False while the last broadcast is still on the event loop; counts it once it is done. */
    private boolean collectBroadcast() throws Exception
    {
        if (broadcasting == null)
        {
            return true;
        }
        if (!broadcasting.isDone())
        {
            return false;
        }
        lastWrites = broadcasting.get();
        broadcasting = null;
        framesSent++;
        return true;
    }

    /** True while a write of the last frame has not left for a client whose socket is not writable. */
    private boolean waitingForSlowClient()
    {
        for (final ChannelFuture write : lastWrites)
        {
            if (!write.isDone() && !write.channel().isWritable())
            {
                return true;
            }
        }
        return false;
    }

    /** The capture is out: once its last writes are done (or the flush deadline passed), the replay is finished. */
    private int finishWhenFlushed()
    {
        if (System.nanoTime() - flushDeadline < 0)
        {
            for (final ChannelFuture write : lastWrites)
            {
                if (!write.isDone())
                {
                    return 0;
                }
            }
        }
        finished.complete(null);
        throw new AgentTerminationException("the capture has been replayed", true);
    }

    private CaptureRecord nextFrame()
    {
        if (reader == null)
        {
            reader = CoinbaseCaptureReader.open(file);
        }
        final CaptureRecord frame = reader.nextFrame();
        if (frame != null && firstEpochNanos == Long.MIN_VALUE)
        {
            firstEpochNanos = frame.epochNanos();
        }
        return frame;
    }

    /** Event loop: one frame to every subscribed session; the futures of those writes. */
    private List<ChannelFuture> broadcast(final String text)
    {
        final List<ChannelFuture> writes = new ArrayList<>(subscribed.size());
        for (final SimulatedSession session : subscribed)
        {
            final ChannelFuture write = session.sendVerbatim(text);
            if (write != null)
            {
                writes.add(write);
            }
        }
        return writes;
    }

    @Override
    public void onClose()
    {
        if (reader != null)
        {
            reader.close();
        }
    }

    /** Stops the agent (waiting for its thread) and settles {@code finished} if the capture was not all out. */
    @Override
    void close()
    {
        closed = true;
        if (runner != null)
        {
            runner.close();
        }
        finished.completeExceptionally(new CancellationException("the simulated exchange closed before the capture ended"));
    }
}
