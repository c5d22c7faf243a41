package dev.peregrine.ops.journal;

import dev.peregrine.core.event.EventType;
import dev.peregrine.journal.importer.Timestamps;
import dev.peregrine.ops.cli.UsageException;
import dev.peregrine.ops.cli.AcceptTruncatedOption;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The options every {@code journal} subcommand shares (a picocli mixin): the folder and the filters.
 * Times are ISO-8601 ({@code 2026-01-01T10:00:00Z}, an offset, a fraction, or a date alone for midnight
 * UTC) or whole epoch seconds or milliseconds, as {@link Timestamps} reads them; {@code --from} is
 * inclusive, {@code --to} exclusive, both on the event time (the core's clock).
 */
public final class JournalQuery
{
    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Journal folder.")
    Path journal;

    @Option(names = "--from", paramLabel = "TIME",
        description = "Only events at or after this event time: ISO-8601 (2026-01-01T10:00:00Z) or epoch s/ms.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "Only events before this event time (same forms as --from).")
    String to;

    @Option(names = "--type", paramLabel = "TYPE", split = ",",
        description = "Only events of these types (TRADE, QUOTE, BOOK_LEVEL, ...; repeatable or a comma list).")
    List<String> types;

    @Option(names = "--product", paramLabel = "PRODUCT", split = ",",
        description = "Only events of these products (repeatable or a comma list; must be products of the journal).")
    List<String> products;

    @Mixin
    AcceptTruncatedOption acceptTruncated;

    public Path journal()
    {
        return journal;
    }

    /** True when any filter is given (the commands say so in their output). */
    public boolean filtered()
    {
        return from != null || to != null || types != null || products != null;
    }

    /**
     * The filter for a journal of {@code journalProducts} (its header's product list, in instrument id
     * order).
     *
     * @throws UsageException naming the option and the value that is wrong
     */
    public EventFilter filter(final List<String> journalProducts)
    {
        final long fromNanos = from == null ? Long.MIN_VALUE : nanos("--from", from);
        final long toNanos = to == null ? Long.MAX_VALUE : nanos("--to", to);
        if (toNanos <= fromNanos)
        {
            throw new UsageException("--to " + to + " is not after --from " + from + ": no event can match");
        }
        return new EventFilter(fromNanos, toNanos, typeMask(), productMask(journalProducts));
    }

    private static long nanos(final String option, final String text)
    {
        final Instant instant;
        try
        {
            instant = Timestamps.parse(text);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException(option + " '" + text + "': " + ex.getMessage());
        }
        try
        {
            return Math.addExact(Math.multiplyExact(instant.getEpochSecond(), 1_000_000_000L), instant.getNano());
        }
        catch (final ArithmeticException ex)
        {
            throw new UsageException(option + " '" + text + "' is outside the years 1677 to 2262 that event times cover");
        }
    }

    private boolean[] typeMask()
    {
        if (types == null)
        {
            return null;
        }
        final boolean[] mask = new boolean[EventType.LAST_KNOWN + 1];
        for (final String text : types)
        {
            final int code = typeCode(text.trim());
            if (code < 0)
            {
                throw new UsageException("--type '" + text + "' is not an event type (" + String.join(", ", typeNames()) + ")");
            }
            mask[code] = true;
        }
        return mask;
    }

    private static int typeCode(final String text)
    {
        for (int code = EventType.TRADE; code <= EventType.LAST_KNOWN; code++)
        {
            if (EventType.name(code).equalsIgnoreCase(text))
            {
                return code;
            }
        }
        return -1;
    }

    static List<String> typeNames()
    {
        final List<String> names = new ArrayList<>();
        for (int code = EventType.TRADE; code <= EventType.LAST_KNOWN; code++)
        {
            names.add(EventType.name(code));
        }
        return names;
    }

    private boolean[] productMask(final List<String> journalProducts)
    {
        if (products == null)
        {
            return null;
        }
        final boolean[] mask = new boolean[journalProducts.size()];
        for (final String text : products)
        {
            final int id = indexIgnoringCase(journalProducts, text.trim());
            if (id < 0)
            {
                throw new UsageException("--product '" + text + "' is not a product of journal " + journal + " (" +
                    String.join(", ", journalProducts) + ")");
            }
            mask[id] = true;
        }
        return mask;
    }

    private static int indexIgnoringCase(final List<String> names, final String name)
    {
        for (int i = 0; i < names.size(); i++)
        {
            if (names.get(i).toUpperCase(Locale.ROOT).equals(name.toUpperCase(Locale.ROOT)))
            {
                return i;
            }
        }
        return -1;
    }
}
