package dev.peregrine.journal;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.EngineVersion;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JournalRoundTripTest
{
    private static final EngineSettings SETTINGS = EngineSettings.defaults(List.of("BTC-USD", "ETH-USD"), 1000);
    /** Known types plus NONE and a code no reader knows: the journal records what the core saw, verbatim. */
    private static final int[] TYPES = {EventType.TRADE, EventType.QUOTE, EventType.CLOCK, EventType.NONE, 42};
    private static final int PER_TYPE = 200;

    @TempDir
    Path dir;

    @Test
    void everyFieldOfEveryEventTypeComesBackAsWritten()
    {
        final List<InboundEvent> written = randomEvents(new Random(7));
        final long before = System.currentTimeMillis() * 1_000_000L;
        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS))
        {
            long sequence = 0;
            for (final InboundEvent e : written)
            {
                writer.onEvent(e, sequence++, false);
            }
            assertThat(writer.eventsWritten()).isEqualTo(written.size());
        }

        try (JournalReader reader = JournalReader.open(dir))
        {
            final JournalHeader header = reader.header();
            assertThat(header.formatVersion()).isEqualTo(JournalRecordCodec.FORMAT_VERSION);
            assertThat(header.engineVersion()).isEqualTo(EngineVersion.VERSION);
            assertThat(header.settingsText()).isEqualTo(SETTINGS.encode());
            assertThat(header.settingsDigest()).isEqualTo(SETTINGS.digest());
            assertThat(header.createdEpochNanos()).isBetween(before - 1_000_000_000L, System.currentTimeMillis() * 1_000_000L + 1_000_000_000L);

            final InboundEvent slot = new InboundEvent();
            for (final InboundEvent expected : written)
            {
                slot.receiveNanoTime = 99; // must be reset: it is not journaled
                slot.orderCount = 3;
                assertThat(reader.next(slot)).isTrue();
                assertThat(slot).usingRecursiveComparison()
                    .ignoringFields("receiveNanoTime", "orderCount", "orders")
                    .isEqualTo(expected);
                assertThat(slot.receiveNanoTime).isZero();
                assertThat(slot.orderCount).isZero();
            }
            assertThat(reader.next(slot)).isFalse();
            assertThat(reader.eventsRead()).isEqualTo(written.size());
        }
    }

    @Test
    void reopeningWithTheSameSettingsAppendsAfterTheFirstSession()
    {
        final MarketStream stream = new MarketStream(3);
        final InboundEvent e = new InboundEvent();
        final List<Long> times = new ArrayList<>();
        for (int session = 0; session < 2; session++)
        {
            try (JournalWriter writer = JournalWriter.open(dir, SETTINGS))
            {
                for (int i = 0; i < 50; i++)
                {
                    stream.next(e);
                    times.add(e.eventTimeNanos);
                    writer.onEvent(e, i, true);
                }
                assertThat(writer.eventsWritten()).isEqualTo(50);
            }
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            for (final long time : times)
            {
                assertThat(reader.next(e)).isTrue();
                assertThat(e.eventTimeNanos).isEqualTo(time);
            }
            assertThat(reader.next(e)).isFalse();
        }
    }

    @Test
    void reopeningWithDifferentSettingsIsRefused()
    {
        JournalWriter.open(dir, SETTINGS).close();
        final EngineSettings other = EngineSettings.defaults(List.of("BTC-USD", "ETH-USD"), 2000);
        assertThatThrownBy(() -> JournalWriter.open(dir, other))
            .isInstanceOf(JournalException.class)
            .hasMessageContaining(dir.toString())
            .hasMessageContaining("different settings");
    }

    private static List<InboundEvent> randomEvents(final Random random)
    {
        final List<InboundEvent> events = new ArrayList<>();
        for (int i = 0; i < PER_TYPE; i++)
        {
            for (final int type : TYPES)
            {
                final InboundEvent e = new InboundEvent();
                e.type = type;
                e.instrumentId = random.nextInt();
                e.venueSequence = random.nextLong();
                e.exchangeTimeNanos = random.nextLong();
                e.eventTimeNanos = random.nextLong();
                e.tradeId = random.nextLong();
                e.price = random.nextLong();
                e.quantity = random.nextLong();
                e.side = random.nextInt();
                e.bidPrice = random.nextLong();
                e.bidQuantity = random.nextLong();
                e.askPrice = random.nextLong();
                e.askQuantity = random.nextLong();
                events.add(e);
            }
        }
        // The extremes too, so no field is narrowed or sign-mangled on the way.
        final InboundEvent max = new InboundEvent();
        max.type = Integer.MAX_VALUE;
        max.instrumentId = Integer.MIN_VALUE;
        max.venueSequence = max.exchangeTimeNanos = max.eventTimeNanos = max.tradeId = Long.MAX_VALUE;
        max.price = max.quantity = max.bidPrice = max.bidQuantity = max.askPrice = max.askQuantity = Long.MIN_VALUE;
        max.side = -1;
        events.add(max);
        return events;
    }
}
