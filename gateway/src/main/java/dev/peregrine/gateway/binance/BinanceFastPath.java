package dev.peregrine.gateway.binance;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.instrument.InstrumentRegistry;

import java.nio.charset.StandardCharsets;

import static dev.peregrine.gateway.binance.BinanceFrameCursor.word;

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
 * <p>This class is the frame's structure (which literal, number or string comes next); the byte-level
 * primitives it walks the frame with, and their bounds, are {@link BinanceFrameCursor}'s.
 */
final class BinanceFastPath
{
    static final int NONE = 0;
    static final int TRADE = 1;
    static final int BOOK_TICKER = 2;

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

    /** Where the current match stands in its frame. */
    private final BinanceFrameCursor cursor = new BinanceFrameCursor();

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
        final BinanceFrameCursor c = cursor;
        c.reset(buffer, offset, length);
        if (length < 64 || !cursor.lit8(OPEN_A) || !cursor.lit(OPEN_B, 3))
        {
            return NONE;
        }
        // Stream name: printable ASCII up to the closing quote.
        final int nameStart = cursor.p;
        if (!cursor.string())
        {
            return NONE;
        }
        final int nameLength = cursor.p - 1 - nameStart;
        if (!cursor.lit8(DATA_A) || !cursor.lit('{'))
        {
            return NONE;
        }
        final int kind;
        if (nameLength > 6 && BinanceFrameCursor.wordEquals(buffer, nameStart + nameLength - 6, TRADE_SUFFIX, 6, c.end))
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
        if (!cursor.lit8(TRADE_HEAD_A) || !cursor.lit8(TRADE_HEAD_B) || !cursor.integer() || !cursor.lit(KEY_S, 6))
        {
            return false;
        }
        final int instrumentId = symbol();
        if (instrumentId < 0 || !cursor.lit(KEY_T, 5) || !cursor.integer())
        {
            return false;
        }
        final long tradeId = cursor.value;
        if (!cursor.lit(KEY_P, 6) || !cursor.decimal())
        {
            return false;
        }
        final long price = cursor.value;
        if (!cursor.lit(KEY_Q, 7) || !cursor.decimal())
        {
            return false;
        }
        final long quantity = cursor.value;
        if (!cursor.lit(KEY_TT, 6) || !cursor.integer() || cursor.value > MAX_MILLIS)
        {
            return false;
        }
        final long tradeTimeNanos = cursor.value * 1_000_000L;
        if (!cursor.lit(KEY_M, 5))
        {
            return false;
        }
        final int side;
        if (cursor.lit(TRUE, 4))
        {
            side = Side.BUY; // m:true, the buyer is the maker: the maker's side, see TradeMessage
        }
        else if (cursor.lit(FALSE, 5))
        {
            side = Side.SELL;
        }
        else
        {
            return false;
        }
        if (!cursor.lit(KEY_MM, 5) || !cursor.lit(TRUE, 4) && !cursor.lit(FALSE, 5) || !cursor.closesFrame())
        {
            return false;
        }
        if (price <= 0 || quantity <= 0)
        {
            return false;
        }
        trade.matched(instrumentId, tradeId, price, quantity, tradeTimeNanos, side);
        return true;
    }

    private boolean matchBookTicker()
    {
        if (!cursor.lit(BOOK_HEAD, 4) || !cursor.integer())
        {
            return false;
        }
        final long updateId = cursor.value;
        if (!cursor.lit(KEY_S, 6))
        {
            return false;
        }
        final int instrumentId = symbol();
        if (instrumentId < 0 || !cursor.lit(KEY_B, 6) || !cursor.decimal())
        {
            return false;
        }
        final long bidPrice = cursor.value;
        if (!cursor.lit(KEY_BB, 7) || !cursor.decimal())
        {
            return false;
        }
        final long bidQuantity = cursor.value;
        if (!cursor.lit(KEY_A, 7) || !cursor.decimal())
        {
            return false;
        }
        final long askPrice = cursor.value;
        if (!cursor.lit(KEY_AA, 7) || !cursor.decimal())
        {
            return false;
        }
        final long askQuantity = cursor.value;
        if (!cursor.lit('"') || !cursor.closesFrame() || bidPrice <= 0 || askPrice <= 0)
        {
            return false; // quantities cannot be negative here: no sign is accepted
        }
        bookTicker.matched(instrumentId, updateId, bidPrice, bidQuantity, askPrice, askQuantity);
        return true;
    }

    /** The symbol string's instrument id (p just past its opening quote, then past its closing one), or -1. */
    private int symbol()
    {
        final int start = cursor.p;
        if (!cursor.string())
        {
            return -1;
        }
        return registry.idOf(cursor.b, start, cursor.p - 1 - start);
    }

}
