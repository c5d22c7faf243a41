package dev.peregrine.ops;

import dev.peregrine.gateway.venue.VenueRegistry;
import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.ExitRules;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.risk.RiskLimits;
import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.core.testing.RecordingOutputs;
import dev.peregrine.gateway.binance.BinanceMarketDataDecoder;
import dev.peregrine.gateway.binance.BinanceMetrics;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;
import java.util.zip.GZIPInputStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The paper venue on the real Binance capture, at the capture's own timestamps: a market buy walks the
 * recorded book as it stood when the order arrived (20 ms after it was sent), and a resting limit buy
 * waits behind the recorded queue at its price and fills from recorded trades whose maker bought at or
 * through it, and from recorded asks that move to or through its price (only the crossing size the
 * previous book message did not show, after the queue ahead). The expected fills are worked out here from a book and a queue kept by the test
 * itself from the same events, with the documented rules, not by the venue's code.
 */
class PaperVenueOnRealCaptureTest
{
    private static final String FILE = "binance_spot_btcusdt_20240808.hftbacktest.gz";
    private static final long MS = 1_000_000L;
    private static final long ORDER_LATENCY = 20 * MS;
    private static final long FILL_LATENCY = 5 * MS;

    private final NavigableMap<Long, Long> bids = new TreeMap<>();
    private final NavigableMap<Long, Long> asks = new TreeMap<>();
    private boolean synced;

    @Test
    void marketAndLimitOrdersFillAsTheRecordedBookAndTradesSay() throws Exception
    {
        final Path capture = ExternalResources.sharedDataFile(FILE);
        final RecordingOutputs outputs = new RecordingOutputs();
        // A crossover that never warms up (a million-trade slow window): only the test's orders trade.
        final long big = FixedPoint.parse("100");
        final EngineSettings settings = EngineSettings.builder(List.of("BTCUSDT")).windows(1, 1_000_000).orderQuantity(new long[]{FixedPoint.parse("0.001")}).risk(RiskLimits.basic(new long[]{big}, new long[]{big})).exits(ExitRules.none(1)).paperVenue(new PaperVenueSettings(ORDER_LATENCY, ORDER_LATENCY, FILL_LATENCY, 40, 60)).venueTimeoutNanos(0).passiveOrders(false).liveVenue(false).build();
        final TradingCore core = CoreAssembly.build(VenueRegistry.standard().catalog(), settings, outputs, new CoreMetrics(1), new TradingSwitch());
        final RingBuffer<InboundEvent> ring = RingBuffer.createSingleProducer(InboundEvent::new, 1 << 16);
        final BinanceMarketDataDecoder decoder = new BinanceMarketDataDecoder(
            VenueRegistry.standard().catalog().registryFor(List.of("BTCUSDT")), ring, new BinanceMetrics(), id -> { });

        final long marketQty = FixedPoint.parse("3");
        final long limitQty = FixedPoint.parse("0.5");
        long syncedAt = -1;
        long marketId = -1;
        long marketDue = 0;
        List<String> expectedMarket = null;
        long limitId = -1;
        long limitPrice = 0;
        long limitDue = 0;
        long queueAhead = -1;
        long limitLeaves = limitQty;
        long lastCrossing = 0;
        final List<String> expectedLimit = new ArrayList<>();

        long next = 0;
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(
            new GZIPInputStream(Files.newInputStream(capture)), StandardCharsets.UTF_8)))
        {
            String line;
            while ((line = lines.readLine()) != null)
            {
                final int space = line.indexOf(' ');
                final long time = Long.parseLong(line.substring(0, space));
                final byte[] json = line.substring(space + 1).getBytes(StandardCharsets.UTF_8);
                if (line.startsWith("{\"lastUpdateId\"", space + 1))
                {
                    decoder.onDepthSnapshot(0, json, 0, json.length, time, 0);
                }
                else
                {
                    decoder.decode(json, 0, json.length, time, 0);
                }
                for (; next <= ring.getCursor(); next++)
                {
                    final InboundEvent e = ring.get(next);
                    final long now = e.eventTimeNanos;
                    // What the venue sees when an order arrives: the book before this event is applied.
                    if (marketId > 0 && expectedMarket == null && now >= marketDue)
                    {
                        expectedMarket = walkAsks(marketId, marketQty);
                    }
                    if (limitId > 0 && queueAhead < 0 && now >= limitDue)
                    {
                        queueAhead = bids.getOrDefault(limitPrice, 0L);
                        lastCrossing = asksAtOrBelow(limitPrice);
                    }
                    if (queueAhead >= 0 && limitLeaves > 0 && e.type == EventType.TRADE && e.side == Side.BUY &&
                        e.price <= limitPrice)
                    {
                        long remaining = e.quantity;
                        if (e.price == limitPrice)
                        {
                            final long eaten = Math.min(queueAhead, remaining);
                            queueAhead -= eaten;
                            remaining -= eaten;
                        }
                        final long fill = Math.min(limitLeaves, remaining);
                        if (fill > 0)
                        {
                            limitLeaves -= fill;
                            expectedLimit.add(fillLine(limitId, fill, limitPrice, 0.004));
                        }
                    }
                    core.onEvent(e, next, true);
                    apply(e);
                    if (queueAhead >= 0 && limitLeaves > 0 && e.type == EventType.BOOK_LEVEL &&
                        BookFlags.has(e.flags, BookFlags.END_OF_MESSAGE) && synced && !crossed())
                    {
                        final long crossing = asksAtOrBelow(limitPrice);
                        final long fresh = Math.max(0, crossing - lastCrossing);
                        lastCrossing = crossing;
                        final long eaten = Math.min(queueAhead, fresh);
                        queueAhead -= eaten;
                        final long fill = Math.min(limitLeaves, fresh - eaten);
                        if (fill > 0)
                        {
                            limitLeaves -= fill;
                            expectedLimit.add(fillLine(limitId, fill, limitPrice, 0.004));
                        }
                    }

                    if (synced && syncedAt < 0)
                    {
                        syncedAt = now;
                    }
                    if (syncedAt > 0 && marketId < 0 && now >= syncedAt + 10_000 * MS)
                    {
                        core.execution().beginEvent(e);
                        marketId = core.execution().submitMarketOrder(0, Side.BUY, marketQty);
                        marketDue = now + ORDER_LATENCY;
                    }
                    if (syncedAt > 0 && limitId < 0 && now >= syncedAt + 20_000 * MS)
                    {
                        limitPrice = bids.lastKey();
                        core.execution().beginEvent(e);
                        limitId = core.execution().submitLimitOrder(0, Side.BUY, limitQty, limitPrice);
                        limitDue = now + ORDER_LATENCY;
                    }
                }
            }
        }

        final long marketOrder = marketId;
        final long limitOrder = limitId;
        assertThat(marketId).isPositive();
        assertThat(expectedMarket).as("a 3 BTC buy walks several levels").hasSizeGreaterThan(1);
        final List<String> marketFills = outputs.lines().stream().filter(l -> l.startsWith("FILL #" + marketOrder + " ")).toList();
        assertThat(marketFills).containsExactlyElementsOf(expectedMarket);

        assertThat(limitId).isPositive();
        assertThat(expectedLimit).as("recorded trades reach the resting buy").isNotEmpty();
        final List<String> limitFills = outputs.lines().stream().filter(l -> l.startsWith("FILL #" + limitOrder + " ")).toList();
        assertThat(limitFills).containsExactlyElementsOf(expectedLimit);
        assertThat(outputs.lines()).contains("ACCEPTED #" + limitId);
    }

    /** A taker buy of {@code quantity} against the asks as they stand: one fill per level, best first. */
    private List<String> walkAsks(final long orderId, final long quantity)
    {
        final List<String> fills = new ArrayList<>();
        long left = quantity;
        for (final Map.Entry<Long, Long> level : asks.entrySet())
        {
            if (left == 0)
            {
                break;
            }
            final long fill = Math.min(left, level.getValue());
            fills.add(fillLine(orderId, fill, level.getKey(), 0.006));
            left -= fill;
        }
        return fills;
    }

    private static String fillLine(final long orderId, final long quantity, final long price, final double feeRate)
    {
        final double fee = FixedPoint.toDouble(price) * FixedPoint.toDouble(quantity) * feeRate;
        return "FILL #" + orderId + " i0 BUY " + FixedPoint.toString(quantity) + " @ " + FixedPoint.toString(price) +
            String.format(Locale.ROOT, " fee %.4f", fee);
    }

    private long asksAtOrBelow(final long price)
    {
        long size = 0;
        for (final long quantity : asks.headMap(price, true).values())
        {
            size += quantity;
        }
        return size;
    }

    private boolean crossed()
    {
        return !bids.isEmpty() && !asks.isEmpty() && bids.lastKey() >= asks.firstKey();
    }

    private void apply(final InboundEvent e)
    {
        if (e.type != EventType.BOOK_LEVEL)
        {
            return;
        }
        if (BookFlags.has(e.flags, BookFlags.SNAPSHOT_BEGIN))
        {
            bids.clear();
            asks.clear();
            synced = false;
        }
        final NavigableMap<Long, Long> side = e.side == Side.BUY ? bids : asks;
        if (e.quantity == 0)
        {
            side.remove(e.price);
        }
        else
        {
            side.put(e.price, e.quantity);
        }
        if (BookFlags.has(e.flags, BookFlags.SNAPSHOT_END))
        {
            synced = true;
        }
    }
}
