package dev.peregrine.journal;

import net.openhft.chronicle.queue.RollCycle;

import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.temporal.ChronoField;
import java.time.temporal.TemporalAccessor;

/** The roll cycle a queue file holds, read from its name as Chronicle formats it (queue epoch 0, UTC). */
final class QueueFileCycle
{
    private QueueFileCycle()
    {
    }

    /** The cycle a file holds, by its name (Chronicle names files by the roll cycle's format). */
    static int of(final Path file, final RollCycle rollCycle)
    {
        final String name = file.getFileName().toString();
        final String stem = name.substring(0, name.length() - JournalFolder.QUEUE_FILE_SUFFIX.length());
        try
        {
            final DateTimeFormatter format = DateTimeFormatter
                .ofPattern(rollCycle.format()).withZone(ZoneOffset.UTC);
            final long millis = Instant.from(parseLenient(format, stem)).toEpochMilli();
            return (int)Math.floorDiv(millis, rollCycle.lengthInMillis());
        }
        catch (final RuntimeException e)
        {
            return -1; // a file name of another roll cycle: named by file only
        }
    }

    private static TemporalAccessor parseLenient(final DateTimeFormatter format,
        final String text)
    {
        final DateTimeFormatter withDefaults = new DateTimeFormatterBuilder()
            .append(format).parseDefaulting(ChronoField.HOUR_OF_DAY, 0)
            .parseDefaulting(ChronoField.MINUTE_OF_HOUR, 0)
            .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
            .toFormatter().withZone(ZoneOffset.UTC);
        return withDefaults.parse(text);
    }
}
