package dev.peregrine.gateway.binance.emulator;

import dev.peregrine.gateway.sim.binance.BinanceHttpAnswer;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request the emulated venue refuses, in the venue's error shape {@code {"code":-1102,"msg":"..."}} with its HTTP
 * status. Thrown from deep inside a request's handling (parameter parsing, filters, the account) and answered once
 * by {@link BinanceSpotEmulator}; the emulator is test tooling off the hot path, so an exception is the plain way.
 */
public final class BinanceRejection extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public final int status;
    public final int code;

    public BinanceRejection(final int status, final int code, final String msg)
    {
        super(msg, null, false, false);
        this.status = status;
        this.code = code;
    }

    public static BinanceRejection badRequest(final int code, final String msg)
    {
        return new BinanceRejection(400, code, msg);
    }

    /** -1102: a mandatory parameter missing, empty or malformed. */
    public static BinanceRejection mandatory(final String name)
    {
        return badRequest(-1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
    }

    /** -1106: a parameter this order type does not take. */
    public static BinanceRejection notRequired(final String name)
    {
        return badRequest(-1106, "Parameter '" + name + "' sent when not required.");
    }

    /** -1100: a value outside the parameter's legal range. */
    public static BinanceRejection illegal(final String name, final String legalRange)
    {
        return badRequest(-1100, "Illegal characters found in parameter '" + name + "'; legal range is '" + legalRange + "'.");
    }

    /** -2010: the matching engine refused a new order ("Duplicate order sent.", insufficient balance, ...). */
    static BinanceRejection newOrderRejected(final String msg)
    {
        return badRequest(-2010, msg);
    }

    /** -1013: a symbol filter failed. */
    public static BinanceRejection filter(final String filterType)
    {
        return badRequest(-1013, "Filter failure: " + filterType);
    }

    /** The venue's error body. */
    static Map<String, Object> body(final int code, final String msg)
    {
        final Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", code);
        body.put("msg", msg);
        return body;
    }

    public BinanceHttpAnswer answer(final Map<String, String> headers)
    {
        return new BinanceHttpAnswer(status, headers, EmulatorJson.write(body(code, getMessage())));
    }
}
