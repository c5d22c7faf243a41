package dev.peregrine.gateway.sim.binance;

import dev.peregrine.gateway.sim.ReplayAgents;
import io.netty.channel.EventLoop;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * Replays a {@link BinanceCapture} to each client from its first frame, as soon as the client's
 * WebSocket handshake (which carries its subscription) completes: at the recorded pace divided by
 * {@code speed}, or as fast as the socket takes it when {@code speed} is 0. Frames of streams the
 * client did not ask for are skipped. The first replay to reach a trade or book ticker frame tells the exchange's
 * {@link BinanceMarketListener} of it (the tape, the derived streams, the trading API).
 *
 * <p>For a client of a depth stream the replay stops at the point where the recorder took its REST snapshot until
 * this simulator has served one, as in the recording, so the client's diff buffer never has to hold the whole capture; the
 * snapshot served is always the capture's, so the client's sync sees exactly the recorded sequence.
 *
 * <p>Threads: the pacing is an {@link Agent} ({@code peregrine-binance-sim-replay}, started with the first
 * session by {@link ReplayAgents}); it hands each client's due frames to the event loop in batches of at most
 * {@value #BATCH}, one batch in flight per client, and holds a client's next batch while its socket is not
 * writable, so a slow client holds its replay back rather than filling the heap. A test drives the agent
 * with an {@link org.agrona.concurrent.AgentInvoker}.
 */
final class BinanceCaptureReplay implements BinanceMarketSource, Agent
{
    private static final int BATCH = 256;

    private final BinanceCapture capture;
    private final List<BinanceCapture.Frame> frames;
    private final double speed;
    private final Function<Agent, AgentRunner> starter;
    /** Sessions handed from the event loop to the agent. */
    private final Queue<BinanceSimSession> arrivals = new ConcurrentLinkedQueue<>();
    /** Agent thread only. */
    private final List<Replay> replays = new ArrayList<>();
    private volatile boolean snapshotServed;
    private volatile int finishedSessions;
    private volatile long framesSent;
    private volatile AgentRunner runner;
    private EventLoop loop;
    private BinanceMarketListener listener;
    /** Loop thread: frames before this index have been read into the listener (by whichever replay got there first). */
    private int framesHeard;

    BinanceCaptureReplay(final BinanceCapture capture, final double speed)
    {
        this(capture, speed, ReplayAgents::start);
    }

    /** @param starter runs the agent once the first client connected (a test keeps it to drive it inline). */
    BinanceCaptureReplay(final BinanceCapture capture, final double speed, final Function<Agent, AgentRunner> starter)
    {
        if (!(speed >= 0) || Double.isInfinite(speed))
        {
            throw new IllegalArgumentException("replay speed must be >= 0 (0 = as fast as possible), was " + speed);
        }
        this.capture = capture;
        this.frames = capture.frames();
        this.speed = speed;
        this.starter = starter;
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
    public void start(final EventLoop loop, final BinanceMarketListener listener)
    {
        this.loop = loop;
        this.listener = listener;
    }

    @Override
    public void onSession(final BinanceSimSession session)
    {
        arrivals.add(session);
        if (runner == null)
        {
            runner = starter.apply(this);
        }
    }

    @Override
    public void onSessionClosed(final BinanceSimSession session)
    {
        // The agent drops a replay whose channel is no longer active.
    }

    @Override
    public String snapshot(final String symbol, final int limit)
    {
        snapshotServed = true;
        return capture.snapshot();
    }

    @Override
    public List<String> symbols()
    {
        return capture.symbols();
    }

    @Override
    public void dropNextDepthDiff()
    {
        throw new IllegalStateException("a replay sends the capture as recorded; use a generated market for faults");
    }

    @Override
    public String roleName()
    {
        return "peregrine-binance-sim-replay";
    }

    /** Takes on the sessions that connected, then moves each replay on by at most one batch. */
    @Override
    public int doWork()
    {
        int work = 0;
        BinanceSimSession arrived;
        while ((arrived = arrivals.poll()) != null)
        {
            replays.add(new Replay(arrived, System.nanoTime()));
            work++;
        }
        for (int i = 0; i < replays.size(); )
        {
            final int step = replays.get(i).step();
            if (step < 0)
            {
                replays.remove(i);
            }
            else
            {
                work += step;
                i++;
            }
        }
        return work;
    }

    /** Stops the agent, waiting for its thread; from the thread closing the exchange. */
    @Override
    public void close()
    {
        final AgentRunner current = runner;
        if (current != null)
        {
            current.close();
        }
    }

    /** One client's replay: its position in the capture and its batch on the event loop. Agent thread only. */
    private final class Replay
    {
        private final BinanceSimSession session;
        private final long startNanos;
        private final long firstRecorded = frames.isEmpty() ? 0 : frames.get(0).receiveEpochNanos();
        private int next;
        private Future<?> batch;

        Replay(final BinanceSimSession session, final long startNanos)
        {
            this.session = session;
            this.startNanos = startNanos;
        }

        /** 1 if a batch was handed over, 0 if this replay waits, -1 once it is over (finished or disconnected). */
        int step()
        {
            if (!session.channel.isActive())
            {
                return -1;
            }
            if (batch != null && !batch.isDone())
            {
                return 0;
            }
            if (next == frames.size())
            {
                finishedSessions++;
                return -1;
            }
            if (!session.channel.isWritable())
            {
                return 0;
            }
            final int from = next;
            final long now = System.nanoTime();
            while (next < frames.size() && next - from < BATCH && !waitsForSnapshot() && isDue(frames.get(next), now))
            {
                next++;
            }
            if (next == from)
            {
                return 0;
            }
            final int to = next;
            batch = loop.submit(() -> write(from, to));
            return 1;
        }

        private boolean waitsForSnapshot()
        {
            return next == capture.snapshotPosition() && !snapshotServed && session.wantsDepth();
        }

        private boolean isDue(final BinanceCapture.Frame frame, final long now)
        {
            return speed == 0 || now - (startNanos + (long)((frame.receiveEpochNanos() - firstRecorded) / speed)) >= 0;
        }

        /** Event loop: the frames {@code [from, to)} this client asked for, then one flush. */
        private void write(final int from, final int to)
        {
            long sent = 0;
            for (int i = from; i < to; i++)
            {
                final BinanceCapture.Frame frame = frames.get(i);
                if (i >= framesHeard)
                {
                    RecordedFrames.tell(listener, frame);
                    framesHeard = i + 1;
                }
                if (session.wants(frame.stream()))
                {
                    session.writeRecorded(frame.text());
                    sent++;
                }
            }
            session.channel.flush();
            framesSent += sent;
        }
    }
}
