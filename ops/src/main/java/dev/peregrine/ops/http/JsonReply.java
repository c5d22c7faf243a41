package dev.peregrine.ops.http;

import com.sun.net.httpserver.HttpExchange;
import dev.peregrine.ops.logging.JsonOutput;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/** The one way the health and admin handlers answer: a JSON body with its status and content type. */
final class JsonReply
{
    private JsonReply()
    {
    }

    /** Sends {@code body} (one JSON document) with {@code status}. */
    static void send(final HttpExchange exchange, final int status, final String body) throws IOException
    {
        final byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody())
        {
            out.write(bytes);
        }
    }

    /** Sends {@code {"error":message}} with {@code status}. */
    static void error(final HttpExchange exchange, final int status, final String message) throws IOException
    {
        send(exchange, status, JsonOutput.error(message));
    }
}
