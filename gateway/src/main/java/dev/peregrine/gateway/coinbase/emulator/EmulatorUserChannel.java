package dev.peregrine.gateway.coinbase.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJson;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The emulator's {@code user} WebSocket channel: checks the subscribe's JWT, confirms with
 * {@code subscriptions}, sends a {@code snapshot} of the open orders, then an {@code update} for every change,
 * each frame numbered per connection ({@code sequence_num}). Called under the {@link CoinbaseVenueEmulator}'s lock.
 */
final class EmulatorUserChannel
{
    private final CoinbaseVenueEmulator venue;
    private final JwtVerifier verifier;
    private final Set<Channel> subscribers = new HashSet<>();
    private final Map<Channel, long[]> sequenceByChannel = new HashMap<>();

    EmulatorUserChannel(final CoinbaseVenueEmulator venue, final JwtVerifier verifier)
    {
        this.venue = venue;
        this.verifier = verifier;
    }

    int subscribers()
    {
        return subscribers.size();
    }

    void opened(final Channel ch)
    {
        sequenceByChannel.put(ch, new long[1]);
    }

    void closed(final Channel ch)
    {
        subscribers.remove(ch);
        sequenceByChannel.remove(ch);
    }

    void message(final Channel ch, final String text)
    {
        final JsonNode json;
        try
        {
            json = CoinbaseJson.parseObject(text);
        }
        catch (final IllegalArgumentException ex)
        {
            ch.close();
            return;
        }
        if (!"subscribe".equals(CoinbaseJson.text(json, "type")) || !"user".equals(CoinbaseJson.text(json, "channel")))
        {
            return; // heartbeats and others: accepted, nothing emulated
        }
        final String problem = verifier.verify(CoinbaseJson.text(json, "jwt"), null);
        if (problem != null)
        {
            venue.authFailed(problem);
            final Map<String, Object> error = new LinkedHashMap<>();
            error.put("type", "error");
            error.put("message", "authentication failure");
            ch.writeAndFlush(new TextWebSocketFrame(CoinbaseJson.write(error)));
            ch.close();
            return;
        }
        final Map<String, Object> subscriptions = new LinkedHashMap<>();
        subscriptions.put("channel", "subscriptions");
        subscriptions.put("timestamp", venue.now());
        subscriptions.put("sequence_num", nextSequence(ch));
        subscriptions.put("events", List.of(Map.of("subscriptions", Map.of("user", List.of("user-id")))));
        ch.writeAndFlush(new TextWebSocketFrame(CoinbaseJson.write(subscriptions)));
        final List<Object> open = new ArrayList<>();
        for (final EmulatedOrder order : venue.ledger().orders())
        {
            if (order.open())
            {
                open.add(order.toUserChannelJson());
            }
        }
        send(ch, "snapshot", open);
        subscribers.add(ch);
    }

    /** Sends one {@code update} with the order's state to every subscriber. */
    void publish(final EmulatedOrder order)
    {
        for (final Channel ch : subscribers)
        {
            send(ch, "update", List.of(order.toUserChannelJson()));
        }
    }

    private void send(final Channel ch, final String type, final List<Object> orders)
    {
        final Map<String, Object> event = new LinkedHashMap<>();
        event.put("type", type);
        event.put("orders", orders);
        event.put("positions", Map.of("perpetual_futures_positions", List.of(), "expiring_futures_positions", List.of()));
        final Map<String, Object> envelope = new LinkedHashMap<>();
        envelope.put("channel", "user");
        envelope.put("client_id", "");
        envelope.put("timestamp", venue.now());
        envelope.put("sequence_num", nextSequence(ch));
        envelope.put("events", List.of(event));
        ch.writeAndFlush(new TextWebSocketFrame(CoinbaseJson.write(envelope)));
    }

    private long nextSequence(final Channel ch)
    {
        final long[] sequence = sequenceByChannel.computeIfAbsent(ch, c -> new long[1]);
        return sequence[0]++;
    }
}
