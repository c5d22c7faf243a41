package dev.peregrine.cluster;

import dev.peregrine.core.event.EventDescriptor;
import dev.peregrine.core.event.EventField;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.journal.JournalException;
import dev.peregrine.shaded.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The cluster message of every event type carries exactly the journal record's fields, and bad bytes are refused. */
class EventMessageCodecTest
{
    private final EventMessageCodec writer = new EventMessageCodec();
    private final EventMessageCodec reader = new EventMessageCodec();

    @Test
    void everyEventTypeRoundTripsItsInputFields()
    {
        for (int type = EventType.TRADE; type <= EventType.LAST_KNOWN; type++)
        {
            final InboundEvent sent = filled(type);
            final int length = writer.encode(sent);
            final InboundEvent received = new InboundEvent();
            received.orderId = 99; // a stale slot: decoding clears what the type does not carry
            reader.decode(copy(length), 3, length, received);

            assertThat(received.type).isEqualTo(type);
            assertThat(received.instrumentId).isEqualTo(sent.instrumentId);
            assertThat(received.venueSequence).isEqualTo(sent.venueSequence);
            assertThat(received.exchangeTimeNanos).isEqualTo(sent.exchangeTimeNanos);
            assertThat(received.eventTimeNanos).isEqualTo(sent.eventTimeNanos);
            assertThat(received.flags).isEqualTo(sent.flags);
            final EventDescriptor descriptor = EventDescriptor.of(type);
            for (int i = 0; i < descriptor.fieldCount(); i++)
            {
                final EventField field = descriptor.field(i);
                assertThat(field.get(received)).as(EventType.name(type) + " " + field).isEqualTo(field.get(sent));
            }
        }
    }

    @Test
    void aDamagedOrOversizedMessageIsRefused()
    {
        final int length = writer.encode(filled(EventType.TRADE));
        final UnsafeBuffer damaged = copy(length);
        damaged.putByte(3 + 20, (byte)(damaged.getByte(3 + 20) ^ 1));
        assertThatThrownBy(() -> reader.decode(damaged, 3, length, new InboundEvent()))
            .isInstanceOf(JournalException.class);
        assertThatThrownBy(() -> reader.decode(new UnsafeBuffer(new byte[1024]), 0, 1024, new InboundEvent()))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no event record");
    }

    /** The encoded message at offset 3 of a larger buffer, as a log fragment lies in its term. */
    private UnsafeBuffer copy(final int length)
    {
        final UnsafeBuffer buffer = new UnsafeBuffer(new byte[length + 16]);
        buffer.putBytes(3, writer.buffer(), 0, length);
        return buffer;
    }

    private static InboundEvent filled(final int type)
    {
        final InboundEvent e = new InboundEvent();
        e.clearInputs();
        e.type = type;
        e.instrumentId = 1;
        e.venueSequence = 42;
        e.exchangeTimeNanos = 1_000;
        e.eventTimeNanos = 2_000;
        e.flags = 3;
        final EventDescriptor descriptor = EventDescriptor.of(type);
        for (int i = 0; i < descriptor.fieldCount(); i++)
        {
            final EventField field = descriptor.field(i);
            field.set(e, field.bytes() == 4 ? 1 + (i % 2) : 1_000_000L * (i + 7));
        }
        return e;
    }
}
