package dev.peregrine.ops.logging;

import java.io.PrintWriter;

/**
 * Where structured log lines go: one JSON object per line, each written whole and flushed, so a collector
 * reading the stream (a container's stdout) never sees half a line, and lines from the order-log thread and
 * the lifecycle (main, shutdown) threads never interleave. Never called on the core thread.
 */
public final class JsonLog
{
    private final PrintWriter out;
    private long written;

    public JsonLog(final PrintWriter out)
    {
        this.out = out;
    }

    public synchronized void write(final JsonLine line)
    {
        write(line.text());
    }

    /** {@code json} must be one complete JSON object without a line break. */
    public synchronized void write(final String json)
    {
        out.write(json);
        out.write('\n');
        out.flush();
        written++;
    }

    public synchronized long written()
    {
        return written;
    }
}
