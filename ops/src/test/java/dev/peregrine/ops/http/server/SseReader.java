package dev.peregrine.ops.http.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a server-sent event stream from a raw socket, past its response head (see {@link RawHttp#read}): undoes the
 * chunked framing and splits the text into events. An event may span chunks and a chunk may hold several events.
 */
public final class SseReader
{
    private final InputStream in;
    private final StringBuilder unread = new StringBuilder();

    public SseReader(final Socket socket) throws IOException
    {
        this.in = socket.getInputStream();
    }

    /** The next whole event, without its blank line (comment-only blocks skipped); fails if the stream ends first. */
    public String nextEvent() throws IOException
    {
        while (true)
        {
            final int end = unread.indexOf("\n\n");
            if (end >= 0)
            {
                final String event = unread.substring(0, end + 1);
                unread.delete(0, end + 2);
                if (!event.startsWith(":"))
                {
                    return event;
                }
                continue;
            }
            final String chunk = chunk();
            assertThat(chunk).as("the stream ended before the next event").isNotNull();
            unread.append(chunk);
        }
    }

    /**
     * Reads (and drops) the rest of the stream: true when it ended with the last chunk and the server then closed the
     * connection; a stream still open runs into the socket's read time-out.
     */
    public boolean endsCleanly() throws IOException
    {
        for (String chunk = chunk(); chunk != null; chunk = chunk())
        {
            unread.setLength(0);
        }
        return in.read() == -1;
    }

    /** One chunk's text, or null for the last (empty) chunk. */
    private String chunk() throws IOException
    {
        final int size = Integer.parseInt(crlfLine().split(";")[0].trim(), 16);
        final byte[] data = in.readNBytes(size);
        assertThat(data).as("a chunk cut short").hasSize(size);
        assertThat(crlfLine()).as("the CRLF after a chunk").isEmpty();
        return size == 0 ? null : new String(data, StandardCharsets.UTF_8);
    }

    private String crlfLine() throws IOException
    {
        final ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c != '\n'; c = in.read())
        {
            assertThat(c).as("the connection closed inside a chunk").isNotNegative();
            if (c != '\r')
            {
                line.write(c);
            }
        }
        return line.toString(StandardCharsets.US_ASCII);
    }
}
