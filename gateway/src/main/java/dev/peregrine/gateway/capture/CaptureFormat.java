package dev.peregrine.gateway.capture;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The recorded-market-data formats Peregrine knows, recognised from the file's content (its first
 * line), never from its name alone, so a renamed file still replays and a wrong file fails with a
 * clear message before any socket opens.
 */
public enum CaptureFormat
{
    /** cryptofeed capture format 2 of a Coinbase Advanced Trade connection: JSON lines, one envelope each. */
    COINBASE_ADVANCED_TRADE("Coinbase Advanced Trade (cryptofeed JSON lines)"),
    /** hftbacktest recording of Binance combined streams: {@code <epoch nanos> <raw JSON>} per line. */
    BINANCE_HFTBACKTEST("Binance spot (hftbacktest lines)"),
    /** cryptofeed capture format 2 of a Binance USD-M futures connection (header {@code "exchange":"BINANCE_FUTURES"}). */
    BINANCE_USDM_CRYPTOFEED("Binance USD-M futures (cryptofeed JSON lines)");

    private static final Pattern BINANCE_LINE = Pattern.compile("^\\d{16,20} \\{.*");

    private final String description;

    CaptureFormat(final String description)
    {
        this.description = description;
    }

    public String description()
    {
        return description;
    }

    /**
     * @throws CaptureFormatException naming the file if it is missing, unreadable, empty or in no known format.
     */
    public static CaptureFormat detect(final Path file)
    {
        if (!Files.isRegularFile(file))
        {
            throw new CaptureFormatException("capture file " + file + " does not exist or is not a file");
        }
        final String first = CaptureFiles.firstLine(file);
        if (first == null)
        {
            throw new CaptureFormatException("capture file " + file + " is empty");
        }
        if (BINANCE_LINE.matcher(first).matches())
        {
            return BINANCE_HFTBACKTEST;
        }
        if (first.startsWith("{"))
        {
            try
            {
                final Object parsed = CaptureJson.parse(first);
                if (parsed instanceof Map<?, ?> header && CaptureRecord.HEADER.equals(header.get("t")) &&
                    "BINANCE_FUTURES".equals(header.get("exchange")))
                {
                    return BINANCE_USDM_CRYPTOFEED;
                }
                if (parsed instanceof Map<?, ?> map && map.get("t") instanceof String kind &&
                    (!CaptureRecord.HEADER.equals(kind) || "COINBASE".equals(map.get("exchange"))))
                {
                    return COINBASE_ADVANCED_TRADE;
                }
            }
            catch (final IllegalArgumentException notJson)
            {
                // Falls through to the message below.
            }
        }
        throw new CaptureFormatException(file + " is not a capture Peregrine can replay (expected a cryptofeed " +
            "Coinbase JSON-lines capture or a Binance hftbacktest file, plain or gzip)");
    }
}
