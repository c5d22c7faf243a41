package dev.peregrine.ops.http.server;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpPrincipal;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.HashMap;
import java.util.Map;

/**
 * One complete request, already read by the event loop, and the response a route handler writes, kept in
 * memory until the handler returns. It is the JDK's {@link HttpExchange}, so the route handlers
 * ({@code HealthEndpoint}, {@code AdminApi}, the Prometheus client's {@code MetricsHandler}) run unchanged
 * on {@link BoundedHttpServer}; none of them can block on a client's socket, since neither side of the
 * exchange touches one.
 */
final class BufferedExchange extends HttpExchange
{
    private final String method;
    private final URI uri;
    private final Headers requestHeaders;
    private final InetSocketAddress local;
    private final InetSocketAddress remote;
    private final Headers responseHeaders = new Headers();
    private final Map<String, Object> attributes = new HashMap<>();
    private final ByteArrayOutputStream responseBody = new ByteArrayOutputStream(256);
    private InputStream in;
    private OutputStream out = responseBody;
    private int status = -1;
    private boolean closed;
    private EventSource stream;

    BufferedExchange(final String method, final URI uri, final Headers requestHeaders, final byte[] body,
        final InetSocketAddress local, final InetSocketAddress remote)
    {
        this.method = method;
        this.uri = uri;
        this.requestHeaders = requestHeaders;
        this.in = new ByteArrayInputStream(body);
        this.local = local;
        this.remote = remote;
    }

    @Override
    public Headers getRequestHeaders()
    {
        return requestHeaders;
    }

    @Override
    public Headers getResponseHeaders()
    {
        return responseHeaders;
    }

    @Override
    public URI getRequestURI()
    {
        return uri;
    }

    @Override
    public String getRequestMethod()
    {
        return method;
    }

    /** The handlers served here never ask for their context; there is none to give. */
    @Override
    public HttpContext getHttpContext()
    {
        throw new UnsupportedOperationException("no HttpContext on BoundedHttpServer");
    }

    @Override
    public void close()
    {
        closed = true;
    }

    @Override
    public InputStream getRequestBody()
    {
        return in;
    }

    @Override
    public OutputStream getResponseBody()
    {
        return out;
    }

    /** As the JDK's server: once per exchange; {@code -1} means no body, any other length is not enforced here. */
    @Override
    public void sendResponseHeaders(final int code, final long length) throws IOException
    {
        if (status != -1)
        {
            throw new IOException("response headers already sent");
        }
        if (code < 100 || code > 999)
        {
            throw new IOException("bad response code " + code);
        }
        status = code;
    }

    @Override
    public InetSocketAddress getRemoteAddress()
    {
        return remote;
    }

    @Override
    public int getResponseCode()
    {
        return status;
    }

    @Override
    public InetSocketAddress getLocalAddress()
    {
        return local;
    }

    @Override
    public String getProtocol()
    {
        return "HTTP/1.1";
    }

    @Override
    public Object getAttribute(final String name)
    {
        return attributes.get(name);
    }

    @Override
    public void setAttribute(final String name, final Object value)
    {
        attributes.put(name, value);
    }

    @Override
    public void setStreams(final InputStream input, final OutputStream output)
    {
        if (input != null)
        {
            in = input;
        }
        if (output != null)
        {
            out = output;
        }
    }

    @Override
    public HttpPrincipal getPrincipal()
    {
        return null;
    }

    boolean responded()
    {
        return status != -1;
    }

    boolean closed()
    {
        return closed;
    }

    /** The route answers with an event stream from {@code source} instead of a buffered response. */
    void streamFrom(final EventSource source)
    {
        stream = source;
    }

    /** The event stream a route opened, or null for an ordinary response. */
    EventSource stream()
    {
        return stream;
    }

    byte[] responseBytes()
    {
        return responseBody.toByteArray();
    }
}
