package dev.peregrine.gateway.binance;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * Turns Binance spot combined-stream frames {@code {"stream":"<sym>@<kind>","data":{...}}} into inbound
 * ring events: {@code @trade} → TRADE, {@code @bookTicker} → QUOTE, {@code @depth} → diffs for the
 * instrument's {@link BinanceBookSync}, which publishes BOOK_LEVEL, FEED_GAP and FEED_RECOVERED. REST
 * depth snapshots come in through {@link #onDepthSnapshot}. The {@code s} field of the payload (upper
 * case, e.g. {@code BTCUSDT}) names the instrument in the {@link InstrumentRegistry}.
 *
 * <p>Trade and bookTicker frames in Binance's exact layout (every real one) are first tried by
 * {@link BinanceFastPath}, a fixed-layout matcher that parses while it compares; it accepts only frames
 * the generic decoder below would publish with the same values, and leaves every other frame to it, so
 * behaviour on anything non-canonical is unchanged. {@link #fastPathFrames()} counts its hits.
 *
 * <p>Runs on one thread (the connection's event loop): the ring producer and single writer of the
 * {@link BinanceMetrics}. Trades and bookTickers whose {@code stream} comes first (every real frame) are
 * decoded in one validating pass, {@code data} read into pre-allocated scratch on the way through the
 * envelope (see {@link BinanceEnvelope}); otherwise the envelope pass validates the whole frame and a
 * second, trusted pass reads the payload without validating it again. Either way it claims a ring slot
 * only once the whole message is known to be good (a claimed slot must be published; the Disruptor has
 * no "unclaim"). Bad input never throws out of here: it is counted by {@link DropReason} and nothing
 * of the frame is published. Nothing is allocated per frame once the scratch arrays have grown to the
 * largest depth message seen.
 *
 * <p>Field mapping. TRADE: tradeId = venueSequence = {@code t}, price {@code p}, quantity {@code q},
 * exchange time {@code T}, side = the maker's side ({@code m:true} → BUY; see {@link TradeMessage}).
 * QUOTE: {@code b B a A}, venueSequence {@code u}. BOOK_LEVEL: venueSequence = {@code u} of the diff
 * (the snapshot's {@code lastUpdateId}), exchange time {@code E} (0 for snapshot levels). FEED_GAP:
 * venueSequence = received {@code U}, expectedSequence = previous {@code u} + 1.
 */
public final class BinanceMarketDataDecoder implements DepthSnapshotDecoder
{
    /** Large enough for a 5000-level REST snapshot (~250 KB) and any diff, with room to spare. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

    /** Asked (on the decoder's thread) to fetch a REST snapshot; the answer goes to {@link #onDepthSnapshot}. */
    @FunctionalInterface
    public interface SnapshotRequests
    {
        void requestSnapshot(int instrumentId);
    }

    private final RingBuffer<InboundEvent> ring;
    private final BinanceMetrics metrics;
    private final int maxFrameBytes;
    private final JsonScanner scanner = new JsonScanner();
    private final BinanceEnvelope envelope;
    private final TradeMessage trade;
    private final BookTickerMessage bookTicker;
    private final DepthMessage depth;
    private final RingBookPublisher publisher;
    private final BinanceBookSync[] syncs;
    private final BinanceFastPath fastPath;
    /** Off only in tests that compare the two paths frame by frame. */
    private boolean fastPathEnabled = true;

    public BinanceMarketDataDecoder(
        final InstrumentRegistry registry,
        final RingBuffer<InboundEvent> ring,
        final BinanceMetrics metrics,
        final SnapshotRequests snapshotRequests)
    {
        this(registry, ring, metrics, snapshotRequests, DEFAULT_MAX_FRAME_BYTES,
            BinanceBookSync.DEFAULT_MAX_BUFFERED_DIFFS, BinanceBookSync.DEFAULT_MAX_BUFFERED_LEVELS);
    }

    public BinanceMarketDataDecoder(
        final InstrumentRegistry registry,
        final RingBuffer<InboundEvent> ring,
        final BinanceMetrics metrics,
        final SnapshotRequests snapshotRequests,
        final int maxFrameBytes,
        final int maxBufferedDiffs,
        final int maxBufferedLevels)
    {
        if (registry == null || ring == null || metrics == null || snapshotRequests == null)
        {
            throw new NullPointerException("registry, ring, metrics and snapshotRequests are required");
        }
        if (maxFrameBytes <= 0)
        {
            throw new IllegalArgumentException("maxFrameBytes must be > 0, was " + maxFrameBytes);
        }
        this.ring = ring;
        this.metrics = metrics;
        this.maxFrameBytes = maxFrameBytes;
        this.trade = new TradeMessage(registry);
        this.bookTicker = new BookTickerMessage(registry);
        this.envelope = new BinanceEnvelope(trade, bookTicker);
        this.fastPath = new BinanceFastPath(registry, trade, bookTicker);
        this.depth = new DepthMessage(registry);
        this.publisher = new RingBookPublisher(ring, metrics, snapshotRequests);
        this.syncs = new BinanceBookSync[registry.size()];
        for (int id = 0; id < syncs.length; id++)
        {
            syncs[id] = new BinanceBookSync(id, publisher, metrics, maxBufferedDiffs, maxBufferedLevels);
        }
    }

    /** The book sync of an instrument; for tests and health reporting. */
    public BinanceBookSync sync(final int instrumentId)
    {
        return syncs[instrumentId];
    }

    public BinanceMetrics metrics()
    {
        return metrics;
    }

    /**
     * Trade and bookTicker frames decoded by the fixed-layout fast path ({@link BinanceFastPath}); every
     * other frame took the generic path. Not a metric of the feed: a measure of how often the fast path hits.
     */
    public long fastPathFrames()
    {
        return fastPath.frames;
    }

    /** Tests only: with the fast path off every frame takes the generic path, as before it existed. */
    void fastPathEnabled(final boolean enabled)
    {
        this.fastPathEnabled = enabled;
    }

    @Override
    public void onBinaryFrame()
    {
        metrics.onFrameDropped(DropReason.BINARY_FRAME);
    }

    @Override
    public void onOversizedFrame()
    {
        metrics.onFrameDropped(DropReason.OVERSIZED_FRAME);
    }

    /** Decodes the text frame {@code buffer[offset, offset + length)} and publishes its events. */
    @Override
    public void decode(
        final byte[] buffer, final int offset, final int length, final long receiveEpochNanos, final long receiveNanoTime)
    {
        if (length > maxFrameBytes)
        {
            metrics.onFrameDropped(DropReason.OVERSIZED_FRAME);
            return;
        }
        if (fastPathEnabled)
        {
            final int fast = fastPath.match(buffer, offset, length);
            if (fast != BinanceFastPath.NONE)
            {
                // Canonical and good: exactly what the generic path would count and publish for it.
                final boolean isTrade = fast == BinanceFastPath.TRADE;
                metrics.onFrameReceived(isTrade ? BinanceStream.TRADE : BinanceStream.BOOK_TICKER);
                publishDecoded(isTrade, null, receiveEpochNanos, receiveNanoTime);
                return;
            }
        }
        scanner.wrap(buffer, offset, length);
        final DropReason envelopeProblem = envelope.read(scanner);
        if (envelopeProblem != null)
        {
            metrics.onFrameDropped(envelopeProblem);
            return;
        }
        final BinanceStream stream = BinanceStream.of(buffer, envelope.streamStart, envelope.streamLength);
        if (stream == null)
        {
            metrics.onFrameDropped(DropReason.UNKNOWN_CHANNEL);
            return;
        }
        metrics.onFrameReceived(stream);
        if (envelope.decodedInline && (stream == BinanceStream.TRADE || stream == BinanceStream.BOOK_TICKER))
        {
            publishDecoded(stream == BinanceStream.TRADE, envelope.inlineProblem, receiveEpochNanos, receiveNanoTime);
            return;
        }
        scanner.trustValidated(); // the envelope pass validated the whole frame: the data pass skips without re-checking
        scanner.position(envelope.dataStart);
        switch (stream)
        {
            case TRADE:
                onTrade(receiveEpochNanos, receiveNanoTime);
                break;
            case BOOK_TICKER:
                onBookTicker(receiveEpochNanos, receiveNanoTime);
                break;
            default:
                onDepthDiff(receiveEpochNanos, receiveNanoTime);
                break;
        }
    }

    /**
     * The body of {@code GET /api/v3/depth} for {@code instrumentId}, on the decoder's thread. A bad body
     * is counted and a new snapshot is asked for through {@link SnapshotRequests}.
     */
    @Override
    public void onDepthSnapshot(
        final int instrumentId,
        final byte[] body,
        final int offset,
        final int length,
        final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        scanner.wrap(body, offset, length);
        final DropReason problem = depth.decodeSnapshot(scanner);
        if (problem != null)
        {
            metrics.onFrameDropped(problem);
            syncs[instrumentId].onSnapshotFailed();
            return;
        }
        publisher.receiveEpochNanos = receiveEpochNanos;
        publisher.receiveNanoTime = receiveNanoTime;
        syncs[instrumentId].onSnapshot(depth.lastId, depth.levels);
    }

    /** The snapshot request failed (I/O, HTTP status); asks again through {@link SnapshotRequests}. */
    @Override
    public void onSnapshotFailed(final int instrumentId)
    {
        syncs[instrumentId].onSnapshotFailed();
    }

    private void onTrade(final long receiveEpochNanos, final long receiveNanoTime)
    {
        publishDecoded(true, trade.decode(scanner), receiveEpochNanos, receiveNanoTime);
    }

    private void onBookTicker(final long receiveEpochNanos, final long receiveNanoTime)
    {
        publishDecoded(false, bookTicker.decode(scanner), receiveEpochNanos, receiveNanoTime);
    }

    /** Publishes the trade or bookTicker now in scratch, or counts why it was dropped. */
    private void publishDecoded(
        final boolean isTrade, final DropReason problem, final long receiveEpochNanos, final long receiveNanoTime)
    {
        if (problem != null)
        {
            metrics.onFrameDropped(problem);
            return;
        }
        final long slot = ring.next();
        try
        {
            if (isTrade)
            {
                trade.copyTo(ring.get(slot), receiveEpochNanos, receiveNanoTime);
            }
            else
            {
                bookTicker.copyTo(ring.get(slot), receiveEpochNanos, receiveNanoTime);
            }
        }
        finally
        {
            InboundRing.publish(ring, slot);
        }
        metrics.onEventPublished();
    }

    private void onDepthDiff(final long receiveEpochNanos, final long receiveNanoTime)
    {
        final DropReason problem = depth.decodeDiff(scanner);
        if (problem != null)
        {
            metrics.onFrameDropped(problem);
            return;
        }
        publisher.receiveEpochNanos = receiveEpochNanos;
        publisher.receiveNanoTime = receiveNanoTime;
        syncs[depth.instrumentId].onDiff(depth.firstId, depth.lastId, depth.exchangeTimeNanos, depth.levels);
    }
}
