package dev.peregrine.gateway.coinbase.intx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.number.FixedPoint;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import static dev.peregrine.gateway.venue.CatalogFields.positive;

/**
 * Reads the perpetual part of an Advanced Trade product (Get Product, List Products): {@code product_type}
 * {@code FUTURE} with {@code future_product_details} whose {@code contract_expiry_type} is {@code PERPETUAL} (or
 * that carry {@code perpetual_details}); its {@code contract_size}, {@code funding_interval} (a protobuf duration,
 * {@code "3600s"}; hourly where absent, as INTX funds), and {@code perpetual_details}: {@code max_leverage},
 * {@code funding_rate}, {@code funding_time}. Off the hot path (catalog loading, the mark poller): Jackson's tree.
 * Failures name the source, the product and the field.
 */
public final class IntxProductFields
{
    private IntxProductFields()
    {
    }

    /** Whether {@code product} is a perpetual future. */
    public static boolean isPerpetual(final JsonNode product)
    {
        if (!"FUTURE".equals(product.path("product_type").asText("")))
        {
            return false;
        }
        final JsonNode details = product.path("future_product_details");
        return "PERPETUAL".equals(details.path("contract_expiry_type").asText("")) ||
            details.path("perpetual_details").isObject();
    }

    /** The contract's terms. */
    public static PerpetualTerms terms(final JsonNode product, final String source, final String id)
    {
        final JsonNode details = product.path("future_product_details");
        final long contractSize = details.hasNonNull("contract_size") && !details.get("contract_size").asText().isEmpty() ?
            positive(details, "contract_size", source, id) : FixedPoint.SCALE;
        final long maxLeverage = positive(perpetual(product, source, id), "max_leverage", source, id);
        return IntxMarginRates.terms(contractSize, maxLeverage, fundingInterval(details, source, id));
    }

    /** The product's mark, index, funding rate and next funding time now. */
    public static IntxFundingQuote quote(final JsonNode product, final String source, final String id)
    {
        final JsonNode perpetual = perpetual(product, source, id);
        final long index = decimal(product, "price", source, id);
        final long mid = product.hasNonNull("mid_market_price") && !product.get("mid_market_price").asText().isEmpty() ?
            decimal(product, "mid_market_price", source, id) : index;
        return new IntxFundingQuote(id, mid, index, decimal(perpetual, "funding_rate", source, id),
            time(perpetual, "funding_time", source, id));
    }

    /** {@code "3600s"} (protobuf's JSON duration) or a number of seconds, as nanoseconds; hourly when absent. */
    static long fundingInterval(final JsonNode details, final String source, final String id)
    {
        final JsonNode value = details.get("funding_interval");
        if (value == null || value.isNull() || value.asText().isEmpty())
        {
            return IntxMarginRates.HOURLY_NANOS;
        }
        final String text = value.asText();
        final String seconds = text.endsWith("s") ? text.substring(0, text.length() - 1) : text;
        final long scaled = FixedPoint.parse(seconds);
        if (FixedPoint.isError(scaled) || scaled <= 0)
        {
            throw new IllegalArgumentException(source + ": product " + id + " has funding_interval '" + text +
                "', not a positive duration such as 3600s");
        }
        // FixedPoint seconds carry 8 places, nanoseconds 9.
        return Math.multiplyExact(scaled, 1_000_000_000L / FixedPoint.SCALE);
    }

    private static JsonNode perpetual(final JsonNode product, final String source, final String id)
    {
        final JsonNode perpetual = product.path("future_product_details").path("perpetual_details");
        if (!perpetual.isObject())
        {
            throw new IllegalArgumentException(source + ": product " + id +
                " has no future_product_details.perpetual_details (is it a perpetual?)");
        }
        return perpetual;
    }

    private static long decimal(final JsonNode node, final String field, final String source, final String id)
    {
        final JsonNode value = node.get(field);
        final long scaled = value == null || value.isNull() ? FixedPoint.ERR_SYNTAX : FixedPoint.parse(value.asText());
        if (FixedPoint.isError(scaled))
        {
            throw new IllegalArgumentException(source + ": product " + id + " has " + field + " '" +
                (value == null ? "" : value.asText()) + "', not a decimal of at most " + FixedPoint.DECIMALS + " places");
        }
        return scaled;
    }

    private static long time(final JsonNode node, final String field, final String source, final String id)
    {
        final String text = node.path(field).asText("");
        try
        {
            final Instant at = Instant.parse(text);
            return Math.addExact(Math.multiplyExact(at.getEpochSecond(), 1_000_000_000L), at.getNano());
        }
        catch (final DateTimeParseException | ArithmeticException ex)
        {
            throw new IllegalArgumentException(source + ": product " + id + " has " + field + " '" + text +
                "', not an RFC 3339 time");
        }
    }
}
