package dev.peregrine.ops.http;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The query string of an admin GET, decoded, and the checks its endpoints share. */
final class QueryParameters
{
    private QueryParameters()
    {
    }

    /** Parameters in the order given; a key without {@code =} has the value "". Null or empty: none. */
    static Map<String, String> parse(final String rawQuery)
    {
        final Map<String, String> parameters = new LinkedHashMap<>();
        if (rawQuery != null && !rawQuery.isEmpty())
        {
            for (final String pair : rawQuery.split("&"))
            {
                final int eq = pair.indexOf('=');
                parameters.put(URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8),
                    eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return parameters;
    }

    /**
     * The parameters of {@code rawQuery}, each value checked, in the order given, by its name's check in
     * {@code checks} (which throws to refuse it); so the first bad parameter is the one reported.
     *
     * @throws IllegalArgumentException from a check, or for a name {@code checks} lacks (naming {@code accepted}).
     */
    static Map<String, String> checked(final String rawQuery, final Map<String, Consumer<String>> checks,
        final String accepted)
    {
        final Map<String, String> parameters = parse(rawQuery);
        for (final Map.Entry<String, String> parameter : parameters.entrySet())
        {
            final Consumer<String> check = checks.get(parameter.getKey());
            if (check == null)
            {
                throw new IllegalArgumentException("unknown parameter '" + parameter.getKey() + "' (use " + accepted + ")");
            }
            check.accept(parameter.getValue());
        }
        return parameters;
    }

    /** The checked {@code limit} of {@code parameters}, or {@code defaultLimit} when it has none. */
    static int limitOr(final Map<String, String> parameters, final int defaultLimit, final int max)
    {
        final String value = parameters.get("limit");
        return value == null ? defaultLimit : limit(value, max);
    }

    /** @throws IllegalArgumentException unless {@code value} is an integer from 1 to {@code max}. */
    static int limit(final String value, final int max)
    {
        int limit;
        try
        {
            limit = Integer.parseInt(value);
        }
        catch (final NumberFormatException ex)
        {
            limit = -1;
        }
        if (limit < 1 || limit > max)
        {
            throw new IllegalArgumentException("limit must be an integer from 1 to " + max + ", got '" + value + "'");
        }
        return limit;
    }
}
