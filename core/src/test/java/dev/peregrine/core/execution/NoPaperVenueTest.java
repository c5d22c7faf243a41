package dev.peregrine.core.execution;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.market.MarketState;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderStore;
import dev.peregrine.core.risk.RejectReason;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Live mode's stand-in hash is exactly what a paper venue that never got an order contributed. */
class NoPaperVenueTest
{
    private static final VenueReports IGNORED = new VenueReports()
    {
        @Override
        public void onVenueAccepted(final Order order, final long timeNanos)
        {
        }

        @Override
        public void onVenueFill(final Order order, final long quantity, final long price, final Liquidity liquidity,
            final long timeNanos)
        {
        }

        @Override
        public void onVenueCancelled(final Order order, final long timeNanos)
        {
        }

        @Override
        public void onVenueRejected(final Order order, final RejectReason reason, final long timeNanos)
        {
        }
    };

    @Test
    void hashesAsAnIdlePaperVenueThatSawMarketData()
    {
        for (int instruments = 1; instruments <= 3; instruments++)
        {
            final MarketState market = new MarketState(instruments);
            final PaperVenue idle = new PaperVenue(market, new OrderStore(16), PaperVenueSettings.DEFAULT, IGNORED);
            // What live mode used to feed its paper venue: trades, book messages and time, never an order.
            market.onQuote(0, FixedPoint.parse("100"), FixedPoint.parse("1"), FixedPoint.parse("101"),
                FixedPoint.parse("1"), 0);
            idle.onMarketUpdate(0);
            idle.onTrade(0, FixedPoint.parse("100.5"), FixedPoint.parse("2"), Side.BUY, 1_000);
            idle.advanceTo(2_000);
            for (final long seed : new long[]{0L, 42L, -7L})
            {
                assertThat(NoPaperVenue.hash(seed, instruments)).as("%d instruments, seed %d", instruments, seed)
                    .isEqualTo(idle.hash(seed));
            }
        }
    }
}
