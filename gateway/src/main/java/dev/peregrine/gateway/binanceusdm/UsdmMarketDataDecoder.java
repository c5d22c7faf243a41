package dev.peregrine.gateway.binanceusdm;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.gateway.DropReason;
import dev.peregrine.gateway.binance.BinanceBookSync;
import dev.peregrine.gateway.binance.BinanceEnvelope;
import dev.peregrine.gateway.binance.BinanceMarketDataDecoder.SnapshotRequests;
import dev.peregrine.gateway.binance.BinanceMetrics;
import dev.peregrine.gateway.binance.BookTickerMessage;
import dev.peregrine.gateway.binance.DepthMessage;
import dev.peregrine.gateway.binance.DepthSnapshotDecoder;
import dev.peregrine.gateway.binance.RingBookPublisher;
import dev.peregrine.gateway.binance.TradeMessage;
import dev.peregrine.gateway.json.JsonScanner;

/**
 * Turns Binance USD-M combined-stream frames {@code {"stream":"<sym>@<kind>","data":{...}}} into inbound ring events:
 * {@code @aggTrade} TRADE, {@code @bookTicker} QUOTE ({@code u}, bid and ask; its {@code T}/{@code E} are not kept,
 * as spot's has none), {@code @depth} diffs for the instrument's {@link UsdmBookSync} (BOOK_LEVEL, FEED_GAP,
 * FEED_RECOVERED by the futures rule), {@code @markPrice@1s} MARK_PRICE (preceded by a FUNDING_SETTLEMENT when the
 * announced funding time has passed, see {@link FundingClock}), {@code forceOrder} LIQUIDATION. REST depth snapshots
 * ({@code GET /fapi/v1/depth}) come in through {@link #onDepthSnapshot}.
 *
 * <p>Built from the spot decoder's parts, not copies of them: the envelope pass ({@link BinanceEnvelope}, which also
 * decodes a bookTicker inline), the member-table walk ({@code MessageFields}), the depth message (which reads the
 * futures {@code pu}), the ring publisher of book events and the spot metrics for drops and book sync. Same rules:
 * one thread (the connection's event loop), a slot is claimed only once the whole message is known to be good, bad
 * input is counted by {@link DropReason} and publishes nothing, nothing is allocated per frame.
 */
public final class UsdmMarketDataDecoder implements DepthSnapshotDecoder
{
    /** Room for a 1000-level REST snapshot and any diff. */
    public static final int DEFAULT_MAX_FRAME_BYTES = 16 * 1024 * 1024;

    private final RingBuffer<InboundEvent> ring;
    private final BinanceMetrics metrics;
    private final UsdmMetrics usdm;
    private final JsonScanner scanner = new JsonScanner();
    private final BinanceEnvelope envelope;
    private final BookTickerMessage bookTicker;
    private final AggTradeMessage aggTrade;
    private final MarkPriceMessage markPrice;
    private final ForceOrderMessage forceOrder;
    private final DepthMessage depth;
    private final RingBookPublisher publisher;
    private final UsdmBookSync[] syncs;
    private final FundingClock funding;

    public UsdmMarketDataDecoder(final InstrumentRegistry registry, final RingBuffer<InboundEvent> ring,
        final BinanceMetrics metrics, final UsdmMetrics usdm, final SnapshotRequests snapshotRequests)
    {
        if (registry == null || ring == null || metrics == null || usdm == null || snapshotRequests == null)
        {
            throw new NullPointerException("registry, ring, metrics and snapshotRequests are required");
        }
        this.ring = ring;
        this.metrics = metrics;
        this.usdm = usdm;
        this.bookTicker = new BookTickerMessage(registry);
        // USD-M has no public @trade stream: the envelope's inline trade decoding never fires here.
        this.envelope = new BinanceEnvelope(new TradeMessage(registry), bookTicker);
        this.aggTrade = new AggTradeMessage(registry);
        this.markPrice = new MarkPriceMessage(registry);
        this.forceOrder = new ForceOrderMessage(registry);
        this.depth = new DepthMessage(registry);
        this.publisher = new RingBookPublisher(ring, metrics, snapshotRequests);
        this.syncs = new UsdmBookSync[registry.size()];
        for (int id = 0; id < syncs.length; id++)
        {
            syncs[id] = new UsdmBookSync(id, publisher, metrics, BinanceBookSync.DEFAULT_MAX_BUFFERED_DIFFS,
                BinanceBookSync.DEFAULT_MAX_BUFFERED_LEVELS);
        }
        this.funding = new FundingClock(registry.size());
    }

    /** The book sync of an instrument; for tests and health reporting. */
    public UsdmBookSync sync(final int instrumentId)
    {
        return syncs[instrumentId];
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

    @Override
    public void decode(final byte[] buffer, final int offset, final int length, final long receiveEpochNanos,
        final long receiveNanoTime)
    {
        if (length > DEFAULT_MAX_FRAME_BYTES)
        {
            metrics.onFrameDropped(DropReason.OVERSIZED_FRAME);
            return;
        }
        scanner.wrap(buffer, offset, length);
        final DropReason envelopeProblem = envelope.read(scanner);
        if (envelopeProblem != null)
        {
            metrics.onFrameDropped(envelopeProblem);
            return;
        }
        final UsdmStream stream = UsdmStream.of(buffer, envelope.streamStart, envelope.streamLength);
        if (stream == null)
        {
            metrics.onFrameDropped(DropReason.UNKNOWN_CHANNEL); // kline and the rest: not read here
            return;
        }
        usdm.onFrame(stream);
        if (envelope.decodedInline && stream == UsdmStream.BOOK_TICKER)
        {
            publishBookTicker(envelope.inlineProblem, receiveEpochNanos, receiveNanoTime);
            return;
        }
        scanner.trustValidated();
        scanner.position(envelope.dataStart);
        switch (stream)
        {
            case AGG_TRADE:
                onAggTrade(receiveEpochNanos, receiveNanoTime);
                break;
            case BOOK_TICKER:
                publishBookTicker(bookTicker.decode(scanner), receiveEpochNanos, receiveNanoTime);
                break;
            case DEPTH:
                onDepthDiff(receiveEpochNanos, receiveNanoTime);
                break;
            case MARK_PRICE:
                onMarkPrice(receiveEpochNanos, receiveNanoTime);
                break;
            default:
                onForceOrder(receiveEpochNanos, receiveNanoTime);
                break;
        }
    }

    /** The body of {@code GET /fapi/v1/depth} for {@code instrumentId}; a bad body is counted and a new one asked for. */
    @Override
    public void onDepthSnapshot(final int instrumentId, final byte[] body, final int offset, final int length,
        final long receiveEpochNanos, final long receiveNanoTime)
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

    /** The snapshot request failed; asks again. */
    @Override
    public void onSnapshotFailed(final int instrumentId)
    {
        syncs[instrumentId].onSnapshotFailed();
    }

    /** Publishes the bookTicker now in scratch, or counts why it was dropped. */
    private void publishBookTicker(final DropReason problem, final long receiveEpochNanos, final long receiveNanoTime)
    {
        if (problem != null)
        {
            metrics.onFrameDropped(problem);
            return;
        }
        publish(UsdmStream.BOOK_TICKER, receiveEpochNanos, receiveNanoTime);
    }

    private void onAggTrade(final long receiveEpochNanos, final long receiveNanoTime)
    {
        final DropReason problem = aggTrade.decode(scanner);
        if (problem != null)
        {
            metrics.onFrameDropped(problem);
            return;
        }
        publish(UsdmStream.AGG_TRADE, receiveEpochNanos, receiveNanoTime);
    }

    private void onMarkPrice(final long receiveEpochNanos, final long receiveNanoTime)
    {
        final DropReason problem = markPrice.decode(scanner);
        if (problem != null)
        {
            metrics.onFrameDropped(problem);
            return;
        }
        if (funding.due(markPrice.instrumentId(), markPrice.eventTimeNanos()))
        {
            publish(null, receiveEpochNanos, receiveNanoTime); // the settlement first: it happened before this mark
            usdm.onFundingSettlement();
        }
        funding.announce(markPrice.instrumentId(), markPrice.eventTimeNanos(), markPrice.nextFundingTimeNanos(),
            markPrice.fundingRate());
        publish(UsdmStream.MARK_PRICE, receiveEpochNanos, receiveNanoTime);
    }

    private void onForceOrder(final long receiveEpochNanos, final long receiveNanoTime)
    {
        final DropReason problem = forceOrder.decode(scanner);
        if (problem != null)
        {
            metrics.onFrameDropped(problem);
            return;
        }
        publish(UsdmStream.FORCE_ORDER, receiveEpochNanos, receiveNanoTime);
    }

    /**
     * Claims a slot, fills it from the scratch of {@code stream}'s message (null: the funding settlement now due) and
     * publishes it. A claimed slot is always published.
     */
    private void publish(final UsdmStream stream, final long receiveEpochNanos, final long receiveNanoTime)
    {
        final long slot = ring.next();
        try
        {
            final InboundEvent event = ring.get(slot);
            if (stream == null)
            {
                funding.settle(event, markPrice.instrumentId(), markPrice.markPrice(), receiveEpochNanos, receiveNanoTime);
            }
            else if (stream == UsdmStream.AGG_TRADE)
            {
                aggTrade.copyTo(event, receiveEpochNanos, receiveNanoTime);
            }
            else if (stream == UsdmStream.BOOK_TICKER)
            {
                bookTicker.copyTo(event, receiveEpochNanos, receiveNanoTime);
            }
            else if (stream == UsdmStream.MARK_PRICE)
            {
                markPrice.copyTo(event, receiveEpochNanos, receiveNanoTime);
            }
            else
            {
                forceOrder.copyTo(event, receiveEpochNanos, receiveNanoTime);
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
        if (depth.previousLastId < 0)
        {
            metrics.onFrameDropped(DropReason.MISSING_FIELD); // a futures diff without pu cannot be chained
            return;
        }
        publisher.receiveEpochNanos = receiveEpochNanos;
        publisher.receiveNanoTime = receiveNanoTime;
        syncs[depth.instrumentId].onDiff(depth.firstId, depth.lastId, depth.previousLastId, depth.exchangeTimeNanos,
            depth.levels);
    }
}
