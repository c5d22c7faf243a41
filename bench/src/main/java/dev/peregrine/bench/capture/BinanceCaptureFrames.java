package dev.peregrine.bench.capture;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The combined-stream frames of the real Binance spot BTCUSDT capture (MIT). Each line is
 * {@code <receive epoch nanos> <raw JSON>}; this keeps the raw JSON of the {@code trade} and
 * {@code bookTicker} streams as bytes. (Not the gateway's {@code BinanceCapture}, the simulator's recorded
 * feed: this is only the benchmark's setup-time list of frames.)
 */
public final class BinanceCaptureFrames
{
    public static final String TRADE_STREAM = "\"stream\":\"btcusdt@trade\"";
    public static final String BOOK_TICKER_STREAM = "\"stream\":\"btcusdt@bookTicker\"";

    private final List<byte[]> trades;
    private final List<byte[]> bookTickers;

    private BinanceCaptureFrames(final List<byte[]> trades, final List<byte[]> bookTickers)
    {
        this.trades = trades;
        this.bookTickers = bookTickers;
    }

    public static BinanceCaptureFrames load(final String explicitDir)
    {
        final Path file = RealCaptures.file(explicitDir, RealCaptures.BINANCE);
        final List<byte[]> trades = new ArrayList<>();
        final List<byte[]> bookTickers = new ArrayList<>();
        RealCaptures.forEachLine(file, line ->
        {
            final int space = line.indexOf(' ');
            if (space < 0)
            {
                return;
            }
            final String json = line.substring(space + 1);
            if (json.startsWith("{" + TRADE_STREAM))
            {
                trades.add(json.getBytes(StandardCharsets.UTF_8));
            }
            else if (json.startsWith("{" + BOOK_TICKER_STREAM))
            {
                bookTickers.add(json.getBytes(StandardCharsets.UTF_8));
            }
        });
        if (trades.isEmpty() || bookTickers.isEmpty())
        {
            throw new IllegalStateException("no trade or bookTicker frames in " + file);
        }
        return new BinanceCaptureFrames(trades, bookTickers);
    }

    public List<byte[]> trades()
    {
        return trades;
    }

    public List<byte[]> bookTickers()
    {
        return bookTickers;
    }
}
