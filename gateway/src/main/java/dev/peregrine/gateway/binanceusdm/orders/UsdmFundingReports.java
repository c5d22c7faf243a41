package dev.peregrine.gateway.binanceusdm.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.ring.InboundRing;
import dev.peregrine.core.time.EpochClock;
import dev.peregrine.gateway.MarketDataSlot;
import dev.peregrine.gateway.binance.orders.BinanceAnswer;
import dev.peregrine.gateway.binance.orders.BinanceOrderClient;
import dev.peregrine.gateway.orders.RequestOutcome;

import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.ToIntFunction;

/**
 * Turns the venue's funding payments into FUNDING_SETTLEMENT events, journaled like every input: on each
 * {@code ACCOUNT_UPDATE} with reason {@code FUNDING_FEE} it reads {@code GET /fapi/v1/income?incomeType=FUNDING_FEE}
 * from the last payment seen on, and publishes each new row ({@code tranId} above the last) for its symbol's
 * instrument with {@code fee} = the payment as the venue booked it, positive = paid (the row's {@code income} is
 * positive when received), so the core books the venue's figure rather than its own. The row names no rate or mark:
 * both are left 0. Payments before this path started are not read (the engine was not holding the position then, as
 * far as its journal knows).
 *
 * <p>One daemon thread ({@code peregrine-binance-usdm-funding}) runs the reads one after another.
 */
final class UsdmFundingReports implements AutoCloseable
{
    private final BinanceOrderClient client;
    private final ToIntFunction<String> instrumentOf;
    private final EpochClock clock = new EpochClock();
    /** A failed read is tried again this often, at most {@link #RETRIES} times: no later funding fee may come to trigger it. */
    private static final long RETRY_MILLIS = 1_000;
    private static final int RETRIES = 60;

    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(r ->
    {
        final Thread t = new Thread(r, "peregrine-binance-usdm-funding");
        t.setDaemon(true);
        return t;
    });
    private final AtomicLong published = new AtomicLong();
    private volatile RingBuffer<InboundEvent> ring;
    private long sinceMillis;
    private long lastTranId = -1;

    /** @param instrumentOf the instrument id of a venue symbol, -1 for one the engine does not trade. */
    UsdmFundingReports(final BinanceOrderClient client, final ToIntFunction<String> instrumentOf)
    {
        this.client = client;
        this.instrumentOf = instrumentOf;
    }

    /** Payments from {@code sinceMillis} on go into {@code inbound}. */
    void attach(final RingBuffer<InboundEvent> inbound, final long sinceMillis)
    {
        this.ring = inbound;
        this.sinceMillis = sinceMillis;
    }

    /** From any thread: a funding fee was booked; read what it was on the funding thread. */
    void onFundingFee()
    {
        thread.execute(() -> read(0));
    }

    /** Reads the payments since {@link #attach}'s time now and waits for them to be published (at start, while down). */
    void catchUp()
    {
        try
        {
            thread.submit(() -> read(0)).get();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
        }
        catch (final java.util.concurrent.ExecutionException ex)
        {
            System.err.println("peregrine: Binance USD-M funding while the engine was down not read: " + ex.getCause());
        }
    }

    /** FUNDING_SETTLEMENT events published so far. */
    long published()
    {
        return published.get();
    }

    private void read(final int attempt)
    {
        final BinanceAnswer answer = client.signedCall("GET", UsdmRest.INCOME,
            "incomeType=FUNDING_FEE&startTime=" + sinceMillis + "&limit=1000", true).join();
        if (answer.status().outcome() != RequestOutcome.OK || !answer.json().isArray())
        {
            // Read again from the same point: the position may be closed now, so no funding fee would ask again.
            if (attempt < RETRIES && !thread.isShutdown())
            {
                thread.schedule(() -> read(attempt + 1), RETRY_MILLIS, TimeUnit.MILLISECONDS);
            }
            else
            {
                System.err.println("peregrine: Binance USD-M income (funding) unreadable after " + RETRIES + " tries: " +
                    answer.status() + "; the engine keeps its own funding figures");
            }
            return;
        }
        for (final JsonNode row : answer.json())
        {
            final long tranId = row.path("tranId").asLong(-1);
            final int instrument = instrumentOf.applyAsInt(row.path("symbol").asText(""));
            final long income = FixedPoint.parse(row.path("income").asText(""));
            if (tranId <= lastTranId || FixedPoint.isError(income))
            {
                continue;
            }
            lastTranId = tranId;
            sinceMillis = Math.max(sinceMillis, row.path("time").asLong());
            if (instrument >= 0)
            {
                publish(instrument, -income, row.path("time").asLong(), tranId);
            }
        }
    }

    private void publish(final int instrumentId, final long paid, final long timeMillis, final long tranId)
    {
        final RingBuffer<InboundEvent> target = ring;
        final long sequence = target.next();
        try
        {
            final InboundEvent event = target.get(sequence);
            final long receiveNanoTime = System.nanoTime();
            MarketDataSlot.head(event, EventType.FUNDING_SETTLEMENT, instrumentId, tranId, timeMillis * 1_000_000L,
                clock.epochNanosAt(receiveNanoTime), receiveNanoTime);
            event.fee = paid;
        }
        finally
        {
            InboundRing.publish(target, sequence);
        }
        published.incrementAndGet();
    }

    @Override
    public void close()
    {
        thread.shutdownNow();
    }
}
