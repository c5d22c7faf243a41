package dev.peregrine.ops.data;

import java.io.PrintWriter;
import java.util.Locale;

/**
 * What {@code data download} shows while it fetches: on a terminal a bar redrawn in place on stderr (file, bytes,
 * percent when the size is known); otherwise one line per file, so logs and CI output stay readable. Redraws at most
 * four times a second: a fast local download must not spend its time printing.
 */
public final class DownloadProgress
{
    private static final int WIDTH = 24;
    private static final long REDRAW_NANOS = 250_000_000L;

    private final PrintWriter err;
    private final boolean terminal;
    private String name = "";
    private long total = -1;
    private long done;
    private long lastDraw;
    private boolean pages;
    private int lastLength;

    /** @param terminal true to draw a bar in place, false for a line per file */
    public DownloadProgress(final PrintWriter err, final boolean terminal)
    {
        this.err = err;
        this.terminal = terminal;
    }

    /** A file starts; {@code total} is its size in bytes or -1 when unknown, {@code already} what a .part file holds. */
    void started(final String fileName, final long totalBytes, final long already)
    {
        name = fileName;
        pages = false;
        total = totalBytes;
        done = already;
        lastDraw = 0;
        draw(true);
    }

    /** A file fetched in {@code totalPages} requests (Coinbase candles); {@link #advanced} then counts pages. */
    void startedPages(final String fileName, final long totalPages)
    {
        started(fileName, totalPages, 0);
        pages = true;
    }

    void advanced(final long bytes)
    {
        done += bytes;
        draw(false);
    }

    /** A file is complete: {@code how} says what happened ("downloaded", "skipped (already complete)", ...). */
    void finished(final String fileName, final long bytes, final String how)
    {
        if (terminal)
        {
            clear();
        }
        err.println(String.format(Locale.ROOT, "%s: %s, %s", fileName, how, bytes(bytes)));
        err.flush();
    }

    /** A line that is not a file's end (a retry, a wait on a 429). */
    void note(final String line)
    {
        if (terminal)
        {
            clear();
        }
        err.println(line);
        err.flush();
    }

    private void draw(final boolean force)
    {
        if (!terminal)
        {
            return;
        }
        final long now = System.nanoTime();
        if (!force && now - lastDraw < REDRAW_NANOS)
        {
            return;
        }
        lastDraw = now;
        final String text;
        if (total > 0)
        {
            final double fraction = Math.min(1.0, (double)done / total);
            final int filled = (int)(fraction * WIDTH);
            text = String.format(Locale.ROOT, "%s [%s%s] %3.0f%% %s of %s", name, "#".repeat(filled),
                ".".repeat(WIDTH - filled), fraction * 100, amount(done), amount(total));
        }
        else
        {
            text = name + " " + amount(done);
        }
        err.print("\r" + text + " ".repeat(Math.max(0, lastLength - text.length())));
        err.flush();
        lastLength = text.length();
    }

    private void clear()
    {
        if (lastLength > 0)
        {
            err.print("\r" + " ".repeat(lastLength) + "\r");
            lastLength = 0;
        }
    }

    private String amount(final long n)
    {
        return pages ? n + " pages" : bytes(n);
    }

    static String bytes(final long n)
    {
        if (n < 1024)
        {
            return n + " B";
        }
        if (n < 1024 * 1024)
        {
            return String.format(Locale.ROOT, "%.1f KiB", n / 1024.0);
        }
        return String.format(Locale.ROOT, "%.1f MiB", n / (1024.0 * 1024.0));
    }
}
