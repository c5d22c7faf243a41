package dev.peregrine.gateway.sim.binance;

import io.netty.channel.EventLoop;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Replays a {@link BinanceCapture} to each client from its first frame, as soon as the client's
 * WebSocket handshake (which carries its subscription) completes: at the recorded pace divided by
 * {@code speed}, or as fast as the socket takes it when {@code speed} is 0. Frames of streams the
 * client did not ask for are skipped.
 *
 * <p>The replay stops at the point where the recorder took its REST snapshot until this simulator has
 * served one, as in the recording, so the client's diff buffer never has to hold the whole capture; the
 * snapshot served is always the capture's, so the client's sync sees exactly the recorded sequence.
 */
final class BinanceCaptureReplay implements BinanceMarketSource
{
    private static final int BATCH = 256;

    private final BinanceCapture capture;
    private final double speed;
    private final List<Session> paused = new ArrayList<>();
    private EventLoop loop;
    private boolean snapshotServed;
    private volatile int finishedSessions;
    private volatile long framesSent;

    BinanceCaptureReplay(final BinanceCapture capture, final double speed)
    {
        if (!(speed >= 0) || Double.isInfinite(speed))
        {
            throw new IllegalArgumentException("replay speed must be >= 0 (0 = as fast as possible), was " + speed);
        }
        this.capture = capture;
        this.speed = speed;
    }

    int finishedSessions()
    {
        return finishedSessions;
    }

    long framesSent()
    {
        return framesSent;
    }

    @Override
    public void start(final EventLoop loop)
    {
        this.loop = loop;
    }

    @Override
    public void onSession(final BinanceSimSession session)
    {
        final Session replay = new Session(session);
        session.replay = replay;
        loop.execute(replay);
    }

    @Override
    public void onSessionClosed(final BinanceSimSession session)
    {
        paused.remove((Session)session.replay);
    }

    @Override
    public void onWritable(final BinanceSimSession session)
    {
        if (session.waitingForWritability && session.replay != null)
        {
            session.waitingForWritability = false;
            loop.execute(session.replay);
        }
    }

    @Override
    public String snapshot(final String symbol, final int limit)
    {
        if (!snapshotServed)
        {
            snapshotServed = true;
            for (final Session session : paused)
            {
                loop.execute(session);
            }
            paused.clear();
        }
        return capture.snapshot();
    }

    @Override
    public void dropNextDepthDiff()
    {
        throw new IllegalStateException("a replay sends the capture as recorded; use a generated market for faults");
    }

    private final class Session implements Runnable
    {
        private final BinanceSimSession session;
        private final List<BinanceCapture.Frame> frames = capture.frames();
        private int next;
        private long startNanos = -1;

        Session(final BinanceSimSession session)
        {
            this.session = session;
        }

        @Override
        public void run()
        {
            if (!session.channel.isActive())
            {
                return;
            }
            if (startNanos < 0)
            {
                startNanos = System.nanoTime();
            }
            final long firstRecorded = frames.isEmpty() ? 0 : frames.get(0).receiveEpochNanos;
            int sent = 0;
            while (next < frames.size())
            {
                if (next == capture.snapshotPosition() && !snapshotServed)
                {
                    session.channel.flush();
                    paused.add(this);
                    return;
                }
                final BinanceCapture.Frame frame = frames.get(next);
                if (speed > 0)
                {
                    final long due = startNanos + (long)((frame.receiveEpochNanos - firstRecorded) / speed);
                    final long wait = due - System.nanoTime();
                    if (wait > 0)
                    {
                        session.channel.flush();
                        loop.schedule(this, wait, TimeUnit.NANOSECONDS);
                        return;
                    }
                }
                if (!session.channel.isWritable())
                {
                    // Flag first: the flush may drain the buffer and fire the writability event right away.
                    session.waitingForWritability = true;
                    session.channel.flush();
                    if (session.waitingForWritability && session.channel.isWritable())
                    {
                        session.waitingForWritability = false;
                        loop.execute(this);
                    }
                    return;
                }
                if (sent == BATCH)
                {
                    session.channel.flush();
                    loop.execute(this); // let the loop serve other channels (the REST call) in between
                    return;
                }
                if (session.wants(frame.stream))
                {
                    session.write(frame.text);
                    framesSent++;
                }
                next++;
                sent++;
            }
            session.channel.flush();
            finishedSessions++;
        }
    }
}
