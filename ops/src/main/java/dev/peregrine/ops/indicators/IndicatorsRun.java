package dev.peregrine.ops.indicators;

import dev.peregrine.journal.importer.CsvReader;
import dev.peregrine.journal.importer.ImportException;
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
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads OHLCV rows from a CSV, feeds each bar to an {@link IndicatorBank} and writes the input columns
 * followed by the selected indicator columns. The input is checked row by row ({@link OhlcvHeader},
 * {@link OhlcvRowCheck}); the first problem is a
 * {@link UsageException} {@code <file>:<line>: <field>: <problem>} (or {@code <file>:<line>: <problem>}
 * where no single field is at fault). Output goes to a temporary file beside {@code output} that is
 * moved into place only after the last row, so a bad input never leaves a partial output.
 */
public final class IndicatorsRun
{
    /** The required columns, in the canonical order; each may also be spelled as its aliases. */
    public static final List<String> REQUIRED = OhlcvHeader.REQUIRED;

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

    /** The one method that reads the input: journal's shared CSV reader, a header, then checked rows. */
    private static Result convert(final CsvReader reader, final CsvWriter writer, final String source,
        final IndicatorParams params, final List<IndicatorBank.Column> columns) throws IOException
    {
        final OhlcvHeader header = OhlcvHeader.read(reader, source);
        header.checkNoClash(columns, source);
        writer.fields(header.fields());
        for (final IndicatorBank.Column column : columns)
        {
            writer.field(column.name());
        }
        writer.endRecord();

        final OhlcvRowCheck check = new OhlcvRowCheck(header, source);
        final IndicatorBank bank = new IndicatorBank(params);
        final double[] v = new double[OhlcvHeader.REQUIRED.size()];
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
            check.check(row, line, v);
            bank.update(v[OhlcvHeader.HIGH], v[OhlcvHeader.LOW], v[OhlcvHeader.CLOSE]);
            writer.fields(row);
            for (final IndicatorBank.Column column : columns)
            {
                final double value = column.value().applyAsDouble(bank);
                writer.field(Double.isNaN(value) ? "" : Double.toString(value));
            }
            writer.endRecord();
            rows++;
        }
        return new Result(rows, header.fields().size(), columns.size());
    }
}
