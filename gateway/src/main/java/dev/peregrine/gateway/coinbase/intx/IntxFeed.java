package dev.peregrine.gateway.coinbase.intx;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.agent.AgentThreads;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.coinbase.CoinbaseFeed;
import dev.peregrine.gateway.venue.FeedMetricsSink;
import dev.peregrine.gateway.venue.MarketDataFeed;
import org.HdrHistogram.SingleWriterRecorder;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingIdleStrategy;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Coinbase market data for a run that trades INTX perpetuals: the Advanced Trade WebSocket feed ({@link CoinbaseFeed},
 * books, trades and tickers of every product, perpetuals included, on the same channels) plus an
 * {@link IntxMarkPoller} that reads the perpetuals' marks and funding from their public product answers under the
 * REST base. Both publish into the same ring; the poller on its own thread.
 */
public final class IntxFeed implements MarketDataFeed
{
    /** A read a second, as Binance streams its marks. */
    public static final long DEFAULT_POLL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Duration READ_TIMEOUT = Duration.ofSeconds(5);

    private final CoinbaseFeed feed;
    private final URI restBase;
    private final List<String> perpetuals;
    private final long pollNanos;
    private final AgentErrors errors = new AgentErrors();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(READ_TIMEOUT).build();
    private IntxMarkPoller poller;
    private AgentRunner runner;

    /** @param perpetuals the products of the run that are INTX perpetuals ({@link IntxProducts#isPerpetual}). */
    public IntxFeed(final CoinbaseFeed feed, final URI restBase, final List<String> perpetuals, final long pollNanos)
    {
        if (perpetuals.isEmpty())
        {
            throw new IllegalArgumentException("an INTX feed needs at least one perpetual product");
        }
        this.feed = feed;
        this.restBase = restBase;
        this.perpetuals = List.copyOf(perpetuals);
        this.pollNanos = pollNanos;
    }

    @Override
    public String venue()
    {
        return feed.venue();
    }

    @Override
    public String endpoint()
    {
        return feed.endpoint();
    }

    @Override
    public void start(final RingBuffer<InboundEvent> ring, final InstrumentRegistry instruments)
    {
        poller = new IntxMarkPoller(restBase, perpetuals, instruments, ring, this::get, pollNanos, System::nanoTime,
            () -> System.currentTimeMillis() * 1_000_000L);
        feed.start(ring, instruments);
        runner = AgentThreads.start(poller, new SleepingIdleStrategy(TimeUnit.MILLISECONDS.toNanos(10)), errors);
    }

    /** The mark reader; null before {@link #start}. */
    public IntxMarkPoller poller()
    {
        return poller;
    }

    @Override
    public boolean isConnected()
    {
        return feed.isConnected();
    }

    @Override
    public long framesSeen()
    {
        return feed.framesSeen();
    }

    @Override
    public long heartbeats()
    {
        return feed.heartbeats();
    }

    @Override
    public long sequenceGaps()
    {
        return feed.sequenceGaps();
    }

    @Override
    public long duplicateTrades(final int instrumentId)
    {
        return feed.duplicateTrades(instrumentId);
    }

    @Override
    public long inputsDropped()
    {
        return feed.inputsDropped();
    }

    @Override
    public long venueErrorMessages()
    {
        return feed.venueErrorMessages();
    }

    @Override
    public Map<String, SingleWriterRecorder> recorders()
    {
        return feed.recorders();
    }

    @Override
    public void exportMetrics(final FeedMetricsSink out)
    {
        feed.exportMetrics(out);
        if (poller != null)
        {
            out.counter("peregrine_gateway_mark_polls", "Poll rounds of the perpetuals' product answers for marks and funding",
                poller.polls(), "venue", "coinbase");
            out.counter("peregrine_gateway_mark_poll_failures", "Reads of a perpetual's product answer that failed",
                poller.failures(), "venue", "coinbase");
        }
    }

    @Override
    public Map<String, Object> summary()
    {
        final Map<String, Object> summary = new LinkedHashMap<>(feed.summary());
        if (poller != null)
        {
            final Map<String, Object> marks = new LinkedHashMap<>();
            marks.put("polls", poller.polls());
            marks.put("marks", poller.marks());
            marks.put("funding_settlements", poller.settlements());
            marks.put("failures", poller.failures());
            summary.put("perpetual_marks", marks);
        }
        return summary;
    }

    @Override
    public void close()
    {
        if (runner != null)
        {
            runner.close();
        }
        feed.close();
    }

    private String get(final URI url) throws IOException
    {
        final HttpRequest request = HttpRequest.newBuilder(url).timeout(READ_TIMEOUT).header("Accept", "application/json")
            .GET().build();
        try
        {
            final HttpResponse<String> answer = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (answer.statusCode() / 100 != 2)
            {
                throw new IOException("HTTP " + answer.statusCode());
            }
            return answer.body();
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", ex);
        }
    }
}
