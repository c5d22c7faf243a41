package dev.peregrine.gateway.coinbase.emulator;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One REST request as the emulator's endpoints read it: method, path (no query), the query's parameters
 * (a name may repeat, as {@code product_ids} does) and the JSON body, if any.
 */
record EmulatorRequest(String method, String path, Map<String, List<String>> query, JsonNode body)
{
    /** Splits {@code uri} into its path and decoded query parameters. */
    static EmulatorRequest of(final String method, final String uri, final JsonNode body)
    {
        final int mark = uri.indexOf('?');
        final String path = mark < 0 ? uri : uri.substring(0, mark);
        final Map<String, List<String>> query = new LinkedHashMap<>();
        if (mark >= 0)
        {
            for (final String pair : uri.substring(mark + 1).split("&"))
            {
                if (pair.isEmpty())
                {
                    continue;
                }
                final int eq = pair.indexOf('=');
                final String name = decode(eq < 0 ? pair : pair.substring(0, eq));
                final String value = eq < 0 ? "" : decode(pair.substring(eq + 1));
                query.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
            }
        }
        return new EmulatorRequest(method, path, query, body);
    }

    /** The parameter's first value, or null when absent or empty. */
    String param(final String name)
    {
        final List<String> values = query.get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    /** Every value of a repeated parameter ({@code product_ids=A&product_ids=B}), or of a comma list. */
    List<String> params(final String name)
    {
        final List<String> all = new ArrayList<>();
        for (final String value : query.getOrDefault(name, List.of()))
        {
            for (final String one : value.split(","))
            {
                if (!one.isBlank())
                {
                    all.add(one.trim());
                }
            }
        }
        return all;
    }

    /**
     * A whole-number parameter, {@code absent} when missing.
     *
     * @throws IllegalArgumentException naming the parameter when it is not a whole number.
     */
    long longParam(final String name, final long absent)
    {
        final String value = param(name);
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
            throw new IllegalArgumentException(name + " must be a whole number, was '" + value + "'");
        }
    }

    private static String decode(final String text)
    {
        return URLDecoder.decode(text, StandardCharsets.UTF_8);
    }
}
