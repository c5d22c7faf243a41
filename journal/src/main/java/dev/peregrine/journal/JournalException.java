package dev.peregrine.journal;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;

/**
 * Why a journal could not be opened, written or read. The message is one line that names the folder
 * (and, for a bad record, its index), so an operator can act on it without a stack trace.
 *
 * <p>Unchecked: every failure here is fatal to the run that meets it (a live engine must not trade
 * without its journal, a replay must not go on past a record it cannot trust).
 */
public final class JournalException extends RuntimeException
{
    private static final long serialVersionUID = 1L;

    private final boolean notAJournal;
    private final boolean damaged;

    public JournalException(final String message)
    {
        this(message, false, false);
    }

    private JournalException(final String message, final boolean notAJournal, final boolean damaged)
    {
        super(message);
        this.notAJournal = notAJournal;
        this.damaged = damaged;
    }

    /** A journal file cut short ({@link JournalIntegrity}): the message names the file, the last good index and the flag that accepts the loss. */
    static JournalException damaged(final String message)
    {
        return new JournalException(message, false, true);
    }

    /** True for a journal file cut short: data is missing (exit 1 whichever command meets it). */
    public boolean damaged()
    {
        return damaged;
    }

    /**
     * The folder named is not a journal at all (missing, a file, no queue in it): the command line that
     * named it is wrong (exit 2), where every other failure is about the data in a journal (exit 1).
     */
    static JournalException notAJournal(final String message)
    {
        return new JournalException(message, true, false);
    }

    /** True when the folder given is not a journal (a usage error), false for damaged or unreadable data. */
    public boolean notAJournal()
    {
        return notAJournal;
    }

    public JournalException(final String message, final Throwable cause)
    {
        super(message, cause);
        this.notAJournal = false;
        this.damaged = false;
    }

    /** The cause's message on one line (Chronicle's messages may span several), for our own messages. */
    static String describe(final Throwable cause)
    {
        if (cause instanceof FileSystemException)
        {
            // Its getMessage() repeats the path we already name; the reason and the file are the news.
            final FileSystemException e = (FileSystemException)cause;
            final String reason = e.getReason() != null ? e.getReason() :
                e instanceof AccessDeniedException ? "permission denied" :
                e instanceof FileAlreadyExistsException ? "a file is in the way" : e.getClass().getSimpleName();
            return e.getFile() == null ? reason : reason + " (at " + e.getFile() + ")";
        }
        final String text = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return text.replace('\n', ' ').replace('\r', ' ').trim();
    }
}
