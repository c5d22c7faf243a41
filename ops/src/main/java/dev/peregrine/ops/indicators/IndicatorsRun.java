package dev.peregrine.ops.indicators;

import dev.peregrine.journal.importer.CsvReader;
import dev.peregrine.journal.importer.ImportException;
import dev.peregrine.journal.importer.Timestamps;
import dev.peregrine.ops.cli.UsageException;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads OHLCV rows from a CSV, feeds each bar to an {@link IndicatorBank} and writes the input columns
 * followed by the selected indicator columns. The input is checked row by row; the first problem is a
 * {@link UsageException} {@code <file>:<line>: <field>: <problem>} (or {@code <file>:<line>: <problem>}
 * where no single field is at fault). Output goes to a temporary file beside {@code output} that is
 * moved into place only after the last row, so a bad input never leaves a partial output.
 */
public final class IndicatorsRun
{
    /** The required columns, in the canonical order; each may also be spelled as its aliases. */
    public static final List<String> REQUIRED = List.of("timestamp", "open", "high", "low", "close", "volume");

    private static final Map<String, List<String>> ALIASES = Map.of(
        "timestamp", List.of("timestamp", "time", "date", "datetime"),
        "open", List.of("open"),
        "high", List.of("high"),
        "low", List.of("low"),
        "close", List.of("close"),
        "volume", List.of("volume"));

    private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");
    private static final Pattern NON_FINITE = Pattern.compile("[+-]?(nan|inf|infinity)", Pattern.CASE_INSENSITIVE);

    private static final int TIME = 0;
    private static final int OPEN = 1;
    private static final int HIGH = 2;
    private static final int LOW = 3;
    private static final int CLOSE = 4;
    private static final int VOLUME = 5;

    /** What was written. */
    public record Result(long rows, int inputColumns, int indicatorColumns)
    {
    }

    private IndicatorsRun()
    {
    }

    /**
     * Picks the columns named in {@code requested} (full names such as {@code sma_20}, or names without
     * settings such as {@code sma}), in the order of {@code all}; all of them when empty.
     */
    public static List<IndicatorBank.Column> select(final List<IndicatorBank.Column> all, final List<String> requested)
    {
        if (requested.isEmpty())
        {
            return all;
        }
        final Set<String> wanted = new LinkedHashSet<>();
        for (final String name : requested)
        {
            final String n = name.trim().toLowerCase(Locale.ROOT);
            if (n.isEmpty())
            {
                continue;
            }
            final boolean known = all.stream().anyMatch(c -> c.name().equals(n) || IndicatorBank.baseName(c).equals(n));
            if (!known)
            {
                throw new UsageException("--columns: unknown column '" + name.trim() + "' (valid: " +
                    String.join(", ", all.stream().map(IndicatorBank.Column::name).toList()) + ")");
            }
            wanted.add(n);
        }
        if (wanted.isEmpty())
        {
            throw new UsageException("--columns: no column named");
        }
        return all.stream().filter(c -> wanted.contains(c.name()) || wanted.contains(IndicatorBank.baseName(c))).toList();
    }

    public static Result run(final Path input, final Path output, final IndicatorParams params,
        final List<IndicatorBank.Column> columns)
    {
        final String source = input.toString();
        if (!Files.isRegularFile(input))
        {
            throw new UsageException("--input " + input + ": " + (Files.exists(input) ? "not a regular file" : "no such file"));
        }
        final Path target = output.toAbsolutePath().normalize();
        if (Files.exists(target) && isSameFile(input, target))
        {
            throw new UsageException("--output " + output + ": is the input file; write to another file");
        }
        if (Files.isDirectory(target))
        {
            throw new UsageException("--output " + output + ": is a folder");
        }
        final Path folder = target.getParent();
        if (folder == null || !Files.isDirectory(folder))
        {
            throw new UsageException("--output " + output + ": folder " + folder + " does not exist");
        }
        final Path temp;
        try
        {
            temp = Files.createTempFile(folder, "." + target.getFileName() + ".", ".tmp");
        }
        catch (final IOException ex)
        {
            throw new UsageException("--output " + output + ": cannot write in " + folder + " (" + ex + ")");
        }
        boolean moved = false;
        try
        {
            final Result result;
            try (CsvReader reader = new CsvReader(Files.newBufferedReader(input, StandardCharsets.UTF_8), source);
                CsvWriter writer = new CsvWriter(new BufferedWriter(
                    new OutputStreamWriter(Files.newOutputStream(temp), StandardCharsets.UTF_8), 1 << 16)))
            {
                result = convert(reader, writer, source, params, columns);
            }
            catch (final CharacterCodingException ex)
            {
                throw new UsageException(source + ": not UTF-8 text (" + ex.getMessage() + ")");
            }
            catch (final ImportException ex)
            {
                throw new UsageException(ex.getMessage()); // malformed quoting, found by the shared reader
            }
            try
            {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
            catch (final AtomicMoveNotSupportedException ex)
            {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            moved = true;
            return result;
        }
        catch (final IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
        finally
        {
            if (!moved)
            {
                try
                {
                    Files.deleteIfExists(temp);
                }
                catch (final IOException ignored)
                {
                    // the run already failed; the message about that one matters more
                }
            }
        }
    }

    private static boolean isSameFile(final Path a, final Path b)
    {
        try
        {
            return Files.isSameFile(a, b);
        }
        catch (final IOException ex)
        {
            return false;
        }
    }

    private static Result convert(final CsvReader reader, final CsvWriter writer, final String source,
        final IndicatorParams params, final List<IndicatorBank.Column> columns) throws IOException
    {
        final String expected = String.join(",", REQUIRED);
        List<String> header = reader.next();
        if (header == null)
        {
            throw new UsageException(source + ":1: empty file (expected a header line: " + expected + ")");
        }
        if (header.isEmpty())
        {
            List<String> next;
            do
            {
                next = reader.next();
            }
            while (next != null && next.isEmpty());
            if (next == null)
            {
                throw new UsageException(source + ":1: empty file (expected a header line: " + expected + ")");
            }
            throw new UsageException(source + ":1: empty line where the header belongs (expected: " + expected + ")");
        }
        header = new ArrayList<>(header);
        if (!header.get(0).isEmpty() && header.get(0).charAt(0) == '\uFEFF')
        {
            header.set(0, header.get(0).substring(1));
        }
        final int[] index = locate(header, source, expected);
        final Set<String> taken = new LinkedHashSet<>();
        for (final String name : header)
        {
            taken.add(name.trim().toLowerCase(Locale.ROOT));
        }
        for (final IndicatorBank.Column column : columns)
        {
            if (taken.contains(column.name()))
            {
                throw new UsageException(source + ":1: " + column.name() + ": the input already has this column; " +
                    "rename it or leave it out with --columns");
            }
        }
        writer.fields(header);
        for (final IndicatorBank.Column column : columns)
        {
            writer.field(column.name());
        }
        writer.endRecord();

        final String[] names = new String[REQUIRED.size()];
        for (int i = 0; i < names.length; i++)
        {
            names[i] = header.get(index[i]).trim();
        }
        final IndicatorBank bank = new IndicatorBank(params);
        final double[] v = new double[REQUIRED.size()];
        Instant previous = null;
        String previousText = null;
        int previousLine = 0;
        int blankLine = 0;
        long rows = 0;
        List<String> row;
        while ((row = reader.next()) != null)
        {
            final int line = reader.recordLine();
            if (row.isEmpty())
            {
                blankLine = blankLine == 0 ? line : blankLine;
                continue;
            }
            if (blankLine != 0)
            {
                throw new UsageException(source + ":" + blankLine + ": empty line inside the data " +
                    "(only empty lines at the end are allowed)");
            }
            if (row.size() != header.size())
            {
                throw new UsageException(source + ":" + line + ": expected " + header.size() +
                    " fields as in the header, found " + row.size());
            }
            final String timeText = row.get(index[TIME]);
            final Instant time;
            try
            {
                time = Timestamps.parse(timeText);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new UsageException(source + ":" + line + ": " + names[TIME] + ": " + ex.getMessage());
            }
            if (previous != null && !time.isAfter(previous))
            {
                throw new UsageException(source + ":" + line + ": " + names[TIME] + ": '" + timeText.trim() +
                    "' is not after '" + previousText.trim() + "' on line " + previousLine +
                    " (rows must be in strictly increasing time order)");
            }
            for (int f = OPEN; f <= VOLUME; f++)
            {
                v[f] = number(row.get(index[f]), source, line, names[f]);
            }
            if (v[HIGH] < v[LOW])
            {
                throw new UsageException(source + ":" + line + ": " + names[HIGH] + ": " + text(row, index, HIGH) +
                    " is below " + names[LOW] + " " + text(row, index, LOW));
            }
            for (final int f : new int[] {OPEN, CLOSE})
            {
                if (v[f] < v[LOW] || v[f] > v[HIGH])
                {
                    throw new UsageException(source + ":" + line + ": " + names[f] + ": " + text(row, index, f) +
                        " is outside [" + names[LOW] + " " + text(row, index, LOW) + ", " + names[HIGH] + " " +
                        text(row, index, HIGH) + "]");
                }
            }
            bank.update(v[HIGH], v[LOW], v[CLOSE]);
            writer.fields(row);
            for (final IndicatorBank.Column column : columns)
            {
                final double value = column.value().applyAsDouble(bank);
                writer.field(Double.isNaN(value) ? "" : Double.toString(value));
            }
            writer.endRecord();
            previous = time;
            previousText = timeText;
            previousLine = line;
            rows++;
        }
        return new Result(rows, header.size(), columns.size());
    }

    private static String text(final List<String> row, final int[] index, final int field)
    {
        return row.get(index[field]).trim();
    }

    private static int[] locate(final List<String> header, final String source, final String expected)
    {
        final Map<String, Integer> positions = new HashMap<>();
        for (int i = 0; i < header.size(); i++)
        {
            positions.putIfAbsent(header.get(i).trim().toLowerCase(Locale.ROOT), i);
        }
        final int[] index = new int[REQUIRED.size()];
        for (int r = 0; r < REQUIRED.size(); r++)
        {
            final String name = REQUIRED.get(r);
            index[r] = -1;
            for (final String alias : ALIASES.get(name))
            {
                final Integer at = positions.get(alias);
                if (at == null)
                {
                    continue;
                }
                if (index[r] >= 0)
                {
                    throw new UsageException(source + ":1: " + name + ": given twice, as '" + header.get(index[r]).trim() +
                        "' and '" + header.get(at).trim() + "'");
                }
                index[r] = at;
            }
            for (int i = 0; i < header.size(); i++)
            {
                if (index[r] >= 0 && i != index[r] && header.get(i).trim().equalsIgnoreCase(header.get(index[r]).trim()))
                {
                    throw new UsageException(source + ":1: " + name + ": column given twice (columns " + (index[r] + 1) +
                        " and " + (i + 1) + ")");
                }
            }
        }
        for (int r = 0; r < REQUIRED.size(); r++)
        {
            if (index[r] < 0)
            {
                if (looksLikeData(header))
                {
                    throw new UsageException(source + ":1: no header line (expected column names " + expected +
                        ", found data '" + String.join(",", header) + "')");
                }
                throw new UsageException(source + ":1: " + REQUIRED.get(r) + ": missing column (header: " +
                    String.join(",", header) + ")");
            }
        }
        return index;
    }

    private static boolean looksLikeData(final List<String> header)
    {
        int numbers = 0;
        for (final String field : header)
        {
            final String f = field.trim();
            if (DECIMAL.matcher(f).matches())
            {
                numbers++;
            }
            else
            {
                try
                {
                    Timestamps.parse(f);
                    numbers++;
                }
                catch (final IllegalArgumentException ex)
                {
                    // a name
                }
            }
        }
        return numbers >= 2;
    }

    private static double number(final String field, final String source, final int line, final String name)
    {
        final String t = field.trim();
        final String where = source + ":" + line + ": " + name + ": ";
        if (t.isEmpty())
        {
            throw new UsageException(where + "empty (a number is required)");
        }
        if (NON_FINITE.matcher(t).matches())
        {
            throw new UsageException(where + "'" + t + "' is not a finite number");
        }
        if (!DECIMAL.matcher(t).matches())
        {
            throw new UsageException(where + "'" + t + "' is not a number");
        }
        final double value = Double.parseDouble(t);
        if (Double.isInfinite(value))
        {
            throw new UsageException(where + "'" + t + "' is not a finite number");
        }
        if (value < 0.0)
        {
            throw new UsageException(where + t + " is negative");
        }
        return value;
    }
}
