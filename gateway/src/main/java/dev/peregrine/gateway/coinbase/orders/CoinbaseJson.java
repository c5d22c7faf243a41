package dev.peregrine.gateway.coinbase.orders;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Jackson for the Coinbase order path (REST answers, user-channel frames, the downloadable key file, the
 * emulator's requests and answers): a few messages a second, off the hot path, so a tree is fine.
 *
 * <p>Numbers keep their literal text ({@code BigDecimal} for fractions), so no precision is lost before
 * the caller decides the type. A parse error names the offset only: the text may be a key file, whose
 * content must never reach a message (Jackson's own messages quote the token they choke on).
 */
public final class CoinbaseJson
{
    /** Thread-safe once configured, as Jackson documents. */
    public static final ObjectMapper MAPPER = new ObjectMapper()
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

    private CoinbaseJson()
    {
    }

    /** @throws IllegalArgumentException naming the offset of the error, if the text is not one JSON object. */
    public static JsonNode parseObject(final String text)
    {
        final JsonNode node;
        try
        {
            node = MAPPER.readTree(text);
        }
        catch (final JsonProcessingException ex)
        {
            final long offset = ex.getLocation() == null ? -1 : ex.getLocation().getCharOffset();
            throw new IllegalArgumentException("malformed JSON at offset " + offset);
        }
        if (node == null || !node.isObject())
        {
            throw new IllegalArgumentException("expected a JSON object");
        }
        return node;
    }

    /** The string at {@code key}, the text of a number, or null when absent, null or another type. */
    public static String text(final JsonNode object, final String key)
    {
        final JsonNode value = object == null ? null : object.get(key);
        return value != null && (value.isTextual() || value.isNumber()) ? value.asText() : null;
    }

    /** True for {@code true} or {@code "true"}. */
    public static boolean bool(final JsonNode object, final String key)
    {
        final JsonNode value = object == null ? null : object.get(key);
        return value != null && (value.isBoolean() ? value.booleanValue() : "true".equals(value.asText()));
    }

    /** The object at {@code key}, or null. */
    public static JsonNode object(final JsonNode object, final String key)
    {
        final JsonNode value = object == null ? null : object.get(key);
        return value != null && value.isObject() ? value : null;
    }

    /** The elements of the array at {@code key}; empty when absent or not an array. */
    public static Iterable<JsonNode> array(final JsonNode object, final String key)
    {
        final JsonNode value = object == null ? null : object.get(key);
        return value != null && value.isArray() ? value : java.util.List.of();
    }

    public static ObjectNode newObject()
    {
        return MAPPER.createObjectNode();
    }

    /** Writes a tree, map, list or value as compact JSON. */
    public static String write(final Object value)
    {
        try
        {
            return MAPPER.writeValueAsString(value);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalStateException("cannot write JSON: " + ex.getOriginalMessage(), ex);
        }
    }
}
