package dev.peregrine.gateway.sim.binance;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * A Binance capture in the hftbacktest text format, one message per line:
 * {@code <local receive epoch nanos> <raw JSON>} (gzip or plain). The JSON is a combined-stream
 * envelope or a REST depth snapshot {@code {"lastUpdateId":..}}; frames keep their raw text so the
 * replay sends exactly the recorded bytes. Loaded once, off any event loop.
 */
public final class BinanceCapture
{
    /**
     * One recorded WebSocket frame.
     *
     * @param receiveEpochNanos when the recorder received it.
     * @param stream            its combined-stream name ({@code btcusdt@depth@100ms}).
     * @param text              the frame as received.
     */
    public record Frame(long receiveEpochNanos, String stream, String text)
    {
    }

    private final List<Frame> frames;
    private final String snapshot;
    /** Index of the first frame recorded after the snapshot (the replay waits there for the REST call). */
    private final int snapshotPosition;

    private BinanceCapture(final List<Frame> frames, final String snapshot, final int snapshotPosition)
    {
        this.frames = frames;
        this.snapshot = snapshot;
        this.snapshotPosition = snapshotPosition;
    }

    /** Reads the file; gzip is recognised by its magic bytes. */
    public static BinanceCapture load(final Path file)
    {
        final List<Frame> frames = new ArrayList<>();
        String snapshot = null;
        int snapshotPosition = -1;
        try (InputStream raw = Files.newInputStream(file);
             BufferedReader in = new BufferedReader(new InputStreamReader(maybeGunzip(raw), StandardCharsets.UTF_8)))
        {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null)
            {
                number++;
                if (line.isBlank())
                {
                    continue;
                }
                final int space = line.indexOf(' ');
                if (space <= 0)
                {
                    throw new IllegalArgumentException(file + ":" + number + ": expected '<epoch nanos> <json>'");
                }
                final long time = Long.parseLong(line.substring(0, space));
                final String json = line.substring(space + 1);
                if (json.startsWith("{\"lastUpdateId\""))
                {
                    if (snapshot == null)
                    {
                        snapshot = json;
                        snapshotPosition = frames.size();
                    }
                    continue;
                }
                frames.add(new Frame(time, streamOf(json, file, number), json));
            }
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read Binance capture " + file, ex);
        }
        if (snapshot == null)
        {
            throw new IllegalArgumentException(file + " holds no REST depth snapshot ({\"lastUpdateId\":..}): " +
                "a replay could never sync its book");
        }
        return new BinanceCapture(Collections.unmodifiableList(frames), snapshot, snapshotPosition);
    }

    private static String streamOf(final String json, final Path file, final int number)
    {
        final String key = "{\"stream\":\"";
        final int end = json.indexOf('"', key.length());
        if (!json.startsWith(key) || end < 0)
        {
            throw new IllegalArgumentException(file + ":" + number + ": not a combined-stream envelope");
        }
        return json.substring(key.length(), end);
    }

    private static InputStream maybeGunzip(final InputStream raw) throws IOException
    {
        final java.io.BufferedInputStream in = new java.io.BufferedInputStream(raw);
        in.mark(2);
        final int b1 = in.read();
        final int b2 = in.read();
        in.reset();
        return b1 == 0x1f && b2 == 0x8b ? new GZIPInputStream(in, 64 * 1024) : in;
    }

    public int frameCount()
    {
        return frames.size();
    }

    List<Frame> frames()
    {
        return frames;
    }

    /** The symbols of the recorded streams, upper case, in first-seen order. */
    public List<String> symbols()
    {
        final java.util.LinkedHashSet<String> symbols = new java.util.LinkedHashSet<>();
        for (final Frame frame : frames)
        {
            final int at = frame.stream().indexOf('@');
            symbols.add((at < 0 ? frame.stream() : frame.stream().substring(0, at)).toUpperCase(java.util.Locale.ROOT));
        }
        return new ArrayList<>(symbols);
    }

    /** The recorded REST snapshot body, served as is for every symbol asked. */
    public String snapshot()
    {
        return snapshot;
    }

    int snapshotPosition()
    {
        return snapshotPosition;
    }
}
