package dev.peregrine.gateway.binance.emulator;

import dev.peregrine.gateway.sim.binance.UserStreamSink;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The account's listen keys and the connections listening on them. A key lives 60 minutes after its creation or
 * last keep-alive; starting a stream while one is active returns that key and extends it, as the venue does. An
 * expired key gets {@code listenKeyExpired} on its connections, which are then closed; a deleted key's connections
 * are closed without it. Expiry is checked whenever the emulator is called (every request and market move).
 */
public final class UserDataStreams
{
    static final long VALIDITY_MILLIS = 60 * 60_000L;
    private static final String KEY_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    private final SecureRandom random = new SecureRandom();
    private final Map<String, Long> expiries = new HashMap<>();
    private final Map<String, List<UserStreamSink>> sinks = new HashMap<>();

    public String start(final long now)
    {
        expire(now);
        final String key = expiries.isEmpty() ? newKey() : expiries.keySet().iterator().next();
        expiries.put(key, now + VALIDITY_MILLIS);
        return key;
    }

    private String newKey()
    {
        final StringBuilder key = new StringBuilder(64);
        for (int i = 0; i < 64; i++)
        {
            key.append(KEY_ALPHABET.charAt(random.nextInt(KEY_ALPHABET.length())));
        }
        return key.toString();
    }

    /** @throws BinanceRejection -1125 when the key is not live. */
    public void keepAlive(final String key, final long now)
    {
        expire(now);
        if (!expiries.containsKey(key))
        {
            throw unknown();
        }
        expiries.put(key, now + VALIDITY_MILLIS);
    }

    public void delete(final String key, final long now)
    {
        expire(now);
        if (expiries.remove(key) == null)
        {
            throw unknown();
        }
        closeAll(key);
    }

    private static BinanceRejection unknown()
    {
        return BinanceRejection.badRequest(-1125, "This listenKey does not exist.");
    }

    public boolean serves(final String name, final long now)
    {
        expire(now);
        return expiries.containsKey(name);
    }

    public void open(final String name, final UserStreamSink sink, final long now)
    {
        if (!serves(name, now))
        {
            sink.close();
            return;
        }
        sinks.computeIfAbsent(name, k -> new ArrayList<>()).add(sink);
    }

    public void closed(final String name, final UserStreamSink sink)
    {
        final List<UserStreamSink> list = sinks.get(name);
        if (list != null)
        {
            list.remove(sink);
        }
    }

    /** Sends one event to every connection of every live key. */
    public void publish(final String json)
    {
        for (final List<UserStreamSink> list : sinks.values())
        {
            for (final UserStreamSink sink : List.copyOf(list))
            {
                sink.send(json);
            }
        }
    }

    public void expire(final long now)
    {
        final Iterator<Map.Entry<String, Long>> it = expiries.entrySet().iterator();
        while (it.hasNext())
        {
            final Map.Entry<String, Long> entry = it.next();
            if (entry.getValue() <= now)
            {
                it.remove();
                final String event = UserStreamEvents.listenKeyExpired(entry.getKey(), now);
                for (final UserStreamSink sink : sinks.getOrDefault(entry.getKey(), List.of()))
                {
                    sink.send(event);
                }
                closeAll(entry.getKey());
            }
        }
    }

    private void closeAll(final String key)
    {
        final List<UserStreamSink> list = sinks.remove(key);
        if (list != null)
        {
            list.forEach(UserStreamSink::close);
        }
    }

    public int connections()
    {
        int count = 0;
        for (final List<UserStreamSink> list : sinks.values())
        {
            count += list.size();
        }
        return count;
    }
}
