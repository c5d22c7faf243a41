package dev.peregrine.journal.importer;

/**
 * A historical file that cannot be imported, as one line an operator can act on:
 * {@code <file>:<line>: <field>: <problem>} (or {@code <file>: <problem>} when no line is at fault).
 *
 * <p>Unchecked and without a stack trace of its own: a bad input row is the user's data, not a bug, and
 * the run that meets it stops there (a backtest over part of a file must not pass for a whole one).
 */
public final class ImportException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    public ImportException(final String message)
    {
        super(message, null, false, false);
    }

    public ImportException(final String message, final Throwable cause)
    {
        super(message, cause, false, false);
    }

    /** {@code <source>:<line>: <field>: <problem>}. */
    public static ImportException at(final String source, final long line, final String field, final String problem)
    {
        return new ImportException(source + ":" + line + ": " + field + ": " + problem);
    }
}
