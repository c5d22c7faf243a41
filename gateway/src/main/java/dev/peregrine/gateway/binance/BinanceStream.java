package dev.peregrine.gateway.binance;

/**
 * The Binance spot market-data streams the gateway knows, recognised by the suffix of a combined-stream
 * name ({@code btcusdt@trade}). Matching compares bytes in place, so nothing is allocated per frame.
 */
public enum BinanceStream
{
    /** {@code <sym>@trade}: one TRADE event per message. */
    TRADE("@trade"),
    /** {@code <sym>@bookTicker}: best bid and ask, one QUOTE event per message. */
    BOOK_TICKER("@bookTicker"),
    /** {@code <sym>@depth@100ms} (also {@code @depth} and {@code @depth@1000ms}): diffs for the book sync. */
    DEPTH("@depth@100ms");

    private static final byte[] DEPTH_1000 = ascii("@depth@1000ms");
    private static final byte[] DEPTH_PLAIN = ascii("@depth");
    private static final BinanceStream[] VALUES = values();

    private final String suffix;
    private final byte[] suffixBytes;

    BinanceStream(final String suffix)
    {
        this.suffix = suffix;
        this.suffixBytes = ascii(suffix);
    }

    /** The suffix used to subscribe, e.g. {@code @depth@100ms}. */
    public String suffix()
    {
        return suffix;
    }

    /** The stream name for a symbol: {@code btcusdt@trade}; Binance wants lower-case symbols. */
    public String streamName(final String symbol)
    {
        return symbol.toLowerCase(java.util.Locale.ROOT) + suffix;
    }

    /** The stream of the name in {@code bytes[offset, offset + length)}, or null if unknown. */
    public static BinanceStream of(final byte[] bytes, final int offset, final int length)
    {
        for (final BinanceStream stream : VALUES)
        {
            if (endsWith(bytes, offset, length, stream.suffixBytes))
            {
                return stream;
            }
        }
        if (endsWith(bytes, offset, length, DEPTH_1000) || endsWith(bytes, offset, length, DEPTH_PLAIN))
        {
            return DEPTH;
        }
        return null;
    }

    /** Length of the symbol part of a stream name (the bytes before the first '@'), or -1. */
    static int symbolLength(final byte[] bytes, final int offset, final int length)
    {
        for (int i = 0; i < length; i++)
        {
            if (bytes[offset + i] == '@')
            {
                return i;
            }
        }
        return -1;
    }

    private static boolean endsWith(final byte[] bytes, final int offset, final int length, final byte[] suffix)
    {
        // The symbol must be non-empty, so the suffix is strictly shorter than the name.
        if (length <= suffix.length)
        {
            return false;
        }
        final int start = offset + length - suffix.length;
        return java.util.Arrays.equals(suffix, 0, suffix.length, bytes, start, start + suffix.length);
    }

    static byte[] ascii(final String text)
    {
        return text.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }
}
