package dev.peregrine.bench.handoff;

import com.lmax.disruptor.BatchEventProcessor;
import com.lmax.disruptor.BatchEventProcessorBuilder;
import com.lmax.disruptor.EventHandler;
import com.lmax.disruptor.ExceptionHandler;
import com.lmax.disruptor.RingBuffer;
import com.lmax.disruptor.WaitStrategy;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;

/**
 * The inbound hand-off as the engine does it: a single-producer {@link RingBuffer} of pre-allocated
 * {@link InboundEvent} slots, consumed by one {@link BatchEventProcessor} on its own thread. The producer
 * claims a slot, fills it in place and publishes it: no allocation per event.
 *
 * <p>Single producer, because the benchmark has one producer thread; the engine's ring is
 * {@code ProducerType.MULTI} only because several threads publish to it.
 */
public final class DisruptorHandoff extends Handoff
{
    private final RingBuffer<InboundEvent> ringBuffer;
    private final BatchEventProcessor<InboundEvent> processor;
    private final Thread consumerThread;

    public DisruptorHandoff(final int capacity, final WaitStrategy waitStrategy)
    {
        if (Integer.bitCount(capacity) != 1)
        {
            throw new IllegalArgumentException("ring capacity must be a power of two, was " + capacity);
        }
        ringBuffer = RingBuffer.createSingleProducer(InboundEvent::new, capacity, waitStrategy);
        final Consumer consumer = new Consumer();
        processor = new BatchEventProcessorBuilder().build(ringBuffer, ringBuffer.newBarrier(), consumer);
        processor.setExceptionHandler(consumer);
        ringBuffer.addGatingSequences(processor.getSequence());
        consumerThread = newConsumerThread(processor, "disruptor-consumer");
    }

    @Override
    public void start()
    {
        consumerThread.start();
    }

    @Override
    protected void publish(final long sequence)
    {
        final long slot = ringBuffer.next();
        final InboundEvent event = ringBuffer.get(slot);
        // Every field the consumer reads is overwritten, so no clearInputs() is needed here.
        event.type = EventType.TRADE;
        event.instrumentId = HandoffPayload.INSTRUMENT_ID;
        event.venueSequence = sequence;
        event.eventTimeNanos = sequence;
        event.price = HandoffPayload.price(sequence);
        event.quantity = HandoffPayload.quantity(sequence);
        event.side = Side.BUY;
        ringBuffer.publish(slot);
    }

    @Override
    public void close()
    {
        // halt() alerts the barrier; the processor finishes the batch it is in and returns from run().
        processor.halt();
        join(consumerThread);
    }

    /**
     * The consumer: reads the slot, never keeps a reference to it (the producer reuses it). Also its exception
     * handler, replacing the Disruptor's default, which would stop the consumer and leave the producer waiting
     * forever: a failure is handed to the producer, which fails with the cause.
     */
    private final class Consumer implements EventHandler<InboundEvent>, ExceptionHandler<InboundEvent>
    {
        /** A final field of its own: the read per event stays one load, as in a handler the engine would write. */
        private final ConsumedEvents events = consumed;

        @Override
        public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
        {
            events.onEvent(event.venueSequence, event.price, event.quantity);
        }

        @Override
        public void handleEventException(final Throwable ex, final long sequence, final InboundEvent event)
        {
            onConsumerFailure(ex);
            throw new IllegalStateException("consumer failed at ring sequence " + sequence, ex);
        }

        @Override
        public void handleOnStartException(final Throwable ex)
        {
            onConsumerFailure(ex);
        }

        @Override
        public void handleOnShutdownException(final Throwable ex)
        {
            onConsumerFailure(ex);
        }
    }
}
