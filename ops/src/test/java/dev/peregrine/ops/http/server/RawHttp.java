package dev.peregrine.ops.http.server;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * HTTP/1.1 over a plain socket, for tests that must send what no HTTP client library sends: half a request
 * line, a byte a second, a request that never ends, a header past every limit.
 */
public final class RawHttp
{
    /** Long enough that only a broken server runs into it; tests never assert durations. */
    public static final int GENEROUS_TIMEOUT_MILLIS = 30_000;

    private RawHttp()
    {
    }

    public record Response(int status, Map<String, String> headers, String body)
    {
        public String header(final String name)
        {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }
    }

    public static Socket open(final int port) throws IOException
    {
        final Socket socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(GENEROUS_TIMEOUT_MILLIS);
        return socket;
    }

    public static void send(final Socket socket, final String text) throws IOException
    {
        socket.getOutputStream().write(text.getBytes(StandardCharsets.ISO_8859_1));
        socket.getOutputStream().flush();
    }

    /** One request on a new connection, closed after the answer. */
    public static Response call(final int port, final String method, final String path, final String... headerLines)
        throws IOException
    {
        try (Socket socket = open(port))
        {
            final StringBuilder request = new StringBuilder(method).append(' ').append(path).append(" HTTP/1.1\r\nHost: localhost\r\n");
            for (final String line : headerLines)
            {
                request.append(line).append("\r\n");
            }
            send(socket, request.append("Connection: close\r\n\r\n").toString());
            return read(socket, "HEAD".equals(method));
        }
    }

    /** Reads one response: the status line, the headers and a body of Content-Length bytes (none for HEAD). */
    public static Response read(final Socket socket, final boolean head) throws IOException
    {
        final InputStream in = socket.getInputStream();
        final String statusLine = line(in);
        if (statusLine == null)
        {
            throw new IOException("the connection closed before a response");
        }
        final Map<String, String> headers = new LinkedHashMap<>();
        for (String line = line(in); line != null && !line.isEmpty(); line = line(in))
        {
            final int colon = line.indexOf(':');
            headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
        final String length = headers.get("content-length");
        final byte[] body = head || length == null ? new byte[0] : in.readNBytes(Integer.parseInt(length));
        return new Response(Integer.parseInt(statusLine.split(" ")[1]), headers, new String(body, StandardCharsets.UTF_8));
    }

    /**
     * Everything the server sends until it closes the connection (a reset counts as closed); fails the test
     * with a timeout if the server keeps it open past {@link #GENEROUS_TIMEOUT_MILLIS}.
     */
    public static String untilClosed(final Socket socket) throws IOException
    {
        final ByteArrayOutputStream received = new ByteArrayOutputStream();
        final byte[] buffer = new byte[4096];
        try
        {
            for (int n = socket.getInputStream().read(buffer); n >= 0; n = socket.getInputStream().read(buffer))
            {
                received.write(buffer, 0, n);
            }
        }
        catch (final SocketException reset)
        {
            // Closed by the server with data still unread on its side: closed all the same.
        }
        return received.toString(StandardCharsets.ISO_8859_1);
    }

    private static String line(final InputStream in) throws IOException
    {
        final ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int c = in.read(); c >= 0; c = in.read())
        {
            if (c == '\n')
            {
                final byte[] bytes = line.toByteArray();
                final int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            line.write(c);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }
}
