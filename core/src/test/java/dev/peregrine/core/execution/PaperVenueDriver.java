package dev.peregrine.core.execution;

import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.testing.CoreHarness;

/**
 * Drives a core's paper venue from a test as a strategy would: each order is submitted inside an event, so
 * the core drains the venue after it; and the one book the venue tests trade against.
 */
final class PaperVenueDriver
{
    static final int BTC = 0;

    private PaperVenueDriver()
    {
    }

    /** Runs {@code action} inside a CLOCK event, as a strategy callback would, so the core drains the venue. */
    static void inEvent(final CoreHarness h, final Runnable action)
    {
        final InboundEvent e = h.events.clock();
        h.core.execution().beginEvent(e);
        action.run();
        h.feed(h.events.clock());
    }

    static long market(final CoreHarness h, final int side, final String quantity)
    {
        final long[] id = new long[1];
        inEvent(h, () -> id[0] = h.core.execution().submitMarketOrder(BTC, side, q(quantity)));
        return id[0];
    }

    static long limit(final CoreHarness h, final int side, final String quantity, final String price)
    {
        final long[] id = new long[1];
        inEvent(h, () -> id[0] = h.core.execution().submitLimitOrder(BTC, side, q(quantity), q(price)));
        return id[0];
    }

    /** Bids 99.99 x 1, 99.98 x 2; asks 100.00 x 0.5, 100.01 x 1, 100.02 x 3. */
    static void book(final CoreHarness h)
    {
        h.bookSnapshot(BTC, "bid 99.99 1", "bid 99.98 2", "ask 100.00 0.5", "ask 100.01 1", "ask 100.02 3");
    }

    static long q(final String text)
    {
        return FixedPoint.parse(text);
    }
}
