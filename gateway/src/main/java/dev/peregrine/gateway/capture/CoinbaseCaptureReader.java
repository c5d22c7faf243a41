package dev.peregrine.gateway.capture;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Streams a cryptofeed (format 2) capture of a Coinbase Advanced Trade connection, one
 * {@link CaptureRecord} per line, gzip or plain. Lines are read one at a time, so a capture of any size
 * needs only the memory of its largest frame (a level2 snapshot: about 5 MB).
 *
 * <p>Not thread-safe: one reader per thread. The file is AGPL-licensed test data in this project's
 * setting; the reader only streams it, it never copies it anywhere.
 */
public final class CoinbaseCaptureReader implements AutoCloseable
{
    private final Path file;
    private final BufferedReader lines;
    private final List<String> headerProducts = new ArrayList<>();
    private long lineNumber;
    private long framesRead;

    private CoinbaseCaptureReader(final Path file, final BufferedReader lines)
    {
        this.file = file;
        this.lines = lines;
    }

    /** @throws CaptureFormatException if the file is missing or not a Coinbase capture. */
    public static CoinbaseCaptureReader open(final Path file)
    {
        final CaptureFormat format = CaptureFormat.detect(file);
        if (format != CaptureFormat.COINBASE_ADVANCED_TRADE)
        {
            throw new CaptureFormatException(file + " is a " + format.description() + " capture, not a Coinbase one");
        }
        return new CoinbaseCaptureReader(file, CaptureFiles.openLines(file));
    }

    /** The next line of any kind, or null at the end of the file. */
    public CaptureRecord next()
    {
        String line;
        try
        {
            do
            {
                line = lines.readLine();
                lineNumber++;
            }
            while (line != null && line.isBlank());
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read " + file + " at line " + lineNumber, ex);
        }
        if (line == null)
        {
            return null;
        }
        return parse(line);
    }

    /** The next received WebSocket frame ({@code recv} line), or null at the end of the file. */
    public CaptureRecord nextFrame()
    {
        CaptureRecord record;
        while ((record = next()) != null)
        {
            if (record.isReceivedFrame())
            {
                framesRead++;
                return record;
            }
        }
        return null;
    }

    /** {@code recv} frames returned by {@link #nextFrame()} so far. */
    public long framesRead()
    {
        return framesRead;
    }

    public Path file()
    {
        return file;
    }

    @Override
    public void close()
    {
        try
        {
            lines.close();
        }
        catch (final IOException ignored)
        {
            // Read-only file: nothing is lost.
        }
    }

    /**
     * The products a capture holds, in first-seen order: those its recorded {@code subscribe} requests
     * named, else those of its header's config, else those its frames carry.
     */
    public static List<String> products(final Path file)
    {
        final Set<String> subscribed = new LinkedHashSet<>();
        final Set<String> configured = new LinkedHashSet<>();
        final Set<String> inFrames = new LinkedHashSet<>();
        try (CoinbaseCaptureReader reader = open(file))
        {
            CaptureRecord record;
            int frames = 0;
            while ((record = reader.next()) != null && frames < 10_000)
            {
                if (CaptureRecord.HEADER.equals(record.kind()))
                {
                    configured.addAll(reader.headerProducts);
                }
                else if (CaptureRecord.SEND.equals(record.kind()))
                {
                    final Object request = CaptureJson.parse(record.data());
                    if (request instanceof Map<?, ?> map && "subscribe".equals(map.get("type")) &&
                        map.get("product_ids") instanceof List<?> ids)
                    {
                        addStrings(ids, subscribed);
                    }
                }
                else if (record.isReceivedFrame())
                {
                    frames++;
                    collectProductIds(record.data(), inFrames);
                    if (!subscribed.isEmpty())
                    {
                        break; // requests come before the frames they cause
                    }
                }
            }
        }
        return List.copyOf(!subscribed.isEmpty() ? subscribed : !configured.isEmpty() ? configured : inFrames);
    }

    private CaptureRecord parse(final String line)
    {
        final Object value;
        try
        {
            value = CaptureJson.parse(line);
        }
        catch (final IllegalArgumentException ex)
        {
            throw bad(ex.getMessage());
        }
        if (!(value instanceof Map<?, ?> map) || !(map.get("t") instanceof String kind))
        {
            throw bad("not a capture envelope (no \"t\")");
        }
        final String connection = map.get("conn") instanceof String c ? c : "";
        final long epochNanos;
        if (map.get("ts") instanceof BigDecimal ts)
        {
            epochNanos = ts.movePointRight(9).setScale(0, java.math.RoundingMode.HALF_EVEN).longValueExact();
        }
        else if (CaptureRecord.HEADER.equals(kind))
        {
            epochNanos = 0;
        }
        else
        {
            throw bad("no \"ts\"");
        }
        final Object data = map.get("data");
        if (CaptureRecord.RECV.equals(kind) && !(data instanceof String))
        {
            throw bad("a recv line without a \"data\" string");
        }
        if (CaptureRecord.HEADER.equals(kind) && map.get("config") instanceof Map<?, ?> config)
        {
            headerProducts.clear();
            final Set<String> ids = new LinkedHashSet<>();
            for (final Object products : config.values())
            {
                if (products instanceof List<?> list)
                {
                    addStrings(list, ids);
                }
            }
            headerProducts.addAll(ids);
        }
        return new CaptureRecord(kind, connection, epochNanos, data instanceof String s ? s : "");
    }

    private static void collectProductIds(final String frame, final Set<String> into)
    {
        final Object parsed;
        try
        {
            parsed = CaptureJson.parse(frame);
        }
        catch (final IllegalArgumentException ex)
        {
            return; // a bad frame is the decoder's business, not the product list's
        }
        if (parsed instanceof Map<?, ?> map && map.get("events") instanceof List<?> events)
        {
            for (final Object event : events)
            {
                if (event instanceof Map<?, ?> e && e.get("product_id") instanceof String id)
                {
                    into.add(id);
                }
                if (event instanceof Map<?, ?> e && e.get("tickers") instanceof List<?> tickers)
                {
                    for (final Object ticker : tickers)
                    {
                        if (ticker instanceof Map<?, ?> t && t.get("product_id") instanceof String id)
                        {
                            into.add(id);
                        }
                    }
                }
            }
        }
    }

    private static void addStrings(final List<?> values, final Set<String> into)
    {
        for (final Object value : values)
        {
            if (value instanceof String s)
            {
                into.add(s);
            }
        }
    }

    private CaptureFormatException bad(final String why)
    {
        return new CaptureFormatException(file + " line " + lineNumber + ": " + why);
    }
}
