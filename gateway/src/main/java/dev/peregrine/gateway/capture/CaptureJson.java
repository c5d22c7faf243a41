package dev.peregrine.gateway.capture;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one line of a capture file as a JSON value, with Jackson: objects become {@link LinkedHashMap}s,
 * arrays {@link List}s, numbers {@link BigDecimal}s (so an epoch-seconds float converts to nanoseconds
 * exactly), strings unescaped {@link String}s. Off the hot path: capture files are read once, ahead of
 * the frames they hold, so this favours being obviously correct over being allocation-free.
 */
final class CaptureJson
{
    private static final int MAX_DEPTH = 64;

    private static final JsonMapper MAPPER = JsonMapper.builder(new com.fasterxml.jackson.core.JsonFactoryBuilder()
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build())
        .nodeFactory(JsonNodeFactory.withExactBigDecimals(true))
        .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .build();

    private CaptureJson()
    {
    }

    /** @throws IllegalArgumentException saying where, if {@code text} is not one JSON value. */
    static Object parse(final String text)
    {
        final JsonNode tree;
        try
        {
            tree = MAPPER.readTree(text);
        }
        catch (final JsonProcessingException ex)
        {
            throw new IllegalArgumentException("not JSON at column " +
                (ex.getLocation() == null ? "?" : Long.toString(ex.getLocation().getColumnNr())) + ": " + ex.getOriginalMessage());
        }
        if (tree == null || tree.isMissingNode())
        {
            throw new IllegalArgumentException("not JSON at column 1: unexpected end");
        }
        return plain(tree);
    }

    private static Object plain(final JsonNode node)
    {
        if (node.isObject())
        {
            final Map<String, Object> map = new LinkedHashMap<>();
            final Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext())
            {
                final Map.Entry<String, JsonNode> field = fields.next();
                map.put(field.getKey(), plain(field.getValue()));
            }
            return map;
        }
        if (node.isArray())
        {
            final List<Object> list = new ArrayList<>(node.size());
            for (final JsonNode element : node)
            {
                list.add(plain(element));
            }
            return list;
        }
        if (node.isNumber())
        {
            return node.decimalValue();
        }
        if (node.isBoolean())
        {
            return node.booleanValue();
        }
        return node.isNull() ? null : node.textValue();
    }
}
