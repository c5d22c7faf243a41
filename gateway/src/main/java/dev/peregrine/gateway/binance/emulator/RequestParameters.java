package dev.peregrine.gateway.binance.emulator;

import dev.peregrine.gateway.sim.binance.BinanceHttpRequest;

import java.math.BigDecimal;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A request's parameters as the venue reads them: from the query string and, for {@code POST}, {@code PUT} and
 * {@code DELETE}, from the form-encoded body too, the query winning where both send one. It also gives the
 * signature payload: the query string concatenated without a separator to the body, each as sent, with the
 * {@code signature} pair taken out wherever the client put it.
 */
public final class RequestParameters
{
    private static final Pattern DECIMAL = Pattern.compile("^([0-9]{1,20})(\\.[0-9]{1,20})?$");
    private static final String DECIMAL_RANGE = "^([0-9]{1,20})(\\.[0-9]{1,20})?$";

    private final Map<String, String> values = new LinkedHashMap<>();
    private final String signaturePayload;
    private String signature;

    private RequestParameters()
    {
        this.signaturePayload = "";
    }

    /** No parameters: what a request whose parameters cannot be read weighs by. */
    public static RequestParameters empty()
    {
        return new RequestParameters();
    }

    public RequestParameters(final BinanceHttpRequest request)
    {
        final String rawQuery = request.rawQuery() == null ? "" : request.rawQuery();
        final String body = "GET".equals(request.method()) || request.body() == null ? "" : request.body();
        final Map<String, String> fromBody = new LinkedHashMap<>();
        this.signaturePayload = read(rawQuery, values) + read(body, fromBody);
        fromBody.forEach(values::putIfAbsent);
    }

    /** Parses {@code form} into {@code into}, and returns it as sent less its {@code signature} pair. */
    private String read(final String form, final Map<String, String> into)
    {
        final StringBuilder unsigned = new StringBuilder(form.length());
        for (final String pair : form.split("&"))
        {
            if (pair.isEmpty())
            {
                continue;
            }
            final int eq = pair.indexOf('=');
            final String name = decode(eq < 0 ? pair : pair.substring(0, eq), true);
            final String rawValue = eq < 0 ? "" : pair.substring(eq + 1);
            if ("signature".equals(name))
            {
                // base64 holds '+', which a client may leave unencoded: never read it as a space here.
                duplicateCheck(signature != null);
                signature = decode(rawValue, false);
                continue;
            }
            duplicateCheck(into.containsKey(name));
            into.put(name, decode(rawValue, true));
            unsigned.append(unsigned.length() == 0 ? "" : "&").append(pair);
        }
        return unsigned.toString();
    }

    private static void duplicateCheck(final boolean duplicate)
    {
        if (duplicate)
        {
            throw BinanceRejection.badRequest(-1101, "Duplicate values for a parameter detected.");
        }
    }

    private static String decode(final String text, final boolean plusIsSpace)
    {
        try
        {
            return URLDecoder.decode(plusIsSpace ? text : text.replace("+", "%2B"), StandardCharsets.UTF_8);
        }
        catch (final IllegalArgumentException ex)
        {
            throw BinanceRejection.badRequest(-1100, "Illegal characters found in a parameter.");
        }
    }

    /** The query string and body as signed: the query, then the body, without the signature. */
    String signaturePayload()
    {
        return signaturePayload;
    }

    /** The {@code signature} sent, or null. */
    String signature()
    {
        return signature;
    }

    /** The value, or null when absent or empty. */
    public String get(final String name)
    {
        final String value = values.get(name);
        return value == null || value.isEmpty() ? null : value;
    }

    public boolean has(final String name)
    {
        return get(name) != null;
    }

    /** @throws BinanceRejection -1102 when absent or empty. */
    public String required(final String name)
    {
        final String value = get(name);
        if (value == null)
        {
            throw BinanceRejection.mandatory(name);
        }
        return value;
    }

    /** A LONG parameter, or {@code absent}; -1102 when malformed (as the venue answers a bad mandatory one). */
    public long longValue(final String name, final long absent)
    {
        final String value = get(name);
        if (value == null)
        {
            return absent;
        }
        try
        {
            return Long.parseLong(value);
        }
        catch (final NumberFormatException ex)
        {
            throw BinanceRejection.mandatory(name);
        }
    }

    /** A DECIMAL parameter, or null when absent; -1100 when not a plain decimal, -1111 past eight decimals. */
    public BigDecimal decimal(final String name)
    {
        final String value = get(name);
        if (value == null)
        {
            return null;
        }
        if (!DECIMAL.matcher(value).matches())
        {
            throw BinanceRejection.illegal(name, DECIMAL_RANGE);
        }
        final BigDecimal parsed = new BigDecimal(value);
        if (parsed.stripTrailingZeros().scale() > EmulatorJson.DECIMALS)
        {
            throw BinanceRejection.badRequest(-1111, "Parameter '" + name + "' has too much precision.");
        }
        return parsed;
    }

    /** An ENUM parameter checked against its legal values, or null when absent. */
    public String choice(final String name, final String... legal)
    {
        final String value = get(name);
        if (value == null)
        {
            return null;
        }
        for (final String candidate : legal)
        {
            if (candidate.equals(value))
            {
                return value;
            }
        }
        throw BinanceRejection.illegal(name, String.join(", ", legal));
    }

    public boolean flag(final String name)
    {
        return "true".equalsIgnoreCase(get(name));
    }
}
