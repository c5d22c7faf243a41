package dev.peregrine.gateway.binanceusdm;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;

/**
 * The Binance USD-M market streams the gateway reads, recognised by the end of a combined-stream name
 * ({@code btcusdt@markPrice@1s}). Matching compares bytes in place: nothing is allocated per frame.
 */
public enum UsdmStream
{
    /** {@code <sym>@aggTrade}: one TRADE per aggregate trade. */
    AGG_TRADE("@aggTrade"),
    /** {@code <sym>@bookTicker}: best bid and ask, one QUOTE. */
    BOOK_TICKER("@bookTicker"),
    /** {@code <sym>@depth@100ms} (also {@code @depth}, {@code @depth@250ms}, {@code @depth@500ms}): diffs with {@code pu}. */
    DEPTH("@depth@100ms", "@depth", "@depth@250ms", "@depth@500ms"),
    /** {@code <sym>@markPrice@1s} (also {@code @markPrice}, every 3 s): MARK_PRICE, and FUNDING_SETTLEMENT when funding passed. */
    MARK_PRICE("@markPrice@1s", "@markPrice"),
    /** {@code <sym>@forceOrder}, or {@code !forceOrder@arr} for every symbol: LIQUIDATION. */
    FORCE_ORDER("@forceOrder", "!forceOrder@arr");

    private static final UsdmStream[] VALUES = values();

    private final String suffix;
    private final byte[][] names;

    UsdmStream(final String suffix, final String... others)
    {
        this.suffix = suffix;
        this.names = new byte[others.length + 1][];
        names[0] = suffix.getBytes(StandardCharsets.US_ASCII);
        for (int i = 0; i < others.length; i++)
        {
            names[i + 1] = others[i].getBytes(StandardCharsets.US_ASCII);
        }
    }

    /** The stream a client subscribes to for {@code symbol}: {@code btcusdt@markPrice@1s} (lower-case symbol). */
    public String streamName(final String symbol)
    {
        return symbol.toLowerCase(Locale.ROOT) + suffix;
    }

    /** The stream of the name in {@code bytes[offset, offset + length)}, or null if none of these. */
    public static UsdmStream of(final byte[] bytes, final int offset, final int length)
    {
        for (final UsdmStream stream : VALUES)
        {
            for (final byte[] name : stream.names)
            {
                if (matches(bytes, offset, length, name))
                {
                    return stream;
                }
            }
        }
        return null;
    }

    private static boolean matches(final byte[] bytes, final int offset, final int length, final byte[] name)
    {
        if (name[0] == '!')
        {
            return length == name.length && Arrays.equals(name, 0, name.length, bytes, offset, offset + length);
        }
        if (length <= name.length)
        {
            return false; // a symbol comes first
        }
        final int start = offset + length - name.length;
        return Arrays.equals(name, 0, name.length, bytes, start, start + name.length);
    }
}
