package dev.peregrine.gateway.coinbase.intx;

import com.fasterxml.jackson.databind.JsonNode;
import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.gateway.MarketDataSlot;
import dev.peregrine.gateway.venue.CatalogFields;
import dev.peregrine.gateway.venue.CatalogSource.PublicGet;
import org.agrona.concurrent.Agent;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * How the engine learns an INTX perpetual's mark and funding through Advanced Trade: its public WebSocket has no mark
 * or funding channel, so this agent reads each perpetual's public product answer (Get Public Product,
 * {@code GET /api/v3/brokerage/market/products/{product_id}}) every poll interval and publishes, per perpetual:
 * <ul>
 * <li>a {@link EventType#MARK_PRICE}: mark = {@code mid_market_price}, index = {@code price}, the funding rate and
 *     time of the coming funding ({@code perpetual_details.funding_rate}, {@code funding_time});</li>
 * <li>a {@link EventType#FUNDING_SETTLEMENT} when {@code funding_time} has moved on since the last read: the funding
 *     at the old time happened, at the rate last announced for it, on the mark read now; {@code fee} 0, so the core
 *     computes the payment from the position it held (the public answer does not say what this account paid).</li>
 * </ul>
 * Both are inputs like any market data, journaled before the core sees them, so replay reproduces them. The answer
 * carries no venue time: the events' exchange time is the time of the read (the settlement's is its funding time).
 * One read per perpetual a second, off the hot path: Jackson's tree is fine here. A failed read is counted and retried at
 * the next interval. Runs on its own thread ({@code peregrine-coinbase-marks}) as a ring producer.
 */
public final class IntxMarkPoller implements Agent
{
    /** Get Public Product: public, and answers for any product id (a listing may leave futures out). */
    private static final String PRODUCT_PATH = "/api/v3/brokerage/market/products/";

    private final URI[] urls;
    private final List<String> perpetuals;
    private final int[] instrumentIds;
    private final long[] lastFundingTime;
    private final long[] lastRate;
    private final RingBuffer<InboundEvent> ring;
    private final PublicGet get;
    private final long intervalNanos;
    private final LongSupplier nanoTime;
    private final LongSupplier epochNanos;
    private final AtomicLong polls = new AtomicLong();
    private final AtomicLong failures = new AtomicLong();
    private final AtomicLong marks = new AtomicLong();
    private final AtomicLong settlements = new AtomicLong();
    private volatile String lastFailure = "";
    private long nextPollNanoTime = Long.MIN_VALUE;

    /**
     * @param perpetuals the perpetual products to read; each must be registered in {@code instruments}.
     * @throws IllegalArgumentException naming a product the registry does not know.
     */
    public IntxMarkPoller(final URI restBase, final List<String> perpetuals, final InstrumentRegistry instruments,
        final RingBuffer<InboundEvent> ring, final PublicGet get, final long intervalNanos, final LongSupplier nanoTime,
        final LongSupplier epochNanos)
    {
        if (intervalNanos <= 0)
        {
            throw new IllegalArgumentException("the mark poll interval must be > 0, was " + intervalNanos + " ns");
        }
        this.perpetuals = List.copyOf(perpetuals);
        this.urls = new URI[perpetuals.size()];
        final String base = CatalogFields.base(restBase) + PRODUCT_PATH;
        for (int i = 0; i < urls.length; i++)
        {
            urls[i] = URI.create(base + URLEncoder.encode(perpetuals.get(i), StandardCharsets.UTF_8));
        }
        this.instrumentIds = new int[perpetuals.size()];
        for (int i = 0; i < instrumentIds.length; i++)
        {
            instrumentIds[i] = instruments.idOf(perpetuals.get(i));
            if (instrumentIds[i] < 0)
            {
                throw new IllegalArgumentException("mark poller: product " + perpetuals.get(i) + " is not traded by this run");
            }
        }
        this.lastFundingTime = new long[perpetuals.size()];
        this.lastRate = new long[perpetuals.size()];
        this.ring = ring;
        this.get = get;
        this.intervalNanos = intervalNanos;
        this.nanoTime = nanoTime;
        this.epochNanos = epochNanos;
    }

    @Override
    public String roleName()
    {
        return "peregrine-coinbase-marks";
    }

    @Override
    public int doWork()
    {
        final long now = nanoTime.getAsLong();
        if (now < nextPollNanoTime)
        {
            return 0;
        }
        nextPollNanoTime = now + intervalNanos;
        return poll();
    }

    /** One read of each perpetual's product answer and the events they give; returns the events published. */
    public int poll()
    {
        polls.incrementAndGet();
        int published = 0;
        for (int i = 0; i < urls.length; i++)
        {
            published += read(i);
        }
        return published;
    }

    private int read(final int index)
    {
        final String source = urls[index].toString();
        final String body;
        try
        {
            body = get.get(urls[index]);
        }
        catch (final IOException ex)
        {
            failures.incrementAndGet();
            lastFailure = source + ": " + ex.getMessage();
            return 0;
        }
        final long receiveNanoTime = nanoTime.getAsLong();
        final long receiveEpochNanos = epochNanos.getAsLong();
        try
        {
            final JsonNode product = CatalogFields.json(body, source);
            if (!IntxProductFields.isPerpetual(product))
            {
                throw new IllegalArgumentException(source + ": product " + perpetuals.get(index) + " is not a perpetual");
            }
            return publish(index, IntxProductFields.quote(product, source, perpetuals.get(index)), receiveEpochNanos,
                receiveNanoTime);
        }
        catch (final IllegalArgumentException ex)
        {
            failures.incrementAndGet();
            lastFailure = ex.getMessage();
            return 0;
        }
    }

    private int publish(final int index, final IntxFundingQuote quote, final long receiveEpochNanos, final long receiveNanoTime)
    {
        int published = 0;
        if (lastFundingTime[index] != 0 && quote.fundingTimeNanos() > lastFundingTime[index])
        {
            final long slot = ring.next();
            try
            {
                final InboundEvent event = ring.get(slot);
                MarketDataSlot.head(event, EventType.FUNDING_SETTLEMENT, instrumentIds[index], 0, lastFundingTime[index],
                    receiveEpochNanos, receiveNanoTime);
                event.fundingRate = lastRate[index];
                event.markPrice = quote.mark();
                event.fee = 0;
            }
            finally
            {
                InboundRing.publish(ring, slot);
            }
            settlements.incrementAndGet();
            published++;
        }
        lastFundingTime[index] = quote.fundingTimeNanos();
        lastRate[index] = quote.fundingRate();
        final long slot = ring.next();
        try
        {
            final InboundEvent event = ring.get(slot);
            MarketDataSlot.head(event, EventType.MARK_PRICE, instrumentIds[index], 0, receiveEpochNanos, receiveEpochNanos,
                receiveNanoTime);
            event.markPrice = quote.mark();
            event.indexPrice = quote.index();
            event.fundingRate = quote.fundingRate();
            event.nextFundingTimeNanos = quote.fundingTimeNanos();
        }
        finally
        {
            InboundRing.publish(ring, slot);
        }
        marks.incrementAndGet();
        return published + 1;
    }

    /** Poll rounds made so far (one read per perpetual each). Any thread. */
    public long polls()
    {
        return polls.get();
    }

    /** Product reads that failed (no answer, not the documented shape). Any thread. */
    public long failures()
    {
        return failures.get();
    }

    /** What the last failed read said; empty if none failed. Any thread. */
    public String lastFailure()
    {
        return lastFailure;
    }

    /** MARK_PRICE events published. Any thread. */
    public long marks()
    {
        return marks.get();
    }

    /** FUNDING_SETTLEMENT events published. Any thread. */
    public long settlements()
    {
        return settlements.get();
    }
}
