package dev.peregrine.gateway.binance.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.gateway.sim.binance.BinanceHttpAnswer;
import dev.peregrine.gateway.sim.binance.BinanceHttpRequest;
import dev.peregrine.gateway.sim.binance.UserStreamSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * One emulator, a clock the test moves, a market the test sets, a client that signs under that clock, and
 * user-stream connections that record what they are sent: the parts the emulator's tests share.
 */
final class EmulatorFixture
{
    static final String API_KEY = "vmPUZE6mv9SD5VNHk4HlWFsOr6aKE2zvsw0MuIgwCIPy6utIco14y7Ju91duEh8A";
    static final String SECRET = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A user-stream connection that keeps every frame it is sent. */
    static final class RecordingSink implements UserStreamSink
    {
        final List<JsonNode> events = new ArrayList<>();
        boolean closed;

        @Override
        public void send(final String json)
        {
            events.add(json(json));
        }

        @Override
        public void close()
        {
            closed = true;
        }

        List<String> types()
        {
            final List<String> types = new ArrayList<>();
            events.forEach(e -> types.add(e.get("e").asText() + (e.has("x") ? ":" + e.get("x").asText() : "")));
            return types;
        }
    }

    final AtomicLong clock = new AtomicLong(1_767_225_600_000L);
    final SettableMarket market = new SettableMarket().set("BTCUSDT", "64999.99", "65000.00", "65000.00")
        .set("ETHUSDT", "2999.99", "3000.00", "3000.00");
    final BinanceSpotEmulator emulator;
    final SignedRequests client;

    /** With an HMAC key. */
    EmulatorFixture()
    {
        this(BinanceEmulatorKey.hmac(API_KEY, SECRET), clock -> SignedRequests.hmac(API_KEY, SECRET, clock));
    }

    EmulatorFixture(final BinanceEmulatorKey key, final Function<LongSupplier, SignedRequests> client)
    {
        this.emulator = new BinanceSpotEmulator(key, clock::get);
        this.client = client.apply(clock::get);
        emulator.onMarket("BTCUSDT", market);
    }

    BinanceHttpAnswer send(final BinanceHttpRequest request)
    {
        return emulator.answer(request);
    }

    /** Sends a request and expects 200; the body. */
    JsonNode ok(final BinanceHttpRequest request)
    {
        final BinanceHttpAnswer answer = send(request);
        if (answer.status() != 200)
        {
            throw new AssertionError(request.method() + " " + request.path() + " answered " + answer.status() + " " + answer.body());
        }
        return json(answer.body());
    }

    /** A user-stream connection on a fresh listen key. */
    RecordingSink listen()
    {
        final String key = ok(client.keyOnly("POST", "/api/v3/userDataStream")).get("listenKey").asText();
        final RecordingSink sink = new RecordingSink();
        emulator.openUserStream(key, sink);
        return sink;
    }

    static JsonNode json(final String text)
    {
        try
        {
            return MAPPER.readTree(text);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }
}
