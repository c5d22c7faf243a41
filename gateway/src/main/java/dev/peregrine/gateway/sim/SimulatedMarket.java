package dev.peregrine.gateway.sim;

import io.netty.channel.EventLoop;

import java.util.List;

/**
 * What a {@link SimulatedExchange} serves its sessions: a generated market ({@link SimulatedVenue}) or
 * a recorded one ({@link CoinbaseCaptureReplay}). Every method but {@link #sessionCount()} runs on the
 * simulator's one event loop thread.
 */
interface SimulatedMarket
{
    /** Called once the port is bound: schedule timers, nothing else. */
    void start(EventLoop loop);

    void register(SimulatedSession session);

    void unregister(SimulatedSession session);

    void onRequest(SimulatedSession session, String type, String channel, List<String> productIds);

    List<SimulatedSession> sessions();

    /** Any thread. */
    int sessionCount();

    /** Stops whatever {@link #start} began; called from the thread closing the exchange. */
    void close();
}
