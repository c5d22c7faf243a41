package dev.peregrine.gateway.feed;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.gateway.GatewayMetrics;
import dev.peregrine.gateway.testing.RecordingRing;
import dev.peregrine.gateway.ws.ReconnectBackoff;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The exact feed-health events for gaps, snapshots, data and staleness, and the backoff's bounds. */
class FeedHealthMonitorTest
{
    private final RecordingRing recording = new RecordingRing(1024);
    private final GatewayMetrics metrics = new GatewayMetrics();
    // Instrument 0 has a book (level2), instrument 1 trades on quotes only.
    private final FeedHealthMonitor monitor = new FeedHealthMonitor(
        recording.ring(), metrics, new int[] {0, 1}, new boolean[] {true, false}, 1_000L, 0L);

    @Test
    void aGapRecoversABookOnItsSnapshotAndAQuotesOnlyInstrumentOnData()
    {
        monitor.onSequenceGap(17, 12);
        monitor.onData(0, 10); // data alone does not repair a book
        monitor.onData(1, 10);
        monitor.onSnapshotApplied(0);

        assertThat(summary()).containsExactly("FEED_GAP 0 17/12", "FEED_GAP 1 17/12", "FEED_RECOVERED 1", "FEED_RECOVERED 0");
        assertThat(metrics.recoveringInstruments()).isZero();
    }

    @Test
    void staleOnceThenRecoveredByData()
    {
        monitor.onData(0, 100);
        monitor.checkStaleness(1_100); // 0 is exactly at the threshold (not stale), 1 (no data since 0) is past it
        monitor.checkStaleness(1_101);
        monitor.checkStaleness(5_000); // already stale: not published again
        monitor.onData(0, 5_001);

        assertThat(summary()).containsExactly("FEED_STALE 1 1100", "FEED_STALE 0 1001", "FEED_RECOVERED 0");
        assertThat(metrics.staleEpisodes()).isEqualTo(2);
        assertThat(metrics.staleInstruments()).isEqualTo(1);
    }

    @Test
    void aLostConnectionGapsEveryInstrumentWithExpectedZero()
    {
        monitor.onConnectionLost();
        monitor.checkStaleness(1_000_000); // waiting for recovery: not also stale
        assertThat(summary()).containsExactly("FEED_GAP 0 0/0", "FEED_GAP 1 0/0");
    }

    @Test
    void backoffDoublesWithJitterUpToTheMaxAndResets()
    {
        final ReconnectBackoff backoff = new ReconnectBackoff(Duration.ofMillis(100), Duration.ofSeconds(30), 7);
        long ceiling = 100_000_000L;
        for (int i = 0; i < 20; i++)
        {
            final long delay = backoff.nextDelayNanos();
            assertThat(delay).isBetween(ceiling / 2, ceiling);
            ceiling = Math.min(ceiling * 2, 30_000_000_000L);
        }
        backoff.reset();
        assertThat(backoff.nextDelayNanos()).isBetween(50_000_000L, 100_000_000L);
    }

    private List<String> summary()
    {
        return recording.drain().stream().map(FeedHealthMonitorTest::describe).toList();
    }

    private static String describe(final InboundEvent e)
    {
        switch (e.type)
        {
            case EventType.FEED_GAP: return "FEED_GAP " + e.instrumentId + " " + e.venueSequence + "/" + e.expectedSequence;
            case EventType.FEED_STALE: return "FEED_STALE " + e.instrumentId + " " + e.staleNanos;
            default: return EventType.name(e.type) + " " + e.instrumentId;
        }
    }
}
