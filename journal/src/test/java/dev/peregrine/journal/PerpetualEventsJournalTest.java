package dev.peregrine.journal;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.testing.TestProducts;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** MARK_PRICE, FUNDING_SETTLEMENT and LIQUIDATION go through a real Chronicle journal and come back as written. */
class PerpetualEventsJournalTest
{
    private static final EngineSettings SETTINGS = EngineSettings.defaults(TestProducts.CATALOG, List.of("BTC-USD"), 1000);

    @TempDir
    Path dir;

    @Test
    void thePerpetualEventsComeBackAsWrittenWithTheirRecordLengths()
    {
        final InboundEvent mark = event(EventType.MARK_PRICE, 1);
        mark.markPrice = FixedPoint.parse("32156.71");
        mark.indexPrice = FixedPoint.parse("32170.05");
        mark.fundingRate = FixedPoint.parse("0.0001"); // 10000 scaled
        mark.nextFundingTimeNanos = 1_626_940_800_000_000_000L;
        final InboundEvent funding = event(EventType.FUNDING_SETTLEMENT, 2);
        funding.fundingRate = FixedPoint.parse("-0.00012345");
        funding.markPrice = FixedPoint.parse("32156.71");
        funding.fee = FixedPoint.parse("-1.25");
        final InboundEvent liquidation = event(EventType.LIQUIDATION, 3);
        liquidation.price = FixedPoint.parse("32001.5");
        liquidation.quantity = FixedPoint.parse("0.75");
        liquidation.side = Side.SELL;

        try (JournalWriter writer = JournalWriter.open(dir, SETTINGS))
        {
            writer.onEvent(mark, 0, true);
            writer.onEvent(funding, 1, true);
            writer.onEvent(liquidation, 2, true);
        }
        try (JournalReader reader = JournalReader.open(dir))
        {
            final InboundEvent slot = new InboundEvent();
            for (final InboundEvent expected : List.of(mark, funding, liquidation))
            {
                assertThat(reader.next(slot)).isTrue();
                assertThat(slot).usingRecursiveComparison().ignoringFields("orders").isEqualTo(expected);
            }
            assertThat(reader.next(slot)).isFalse();
        }
        assertThat(mark.fundingRate).isEqualTo(10_000L);
        // common part 39 + payload + checksum 8: MARK_PRICE 4 longs, FUNDING_SETTLEMENT 3, LIQUIDATION 3 longs and a side
        assertThat(EventRecordCodec.eventLength(EventType.MARK_PRICE)).isEqualTo(39 + 32 + 8);
        assertThat(EventRecordCodec.eventLength(EventType.FUNDING_SETTLEMENT)).isEqualTo(39 + 24 + 8);
        assertThat(EventRecordCodec.eventLength(EventType.LIQUIDATION)).isEqualTo(39 + 28 + 8);
    }

    private static InboundEvent event(final int type, final long n)
    {
        final InboundEvent e = new InboundEvent();
        e.type = type;
        e.instrumentId = 0;
        e.venueSequence = n;
        e.exchangeTimeNanos = 1_626_912_000_000_000_000L + n;
        e.eventTimeNanos = 1_626_912_000_100_000_000L + n;
        return e;
    }
}
