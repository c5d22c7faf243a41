package dev.peregrine.gateway.coinbase;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.feed.FeedListener;
import dev.peregrine.gateway.json.JsonScanner;

import static dev.peregrine.gateway.coinbase.TickerEntry.bytes;

/**
 * The {@code l2_data} part of the decoder: each event {@code {type, product_id, updates[]}} becomes one
 * {@code BOOK_LEVEL} per valid level. A {@code snapshot} event's first published level carries
 * {@link BookFlags#SNAPSHOT_BEGIN} and its last {@link BookFlags#SNAPSHOT_END}; the last level of every
 * event carries {@link BookFlags#END_OF_MESSAGE}.
 *
 * <p>Which level is the last valid one is only known after the next one was read, so the decoder holds
 * one validated level back and publishes it when the next valid one (or the end of the event) comes:
 * two scratch entries whose roles swap, no copying and no allocation, whatever the snapshot's size (the
 * real BTC-USD snapshot holds ~45,000 levels in one 5 MB frame). When the ring is full, {@code next()}
 * waits for the core; the event loop stops reading the socket meanwhile, which is the back-pressure.
 */
final class Level2Decoder
{
    private static final byte[] TYPE = bytes("type");
    private static final byte[] PRODUCT_ID = bytes("product_id");
    private static final byte[] UPDATES = bytes("updates");
    private static final byte[] SNAPSHOT = bytes("snapshot");
    private static final byte[] UPDATE = bytes("update");

    private final InstrumentRegistry registry;
    private final RingBuffer<InboundEvent> ring;
    private final GatewayMetrics metrics;
    private FeedListener listener = FeedListener.NO_OP;
    private BookLevelEntry current = new BookLevelEntry();
    private BookLevelEntry pending = new BookLevelEntry();

    Level2Decoder(final InstrumentRegistry registry, final RingBuffer<InboundEvent> ring, final GatewayMetrics metrics)
    {
        this.registry = registry;
        this.ring = ring;
        this.metrics = metrics;
    }

    void listener(final FeedListener listener)
    {
        this.listener = listener;
    }

    /**
     * Decodes one element of {@code events[]}, the scanner standing on its value.
     *
     * @return the number of events published.
     */
    int decodeEvent(
        final JsonScanner scanner,
        final long venueSequence,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        if (scanner.valueKind() != JsonScanner.KIND_OBJECT)
        {
            metrics.onEntryDropped(DropReason.WRONG_TYPE);
            return 0;
        }
        scanner.position(scanner.valueStart());
        scanner.enterObject();
        int kind = -1; // 1 snapshot, 0 update, -1 absent, -2 unknown
        int instrumentId = -2; // -2 absent, -1 unknown
        boolean productIsString = true;
        int updatesStart = -1;
        boolean updatesAreArray = false;
        while (scanner.nextMember() == JsonScanner.ITEM)
        {
            if (scanner.keyEquals(TYPE))
            {
                kind = scanner.stringEquals(SNAPSHOT) ? 1 : scanner.stringEquals(UPDATE) ? 0 : -2;
            }
            else if (scanner.keyEquals(PRODUCT_ID))
            {
                productIsString = scanner.valueKind() == JsonScanner.KIND_STRING;
                instrumentId = productIsString ?
                    registry.idOf(scanner.buffer(), scanner.stringStart(), scanner.stringLength()) : -1;
            }
            else if (scanner.keyEquals(UPDATES))
            {
                updatesStart = scanner.valueStart();
                updatesAreArray = scanner.valueKind() == JsonScanner.KIND_ARRAY;
            }
        }
        final DropReason problem =
            kind == -1 || instrumentId == -2 || updatesStart < 0 ? DropReason.MISSING_FIELD
            : kind == -2 || !productIsString || !updatesAreArray ? DropReason.WRONG_TYPE
            : instrumentId < 0 ? DropReason.UNKNOWN_PRODUCT
            : null;
        if (problem != null)
        {
            metrics.onEntryDropped(problem);
            return 0;
        }
        final boolean snapshot = kind == 1;
        int published = 0;
        boolean held = false;
        scanner.position(updatesStart);
        scanner.enterArray();
        while (scanner.nextElement() == JsonScanner.ITEM)
        {
            final int afterLevel = scanner.position();
            scanner.position(scanner.valueStart());
            final DropReason levelProblem = current.decode(scanner);
            scanner.position(afterLevel);
            if (levelProblem != null)
            {
                metrics.onEntryDropped(levelProblem);
                continue;
            }
            if (held)
            {
                publish(pending, instrumentId, snapshot && published == 0 ? BookFlags.SNAPSHOT_BEGIN : 0,
                    venueSequence, receiveEpochNanos, receiveNanoTime);
                published++;
            }
            final BookLevelEntry swap = pending;
            pending = current;
            current = swap;
            held = true;
        }
        if (held)
        {
            int flags = BookFlags.END_OF_MESSAGE;
            if (snapshot)
            {
                flags |= BookFlags.SNAPSHOT_END | (published == 0 ? BookFlags.SNAPSHOT_BEGIN : 0);
            }
            publish(pending, instrumentId, flags, venueSequence, receiveEpochNanos, receiveNanoTime);
            published++;
            if (snapshot)
            {
                listener.onSnapshotApplied(instrumentId);
            }
            listener.onData(instrumentId, receiveNanoTime);
        }
        return published;
    }

    private void publish(
        final BookLevelEntry level,
        final int instrumentId,
        final int flags,
        final long venueSequence,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        final long slot = ring.next();
        try
        {
            level.copyTo(ring.get(slot), instrumentId, flags, venueSequence, receiveEpochNanos, receiveNanoTime);
        }
        finally
        {
            ring.publish(slot);
        }
        metrics.onEventPublished(CoinbaseChannel.L2_DATA);
    }
}
