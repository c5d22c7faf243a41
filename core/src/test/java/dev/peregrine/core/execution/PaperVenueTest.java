package dev.peregrine.core.execution;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class PaperVenueTest
{
    private static final int BTC = 0;

    private static long submit(final CoreHarness h, final int side, final String quantity)
    {
        h.core.execution().beginEvent(h.events.clock());
        return h.core.execution().submitMarketOrder(BTC, side, dev.peregrine.core.number.FixedPoint.parse(quantity));
    }

    @Test
    void fillsAtTheTouchUpToTheDisplayedSizeAndCancelsTheRest()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "1", "1");
        h.feed(h.events.quote(BTC, "65083.66", "0.2", "65083.67", "0.005"));
        submit(h, Side.BUY, "0.02");
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 0.02",
            "FILL #1 i0 BUY 0.005 @ 65083.67",
            "CANCEL #1 i0 0.015");
    }

    @Test
    void liquidityTakenStaysTakenUntilTheNextQuote()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "1", "1");
        h.feed(h.events.quote(BTC, "100", "0.03", "101", "1"));
        submit(h, Side.SELL, "0.02");
        submit(h, Side.SELL, "0.02");
        h.feed(h.events.quote(BTC, "99", "0.5", "100", "1"));
        submit(h, Side.SELL, "0.02");
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 SELL 0.02",
            "FILL #1 i0 SELL 0.02 @ 100",
            "ORDER #2 i0 SELL 0.02",
            "FILL #2 i0 SELL 0.01 @ 100",
            "CANCEL #2 i0 0.01",
            "ORDER #3 i0 SELL 0.02",
            "FILL #3 i0 SELL 0.02 @ 99");
    }

    @Test
    void rejectsWhenThereIsNoOppositeQuote()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "1", "1");
        submit(h, Side.BUY, "0.01");
        assertThat(h.outputs.lines()).containsExactly("REJECT #1 i0 BUY 0.01 NO_MARKET");
    }

    @Test
    void rejectsQuantitiesOffTheSizeIncrement()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "1", "1");
        h.feed(h.events.quote(BTC, "100", "1", "101", "1"));
        submit(h, Side.BUY, "0");
        assertThat(h.outputs.lines()).containsExactly("REJECT #1 i0 BUY 0 INVALID_QUANTITY");
    }

    @Test
    void leavesTheOrderInTheCausingSlotForTheOutboundStage()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "1", "1");
        h.feed(h.events.quote(BTC, "100", "1", "101", "1"));
        final dev.peregrine.core.event.InboundEvent cause = h.events.clock();
        h.core.execution().beginEvent(cause);
        h.core.execution().submitMarketOrder(BTC, Side.BUY, dev.peregrine.core.number.FixedPoint.parse("0.01"));
        assertThat(cause.orderCount).isEqualTo(1);
        assertThat(cause.orders[0].orderId).isEqualTo(1);
        assertThat(cause.orders[0].side).isEqualTo(Side.BUY);
        assertThat(cause.orders[0].quantity).isEqualTo(dev.peregrine.core.number.FixedPoint.parse("0.01"));
    }
}
