package dev.peregrine.gateway.venue;

import com.lmax.disruptor.RingBuffer;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.OrderGateway;

import java.util.function.IntFunction;

/**
 * What every venue's {@link LiveVenue} does the same way around its own adapter: the ring its answers go to
 * ({@link RingVenueReports}), the counters, client order ids as {@code <prefix><orderId>}, and the outbound thread's
 * hand-over, where a full adapter queue becomes a refusal the core is told of without that thread ever waiting on the
 * ring it consumes. A live venue composes one and keeps only its venue's wiring (clients, adapter, user stream).
 */
public final class LiveOrderPath
{
    private final OrderAdapterMetrics metrics = new OrderAdapterMetrics();
    private final RingVenueReports reports = new RingVenueReports();

    private volatile String clientOrderPrefix;
    private volatile OrderGateway gateway;

    /** Answers go into {@code inbound} from now on; client order ids start with {@code prefix}. */
    public void attach(final RingBuffer<InboundEvent> inbound, final String prefix)
    {
        reports.attach(inbound);
        this.clientOrderPrefix = prefix;
    }

    /** Where {@link #send} hands orders: the venue's adapter, once built. */
    public void route(final OrderGateway adapter)
    {
        this.gateway = adapter;
    }

    /** The listener the venue's adapter reports to. */
    public RingVenueReports reports()
    {
        return reports;
    }

    public OrderAdapterMetrics metrics()
    {
        return metrics;
    }

    /** The client order id the venue knows order {@code orderId} by. */
    public String clientOrderId(final long orderId)
    {
        return clientOrderPrefix + orderId;
    }

    /** Outbound thread: the order's cause is on the journal; hand it to the adapter (never blocks). */
    public void send(final OrderCommand order)
    {
        final boolean cancel = order.action == OrderCommand.CANCEL;
        final OrderGateway adapter = gateway;
        if (!(cancel ? adapter.cancel(order.orderId) : adapter.submit(order, clientOrderId(order.orderId))))
        {
            // The adapter's queue is full: the core is told without this thread ever waiting on the ring it consumes.
            reports.refuse(order.orderId, cancel);
        }
    }

    /** Refusals the outbound thread could not publish because the ring was full. */
    public long refusalsNotDelivered()
    {
        return reports.refusalsNotDelivered();
    }

    /** Instrument id to the venue's symbol, null for an id the registry does not hold. */
    public static IntFunction<String> symbols(final InstrumentRegistry instruments)
    {
        return id -> id >= 0 && id < instruments.size() ? instruments.get(id).symbol() : null;
    }
}
