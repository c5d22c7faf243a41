package dev.peregrine.ops;

import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/** A writer that keeps complete lines and lets a test wait, bounded, for a line to appear. */
final class LineCapture extends Writer
{
    private final StringBuilder partial = new StringBuilder();
    private final List<String> lines = new ArrayList<>();

    @Override
    public synchronized void write(final char[] buffer, final int offset, final int length)
    {
        for (int i = offset; i < offset + length; i++)
        {
            final char c = buffer[i];
            if (c == '\n')
            {
                lines.add(partial.toString());
                partial.setLength(0);
                notifyAll();
            }
            else if (c != '\r')
            {
                partial.append(c);
            }
        }
    }

    @Override
    public void flush()
    {
    }

    @Override
    public void close()
    {
    }

    synchronized List<String> lines()
    {
        return List.copyOf(lines);
    }

    synchronized Optional<String> find(final Predicate<String> predicate)
    {
        return lines.stream().filter(predicate).findFirst();
    }

    /** The first line matching, waiting up to {@code timeoutSeconds}; empty if none came. */
    synchronized Optional<String> await(final Predicate<String> predicate, final long timeoutSeconds) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(timeoutSeconds);
        while (true)
        {
            final Optional<String> found = find(predicate);
            final long left = deadline - System.nanoTime();
            if (found.isPresent() || left <= 0)
            {
                return found;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
    }

    /** The value after {@code prefix} on the first line that starts with it. */
    String valueOf(final String prefix)
    {
        return find(l -> l.startsWith(prefix)).map(l -> l.substring(prefix.length()).trim())
            .orElseThrow(() -> new AssertionError("no line starting with '" + prefix + "' in:\n" + String.join("\n", lines())));
    }
}
