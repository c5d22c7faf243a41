package dev.peregrine.core.execution;

import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import static dev.peregrine.core.execution.PaperVenueDriver.BTC;
import static dev.peregrine.core.execution.PaperVenueDriver.book;
import static dev.peregrine.core.execution.PaperVenueDriver.inEvent;
import static dev.peregrine.core.execution.PaperVenueDriver.limit;
import static dev.peregrine.core.execution.PaperVenueDriver.market;
import static dev.peregrine.core.execution.PaperVenueDriver.q;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class PaperVenueTest
{
    @Test
    void withoutABookAMarketOrderTakesTheTouchUpToTheDisplayedSize()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "1", "1");
        h.feed(h.events.quote(BTC, "65083.66", "0.2", "65083.67", "0.005"));
        market(h, Side.BUY, "0.02");
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 0.02",
            "FILL #1 i0 BUY 0.005 @ 65083.67",
            "CANCEL #1 i0 0.015");
    }

    @Test
    void aMarketOrderWalksTheBookAndPaysTheSlippage()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "10", "10");
        book(h);
        market(h, Side.BUY, "2");
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 2",
            "FILL #1 i0 BUY 0.5 @ 100",
            "FILL #1 i0 BUY 1 @ 100.01",
            "FILL #1 i0 BUY 0.5 @ 100.02");
        assertThat(h.core.positions().averagePrice(BTC)).isCloseTo(100.01, within(1e-9));
        assertThat(h.core.execution().orders().get(1).state()).isEqualTo(OrderState.FILLED);
    }

    @Test
    void liquidityTakenStaysTakenUntilTheNextBookMessage()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "10", "10");
        book(h);
        market(h, Side.BUY, "1");
        market(h, Side.BUY, "1");
        h.bookUpdate(BTC, "ask 100.00 0.5");                       // the venue re-displays the level
        market(h, Side.BUY, "0.5");
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 1",
            "FILL #1 i0 BUY 0.5 @ 100",
            "FILL #1 i0 BUY 0.5 @ 100.01",
            "ORDER #2 i0 BUY 1",
            "FILL #2 i0 BUY 0.5 @ 100.01",
            "FILL #2 i0 BUY 0.5 @ 100.02",
            "ORDER #3 i0 BUY 0.5",
            "FILL #3 i0 BUY 0.5 @ 100");
    }

    @Test
    void aRestingLimitWaitsBehindTheVisibleQueueThenFillsOnTradesAtItsPrice()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "10", "10");
        book(h);
        final long id = limit(h, Side.BUY, "0.5", "99.99");
        assertThat(h.core.execution().venue().queueAheadOf(id)).isEqualTo(q("1"));

        h.feed(h.events.trade(BTC, "99.99", "0.7", Side.BUY));   // eats 0.7 of the 1 ahead
        h.feed(h.events.trade(BTC, "99.99", "0.5", Side.SELL));  // the maker was a seller: not our queue
        h.feed(h.events.trade(BTC, "99.99", "0.4", Side.BUY));   // 0.3 ahead left, then 0.1 for us
        h.feed(h.events.trade(BTC, "99.97", "5", Side.BUY));     // prints through our price: the rest is ours
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 0.5 LIMIT @ 99.99",
            "ACCEPTED #1",
            "FILL #1 i0 BUY 0.1 @ 99.99",
            "FILL #1 i0 BUY 0.4 @ 99.99");
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.FILLED);
    }

    @Test
    void aMarketableLimitTakesUpToItsPriceAndRestsTheRest()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "10", "10");
        book(h);
        final long id = limit(h, Side.BUY, "2", "100.01");
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 2 LIMIT @ 100.01",
            "ACCEPTED #1",
            "FILL #1 i0 BUY 0.5 @ 100",
            "FILL #1 i0 BUY 1 @ 100.01");
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.PARTIALLY_FILLED);
        assertThat(h.core.execution().venue().restingCount()).isEqualTo(1);
    }

    @Test
    void aFillOrKillLimitFillsWholeWhenTheBookHoldsAllOfItAtItsPrice()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "10", "10");
        book(h);
        final long id = fok(h, "1.5", "100.01");
        assertThat(h.outputs.lines()).filteredOn(line -> !line.startsWith("ORDER")).containsExactly(
            "FILL #1 i0 BUY 0.5 @ 100",
            "FILL #1 i0 BUY 1 @ 100.01");
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.FILLED);
        assertThat(h.core.execution().venue().restingCount()).isZero();
    }

    @Test
    void aFillOrKillLimitTheBookCannotFillWholeIsCancelledWithNothingTaken()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "10", "10");
        book(h);
        final long id = fok(h, "2", "100.01");                     // 1.5 at 100.01 or better: not enough
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.CANCELLED);
        assertThat(h.core.execution().orders().get(id).filledQuantity()).isZero();
        assertThat(h.core.execution().venue().restingCount()).isZero();
        market(h, Side.BUY, "0.5");                                 // the book is untouched: the best level is still there
        assertThat(h.outputs.lines()).filteredOn(line -> line.startsWith("FILL")).containsExactly(
            "FILL #2 i0 BUY 0.5 @ 100");
    }

    private static long fok(final CoreHarness h, final String quantity, final String price)
    {
        final long[] id = new long[1];
        inEvent(h, () -> id[0] = h.core.execution().submitLimitFokOrder(BTC, Side.BUY, q(quantity), q(price)));
        return id[0];
    }

    @Test
    void cancelsArriveAfterTheCancelLatencyAndFillsCanRaceThem()
    {
        final CoreHarness h = CoreHarness.btcEth(new PaperVenueSettings(10_000_000L, 10_000_000L, 0, 0, 0));
        book(h);
        final long id = limit(h, Side.SELL, "1", "100.05");
        h.advanceMillis(11);                                        // the order rests now
        inEvent(h, () -> h.core.execution().cancelOrder(id));
        h.feed(h.events.trade(BTC, "100.06", "0.3", Side.SELL));    // trades through before the cancel lands
        h.advanceMillis(11);
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 SELL 1 LIMIT @ 100.05",
            "ACCEPTED #1",
            "CANCEL_REQUEST #1",
            "FILL #1 i0 SELL 0.3 @ 100.05",
            "CANCEL #1 i0 0.7");
        assertThat(h.core.execution().orders().get(id).state()).isEqualTo(OrderState.CANCELLED);
    }

    @Test
    void latencyMeansTheOrderMeetsTheBookAsItIsWhenItArrives()
    {
        final CoreHarness h = CoreHarness.btcEth(new PaperVenueSettings(20_000_000L, 0, 5_000_000L, 0, 0));
        book(h);
        market(h, Side.BUY, "0.5");
        assertThat(h.outputs.lines()).containsExactly("ORDER #1 i0 BUY 0.5");
        h.bookUpdate(BTC, "ask 100.00 0");                         // the best ask is gone before we arrive
        h.advanceMillis(21);
        assertThat(h.outputs.lines()).containsExactly("ORDER #1 i0 BUY 0.5");   // matched, report still in flight
        h.advanceMillis(5);
        assertThat(h.outputs.lines()).containsExactly("ORDER #1 i0 BUY 0.5", "FILL #1 i0 BUY 0.5 @ 100.01");
    }

    @Test
    void feesAreMakerOnRestingFillsAndTakerOnCrossingOnes()
    {
        final CoreHarness h = CoreHarness.btcEth(new PaperVenueSettings(0, 0, 0, 40, 60));
        book(h);
        market(h, Side.BUY, "0.5");                                  // 50.00 notional x 0.60%
        limit(h, Side.SELL, "0.5", "100.03");
        h.feed(h.events.trade(BTC, "100.04", "1", Side.SELL));       // 50.015 notional x 0.40%
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 0.5",
            "FILL #1 i0 BUY 0.5 @ 100 fee 0.3000",
            "ORDER #2 i0 SELL 0.5 LIMIT @ 100.03",
            "ACCEPTED #2",
            "FILL #2 i0 SELL 0.5 @ 100.03 fee 0.2001");
        final FeeLedger fees = h.core.execution().fees();
        assertThat(fees.takerFees(BTC)).isCloseTo(0.30, within(1e-12));
        assertThat(fees.makerFees(BTC)).isCloseTo(0.20006, within(1e-12));
        assertThat(h.core.positions().realizedPnl(BTC)).isCloseTo(0.015, within(1e-9));
        assertThat(h.core.positions().netRealizedPnl(BTC)).isCloseTo(0.015 - 0.50006, within(1e-9));
    }

    @Test
    void rejectsWhenThereIsNoOppositeQuote()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "1", "1");
        market(h, Side.BUY, "0.01");
        assertThat(h.outputs.lines()).containsExactly("ORDER #1 i0 BUY 0.01", "REJECT #1 i0 BUY 0.01 NO_MARKET");
    }

    @Test
    void rejectsQuantitiesAndPricesOffTheIncrements()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "1", "1");
        h.feed(h.events.quote(BTC, "100", "1", "101", "1"));
        market(h, Side.BUY, "0");
        limit(h, Side.BUY, "0.01", "100.001");
        assertThat(h.outputs.lines()).containsExactly(
            "REJECT #1 i0 BUY 0 INVALID_QUANTITY",
            "REJECT #2 i0 BUY 0.01 INVALID_PRICE");
    }

    @Test
    void replaceCancelsTheOldOrderAndSendsTheNewOneInTheSameEvent()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "10", "10");
        book(h);
        final long id = limit(h, Side.BUY, "1", "99.90");
        final long[] replaced = new long[1];
        final InboundEvent cause = h.events.clock();
        h.core.execution().beginEvent(cause);
        replaced[0] = h.core.execution().replaceOrder(id, q("2"), q("99.95"));
        assertThat(cause.orderCount).as("a cancel and a new order for the outbound stage").isEqualTo(2);
        h.feed(h.events.clock());
        assertThat(replaced[0]).isEqualTo(2);
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i0 BUY 1 LIMIT @ 99.9",
            "ACCEPTED #1",
            "CANCEL_REQUEST #1",
            "ORDER #2 i0 BUY 2 LIMIT @ 99.95",
            "CANCEL #1 i0 1",
            "ACCEPTED #2");
    }
}
