package dev.peregrine.gateway.coinbase;

import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * The decoder's pre-allocated scratch, built once: the inline pass's tickers and trades, the one candle and
 * one product status the entry pass decodes into, and the order a frame's trades are published in. The
 * passes decode into it and {@link CoinbaseEventPublisher} copies out of it; the dispatch by entry kind
 * ({@link CoinbaseEventPublisher#KIND_TICKER} and the others) for both is here, in one place.
 *
 * @param inline the inline pass's entries; the entry pass, which runs only when the inline one did not,
 *               uses their first ticker and trade.
 * @param candle one {@code candles[]} entry.
 * @param status one {@code products[]} entry of the {@code status} channel.
 * @param order  a frame's trades by time, then trade id, for publishing oldest first.
 */
record EntryScratch(InlineEntries inline, CandleEntry candle, ProductStatusEntry status, OldestFirstOrder order)
{
    /** The scratch trade the entry pass decodes into. */
    TradeEntry trade()
    {
        return inline.trades[0];
    }

    /** Decodes an entry of {@code kind} (ticker, candle or status) at the scanner into its scratch. */
    DropReason decode(final int kind, final JsonScanner scanner)
    {
        switch (kind)
        {
            case CoinbaseEventPublisher.KIND_TICKER: return inline.tickers[0].decode(scanner);
            case CoinbaseEventPublisher.KIND_CANDLE: return candle.decode(scanner);
            default: return status.decode(scanner);
        }
    }

    /** Fills a claimed slot from the scratch entry of {@code kind} (ticker {@code index}; 0 unless decoded inline). */
    void copyTo(
        final int kind,
        final int index,
        final InboundEvent event,
        final long venueSequence,
        final long exchangeTimeNanos,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        switch (kind)
        {
            case CoinbaseEventPublisher.KIND_TICKER:
                inline.tickers[index].copyTo(event, venueSequence, exchangeTimeNanos, receiveEpochNanos, receiveNanoTime);
                break;
            case CoinbaseEventPublisher.KIND_CANDLE:
                candle.copyTo(event, venueSequence, receiveEpochNanos, receiveNanoTime);
                break;
            default:
                status.copyTo(event, venueSequence, exchangeTimeNanos, receiveEpochNanos, receiveNanoTime);
                break;
        }
    }
}
