package dev.peregrine.journal;

import dev.peregrine.core.testing.TestProducts;
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
    private static final EngineSettings SETTINGS = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 1000);
    /** Every known type plus NONE and a code no reader knows: the journal records what the core saw, verbatim. */
    private static final int[] TYPES = {
        EventType.TRADE, EventType.QUOTE, EventType.CLOCK, EventType.BOOK_LEVEL, EventType.CANDLE,
        EventType.INSTRUMENT_INFO, EventType.FEED_STALE, EventType.FEED_GAP, EventType.FEED_RECOVERED, EventType.COMMAND, EventType.VENUE_ACCEPTED, EventType.VENUE_FILL,
        EventType.VENUE_UNKNOWN, EventType.MARK_PRICE, EventType.FUNDING_SETTLEMENT, EventType.LIQUIDATION,
        EventType.NONE, 42};
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

    /**
     * Configuration is an input: a journal reopened with other settings is no longer refused. Opening writes
     * nothing (the header stays the first run's); the restarting engine journals the change with
     * appendSettings, and a reader passes it as the settings in effect from that point, between the events.
     */
    @Test
    void reopeningWithDifferentSettingsContinuesAndTheChangeIsARecordBetweenTheEvents()
    {
        final MarketStream stream = new MarketStream(11);
        final InboundEvent e = new InboundEvent();
        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS))
        {
            for (int i = 0; i < 5; i++)
            {
                stream.next(e);
                writer.onEvent(e, i, true);
            }
        }
        final EngineSettings other = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 2000);
        try (JournalWriter writer = JournalWriter.open(dir, other))
        {
            assertThat(writer.header().settingsText()).isEqualTo(SETTINGS.encode());
            writer.appendSettings(other);
            for (int i = 0; i < 3; i++)
            {
                stream.next(e);
                writer.onEvent(e, i, true);
            }
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThat(reader.header().settingsDigest()).isEqualTo(SETTINGS.digest());
            final JournalSettings settings = reader.settings();
            for (int i = 0; i < 5; i++)
            {
                assertThat(reader.next(e)).isTrue();
                assertThat(settings.changes()).isZero();
                assertThat(settings.current().encode()).isEqualTo(SETTINGS.encode());
            }
            assertThat(reader.next(e)).isTrue(); // the sixth event, read past the SETTINGS record before it
            assertThat(settings.changes()).isEqualTo(1);
            assertThat(settings.current().encode()).isEqualTo(other.encode());
            assertThat(settings.currentDigest()).isEqualTo(other.digest());
            assertThat(reader.next(e)).isTrue();
            assertThat(reader.next(e)).isTrue();
            assertThat(reader.next(e)).isFalse();
            assertThat(reader.eventsRead()).isEqualTo(8);
        }
    }

    @Test
    void aDamagedSettingsRecordIsCorruptionNamingItsIndex()
    {
        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS))
        {
            writer.appendSettings(EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD", "ETH-USD"), 2000));
            final InboundEvent e = new InboundEvent();
            new MarketStream(3).next(e);
            writer.onEvent(e, 0, true);
        }
        // Flip one byte of the settings text inside the record: its checksum no longer matches.
        final java.nio.file.Path file;
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(dir))
        {
            file = files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
        flipFirst(file, "risk.maxPosition=".getBytes(java.nio.charset.StandardCharsets.UTF_8), 1);
        try (JournalReader reader = JournalReader.open(dir))
        {
            assertThatThrownBy(() -> reader.next(new InboundEvent()))
                .isInstanceOf(JournalException.class)
                .hasMessageContaining("record at index")
                .hasMessageContaining("checksum");
        }
    }

    /** Changes the byte after the {@code occurrence}-th (0-based) place {@code marker} appears in {@code file}. */
    private static void flipFirst(final java.nio.file.Path file, final byte[] marker, final int occurrence)
    {
        try
        {
            final byte[] bytes = java.nio.file.Files.readAllBytes(file);
            int seen = 0;
            for (int i = 0; i + marker.length < bytes.length; i++)
            {
                if (java.util.Arrays.equals(bytes, i, i + marker.length, marker, 0, marker.length) && seen++ == occurrence)
                {
                    bytes[i + marker.length] ^= 0x01;
                    java.nio.file.Files.write(file, bytes);
                    return;
                }
            }
            throw new AssertionError("marker not found " + (occurrence + 1) + " times in " + file);
        }
        catch (final java.io.IOException ex)
        {
            throw new java.io.UncheckedIOException(ex);
        }
    }

    /** Random values in exactly the fields the record layout keeps for the event's type. */
    private static void fillPayload(final InboundEvent e, final Random random)
    {
        final boolean any = !EventType.isKnown(e.type);
        final boolean venue = EventType.isVenueReport(e.type);
        if (any || venue)
        {
            e.orderId = random.nextLong();
            e.fee = random.nextLong();
        }
        if (e.type == EventType.MARK_PRICE)
        {
            e.markPrice = random.nextLong();
            e.indexPrice = random.nextLong();
            e.fundingRate = random.nextLong();
            e.nextFundingTimeNanos = random.nextLong();
        }
        if (e.type == EventType.FUNDING_SETTLEMENT)
        {
            e.fundingRate = random.nextLong();
            e.markPrice = random.nextLong();
            e.fee = random.nextLong();
        }
        if (e.type == EventType.LIQUIDATION)
        {
            e.price = random.nextLong();
            e.quantity = random.nextLong();
            e.side = random.nextInt();
            e.fee = random.nextLong();
        }
        if (any || venue || e.type == EventType.TRADE)
        {
            e.tradeId = random.nextLong();
        }
        if (any || venue || e.type == EventType.TRADE || e.type == EventType.QUOTE || e.type == EventType.BOOK_LEVEL)
        {
            e.price = random.nextLong();
        }
        if (any || venue || e.type == EventType.TRADE || e.type == EventType.BOOK_LEVEL ||
            e.type == EventType.INSTRUMENT_INFO)
        {
            e.quantity = random.nextLong();
        }
        if (any || e.type == EventType.TRADE || e.type == EventType.BOOK_LEVEL)
        {
            e.side = random.nextInt();
        }
        if (any || e.type == EventType.QUOTE)
        {
            e.bidPrice = random.nextLong();
            e.bidQuantity = random.nextLong();
            e.askPrice = random.nextLong();
            e.askQuantity = random.nextLong();
        }
        if (any || e.type == EventType.CANDLE)
        {
            e.open = random.nextLong();
            e.high = random.nextLong();
            e.low = random.nextLong();
            e.close = random.nextLong();
            e.volume = random.nextLong();
        }
        if (any || e.type == EventType.INSTRUMENT_INFO)
        {
            e.priceIncrement = random.nextLong();
            e.sizeIncrement = random.nextLong();
        }
        if (any || e.type == EventType.FEED_GAP)
        {
            e.expectedSequence = random.nextLong();
        }
        if (any || e.type == EventType.FEED_STALE)
        {
            e.staleNanos = random.nextLong();
        }
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
                e.flags = random.nextInt();
                fillPayload(e, random);
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
        max.flags = Integer.MIN_VALUE;
        max.open = max.high = max.low = max.close = max.volume = Long.MIN_VALUE;
        max.priceIncrement = max.sizeIncrement = max.expectedSequence = max.staleNanos = Long.MAX_VALUE;
        max.orderId = max.fee = Long.MIN_VALUE;
        events.add(max);
        return events;
    }
}
