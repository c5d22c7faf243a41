package dev.peregrine.core.execution;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import static dev.peregrine.core.execution.PaperVenueDriver.BTC;
import static dev.peregrine.core.execution.PaperVenueDriver.book;
import static dev.peregrine.core.execution.PaperVenueDriver.limit;
import static dev.peregrine.core.execution.PaperVenueDriver.market;
import static dev.peregrine.core.execution.PaperVenueDriver.q;
import static org.assertj.core.api.Assertions.assertThat;

/** Each fill model drives the same market; the exact fills, cancels and acknowledgements are asserted. */
class PaperVenueFillModelTest
{
    private static final long MINUTE = 60_000_000_000L;

    private static CoreHarness venue(final FillModel model, final double participation, final long windowNanos,
        final double slippageBps)
    {
        return CoreHarness.btcEth(PaperVenueSettings.FRICTIONLESS.withFillModel(model, participation, windowNanos,
            slippageBps));
    }

    @Test
    void touchFillsOnlyTheDisplayedSizeAndCancelsTheRest()
    {
        final CoreHarness h = venue(FillModel.TOUCH, 0.25, MINUTE, 5);
        h.feed(h.events.quote(BTC, "65083.66", "0.2", "65083.67", "0.005"));
        market(h, Side.BUY, "0.02");
        h.feed(h.events.trade(BTC, "65083.70", "1", Side.SELL));
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 0.02",
            "FILL #1 i0 BUY 0.005 @ 65083.67",
            "CANCEL #1 i0 0.015");
    }

    @Test
    void volumeTakesTheTouchThenItsShareOfEachLaterTradeUntilDone()
    {
        final CoreHarness h = venue(FillModel.VOLUME, 0.25, MINUTE, 5);
        h.feed(h.events.quote(BTC, "65083.66", "0.2", "65083.67", "0.005"));
        final long id = market(h, Side.BUY, "0.02");
        h.feed(h.events.trade(BTC, "65083.70", "0.02", Side.SELL));   // a quarter: 0.005
        h.feed(h.events.trade(BTC, "65083.65", "0.1", Side.BUY));     // a quarter is 0.025; 0.01 is left
        h.feed(h.events.trade(BTC, "65083.60", "1", Side.BUY));       // nothing left to fill
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 0.02",
            "ACCEPTED #1",
            "FILL #1 i0 BUY 0.005 @ 65083.67",
            "FILL #1 i0 BUY 0.005 @ 65083.7",
            "FILL #1 i0 BUY 0.01 @ 65083.65");
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.FILLED);
        assertThat(h.core.execution().venue().workingCount()).isZero();
    }

    @Test
    void workingOrdersShareOneParticipationOldestFirst()
    {
        final CoreHarness h = venue(FillModel.VOLUME, 0.25, MINUTE, 5);
        h.feed(h.events.quote(BTC, "65083.66", "0.2", "65083.67", "0.005"));
        market(h, Side.BUY, "0.02");
        market(h, Side.BUY, "0.02");                                    // the touch is taken: it only works
        h.feed(h.events.trade(BTC, "65083.70", "0.04", Side.SELL));     // a quarter, 0.01, all to the first
        h.feed(h.events.trade(BTC, "65083.80", "0.08", Side.SELL));     // 0.02: 0.005 finishes #1, 0.015 to #2
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 0.02",
            "ACCEPTED #1",
            "FILL #1 i0 BUY 0.005 @ 65083.67",
            "ORDER #2 i0 BUY 0.02",
            "ACCEPTED #2",
            "FILL #1 i0 BUY 0.01 @ 65083.7",
            "FILL #1 i0 BUY 0.005 @ 65083.8",
            "FILL #2 i0 BUY 0.015 @ 65083.8");
    }

    @Test
    void volumeCancelsWhatIsLeftWhenTheWindowEnds()
    {
        final CoreHarness h = venue(FillModel.VOLUME, 0.5, 1_000_000_000L, 5);
        h.feed(h.events.quote(BTC, "65083.66", "0.2", "65083.67", "0.005"));
        final long id = market(h, Side.SELL, "0.5");
        h.feed(h.events.trade(BTC, "65083.60", "0.00000003", Side.BUY)); // half is 0.000000015: below the lot
        h.feed(h.events.trade(BTC, "65083.50", "0.4", Side.BUY));
        h.advanceMillis(999);                                            // still inside the window
        h.feed(h.events.trade(BTC, "65083.40", "0.2", Side.BUY));        // after it: too late
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 SELL 0.5",
            "ACCEPTED #1",
            "FILL #1 i0 SELL 0.2 @ 65083.66",
            "FILL #1 i0 SELL 0.00000001 @ 65083.6",
            "FILL #1 i0 SELL 0.2 @ 65083.5",
            "CANCEL #1 i0 0.09999999");
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.CANCELLED);
    }

    @Test
    void volumeKeepsWalkingTheRecordedBookOnEachBookMessage()
    {
        final CoreHarness h = venue(FillModel.VOLUME, 0.25, MINUTE, 5);
        book(h);
        market(h, Side.BUY, "5");
        h.bookUpdate(BTC, "ask 100.00 0", "ask 100.03 2");              // the venue refills behind the taken levels
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 5",
            "ACCEPTED #1",
            "FILL #1 i0 BUY 0.5 @ 100",
            "FILL #1 i0 BUY 1 @ 100.01",
            "FILL #1 i0 BUY 3 @ 100.02",
            "FILL #1 i0 BUY 0.5 @ 100.01");
    }

    @Test
    void unlimitedFillsTheWholeOrderAtTheTouchWorsenedByTheSlippage()
    {
        final CoreHarness h = venue(FillModel.UNLIMITED, 0.25, MINUTE, 10);
        h.feed(h.events.quote(BTC, "65083.66", "0.2", "65083.67", "0.005"));
        market(h, Side.BUY, "0.02");
        market(h, Side.SELL, "0.03");
        // 10 bps of 65083.67 is 65.08367, rounded away from us to the 0.01 increment: 65.09.
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 0.02",
            "FILL #1 i0 BUY 0.02 @ 65148.76",
            "ORDER #2 i0 SELL 0.03",
            "FILL #2 i0 SELL 0.03 @ 65018.57");
    }

    @Test
    void unlimitedWalksTheBookThenFillsTheRestPastItsLastLevel()
    {
        final CoreHarness h = venue(FillModel.UNLIMITED, 0.25, MINUTE, 5);
        book(h);
        market(h, Side.BUY, "5");
        // 5 bps of 100.02 is 0.05001: 0.06 on the grid.
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 5",
            "FILL #1 i0 BUY 0.5 @ 100",
            "FILL #1 i0 BUY 1 @ 100.01",
            "FILL #1 i0 BUY 3 @ 100.02",
            "FILL #1 i0 BUY 0.5 @ 100.08");
    }

    @Test
    void aRestingBidFillsWhenTheBookMovesThroughItWithoutATrade()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "10", "10");   // the touch model: the fix is for every model
        book(h);
        final long id = limit(h, Side.BUY, "0.5", "99.99");
        assertThat(h.core.execution().venue().queueAheadOf(id)).isEqualTo(q("1"));
        h.bookUpdate(BTC, "bid 99.99 0", "ask 99.99 0.3");               // sellers reach our price: 0.3 of the
        assertThat(h.core.execution().venue().queueAheadOf(id)).isEqualTo(q("0.7")); // 1 ahead
        h.bookUpdate(BTC, "bid 99.98 0", "bid 99.90 1", "ask 99.99 0", "ask 99.95 2"); // then through it: 2 crossing,
        assertThat(h.outputs.lines()).containsExactly(                   // 1.7 of it new: 0.7 ahead, then ours
            "ORDER #1 i0 BUY 0.5 LIMIT @ 99.99",
            "ACCEPTED #1",
            "FILL #1 i0 BUY 0.5 @ 99.99");
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.FILLED);
    }

    @Test
    void aRestingAskDoesNotFillWhileTheBookStaysAwayFromIt()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "10", "10");
        book(h);
        final long id = limit(h, Side.SELL, "0.5", "100.05");
        h.bookUpdate(BTC, "bid 100.04 1");                              // close, not at our price
        assertThat(h.outputs.lines()).containsExactly("ORDER #1 i0 SELL 0.5 LIMIT @ 100.05", "ACCEPTED #1");
        h.bookUpdate(BTC, "ask 100.00 0", "ask 100.01 0", "ask 100.02 0", "ask 100.06 1", "bid 100.05 0.4");
        assertThat(h.outputs.lines()).endsWith("FILL #1 i0 SELL 0.4 @ 100.05");
        h.bookUpdate(BTC, "ask 100.07 1");                              // the same bid still there: not more liquidity
        h.bookUpdate(BTC, "bid 100.05 0.5");                            // 0.1 more crossing size: 0.1 more for us
        assertThat(h.outputs.lines()).containsExactly("ORDER #1 i0 SELL 0.5 LIMIT @ 100.05", "ACCEPTED #1",
            "FILL #1 i0 SELL 0.4 @ 100.05", "FILL #1 i0 SELL 0.1 @ 100.05");
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.FILLED);
    }
}
