package dev.peregrine.gateway.sim;

import dev.peregrine.gateway.capture.CaptureRecord;
import dev.peregrine.gateway.capture.CoinbaseCaptureReader;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

/**
 * A recorded market: every {@code recv} frame of a Coinbase capture, sent verbatim, in order, at the
 * recorded pace divided by {@code speed} (infinite: as fast as the client reads). The capture holds its
 * own {@code subscriptions} confirmations and snapshots, so requests get no answer of their own: the
 * first {@code subscribe} starts the replay, and every session that has subscribed by the time a frame
 * is due receives it, with the recording's {@code sequence_num}s untouched.
 *
 * <p>Threads: the file is read and paced on its own thread ({@code peregrine-sim-replay}), so neither
 * gzip nor waiting ever blocks the event loop; each frame is handed to the event loop, which owns the
 * sessions. The replay thread waits for a frame's write whenever a client's socket is not writable, so
 * a slow client holds the file back rather than filling the heap with the whole capture.
 */
final class CoinbaseCaptureReplay implements SimulatedMarket
{
    private static final long FLUSH_WAIT_MILLIS = 60_000;

    private final Path file;
    private final double speed;
    private final CompletableFuture<Void> finished;
    private final List<SimulatedSession> sessions = new ArrayList<>();
    private final List<SimulatedSession> subscribed = new ArrayList<>();
    private volatile int sessionCount;
    private volatile long framesSent;
    private volatile boolean closed;
    private EventLoop loop;
    private Thread thread;

    /**
     * @param speed    1 for the recorded pace, 10 for ten times faster, {@link Double#POSITIVE_INFINITY} for no waiting.
     * @param finished completed once every frame has been written to the sockets of the subscribed sessions,
     *                 or exceptionally if the file cannot be read or the exchange closes first.
     */
    CoinbaseCaptureReplay(final Path file, final double speed, final CompletableFuture<Void> finished)
    {
        if (!(speed > 0))
        {
            throw new IllegalArgumentException("replay speed must be > 0 (Double.POSITIVE_INFINITY: as fast as possible), was " + speed);
        }
        this.file = file;
        this.speed = speed;
        this.finished = finished;
    }

    @Override
    public void start(final EventLoop eventLoop)
    {
        this.loop = eventLoop;
    }

    @Override
    public void register(final SimulatedSession session)
    {
        sessions.add(session);
        sessionCount = sessions.size();
    }

    @Override
    public void unregister(final SimulatedSession session)
    {
        sessions.remove(session);
        subscribed.remove(session);
        sessionCount = sessions.size();
    }

    @Override
    public void onRequest(final SimulatedSession session, final String type, final String channel, final List<String> productIds)
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
        if (thread == null && !closed)
        {
            thread = new Thread(this::run, "peregrine-sim-replay");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public List<SimulatedSession> sessions()
    {
        return sessions;
    }

    @Override
    public int sessionCount()
    {
        return sessionCount;
    }

    /** Frames handed to the sessions so far (any thread). */
    long framesSent()
    {
        return framesSent;
    }

    private void run()
    {
        try (CoinbaseCaptureReader reader = CoinbaseCaptureReader.open(file))
        {
            final long startNanoTime = System.nanoTime();
            long firstEpochNanos = Long.MIN_VALUE;
            List<ChannelFuture> lastWrites = List.of();
            CaptureRecord frame;
            while (!closed && (frame = reader.nextFrame()) != null)
            {
                if (firstEpochNanos == Long.MIN_VALUE)
                {
                    firstEpochNanos = frame.epochNanos();
                }
                if (Double.isFinite(speed))
                {
                    awaitDue(startNanoTime + (long)((frame.epochNanos() - firstEpochNanos) / speed));
                }
                final String text = frame.data();
                lastWrites = loop.submit(() -> broadcast(text)).get();
                framesSent++;
                for (final ChannelFuture write : lastWrites)
                {
                    if (!write.channel().isWritable())
                    {
                        awaitWrite(write);
                    }
                }
            }
            if (closed)
            {
                throw new CancellationException("the simulated exchange closed before the capture ended");
            }
            final long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(FLUSH_WAIT_MILLIS);
            for (final ChannelFuture write : lastWrites)
            {
                write.awaitUninterruptibly(Math.max(1, TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime())));
            }
            finished.complete(null);
        }
        catch (final Throwable ex)
        {
            finished.completeExceptionally(ex);
        }
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

    private void awaitDue(final long dueNanoTime)
    {
        long left;
        while (!closed && (left = dueNanoTime - System.nanoTime()) > 0)
        {
            LockSupport.parkNanos(this, left);
        }
    }

    private void awaitWrite(final ChannelFuture write)
    {
        while (!closed && !write.awaitUninterruptibly(100))
        {
            // Re-check 'closed' every 100 ms: a client that stopped reading must not keep close() waiting.
        }
    }

    @Override
    public void close()
    {
        closed = true;
        final Thread t = thread;
        if (t != null)
        {
            LockSupport.unpark(t);
            try
            {
                t.join(5_000);
            }
            catch (final InterruptedException ex)
            {
                Thread.currentThread().interrupt();
            }
        }
        finished.completeExceptionally(new CancellationException("the simulated exchange closed before the capture ended"));
    }
}
