package dev.peregrine.ops.http;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import dev.peregrine.cluster.ClusterStatus;
import dev.peregrine.core.event.CommandCode;
import dev.peregrine.ops.http.server.BoundedHttpServer;
import dev.peregrine.ops.http.server.HttpLimits;
import dev.peregrine.ops.logging.JsonOutput;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * A cluster member's health port: {@code GET /health} (200 while the member is up, a follower included, with its
 * {@code cluster} object), {@code GET /ready} (200 once the member knows a leader and is not electing one: it
 * applies the log) and {@code /admin/}: {@code GET status}, and {@code POST pause|resume|reduce|flatten|kill}, put
 * on the cluster's log through the leader, so every member's core applies the command at the same position.
 * Handlers read {@link ClusterStatus}, which any thread may take.
 */
public final class ClusterHealthEndpoint implements AutoCloseable
{
    /** The operator's commands; STOP, START and RECOVERED belong to the engine itself. */
    private static final List<Integer> OPERATOR_COMMANDS = List.of(CommandCode.PAUSE, CommandCode.RESUME,
        CommandCode.REDUCE, CommandCode.FLATTEN, CommandCode.KILL);
    private static final int MAX_BODY_BYTES = 4096;

    private final BoundedHttpServer server;
    private final Supplier<ClusterStatus> status;
    private final IntConsumer command;
    private final byte[] token;
    private final AtomicLong unauthorized = new AtomicLong();

    private ClusterHealthEndpoint(final BoundedHttpServer server, final Supplier<ClusterStatus> status,
        final IntConsumer command, final String token)
    {
        this.server = server;
        this.status = status;
        this.command = command;
        this.token = token.getBytes(StandardCharsets.UTF_8);
    }

    /**
     * Binds {@code address} (not started); throws {@link IOException} if the port is taken.
     *
     * @param command puts an operator command on the log; throws {@link IllegalStateException} without a majority
     */
    public static ClusterHealthEndpoint bind(final InetSocketAddress address, final Supplier<ClusterStatus> status,
        final IntConsumer command, final String adminToken) throws IOException
    {
        final BoundedHttpServer server = BoundedHttpServer.bind(address, "health", HttpLimits.DEFAULT);
        final ClusterHealthEndpoint endpoint = new ClusterHealthEndpoint(server, status, command, adminToken);
        server.createContext("/health", endpoint::health);
        server.createContext("/ready", endpoint::ready);
        server.createContext("/admin/", endpoint::admin);
        return endpoint;
    }

    public void start()
    {
        server.start();
    }

    public int port()
    {
        return server.port();
    }

    /** Admin requests refused for a missing or wrong token. */
    public long unauthorized()
    {
        return unauthorized.get();
    }

    private void health(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            if (getOnly(exchange))
            {
                JsonReply.send(exchange, 200, json(status.get()));
            }
        }
    }

    private void ready(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            if (getOnly(exchange))
            {
                final ClusterStatus now = status.get();
                final boolean ready = now.leaderMemberId() >= 0 && !"CANDIDATE".equals(now.role());
                final ObjectNode json = JsonOutput.object().put("ready", ready);
                json.set("cluster", cluster(now));
                JsonReply.send(exchange, ready ? 200 : 503, JsonOutput.compact(json));
            }
        }
    }

    private void admin(final HttpExchange exchange) throws IOException
    {
        try (exchange)
        {
            if (!BearerToken.matches(token, exchange.getRequestHeaders().getFirst("Authorization")))
            {
                unauthorized.incrementAndGet();
                exchange.getResponseHeaders().set("WWW-Authenticate", "Bearer");
                JsonReply.error(exchange, 401, "missing or wrong bearer token");
                return;
            }
            final String action = exchange.getRequestURI().getPath().substring("/admin/".length());
            if ("status".equals(action))
            {
                if (getOnly(exchange))
                {
                    JsonReply.send(exchange, 200, json(status.get()));
                }
                return;
            }
            final int code = CommandCode.of(action);
            if (!OPERATOR_COMMANDS.contains(code))
            {
                JsonReply.error(exchange, 400, "unknown admin command '" + action + "' of a cluster member " +
                    "(use GET status; POST pause, resume, reduce, flatten, kill)");
                return;
            }
            if (!"POST".equals(exchange.getRequestMethod()))
            {
                JsonReply.error(exchange, 405, "use POST for /admin/" + action);
                return;
            }
            final byte[] body = exchange.getRequestBody().readNBytes(MAX_BODY_BYTES + 1);
            final String text = new String(body, StandardCharsets.UTF_8);
            final String problem = body.length > MAX_BODY_BYTES ? "the body is larger than " + MAX_BODY_BYTES + " bytes" :
                text.isBlank() ? null : JsonSyntax.objectProblem(text);
            if (problem != null)
            {
                JsonReply.error(exchange, 400, problem);
                return;
            }
            try
            {
                command.accept(code);
            }
            catch (final IllegalStateException ex)
            {
                // No majority within the ingress's wait: the command is not on the log, so no core applies it.
                JsonReply.error(exchange, 503, "the cluster did not take the command (" + ex.getMessage() + "); retry");
                return;
            }
            JsonReply.send(exchange, 202, JsonOutput.compact(JsonOutput.object().put("command", action)
                .put("accepted", true).put("via", "cluster log")));
        }
    }

    private static boolean getOnly(final HttpExchange exchange) throws IOException
    {
        if (!"GET".equals(exchange.getRequestMethod()) && !"HEAD".equals(exchange.getRequestMethod()))
        {
            JsonReply.error(exchange, 405, "method not allowed, use GET");
            return false;
        }
        return true;
    }

    /** {@code {"status":"UP","cluster":{...}}}: the member is up whatever its role. */
    static String json(final ClusterStatus status)
    {
        final ObjectNode json = JsonOutput.object().put("status", "UP");
        json.set("cluster", cluster(status));
        return JsonOutput.compact(json);
    }

    private static ObjectNode cluster(final ClusterStatus s)
    {
        return JsonOutput.object()
            .put("member", s.memberId())
            .put("role", s.role())
            .put("term", s.leadershipTermId())
            .put("leader", s.leaderMemberId())
            .put("commit_position", s.commitPosition())
            .put("applied_position", s.appliedPosition())
            .put("lag", s.lag())
            .put("applied_events", s.appliedEvents())
            .put("state_hash", s.stateHash())
            .put("state_hash_events", s.stateHashEvents())
            .put("elections", s.elections())
            .put("egress", s.egressActive())
            .put("orders_sent", s.ordersSent())
            .put("client_order_prefix", s.clientOrderPrefix());
    }

    @Override
    public void close()
    {
        server.close();
    }
}
