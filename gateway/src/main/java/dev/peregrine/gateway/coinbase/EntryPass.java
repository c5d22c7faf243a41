package dev.peregrine.gateway.coinbase;

import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * The second pass over a frame the envelope pass validated but did not decode inline (candles, status,
 * unusual key order, more entries than {@link InlineEntries#CAPACITY}; level2 has its own
 * {@link Level2Decoder}): descends into {@code events[]}, each event and its entries array without
 * skipping any container first, decodes each entry into the {@link EntryScratch} and publishes it. The scanner is in trusted mode, so only content is checked here;
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
    private final EntryScratch scratch;
    /** Where each trade entry of a frame decoded in two passes starts, and whether its event is a snapshot. */
    private final TradeEntryIndex tradeIndex = new TradeEntryIndex();

    EntryPass(
        final JsonScanner scanner,
        final CoinbaseEnvelope envelope,
        final GatewayMetrics metrics,
        final CoinbaseEventPublisher publisher,
        final EntryScratch scratch)
    {
        this.scanner = scanner;
        this.envelope = envelope;
        this.metrics = metrics;
        this.publisher = publisher;
        this.scratch = scratch;
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
        final TradeEntry trade = scratch.trade();
        final OldestFirstOrder order = scratch.order();
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
                scanner.valueKind() == JsonScanner.KIND_OBJECT ? scratch.decode(kind, scanner) : DropReason.WRONG_TYPE;
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
}
