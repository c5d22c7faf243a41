package dev.peregrine.journal.importer;

/**
 * The CSV of Binance's futures archives (funding rates, mark-price klines): an optional header line (the newer
 * files start with the column names, the older ones with data), then one row a line; blank lines are skipped. A first
 * line whose first field starts with a letter is a header and must name the expected columns in order, so a file of
 * another kind (a trades file given as marks) is refused at line 1 rather than misread.
 */
final class ArchiveCsv
{
    /** Reads one data row from the current line. */
    @FunctionalInterface
    interface RowReader
    {
        void read(AsciiLines lines);
    }

    private ArchiveCsv()
    {
    }

    /**
     * Hands every data row of {@code file} to {@code rows}, having checked the header against the first
     * {@code required} of {@code columns}.
     *
     * @throws ImportException from the header check or from {@code rows}
     */
    static void forEachRow(final InputFile file, final String[] columns, final int required, final RowReader rows)
    {
        final String source = file.path().toString();
        final AsciiLines lines = new AsciiLines(file.content(), source);
        while (lines.next())
        {
            if (lines.fieldCount() == 0)
            {
                continue;
            }
            if (lines.lineNumber() == 1 && present(lines))
            {
                check(lines, columns, required, source);
                continue;
            }
            rows.read(lines);
        }
    }

    /** True when the current line's first field starts with a letter (names, not data). */
    static boolean present(final AsciiLines lines)
    {
        if (lines.length(0) == 0)
        {
            return false;
        }
        final int c = lines.bytes()[lines.start(0)] | 0x20;
        return c >= 'a' && c <= 'z';
    }

    /**
     * Checks the header names the first {@code required} of {@code columns} in order (any case; further columns
     * are not checked).
     *
     * @throws ImportException naming the file, line 1 and the first column that differs
     */
    static void check(final AsciiLines lines, final String[] columns, final int required, final String source)
    {
        for (int i = 0; i < required; i++)
        {
            if (i >= lines.fieldCount() || !lines.text(i).trim().equalsIgnoreCase(columns[i]))
            {
                throw ImportException.at(source, lines.lineNumber(), "header", "column " + (i + 1) + " is '" +
                    (i >= lines.fieldCount() ? "" : lines.text(i)) + "', expected '" + columns[i] + "' (the columns are " +
                    String.join(",", columns) + ")");
            }
        }
    }

    /** The error for a row with a wrong number of fields ({@code min} to {@code columns.length} accepted). */
    static ImportException fieldCount(final AsciiLines lines, final String[] columns, final int min, final String source)
    {
        final String expected = min == columns.length ? String.valueOf(min) : min + " to " + columns.length;
        return new ImportException(source + ":" + lines.lineNumber() + ": expected " + expected + " fields (" +
            String.join(",", columns) + "), found " + Math.min(lines.fieldCount(), 99) + ": '" +
            BinanceTradeSource.abbreviate(lines.lineText()) + "'");
    }
}
