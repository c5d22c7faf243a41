package dev.peregrine.core.event;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class EventDescriptorTest
{
    @Test
    void everyKnownCodeHasItsOwnDescriptorWithTheDocumentedPayloadLength()
    {
        // the payload table of JournalRecordCodec's Javadoc: part of the journal format
        final int[] documented = {0, 28, 40, 0, 20, 40, 24, 8, 8, 0, 0, 40, 40, 40, 40, 40, 40, 32, 24, 28};
        for (int type = EventType.TRADE; type <= EventType.LAST_KNOWN; type++)
        {
            final EventDescriptor d = EventDescriptor.of(type);
            assertThat(d.type()).isEqualTo(type);
            assertThat(d.name()).isEqualTo(EventType.name(type));
            assertThat(d.payloadBytes()).as(d.name()).isEqualTo(documented[type]);
        }
    }

    @Test
    void anUnknownCodeRecordsEveryInputFieldOfFormat4()
    {
        final EventDescriptor d = EventDescriptor.of(99);
        // every field up to FEE: the perpetual fields came later, and the fallback layout stays as journals have it
        assertThat(d.fieldCount()).isEqualTo(EventField.FEE.ordinal() + 1);
        assertThat(d.payloadBytes()).isEqualTo(148);
        assertThat(EventType.name(99)).isEqualTo("UNKNOWN(99)");
        assertThat(EventType.name(EventType.NONE)).isEqualTo("NONE");
    }

    @Test
    void everyFieldReadsBackWhatWasSet()
    {
        final InboundEvent e = new InboundEvent();
        long value = 1;
        for (final EventField field : EventField.values())
        {
            field.set(e, value);
            assertThat(field.get(e)).as(field.name()).isEqualTo(value);
            value++;
        }
        assertThat(e.fee).isEqualTo(EventField.FEE.ordinal() + 1);
        assertThat(e.nextFundingTimeNanos).isEqualTo(EventField.values().length);
        assertThat(e.side).isEqualTo(EventField.SIDE.ordinal() + 1);
    }

    @Test
    void thePerpetualEventsRecordTheirFieldsInTheDocumentedOrder()
    {
        assertThat(fields(EventType.MARK_PRICE)).containsExactly(EventField.MARK_PRICE, EventField.INDEX_PRICE,
            EventField.FUNDING_RATE, EventField.NEXT_FUNDING_TIME);
        assertThat(fields(EventType.FUNDING_SETTLEMENT)).containsExactly(EventField.FUNDING_RATE, EventField.MARK_PRICE,
            EventField.FEE);
        assertThat(fields(EventType.LIQUIDATION)).containsExactly(EventField.PRICE, EventField.QUANTITY, EventField.SIDE,
            EventField.FEE);
        assertThat(EventType.isKnown(EventType.LIQUIDATION)).isTrue();
        assertThat(EventType.isKnown(EventType.LIQUIDATION + 1)).isFalse();
        assertThat(EventType.isPerpetual(EventType.MARK_PRICE)).isTrue();
        assertThat(EventType.isPerpetual(EventType.VENUE_FILL)).isFalse();
    }

    private static List<EventField> fields(final int type)
    {
        final EventDescriptor d = EventDescriptor.of(type);
        final List<EventField> fields = new ArrayList<>();
        for (int i = 0; i < d.fieldCount(); i++)
        {
            fields.add(d.field(i));
        }
        return fields;
    }

    @Test
    void visitHandsTheFieldsInRecordOrderByKind()
    {
        final InboundEvent e = new InboundEvent();
        e.type = EventType.TRADE;
        e.tradeId = 7;
        e.price = 100;
        e.quantity = 3;
        e.side = Side.SELL;
        final List<String> seen = new ArrayList<>();
        EventDescriptor.of(e.type).visit(e, new EventFieldVisitor()
        {
            @Override
            public void decimal(final String fieldName, final long scaled)
            {
                seen.add("decimal " + fieldName + "=" + scaled);
            }

            @Override
            public void integer(final String fieldName, final long value)
            {
                seen.add("integer " + fieldName + "=" + value);
            }

            @Override
            public void side(final String fieldName, final int side)
            {
                seen.add("side " + fieldName + "=" + Side.name(side));
            }
        });
        assertThat(seen).containsExactly("integer trade_id=7", "decimal price=100", "decimal quantity=3",
            "side side=SELL");
    }
}
