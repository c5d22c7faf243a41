package dev.peregrine.gateway.binanceusdm.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.gateway.binance.emulator.BinanceEmulatorKey;
import dev.peregrine.gateway.binance.emulator.SettableMarket;
import dev.peregrine.gateway.binance.emulator.SignedRequests;
import dev.peregrine.gateway.sim.binance.BinanceHttpAnswer;
import dev.peregrine.gateway.sim.binance.BinanceHttpRequest;
import dev.peregrine.gateway.sim.binance.UserStreamSink;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One USD-M emulator with a clock and a market the test moves, a client that signs under that clock, and a user
 * stream connection that records its events.
 */
final class UsdmEmulatorFixture
{
    static final String API_KEY = "u5mT8kq2Zr0pHf3Wc9LxYb7Nd1Ve6Ja4Gs0Qo2Ti8Mn5Rl3Ky7Pw1Hx9Cz4Bv6Df";
    static final String SECRET = "Lq4Nz8Vx2Rb6Tm0Yc3Hk7Wp1Fs5Jd9Ga2Ue6Io0Pl4Xn8Qr3Zt7Ky1Mv5Bw9Ce2Sh";
    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** A user stream connection keeping every event. */
    static final class Events implements UserStreamSink
    {
        final List<JsonNode> events = new ArrayList<>();

        @Override
        public void send(final String json)
        {
            events.add(json(json));
        }

        @Override
        public void close()
        {
        }

        /** {@code ORDER_TRADE_UPDATE:<x>:<X>} and {@code ACCOUNT_UPDATE:<m>}, in order. */
        List<String> types()
        {
            final List<String> types = new ArrayList<>();
            for (final JsonNode e : events)
            {
                types.add("ORDER_TRADE_UPDATE".equals(e.path("e").asText())
                    ? "ORDER_TRADE_UPDATE:" + e.path("o").path("x").asText() + ":" + e.path("o").path("X").asText()
                    : e.path("e").asText() + ":" + e.path("a").path("m").asText());
            }
            return types;
        }

        JsonNode last(final String type)
        {
            JsonNode found = null;
            for (final JsonNode e : events)
            {
                if (type.equals(e.path("e").asText()))
                {
                    found = e;
                }
            }
            return found;
        }
    }

    final AtomicLong clock = new AtomicLong(1_767_225_600_000L);
    final SettableMarket market = new SettableMarket().set("BTCUSDT", "64999.90", "65000.00", "65000.00")
        .set("ETHUSDT", "2999.99", "3000.00", "3000.00");
    final BinanceUsdmEmulator emulator;
    final SignedRequests client = SignedRequests.hmac(API_KEY, SECRET, clock::get);

    UsdmEmulatorFixture()
    {
        this(BinanceUsdmEmulator.STARTING_BALANCE);
    }

    UsdmEmulatorFixture(final BigDecimal balance)
    {
        emulator = new BinanceUsdmEmulator(BinanceEmulatorKey.hmac(API_KEY, SECRET), clock::get, UsdmContract.defaults(), balance);
        emulator.onMarket("BTCUSDT", market);
        emulator.onMarket("ETHUSDT", market);
    }

    BinanceHttpAnswer send(final BinanceHttpRequest request)
    {
        return emulator.answer(request);
    }

    JsonNode ok(final BinanceHttpRequest request)
    {
        final BinanceHttpAnswer answer = send(request);
        if (answer.status() != 200)
        {
            throw new AssertionError(request.method() + " " + request.path() + " answered " + answer.status() + " " + answer.body());
        }
        return json(answer.body());
    }

    /** The venue's error code of a refused request. */
    int refused(final BinanceHttpRequest request)
    {
        final BinanceHttpAnswer answer = send(request);
        if (answer.status() == 200)
        {
            throw new AssertionError(request.path() + " was accepted: " + answer.body());
        }
        return json(answer.body()).get("code").asInt();
    }

    Events listen()
    {
        final String key = ok(client.keyOnly("POST", "/fapi/v1/listenKey")).get("listenKey").asText();
        final Events sink = new Events();
        emulator.openUserStream(key, sink);
        return sink;
    }

    JsonNode order(final String... nameValues)
    {
        return ok(client.body("POST", "/fapi/v1/order", nameValues));
    }

    JsonNode position(final String symbol)
    {
        return ok(client.query("GET", "/fapi/v2/positionRisk", "symbol", symbol)).get(0);
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
