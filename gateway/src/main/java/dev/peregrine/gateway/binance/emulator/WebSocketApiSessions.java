package dev.peregrine.gateway.binance.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.gateway.sim.binance.UserStreamSink;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The WebSocket API's user data stream, the venue's way since listen keys were retired: a connection to
 * {@code /ws-api/v3} sends {@code userDataStream.subscribe.signature} (its {@code apiKey}, {@code timestamp},
 * optional {@code recvWindow} and {@code signature} over the other parameters sorted by name) and gets
 * {@code {"subscriptionId":n}}, then every account event as {@code {"subscriptionId":n,"event":{...}}}.
 * With an Ed25519 key a session may instead {@code session.logon} and {@code userDataStream.subscribe}. Also
 * served: {@code userDataStream.unsubscribe}, {@code session.subscriptions}, {@code session.status},
 * {@code session.logout}, {@code ping}, {@code time}. Other methods (order placement and queries over the
 * WebSocket API) answer -1020 "not supported": the REST API serves them. Answers are {@code {"id","status","result"|"error"}}.
 */
final class WebSocketApiSessions
{
    static final String PATH = "/ws-api/v3";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static final class Session
    {
        final List<Integer> subscriptions = new ArrayList<>();
        final long connectedSince;
        int nextSubscriptionId;
        /** When {@code session.logon} authenticated the connection, or -1. */
        long authorizedSince = -1;
        /** The subscription {@code userDataStream.subscribe} made (ended by {@code session.logout}), or -1. */
        int loggedOnSubscription = -1;

        Session(final long connectedSince)
        {
            this.connectedSince = connectedSince;
        }
    }

    private final RequestAuthentication authentication;
    private final Map<UserStreamSink, Session> sessions = new LinkedHashMap<>();

    WebSocketApiSessions(final RequestAuthentication authentication)
    {
        this.authentication = authentication;
    }

    void open(final UserStreamSink sink, final long now)
    {
        sessions.put(sink, new Session(now));
    }

    void closed(final UserStreamSink sink)
    {
        sessions.remove(sink);
    }

    /** Answers one request frame on {@code sink}. */
    void request(final UserStreamSink sink, final String text, final long now)
    {
        final Session session = sessions.computeIfAbsent(sink, s -> new Session(now));
        final JsonNode request;
        try
        {
            request = MAPPER.readTree(text);
        }
        catch (final IOException ex)
        {
            sink.send(EmulatorJson.write(answer(null, 400, null, BinanceRejection.body(-1135, "Invalid JSON Request"))));
            return;
        }
        final Object id = request.has("id") && !request.get("id").isNull()
            ? (request.get("id").isNumber() ? request.get("id").numberValue() : request.get("id").asText()) : null;
        try
        {
            final String method = request.path("method").asText("").replaceFirst("^v3/", "");
            sink.send(EmulatorJson.write(answer(id, 200, result(session, method, request.path("params"), now), null)));
        }
        catch (final BinanceRejection rejection)
        {
            sink.send(EmulatorJson.write(answer(id, rejection.status, null, BinanceRejection.body(rejection.code, rejection.getMessage()))));
        }
    }

    private Object result(final Session session, final String method, final JsonNode params, final long now)
    {
        return switch (method)
        {
            case "ping" -> Map.of();
            case "time" -> Map.of("serverTime", now);
            case "userDataStream.subscribe.signature" ->
            {
                checkSigned(params, now);
                yield Map.of("subscriptionId", subscribe(session));
            }
            case "session.logon" ->
            {
                if (!authentication.ed25519())
                {
                    throw BinanceRejection.badRequest(-1002, "You are not authorized to execute this request.");
                }
                checkSigned(params, now);
                session.authorizedSince = now;
                yield status(session, now);
            }
            case "session.status" -> status(session, now);
            case "session.logout" ->
            {
                session.authorizedSince = -1;
                session.subscriptions.remove(Integer.valueOf(session.loggedOnSubscription));
                session.loggedOnSubscription = -1;
                yield status(session, now);
            }
            case "userDataStream.subscribe" ->
            {
                if (session.authorizedSince < 0)
                {
                    throw BinanceRejection.badRequest(-1002, "You are not authorized to execute this request.");
                }
                if (session.loggedOnSubscription >= 0)
                {
                    throw BinanceRejection.badRequest(-2035, "User Data Stream subscription already active.");
                }
                session.loggedOnSubscription = subscribe(session);
                yield Map.of("subscriptionId", session.loggedOnSubscription);
            }
            case "userDataStream.unsubscribe" ->
            {
                if (params.has("subscriptionId"))
                {
                    session.subscriptions.remove(Integer.valueOf(params.get("subscriptionId").asInt()));
                }
                else
                {
                    session.subscriptions.clear();
                }
                yield Map.of();
            }
            case "session.subscriptions" ->
            {
                final List<Map<String, Object>> list = new ArrayList<>();
                session.subscriptions.forEach(subscriptionId -> list.add(Map.of("subscriptionId", subscriptionId)));
                yield list;
            }
            case "" -> throw BinanceRejection.mandatory("method");
            default -> throw BinanceRejection.badRequest(-1020, "This operation is not supported.");
        };
    }

    private static int subscribe(final Session session)
    {
        final int subscriptionId = session.nextSubscriptionId++;
        session.subscriptions.add(subscriptionId);
        return subscriptionId;
    }

    private Map<String, Object> status(final Session session, final long now)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("apiKey", session.authorizedSince < 0 ? null : authentication.apiKey());
        m.put("authorizedSince", session.authorizedSince < 0 ? null : session.authorizedSince);
        m.put("connectedSince", session.connectedSince);
        m.put("returnRateLimits", false);
        m.put("serverTime", now);
        m.put("userDataStream", !session.subscriptions.isEmpty());
        return m;
    }

    /** The signature covers every parameter but {@code signature}, sorted by name, as {@code name=value&...}. */
    private void checkSigned(final JsonNode params, final long now)
    {
        final Map<String, String> sorted = new TreeMap<>();
        params.properties().forEach(field -> sorted.put(field.getKey(), field.getValue().asText()));
        final BinanceEmulatorKey signer = authentication.checkApiKey(sorted.get("apiKey"));
        final String signature = sorted.remove("signature");
        final StringBuilder payload = new StringBuilder();
        sorted.forEach((name, value) -> payload.append(payload.length() == 0 ? "" : "&").append(name).append('=').append(value));
        authentication.checkSignature(signer, sorted.get("timestamp"), sorted.get("recvWindow"), signature, payload.toString(), now);
    }

    /** Sends one account event to every subscription of every session. */
    void publish(final String eventJson)
    {
        for (final Map.Entry<UserStreamSink, Session> entry : List.copyOf(sessions.entrySet()))
        {
            for (final int subscriptionId : entry.getValue().subscriptions)
            {
                entry.getKey().send("{\"subscriptionId\":" + subscriptionId + ",\"event\":" + eventJson + "}");
            }
        }
    }

    int subscriptions()
    {
        int count = 0;
        for (final Session session : sessions.values())
        {
            count += session.subscriptions.size();
        }
        return count;
    }

    private static Map<String, Object> answer(final Object id, final int status, final Object result, final Map<String, Object> error)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", id);
        m.put("status", status);
        if (error != null)
        {
            m.put("error", error);
        }
        else
        {
            m.put("result", result);
        }
        return m;
    }
}
