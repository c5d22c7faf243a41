package dev.peregrine.ops.logging;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamWriteFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.JsonGeneratorDelegate;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.util.RawValue;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * The one JSON configuration of ops, off the hot path (logs, admin and health bodies, reports, decision
 * lines): Jackson, set up so the documents read as they always have. Compact output has no spaces; pretty
 * output (files people read) indents two spaces per level with {@code "key": value} and {@code {}} for an
 * empty container; {@code \u001f}-style escapes are lower-case; decimals are plain, never {@code 1E-8}.
 *
 * <p>Numbers with a fixed count of decimals ({@link #fixed}) are written as the text {@link String#format}
 * gives, so an API that always showed {@code 0.00000000} still does.
 */
public final class JsonOutput
{
    /** Compact generators and parsers. */
    public static final JsonFactory FACTORY = JsonFactory.builder()
        .disable(JsonWriteFeature.WRITE_HEX_UPPER_CASE)
        .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
        .build();
    /** For trees ({@link #object()}) and reading. */
    public static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private static final DefaultPrettyPrinter PRETTY = new DefaultPrettyPrinter(Separators.createDefaultInstance()
        .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
        .withObjectEmptySeparator("")
        .withArrayEmptySeparator(""))
        .withObjectIndenter(new DefaultIndenter("  ", "\n"))
        .withArrayIndenter(new DefaultIndenter("  ", "\n"));

    private JsonOutput()
    {
    }

    /** What writes one document onto a generator. */
    @FunctionalInterface
    public interface Body
    {
        void write(JsonGenerator json) throws IOException;
    }

    /** One document on one line. */
    public static String compact(final Body body)
    {
        return write(body, false);
    }

    /** One document indented for people, ending in a line break. */
    public static String pretty(final Body body)
    {
        return write(body, true) + "\n";
    }

    /** An empty object whose fields keep the order they are put in. */
    public static ObjectNode object()
    {
        return MAPPER.createObjectNode();
    }

    /** {@code node} on one line. */
    public static String compact(final ObjectNode node)
    {
        try
        {
            return MAPPER.writeValueAsString(node);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
    }

    /** {@code {"error":message}}, the API's answer to a refused request. */
    public static String error(final String message)
    {
        return compact(object().put("error", message));
    }

    /** {@code value} with exactly {@code decimals} places, as {@code String.format("%.Nf")} writes it. */
    public static RawValue fixed(final double value, final int decimals)
    {
        return new RawValue(String.format(Locale.ROOT, "%." + decimals + "f", value));
    }

    /** Writes {@code name} with {@link #fixed}'s number. */
    public static void fixed(final JsonGenerator json, final String name, final double value, final int decimals)
        throws IOException
    {
        json.writeFieldName(name);
        json.writeRawValue(fixed(value, decimals).rawValue().toString());
    }

    /**
     * A plain decimal of at most 8 places without trailing zeros (the reports' numbers); NaN and infinities,
     * which JSON lacks, as null.
     */
    public static void decimal(final JsonGenerator json, final double value) throws IOException
    {
        if (Double.isNaN(value) || Double.isInfinite(value))
        {
            json.writeNull();
            return;
        }
        json.writeNumber(new BigDecimal(value).setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros());
    }

    /**
     * {@code node} indented for people, ending in a line break, every double in it as {@link #decimal} writes it
     * (the reports' and summaries' number rule).
     */
    public static String prettyDecimals(final JsonNode node)
    {
        return write(json -> MAPPER.writeTree(json, node), true, true) + "\n";
    }

    /** {@code node} on one line, every double in it as {@link #decimal} writes it. */
    public static String compactDecimals(final JsonNode node)
    {
        return write(json -> MAPPER.writeTree(json, node), false, true);
    }

    private static String write(final Body body, final boolean pretty)
    {
        return write(body, pretty, false);
    }

    private static String write(final Body body, final boolean pretty, final boolean decimals)
    {
        final StringWriter out = new StringWriter(256);
        try (JsonGenerator json = decimals ? new PlainDecimals(FACTORY.createGenerator(out)) : FACTORY.createGenerator(out))
        {
            if (pretty)
            {
                json.setPrettyPrinter(PRETTY);
            }
            body.write(json);
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException(ex);
        }
        return out.toString();
    }

    /** Writes every double as {@link #decimal} does, whatever wrote it (a tree's number node, a field). */
    private static final class PlainDecimals extends JsonGeneratorDelegate
    {
        PlainDecimals(final JsonGenerator generator)
        {
            super(generator, false);
        }

        @Override
        public void writeNumber(final double value) throws IOException
        {
            decimal(delegate, value);
        }

        @Override
        public void writeNumber(final float value) throws IOException
        {
            decimal(delegate, value);
        }
    }
}
