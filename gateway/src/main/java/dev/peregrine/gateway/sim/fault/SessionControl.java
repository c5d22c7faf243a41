package dev.peregrine.gateway.sim.fault;

/** What a fault can do to one simulated connection. Called on the simulator's event loop only. */
public interface SessionControl
{
    /** Closes the connection abruptly (no close frame), as a venue or a network failure would. */
    void disconnect();

    /** Makes the next {@code count} sequence numbers never be sent: the client sees a gap. */
    void skipSequence(long count);

    /** Sends {@code text} as one text frame, outside the sequence. */
    void sendText(String text);
}
