package dev.peregrine.gateway.binance;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;

/**
 * A matcher for the exact shape Binance sends its {@code @trade} and {@code @bookTicker} combined-stream
 * frames in, no whitespace, keys in Binance's order:
 * <pre>
 * {"stream":"btcusdt@trade","data":{"e":"trade","E":1723161254004,"s":"BTCUSDT","t":3752154317,
 *   "p":"61837.63000000","q":"0.00081000","T":1723161254003,"m":false,"M":true}}
 * {"stream":"btcusdt@bookTicker","data":{"u":50093239369,"s":"BTCUSDT","b":"61837.62000000",
 *   "B":"5.26094000","a":"61837.63000000","A":"2.63385000"}}
 * </pre>
 * It walks the bytes once, comparing the constant parts as masked 8-byte words and parsing the numbers
 * and decimals as it meets them, into the scratch fields of {@link TradeMessage} / {@link BookTickerMessage}.
 *
 * <p>It answers only "this frame is canonical and good": it accepts a frame only if the generic decoder
 * would publish it with exactly these values, and otherwise says nothing and leaves the frame to the
 * generic decoder, which then decodes or drops it exactly as it always has. So it refuses (and the generic
 * path handles): any other byte anywhere in the structure (whitespace, key order, unknown or missing
 * keys, trailing bytes), any string byte outside printable ASCII or a backslash (so every string it
 * accepts is valid JSON without escapes), integers with a leading zero, a sign, fraction or exponent, or
 * more than 18 digits, decimals other than {@code 1-7 digits '.' 8 digits}, a stream name not ending in
 * {@code @trade} / {@code @bookTicker}, an unknown symbol, a time too large for nanoseconds, a
 * non-positive price or trade quantity. The values it produces are those of {@code Decimals.parse} and
 * {@code Decimals.parseUnsigned} on the same bytes (the same arithmetic, eight digits per word).
 *
 * <p>Reads of 8-byte words stay inside {@code [offset, offset + length)}: near the end of the frame the
 * compares go byte by byte.
 */
final class BinanceFastPath
{
    static final int NONE = 0;
    static final int TRADE = 1;
    static final int BOOK_TICKER = 2;

    private static final VarHandle LONG_LE = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
    private static final long ZEROS = 0x3030303030303030L;
    private static final long MAX_MILLIS = Long.MAX_VALUE / 1_000_000L;

    // Literals as little-endian words (first byte lowest) with their lengths; a literal of up to 8 bytes.
    private static final String OPEN = "{\"stream\":\"";               // 11: OPEN_A (8) + OPEN_B (3)
    private static final long OPEN_A = word(OPEN.substring(0, 8));
    private static final long OPEN_B = word(OPEN.substring(8));
    private static final String DATA = ",\"data\":{";                  // 9: DATA_A (8) + '{'
    private static final long DATA_A = word(DATA.substring(0, 8));
    private static final String TRADE_HEAD = "\"e\":\"trade\",\"E\":";  // 16
    private static final long TRADE_HEAD_A = word(TRADE_HEAD.substring(0, 8));
    private static final long TRADE_HEAD_B = word(TRADE_HEAD.substring(8));
    private static final long BOOK_HEAD = word("\"u\":");             // 4
    private static final long KEY_S = word(",\"s\":\"");               // 6
    private static final long KEY_T = word(",\"t\":");                 // 5
    private static final long KEY_P = word(",\"p\":\"");               // 6 (after the symbol's closing quote)
    private static final long KEY_Q = word("\",\"q\":\"");             // 7 (the closing quote of p first)
    private static final long KEY_TT = word("\",\"T\":");              // 6
    private static final long KEY_M = word(",\"m\":");                 // 5
    private static final long KEY_MM = word(",\"M\":");                // 5
    private static final long KEY_B = word(",\"b\":\"");               // 6
    private static final long KEY_BB = word("\",\"B\":\"");            // 7
    private static final long KEY_A = word("\",\"a\":\"");             // 7
    private static final long KEY_AA = word("\",\"A\":\"");            // 7
    private static final long TRUE = word("true");
    private static final long FALSE = word("false");
    private static final long TRADE_SUFFIX = word("@trade");           // 6
    private static final byte[] BOOK_TICKER_SUFFIX = "@bookTicker".getBytes(StandardCharsets.US_ASCII);

    private final InstrumentRegistry registry;
    private final TradeMessage trade;
    private final BookTickerMessage bookTicker;

    /** Frames decoded here; the rest of the trade and bookTicker frames went the generic way. */
    long frames;

    // Scratch of the current match.
    private byte[] b;
    private int end;
    private int p;
    private long value;

    BinanceFastPath(final InstrumentRegistry registry, final TradeMessage trade, final BookTickerMessage bookTicker)
    {
        this.registry = registry;
        this.trade = trade;
        this.bookTicker = bookTicker;
    }

    /**
     * Matches {@code buffer[offset, offset + length)}. {@link #TRADE} or {@link #BOOK_TICKER}: the frame
     * is canonical and good and its values are in the message's scratch; {@link #NONE}: decode it the
     * generic way (the scratch may have been written, which the generic decoder overwrites).
     */
    int match(final byte[] buffer, final int offset, final int length)
    {
        b = buffer;
        end = offset + length;
        p = offset;
        if (length < 64 || !lit8(OPEN_A) || !lit(OPEN_B, 3))
        {
            return NONE;
        }
        // Stream name: printable ASCII up to the closing quote.
        final int nameStart = p;
        if (!string())
        {
            return NONE;
        }
        final int nameLength = p - 1 - nameStart;
        if (!lit8(DATA_A) || !lit('{'))
        {
            return NONE;
        }
        final int kind;
        if (nameLength > 6 && wordEquals(buffer, nameStart + nameLength - 6, TRADE_SUFFIX, 6, end))
        {
            kind = matchTrade() ? TRADE : NONE;
        }
        else if (nameLength > 11 && java.util.Arrays.equals(
            BOOK_TICKER_SUFFIX, 0, 11, buffer, nameStart + nameLength - 11, nameStart + nameLength))
        {
            kind = matchBookTicker() ? BOOK_TICKER : NONE;
        }
        else
        {
            return NONE;
        }
        if (kind != NONE)
        {
            frames++;
        }
        return kind;
    }

    private boolean matchTrade()
    {
        if (!lit8(TRADE_HEAD_A) || !lit8(TRADE_HEAD_B) || !integer() || !lit(KEY_S, 6))
        {
            return false;
        }
        final int instrumentId = symbol();
        if (instrumentId < 0 || !lit(KEY_T, 5) || !integer())
        {
            return false;
        }
        final long tradeId = value;
        if (!lit(KEY_P, 6) || !decimal())
        {
            return false;
        }
        final long price = value;
        if (!lit(KEY_Q, 7) || !decimal())
        {
            return false;
        }
        final long quantity = value;
        if (!lit(KEY_TT, 6) || !integer() || value > MAX_MILLIS)
        {
            return false;
        }
        final long tradeTimeNanos = value * 1_000_000L;
        if (!lit(KEY_M, 5))
        {
            return false;
        }
        final int side;
        if (lit(TRUE, 4))
        {
            side = Side.BUY; // m:true, the buyer is the maker: the maker's side, see TradeMessage
        }
        else if (lit(FALSE, 5))
        {
            side = Side.SELL;
        }
        else
        {
            return false;
        }
        if (!lit(KEY_MM, 5) || !lit(TRUE, 4) && !lit(FALSE, 5) || !closesFrame())
        {
            return false;
        }
        if (price <= 0 || quantity <= 0)
        {
            return false;
        }
        final TradeMessage t = trade;
        t.instrumentId = instrumentId;
        t.tradeId = tradeId;
        t.price = price;
        t.quantity = quantity;
        t.tradeTimeNanos = tradeTimeNanos;
        t.side = side;
        return true;
    }

    private boolean matchBookTicker()
    {
        if (!lit(BOOK_HEAD, 4) || !integer())
        {
            return false;
        }
        final long updateId = value;
        if (!lit(KEY_S, 6))
        {
            return false;
        }
        final int instrumentId = symbol();
        if (instrumentId < 0 || !lit(KEY_B, 6) || !decimal())
        {
            return false;
        }
        final long bidPrice = value;
        if (!lit(KEY_BB, 7) || !decimal())
        {
            return false;
        }
        final long bidQuantity = value;
        if (!lit(KEY_A, 7) || !decimal())
        {
            return false;
        }
        final long askPrice = value;
        if (!lit(KEY_AA, 7) || !decimal())
        {
            return false;
        }
        final long askQuantity = value;
        if (!lit('"') || !closesFrame() || bidPrice <= 0 || askPrice <= 0)
        {
            return false; // quantities cannot be negative here: no sign is accepted
        }
        final BookTickerMessage q = bookTicker;
        q.instrumentId = instrumentId;
        q.updateId = updateId;
        q.bidPrice = bidPrice;
        q.bidQuantity = bidQuantity;
        q.askPrice = askPrice;
        q.askQuantity = askQuantity;
        return true;
    }

    /** {@code }}} and nothing after it. */
    private boolean closesFrame()
    {
        return end - p == 2 && b[p] == '}' && b[p + 1] == '}';
    }

    /** The symbol string's instrument id (p just past its opening quote, then past its closing one), or -1. */
    private int symbol()
    {
        final int start = p;
        if (!string())
        {
            return -1;
        }
        return registry.idOf(b, start, p - 1 - start);
    }

    /**
     * String contents from p up to and past the closing quote: every byte printable ASCII other than a
     * backslash. False (refuse) on anything else or the end of the frame.
     */
    private boolean string()
    {
        final byte[] bytes = b;
        final int limit = end;
        for (int i = p; i < limit; i++)
        {
            final int c = bytes[i];
            if (c == '"')
            {
                p = i + 1;
                return true;
            }
            if (c < 0x20 || c > 0x7E || c == '\\')
            {
                return false; // control, DEL, non-ASCII (negative) or an escape
            }
        }
        return false;
    }

    /**
     * A JSON integer of 1 to 18 digits, no sign, no leading zero, not followed by {@code . e E}: its value
     * in {@link #value}, p past it. Eight digits per step where the frame has eight bytes left.
     */
    private boolean integer()
    {
        final byte[] bytes = b;
        int i = p;
        long v = 0;
        int digits = 0;
        while (true)
        {
            if (i + 8 > end)
            {
                // Tail of the frame: byte by byte (a canonical frame never has a number here).
                while (i < end && bytes[i] >= '0' && bytes[i] <= '9')
                {
                    v = v * 10 + (bytes[i] - '0');
                    i++;
                    digits++;
                }
                break;
            }
            final long w = (long) LONG_LE.get(bytes, i);
            final long flagged = nonDigits(w);
            if (flagged == 0)
            {
                v = v * 100_000_000L + eightDigits(w);
                digits += 8;
                i += 8;
                if (digits > 16)
                {
                    return false; // 24+ digits would overflow v; 17-18 are rare enough to leave to the generic path
                }
                continue;
            }
            final int k = Long.numberOfTrailingZeros(flagged) >>> 3;
            if (k > 0)
            {
                v = v * POW10[k] + eightDigits((w << (64 - 8 * k)) | (ZEROS >>> (8 * k)));
                digits += k;
                i += k;
            }
            break;
        }
        if (digits == 0 || digits > 18 || digits > 1 && bytes[p] == '0')
        {
            return false;
        }
        if (i < end)
        {
            final byte next = bytes[i];
            if (next == '.' || next == 'e' || next == 'E')
            {
                return false;
            }
        }
        value = v;
        p = i;
        return true;
    }

    /**
     * A decimal string's contents {@code 1-7 digits '.' 8 digits} and its closing quote is NOT consumed:
     * p ends on the quote. The value is {@code Decimals.parse}'s for that shape: integer * 10^8 + fraction.
     */
    private boolean decimal()
    {
        final byte[] bytes = b;
        final int i = p;
        if (i + 8 > end)
        {
            return false;
        }
        final long w = (long) LONG_LE.get(bytes, i);
        final long flagged = nonDigits(w);
        if (flagged == 0)
        {
            return false; // 8 or more integer digits: the generic path
        }
        final int k = Long.numberOfTrailingZeros(flagged) >>> 3;
        if (k == 0 || i + k + 10 > end || bytes[i + k] != '.')
        {
            return false; // k integer digits, '.', 8 digits and the closing quote must fit
        }
        final long fraction = (long) LONG_LE.get(bytes, i + k + 1);
        if (nonDigits(fraction) != 0 || bytes[i + k + 9] != '"')
        {
            return false;
        }
        final long integerPart = eightDigits((w << (64 - 8 * k)) | (ZEROS >>> (8 * k)));
        value = integerPart * 100_000_000L + eightDigits(fraction);
        p = i + k + 9;
        return true;
    }

    private static final long[] POW10 = {1L, 10L, 100L, 1_000L, 10_000L, 100_000L, 1_000_000L, 10_000_000L};

    /** The 8 bytes at p equal the literal; p moves past them. */
    private boolean lit8(final long literal)
    {
        if (p + 8 > end || (long) LONG_LE.get(b, p) != literal)
        {
            return false;
        }
        p += 8;
        return true;
    }

    /** The n (1-8) bytes at p equal the literal; p moves past them. */
    private boolean lit(final long literal, final int n)
    {
        if (!wordEquals(b, p, literal, n, end))
        {
            return false;
        }
        p += n;
        return true;
    }

    private boolean lit(final char c)
    {
        if (p >= end || b[p] != c)
        {
            return false;
        }
        p++;
        return true;
    }

    private static boolean wordEquals(final byte[] bytes, final int at, final long literal, final int n, final int end)
    {
        if (at + n > end)
        {
            return false;
        }
        if (at + 8 <= end)
        {
            final long mask = n == 8 ? -1L : (1L << (8 * n)) - 1;
            return ((long) LONG_LE.get(bytes, at) & mask) == literal;
        }
        for (int i = 0; i < n; i++)
        {
            if (bytes[at + i] != (byte) (literal >>> (8 * i)))
            {
                return false;
            }
        }
        return true;
    }

    /** Non-zero in (at least) the lowest byte that is not an ASCII digit; exact for the lowest such byte. */
    static long nonDigits(final long w)
    {
        return ((w & 0xF0F0F0F0F0F0F0F0L) ^ 0x3030303030303030L) |
            (((w + 0x0606060606060606L) & 0xF0F0F0F0F0F0F0F0L) ^ 0x3030303030303030L);
    }

    /** The value of eight ASCII digits, first digit in the lowest byte. */
    static long eightDigits(final long word)
    {
        long w = word - ZEROS;
        w = (w * 10 + (w >>> 8)) & 0x00FF00FF00FF00FFL;
        w = (w * 100 + (w >>> 16)) & 0x0000FFFF0000FFFFL;
        return (w * 10000 + (w >>> 32)) & 0xFFFFFFFFL;
    }

    static long word(final String ascii)
    {
        long w = 0;
        for (int i = ascii.length() - 1; i >= 0; i--)
        {
            w = (w << 8) | (ascii.charAt(i) & 0xFF);
        }
        return w;
    }
}
