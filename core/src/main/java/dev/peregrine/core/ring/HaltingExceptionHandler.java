package dev.peregrine.core.ring;

import com.lmax.disruptor.ExceptionHandler;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.metrics.SingleWriterCounter;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Replaces the Disruptor's default handler, which rethrows and so silently stops the consumer. This one
 * records the error, halts trading (the alert metric reads the trading state) and lets the consumer go
 * on: market data and the journal keep flowing, so nothing is lost while a person looks. (A failed journal
 * append is the exception: the ring's {@link JournalGate} then keeps every later input out of the core.)
 *
 * <p>Errors can come from several consumer threads, hence an atomic count rather than a
 * {@link SingleWriterCounter}.
 */
public final class HaltingExceptionHandler implements ExceptionHandler<InboundEvent>
{
    private final String stage;
    private final TradingSwitch tradingSwitch;
    private final AtomicLong errors = new AtomicLong();
    private final AtomicReference<Throwable> firstError = new AtomicReference<>();

    public HaltingExceptionHandler(final String stage, final TradingSwitch tradingSwitch)
    {
        this.stage = stage;
        this.tradingSwitch = tradingSwitch;
    }

    @Override
    public void handleEventException(final Throwable ex, final long sequence, final InboundEvent event)
    {
        errors.incrementAndGet();
        firstError.compareAndSet(null, ex);
        tradingSwitch.halt(stage + " failed at sequence " + sequence + ": " + ex);
    }

    @Override
    public void handleOnStartException(final Throwable ex)
    {
        errors.incrementAndGet();
        firstError.compareAndSet(null, ex);
        tradingSwitch.halt(stage + " failed to start: " + ex);
    }

    @Override
    public void handleOnShutdownException(final Throwable ex)
    {
        errors.incrementAndGet();
        firstError.compareAndSet(null, ex);
    }

    public String stage()
    {
        return stage;
    }

    public long errorCount()
    {
        return errors.get();
    }

    /** The first error, or null; its stack trace is for a log line off the hot path. */
    public Throwable firstError()
    {
        return firstError.get();
    }
}
