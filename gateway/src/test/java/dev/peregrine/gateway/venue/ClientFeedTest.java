package dev.peregrine.gateway.venue;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.instrument.InstrumentRegistry;
import org.HdrHistogram.SingleWriterRecorder;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientFeedTest
{
    /** A client that records what was asked of it; its start fails when told to. */
    static final class RecordingClient implements AutoCloseable
    {
        boolean failStart;
        boolean started;
        boolean up;
        int closes;

        void start()
        {
            if (failStart)
            {
                throw new IllegalStateException("cannot connect");
            }
            started = true;
            up = true;
        }

        @Override
        public void close()
        {
            closes++;
            up = false;
        }
    }

    static final class RecordingFeed extends ClientFeed<RecordingClient>
    {
        final RecordingClient client = new RecordingClient();

        RecordingFeed()
        {
            super(RecordingClient::start, c -> c.up);
        }

        @Override
        protected RecordingClient create(final RingBuffer<InboundEvent> ring, final InstrumentRegistry instruments)
        {
            return client;
        }

        // The rest of MarketDataFeed does not concern the lifecycle.
        @Override public String venue() { return "test"; }
        @Override public String endpoint() { return "nowhere"; }
        @Override public long framesSeen() { return 0; }
        @Override public long heartbeats() { return 0; }
        @Override public long sequenceGaps() { return 0; }
        @Override public long inputsDropped() { return 0; }
        @Override public long venueErrorMessages() { return 0; }
        @Override public Map<String, SingleWriterRecorder> recorders() { return Map.of(); }
        @Override public void exportMetrics(final FeedMetricsSink out) { }
        @Override public Map<String, Object> summary() { return Map.of(); }
    }

    @Test
    void beforeTheStartItIsNotConnectedAndClosingDoesNothing()
    {
        final RecordingFeed feed = new RecordingFeed();
        assertThat(feed.isConnected()).isFalse();
        assertThat(feed.client()).isNull();
        feed.close();
        assertThat(feed.client.closes).isZero();
    }

    @Test
    void startedItAsksTheClientAndCloseClosesIt()
    {
        final RecordingFeed feed = new RecordingFeed();
        feed.start(null, null);
        assertThat(feed.client.started).isTrue();
        assertThat(feed.isConnected()).isTrue();
        feed.close();
        assertThat(feed.isConnected()).isFalse();
        assertThat(feed.client.closes).isEqualTo(1);
    }

    @Test
    void aClientWhoseStartFailedIsStillClosed()
    {
        final RecordingFeed feed = new RecordingFeed();
        feed.client.failStart = true;
        assertThatThrownBy(() -> feed.start(null, null)).hasMessage("cannot connect");
        feed.close();
        assertThat(feed.client.closes).isEqualTo(1);
    }
}
