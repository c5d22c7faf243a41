package dev.peregrine.gateway.coinbase;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.ring.InboundRing;
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
     * Decodes one element of {@code events[]}, the (trusted) scanner stopped at its first byte; leaves the
     * cursor after it. When {@code type} and {@code product_id} come before {@code updates}, as the venue
     * sends them, the levels are decoded on the way through the event; otherwise the event is read to its
     * end first and the walk comes back to {@code updates}.
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
            scanner.skipCurrentValue();
            return 0;
        }
        scanner.enterObject();
        int kind = -1; // 1 snapshot, 0 update, -1 absent, -2 unknown
        int instrumentId = -2; // -2 absent, -1 unknown
        boolean productIsString = true;
        int updatesStart = -1;
        boolean updatesAreArray = false;
        int published = -1; // -1 until the levels have been decoded
        while (scanner.nextKey() == JsonScanner.ITEM)
        {
            if (scanner.keyEquals(UPDATES))
            {
                updatesStart = scanner.valueStart();
                updatesAreArray = scanner.valueKind() == JsonScanner.KIND_ARRAY;
                if (published < 0 && problem(kind, instrumentId, productIsString, updatesStart, updatesAreArray) == null)
                {
                    published = decodeLevels(scanner, instrumentId, kind == 1, venueSequence, receiveEpochNanos, receiveNanoTime);
                    continue;
                }
                scanner.skipCurrentValue();
                continue;
            }
            scanner.skipCurrentValue();
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
        }
        if (published >= 0)
        {
            return published;
        }
        final DropReason problem = problem(kind, instrumentId, productIsString, updatesStart, updatesAreArray);
        if (problem != null)
        {
            metrics.onEntryDropped(problem);
            return 0;
        }
        final int afterEvent = scanner.position();
        scanner.position(updatesStart);
        published = decodeLevels(scanner, instrumentId, kind == 1, venueSequence, receiveEpochNanos, receiveNanoTime);
        scanner.position(afterEvent);
        return published;
    }

    private static DropReason problem(
        final int kind,
        final int instrumentId,
        final boolean productIsString,
        final int updatesStart,
        final boolean updatesAreArray)
    {
        return kind == -1 || instrumentId == -2 || updatesStart < 0 ? DropReason.MISSING_FIELD
            : kind == -2 || !productIsString || !updatesAreArray ? DropReason.WRONG_TYPE
            : instrumentId < 0 ? DropReason.UNKNOWN_PRODUCT
            : null;
    }

    /** The {@code updates} array the cursor stands on; leaves the cursor after it. */
    private int decodeLevels(
        final JsonScanner scanner,
        final int instrumentId,
        final boolean snapshot,
        final long venueSequence,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        int published = 0;
        boolean held = false;
        scanner.enterArray();
        while (scanner.nextElementStart() == JsonScanner.ITEM)
        {
            final int levelStart = scanner.valueStart();
            final DropReason levelProblem =
                scanner.valueKind() == JsonScanner.KIND_OBJECT ? current.decode(scanner) : DropReason.WRONG_TYPE;
            if (levelProblem != null)
            {
                scanner.skipFrom(levelStart); // the level decoder stops at the first problem
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
            InboundRing.publish(ring, slot);
        }
        metrics.onEventPublished(CoinbaseChannel.L2_DATA);
    }
}
