package dev.peregrine.gateway.coinbase;

import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * The second pass over a frame the envelope pass validated but did not decode inline (level2, candles,
 * status, unusual key order, more entries than {@link InlineEntries#CAPACITY}): descends into
 * {@code events[]}, each event and its entries array without skipping any container first, decodes each
 * entry into scratch and publishes it. The scanner is in trusted mode, so only content is checked here;
 * an entry with a problem is skipped from its start and counted by reason. Large trade snapshots take
 * the two walks of {@link #trades}: index, then publish oldest first.
 *
 * <p>Owned by {@link CoinbaseMarketDataDecoder}, on its thread; every method returns the number of
 * events it published, for the decoder's frame outcome. Nothing is allocated.
 */
final class EntryPass
{
    private final JsonScanner scanner;
    private final CoinbaseEnvelope envelope;
    private final GatewayMetrics metrics;
    private final CoinbaseEventPublisher publisher;
    private final TickerEntry ticker;
    private final TradeEntry trade;
    private final CandleEntry candle;
    private final ProductStatusEntry status;
    private final Level2Decoder level2;
    /** Where each trade entry of a frame decoded in two passes starts, and whether its event is a snapshot. */
    private final TradeEntryIndex tradeIndex = new TradeEntryIndex();
    private final OldestFirstOrder order;

    EntryPass(
        final JsonScanner scanner,
        final CoinbaseEnvelope envelope,
        final GatewayMetrics metrics,
        final CoinbaseEventPublisher publisher,
        final InlineEntries entries,
        final CandleEntry candle,
        final ProductStatusEntry status,
        final Level2Decoder level2,
        final OldestFirstOrder order)
    {
        this.scanner = scanner;
        this.envelope = envelope;
        this.metrics = metrics;
        this.publisher = publisher;
        // The inline scratch's first slots are free here: this pass runs only when the inline one did not.
        this.ticker = entries.tickers[0];
        this.trade = entries.trades[0];
        this.candle = candle;
        this.status = status;
        this.level2 = level2;
        this.order = order;
    }

    /** Every {@code l2_data} event of the frame, through the {@link Level2Decoder}. */
    int level2(final long receiveEpochNanos, final long receiveNanoTime)
    {
        int published = 0;
        EventWalk.enterEvents(scanner, envelope.eventsStart);
        while (scanner.nextElementStart() == JsonScanner.ITEM)
        {
            published += level2.decodeEvent(scanner, envelope.sequence, receiveEpochNanos, receiveNanoTime);
        }
        return published;
    }

    /**
     * Walks {@code events[]} and, inside each event, its {@code entriesKey} array, descending into both
     * without skipping them first. A key that appears twice is decoded each time.
     */
    int entries(
        final CoinbaseChannel channel,
        final byte[] entriesKey,
        final int kind,
        final long exchangeTimeNanos,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        int published = 0;
        EventWalk.enterEvents(scanner, envelope.eventsStart);
        while (EventWalk.nextEvent(scanner, metrics))
        {
            boolean found = false;
            boolean lastWasArray = false;
            while (scanner.nextKey() == JsonScanner.ITEM)
            {
                if (!scanner.keyEquals(entriesKey))
                {
                    scanner.skipCurrentValue();
                    continue;
                }
                found = true;
                lastWasArray = scanner.valueKind() == JsonScanner.KIND_ARRAY;
                if (lastWasArray)
                {
                    published += entryArray(channel, kind, exchangeTimeNanos, receiveEpochNanos, receiveNanoTime);
                }
                else
                {
                    scanner.skipCurrentValue();
                }
            }
            EventWalk.endEvent(found, lastWasArray, metrics);
        }
        return published;
    }

    /**
     * A {@code market_trades} frame the single pass could not hold (a snapshot of more than
     * {@link InlineEntries#CAPACITY} trades): the first walk notes where each trade entry starts and
     * whether its event is a {@code snapshot} ({@link TradeEntryIndex}); then the trades are decoded and
     * published oldest first.
     */
    int trades(final long receiveEpochNanos, final long receiveNanoTime)
    {
        final TradeEntryIndex index = tradeIndex;
        index.index(scanner, envelope.eventsStart, metrics);
        // Decode once to validate and learn each trade's time and id, keeping the good ones...
        int good = 0;
        for (int i = 0; i < index.count(); i++)
        {
            scanner.position(index.start(i));
            final DropReason problem = trade.decode(scanner);
            if (problem != null)
            {
                metrics.onEntryDropped(problem);
                continue;
            }
            index.keep(i, good);
            order.set(good, trade.timeNanos(), trade.tradeId());
            good++;
        }
        // ...then again, oldest first, to publish (this path serves snapshots only: the cost is rare).
        order.sort(good);
        int published = 0;
        for (int k = 0; k < good; k++)
        {
            final int i = order.get(k);
            scanner.position(index.start(i));
            trade.decode(scanner);
            trade.snapshot(index.snapshot(i));
            published += publisher.trade(trade, receiveEpochNanos, receiveNanoTime);
        }
        return published;
    }

    /** The entries array the cursor stands on: each valid entry published as soon as it is decoded. */
    private int entryArray(
        final CoinbaseChannel channel,
        final int kind,
        final long exchangeTimeNanos,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        int published = 0;
        scanner.enterArray();
        while (scanner.nextElementStart() == JsonScanner.ITEM)
        {
            final int entryStart = scanner.valueStart();
            final DropReason problem =
                scanner.valueKind() == JsonScanner.KIND_OBJECT ? decodeEntry(kind) : DropReason.WRONG_TYPE;
            if (problem != null)
            {
                // The entry decoder stops at the first problem: finish the entry from its start.
                scanner.skipFrom(entryStart);
                metrics.onEntryDropped(problem);
            }
            else
            {
                published += publisher.entry(channel, kind, 0, exchangeTimeNanos, receiveEpochNanos, receiveNanoTime);
            }
        }
        return published;
    }

    private DropReason decodeEntry(final int kind)
    {
        switch (kind)
        {
            case CoinbaseEventPublisher.KIND_TICKER: return ticker.decode(scanner);
            case CoinbaseEventPublisher.KIND_CANDLE: return candle.decode(scanner);
            default: return status.decode(scanner);
        }
    }
}
