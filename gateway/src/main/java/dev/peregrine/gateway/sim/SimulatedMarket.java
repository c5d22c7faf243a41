package dev.peregrine.gateway.sim;

import io.netty.channel.Channel;
import io.netty.channel.EventLoop;

import java.util.ArrayList;
import java.util.List;

/**
 * What a {@link SimulatedExchange} serves its sessions: a generated market ({@link SimulatedVenue}) or
 * a recorded one ({@link CoinbaseCaptureReplay}). Both keep the open sessions the same way, here. Every
 * method but {@link #sessionCount()} runs on the simulator's one event loop thread.
 */
abstract class SimulatedMarket
{
    private final List<SimulatedSession> sessions = new ArrayList<>();
    private volatile int sessionCount;

    /** Called once the port is bound: schedule timers, nothing else. */
    abstract void start(EventLoop loop);

    abstract void onRequest(SimulatedSession session, String type, String channel, List<String> productIds);

    /** Stops whatever {@link #start} began; called from the thread closing the exchange. */
    abstract void close();

    /** A connection completed its handshake: its session, now one of {@link #sessions()}. */
    final SimulatedSession open(final Channel channel)
    {
        final SimulatedSession session = new SimulatedSession(channel);
        sessions.add(session);
        sessionCount = sessions.size();
        return session;
    }

    /** A registered connection closed. */
    void unregister(final SimulatedSession session)
    {
        sessions.remove(session);
        sessionCount = sessions.size();
    }

    /** The open sessions, in connection order. */
    final List<SimulatedSession> sessions()
    {
        return sessions;
    }

    /** Any thread. */
    final int sessionCount()
    {
        return sessionCount;
    }
}
