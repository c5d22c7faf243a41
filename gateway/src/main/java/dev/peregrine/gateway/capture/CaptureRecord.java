package dev.peregrine.gateway.capture;

/**
 * One line of a cryptofeed capture (format 2).
 *
 * @param kind        {@code header}, {@code http}, {@code connect}, {@code send} or {@code recv}.
 * @param connection  the recorder's connection name ({@code COINBASE.ws.2}), empty for the header.
 * @param epochNanos  the recorder's local clock when the line happened, epoch nanoseconds (0 if none).
 * @param data        the raw text: a received or sent WebSocket text frame, an HTTP body; empty if none.
 */
public record CaptureRecord(String kind, String connection, long epochNanos, String data)
{
    public static final String RECV = "recv";
    public static final String SEND = "send";
    public static final String HEADER = "header";

    public boolean isReceivedFrame()
    {
        return RECV.equals(kind);
    }
}
