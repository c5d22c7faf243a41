package dev.peregrine.ops;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.gateway.coinbase.CoinbaseDemoExchange;
import dev.peregrine.gateway.coinbase.CoinbaseLiveVenue;
import com.lmax.disruptor.BlockingWaitStrategy;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.order.OrderState;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.gateway.coinbase.emulator.EmulatorFault;
import dev.peregrine.journal.Replay;
import dev.peregrine.journal.ReplayResult;
import dev.peregrine.ops.engine.LiveEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A restart with a live venue reconciles: the engine rests limit orders at the (emulated) exchange and
 * stops; while it is down the exchange fills one order, fills half of another and cancels a third, and
 * one order the engine decided never reached the exchange (the connection dropped under its create).
 * The restarted engine recovers its journal, asks the exchange's order list what became of every order it
 * still holds open (over real sockets, two orders a page), and journals what it finds: the missed fills,
 * the cancel, and the order that is not at the venue. Afterwards the core agrees with the exchange order
 * by order, nothing was sent twice, and the journal replays to the restarted engine's digest and state.
 */
class LiveRestartReconciliationTest
{
    private static final String KEY_NAME = "organizations/peregrine-test/apiKeys/reconcile";
    private static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD");

    @TempDir
    Path temp;

    private static void await(final BooleanSupplier condition, final String what) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean())
        {
            assertThat(System.nanoTime()).as("waiting for %s", what).isLessThan(deadline);
            TimeUnit.MILLISECONDS.sleep(20); // polling, bounded by the deadline
        }
    }

    private static LiveEngine engine(final CoinbaseDemoExchange market, final CoinbaseLiveVenue live, final Path journal)
    {
        // Limit orders joining the touch rest at the emulator until it is told to fill them; a long venue
        // time-out keeps the dropped create open (unknown) instead of expiring it during the test.
        final EngineSettings settings = EngineSettings.defaults(VenueRegistry.standard().catalog(), PRODUCTS, 1000).withMinHold(0).withLiveVenue(true).withPassiveOrders(true)
            .withVenueTimeout(TimeUnit.MINUTES.toNanos(10));
        return new LiveEngine(settings, market.feed(PRODUCTS), journal, 4096, new BlockingWaitStrategy(), 1000, live);
    }

    @Test
    void fillsCancelsAndLostOrdersWhileDownAreFoundAndJournaledOnRestart() throws Exception
    {
        final Path journal = temp.resolve("journal");
        try (EmulatedCoinbase coinbase = EmulatedCoinbase.start(KEY_NAME))
        {
            final CoinbaseVenueEmulator venue = coinbase.venue();
            venue.listPageSize(2);
            venue.injectFault(EmulatorFault.DROP_CONNECTION, CoinbaseOrderClient.ORDERS, 1);

            // Session 1: until one create was lost and three orders rest at the venue.
            final CoinbaseLiveVenue first = coinbase.liveVenue();
            final LiveEngine one = EmulatedCoinbase.session(PRODUCTS, 11, 200, market -> engine(market, first, journal), engine ->
                await(() -> first.metrics().unknownOutcomes.get() >= 1 && engine.coreMetrics().venueReports.get() >= 4,
                    "a lost create and three accepted orders"));
            final List<Order> open = new ArrayList<>();
            for (int i = 0; i < one.core().execution().orders().openCount(); i++)
            {
                open.add(one.core().execution().orders().open(i));
            }
            final Order lost = open.stream().filter(o -> o.state() == OrderState.PENDING_NEW).findFirst().orElseThrow();
            final List<Order> resting = open.stream().filter(o -> o.state() == OrderState.ACKNOWLEDGED).toList();
            assertThat(resting).as("orders resting at the venue").hasSizeGreaterThanOrEqualTo(3);
            assertThat(venue.orderIdFor(first.clientOrderId(lost.orderId()))).as("the lost create").isNull();
            final long lostId = lost.orderId();
            final long filledId = resting.get(0).orderId();
            final long halfId = resting.get(1).orderId();
            final long cancelledId = resting.get(2).orderId();
            final long filledQty = resting.get(0).quantity();
            final long halfQty = resting.get(1).quantity() / 2;
            final long positionBefore0 = one.core().positions().quantity(resting.get(0).instrumentId());
            final long expectedPositionChange = signed(resting.get(0).side(), filledQty);

            // While the engine is down.
            venue.fillResting(venue.orderIdFor(first.clientOrderId(filledId)), FixedPoint.toString(filledQty));
            venue.fillResting(venue.orderIdFor(first.clientOrderId(halfId)), FixedPoint.toString(halfQty));
            venue.cancelResting(venue.orderIdFor(first.clientOrderId(cancelledId)));

            // Session 2 on the same journal.
            final CoinbaseLiveVenue second = coinbase.liveVenue();
            final LiveEngine two = EmulatedCoinbase.session(PRODUCTS, 12, 200, market -> engine(market, second, journal), engine ->
            {
                await(() -> second.metrics().recoveredOrders.get() == open.size() && second.awaitingReconcile() == 0,
                    "the venue's order list to settle every recovered order");
                await(() -> engine.coreMetrics().fills.get() >= one.coreMetrics().fills.get() + 2, "the missed fills journaled");
            });
            assertThat(second.metrics().recoveredMissing.get()).as("orders not at the venue").isEqualTo(1);
            assertThat(second.metrics().recoveredSettled.get()).isEqualTo(open.size() - 1);
            assertThat(venue.requests(CoinbaseOrderClient.HISTORICAL_BATCH)).as("pages of two").isGreaterThanOrEqualTo(2);

            final var orders = two.core().execution().orders();
            assertThat(orders.get(lostId).state()).as("never reached the venue").isEqualTo(OrderState.REJECTED);
            assertThat(orders.get(filledId).state()).isEqualTo(OrderState.FILLED);
            assertThat(orders.get(filledId).filledQuantity()).isEqualTo(filledQty);
            assertThat(orders.get(halfId).state()).isEqualTo(OrderState.PARTIALLY_FILLED);
            assertThat(orders.get(halfId).filledQuantity()).isEqualTo(halfQty);
            assertThat(orders.get(cancelledId).state()).isEqualTo(OrderState.CANCELLED);
            assertThat(orders.get(filledId).fees()).as("the fee the venue charged").isPositive();
            if (resting.get(0).instrumentId() != resting.get(1).instrumentId())
            {
                assertThat(two.core().positions().quantity(resting.get(0).instrumentId()))
                    .isEqualTo(positionBefore0 + expectedPositionChange);
            }
            for (long id = 1; id <= two.core().execution().lastOrderId(); id++)
            {
                assertThat(venue.createsFor(second.clientOrderId(id))).as("creates of order %d", id).isLessThanOrEqualTo(1);
            }

            final ReplayResult replay = Replay.run(VenueRegistry.standard().catalog(), journal);
            assertThat(replay.outputDigestHex()).isEqualTo(two.results().outputDigestHex());
            assertThat(replay.stateHashHex()).isEqualTo(two.results().stateHashHex());
        }
    }

    private static long signed(final int side, final long quantity)
    {
        return side == Side.BUY ? quantity : -quantity;
    }
}
