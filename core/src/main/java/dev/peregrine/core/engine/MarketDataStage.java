package dev.peregrine.core.engine;

import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.TradeFlags;
import dev.peregrine.core.execution.PaperVenue;
import dev.peregrine.core.market.MarketSanity;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.strategy.StrategySet;

/**
 * The core's market-data step for trades, quotes and book levels, in this order: the sanity band (data that
 * cannot be true is journaled for audit but never seen by books, strategies or the paper venue), the market
 * state and books, the paper venue (absent in live mode), then the strategies. Owned by the core thread.
 */
final class MarketDataStage
{
    private final MarketState market;
    private final MarketSanity sanity;
    /** Null in live mode. */
    private final PaperVenue venue;
    private final CoreMetrics metrics;

    MarketDataStage(final MarketState market, final MarketSanity sanity, final PaperVenue venue, final CoreMetrics metrics)
    {
        this.market = market;
        this.sanity = sanity;
        this.venue = venue;
        this.metrics = metrics;
    }

    void onTrade(final InboundEvent event, final long clockNanos, final StrategySet strategies)
    {
        if (!sanity.acceptTrade(event.instrumentId, event.price, clockNanos))
        {
            return; // journaled for audit, never seen by books, strategies or the paper venue
        }
        if (TradeFlags.has(event.flags, TradeFlags.SNAPSHOT))
        {
            onSnapshotTrade(event, clockNanos, strategies);
            return;
        }
        metrics.trades.increment();
        market.onTrade(event.instrumentId, event.price);
        if (venue != null)
        {
            venue.onTrade(event.instrumentId, event.price, event.quantity, event.side, clockNanos);
            venue.advanceTo(clockNanos);
        }
        strategies.onTrade(event.instrumentId, event.price, event.quantity, event.side, clockNanos);
    }

    void onQuote(final InboundEvent event, final long clockNanos, final StrategySet strategies)
    {
        metrics.quotes.increment();
        if (!sanity.acceptQuote(event.instrumentId, event.bidPrice, event.askPrice, event.price, clockNanos))
        {
            return;
        }
        market.onQuote(event.instrumentId, event.bidPrice, event.bidQuantity, event.askPrice,
            event.askQuantity, event.price);
        if (venue != null)
        {
            venue.onMarketUpdate(event.instrumentId);
        }
        strategies.onQuote(event.instrumentId, clockNanos);
    }

    /**
     * A closed candle that is its interval's whole market data ({@code CandleFlags.BAR}): the bar path of a
     * backtest, one event per bar. Its close is held to the same sanity as a trade; then it is the market at
     * the close (the last price, and the touch on both sides at the close for the candle's volume, so a
     * market order decided on this bar fills at its close, as a bar-loop backtester's "trade on current
     * close" does), the paper venue sees the market move, and the strategies that subscribed candle bars get
     * it as a closed bar. Strategies' trade callbacks and trade-built bars do not see it: a candle is not a
     * trade, and a time bar built from it would close one interval late.
     */
    void onCandleBar(final InboundEvent event, final long clockNanos, final StrategySet strategies)
    {
        final int id = event.instrumentId;
        final long close = event.close;
        if (!sanity.acceptTrade(id, close, clockNanos))
        {
            return;
        }
        market.onQuote(id, close, event.volume, close, event.volume, close);
        market.onTrade(id, close);
        if (venue != null)
        {
            venue.onMarketUpdate(id);
        }
        strategies.onCandle(id, event.exchangeTimeNanos, event.open, event.high, event.low, close, event.volume);
    }

    /**
     * A trade the venue sent as history (the {@code snapshot} on subscribe). It updates the last price, since
     * the newest of them is the venue's last print, the price a trader's screen shows as "last" until the
     * next trade (they arrive oldest first, so the last one wins). It never reaches the paper venue: no
     * order can fill against a print that happened before the engine was listening. Strategies get it only
     * through their warm-up callback, dated when it printed.
     */
    private void onSnapshotTrade(final InboundEvent event, final long clockNanos, final StrategySet strategies)
    {
        metrics.snapshotTrades.increment();
        market.onTrade(event.instrumentId, event.price);
        final long printedNanos = event.exchangeTimeNanos > 0 ? Math.min(event.exchangeTimeNanos, clockNanos) : clockNanos;
        strategies.onSnapshotTrade(event.instrumentId, event.price, event.quantity, event.side, printedNanos);
    }

    void onBookLevel(final InboundEvent event, final long clockNanos, final StrategySet strategies)
    {
        metrics.bookLevels.increment();
        final OrderBook book = market.book(event.instrumentId);
        final int flags = event.flags;
        if (BookFlags.has(flags, BookFlags.SNAPSHOT_BEGIN))
        {
            book.beginSnapshot();
        }
        if (sanity.acceptBookLevel(event.instrumentId, book, event.side, event.price, event.quantity, clockNanos))
        {
            book.set(event.side, event.price, event.quantity);
        }
        if (BookFlags.has(flags, BookFlags.SNAPSHOT_END))
        {
            book.endSnapshot();
        }
        if (BookFlags.has(flags, BookFlags.END_OF_MESSAGE))
        {
            sanity.afterBookMessage(event.instrumentId, book, clockNanos);
            if (venue != null)
            {
                venue.onMarketUpdate(event.instrumentId);
            }
            strategies.onBook(event.instrumentId, clockNanos);
        }
    }
}
