package dev.peregrine.gateway.venue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.core.number.FixedPoint;

import java.io.IOException;
import java.net.URI;

/**
 * Reading the fields of a venue's product listing (JSON, decimal strings) into scaled longs, with failures that name
 * the URL, the product and the field. Shared by every {@link CatalogSource}; start-up only, so Jackson's tree is fine.
 */
public final class CatalogFields
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private CatalogFields()
    {
    }

    /** The answer's JSON tree; throws naming {@code source} when it is not JSON. */
    public static JsonNode json(final String body, final String source)
    {
        try
        {
            final JsonNode root = JSON.readTree(body);
            if (root == null || root.isMissingNode())
            {
                throw new IllegalArgumentException(source + " answered an empty body");
            }
            return root;
        }
        catch (final IOException ex)
        {
            throw new IllegalArgumentException(source + " answered something that is not JSON: " +
                ex.getMessage().lines().findFirst().orElse(""));
        }
    }

    /** A non-empty string field. */
    public static String text(final JsonNode node, final String field, final String source, final String product)
    {
        final JsonNode value = node.get(field);
        if (value == null || !value.isTextual() || value.asText().isEmpty())
        {
            throw new IllegalArgumentException(source + ": product " + product + " has no " + field);
        }
        return value.asText();
    }

    /** A positive decimal string (an increment). */
    public static long positive(final JsonNode node, final String field, final String source, final String product)
    {
        final long value = FixedPoint.parse(text(node, field, source, product));
        if (FixedPoint.isError(value) || value <= 0)
        {
            throw new IllegalArgumentException(source + ": product " + product + " has " + field + " '" +
                node.get(field).asText() + "', not a positive decimal of at most " + FixedPoint.DECIMALS + " places");
        }
        return value;
    }

    /** A decimal string that may be absent or empty (0 then). */
    public static long orZero(final JsonNode node, final String field, final String source, final String product)
    {
        final JsonNode value = node.get(field);
        if (value == null || value.isNull() || value.asText().isEmpty())
        {
            return 0;
        }
        final long parsed = FixedPoint.parse(value.asText());
        if (FixedPoint.isError(parsed) || parsed < 0)
        {
            throw new IllegalArgumentException(source + ": product " + product + " has " + field + " '" +
                value.asText() + "', not a decimal of at most " + FixedPoint.DECIMALS + " places");
        }
        return parsed;
    }

    /**
     * A price to centre the sanity band on: the venue's figure rounded to {@link FixedPoint#DECIMALS} places, or
     * {@code fallback} when it has none (a reference price need not be exact, a tiny price may carry more places).
     */
    public static long price(final String text, final long fallback)
    {
        if (text == null || text.isEmpty())
        {
            return fallback;
        }
        try
        {
            final long scaled = FixedPoint.fromDouble(Double.parseDouble(text));
            return scaled > 0 ? scaled : fallback;
        }
        catch (final NumberFormatException ex)
        {
            return fallback;
        }
    }

    /** {@code base} without a trailing slash, so a path can follow it. */
    public static String base(final URI base)
    {
        final String text = base.toString();
        return text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
    }
}
