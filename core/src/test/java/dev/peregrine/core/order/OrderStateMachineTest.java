package dev.peregrine.core.order;

import dev.peregrine.core.event.Side;
import org.junit.jupiter.api.Test;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

import static dev.peregrine.core.order.OrderState.ACKNOWLEDGED;
import static dev.peregrine.core.order.OrderState.CANCELLED;
import static dev.peregrine.core.order.OrderState.EXPIRED;
import static dev.peregrine.core.order.OrderState.FILLED;
import static dev.peregrine.core.order.OrderState.PARTIALLY_FILLED;
import static dev.peregrine.core.order.OrderState.PENDING_CANCEL;
import static dev.peregrine.core.order.OrderState.PENDING_NEW;
import static dev.peregrine.core.order.OrderState.REJECTED;
import static org.assertj.core.api.Assertions.assertThat;

/** Every legal and every illegal transition, against a table written out independently here. */
class OrderStateMachineTest
{
    private static final Map<OrderState, Set<OrderState>> LEGAL = Map.of(
        PENDING_NEW, EnumSet.of(ACKNOWLEDGED, PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELLED, REJECTED, EXPIRED),
        ACKNOWLEDGED, EnumSet.of(PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELLED, EXPIRED),
        PARTIALLY_FILLED, EnumSet.of(PARTIALLY_FILLED, FILLED, PENDING_CANCEL, CANCELLED, EXPIRED),
        PENDING_CANCEL, EnumSet.of(ACKNOWLEDGED, PARTIALLY_FILLED, FILLED, CANCELLED, EXPIRED),
        FILLED, EnumSet.noneOf(OrderState.class),
        CANCELLED, EnumSet.noneOf(OrderState.class),
        REJECTED, EnumSet.noneOf(OrderState.class),
        EXPIRED, EnumSet.noneOf(OrderState.class));

    @Test
    void everyPairOfStatesIsLegalExactlyWhenTheTableSaysSo()
    {
        int legal = 0;
        for (final OrderState from : OrderState.values())
        {
            for (final OrderState to : OrderState.values())
            {
                final boolean expected = LEGAL.get(from).contains(to);
                assertThat(from.canTransitionTo(to)).as(from + " -> " + to).isEqualTo(expected);

                // And the store applies exactly the legal ones.
                final OrderStore store = new OrderStore(4);
                final Order order = store.create(1, 0, 0, Side.BUY, OrderType.LIMIT, 10, 5, false, 0);
                driveTo(store, order, from);
                final boolean applied = store.transition(order, to, 99);
                assertThat(applied).as("store " + from + " -> " + to).isEqualTo(expected);
                assertThat(order.state()).isEqualTo(expected ? to : from);
                assertThat(store.illegalTransitions()).isEqualTo(expected ? 0 : 1);
                assertThat(store.openCount()).isEqualTo(order.state().isOpen() ? 1 : 0);
                legal += expected ? 1 : 0;
            }
        }
        assertThat(legal).as("7 from PENDING_NEW, 5 each from ACKNOWLEDGED, PARTIALLY_FILLED, PENDING_CANCEL").isEqualTo(22);
    }

    private static void driveTo(final OrderStore store, final Order order, final OrderState target)
    {
        switch (target)
        {
            case PENDING_NEW:
                return;
            case PENDING_CANCEL:
            case ACKNOWLEDGED:
            case REJECTED:
            case CANCELLED:
            case EXPIRED:
            case FILLED:
                assertThat(store.transition(order, target == PENDING_CANCEL ? ACKNOWLEDGED : target, 1)).isTrue();
                if (target == PENDING_CANCEL)
                {
                    assertThat(store.transition(order, PENDING_CANCEL, 2)).isTrue();
                }
                return;
            case PARTIALLY_FILLED:
                assertThat(store.applyFill(order, 4, 5, 0.0, 1)).isTrue();
                return;
            default:
                throw new AssertionError(target);
        }
    }

    @Test
    void fillsMoveThroughPartialToFilledAndRefuseOverfills()
    {
        final OrderStore store = new OrderStore(4);
        final Order order = store.create(1, 0, 0, Side.BUY, OrderType.LIMIT, 10, 5, false, 0);
        assertThat(store.applyFill(order, 4, 100_000_000L, 0.25, 1)).isTrue();
        assertThat(order.state()).isEqualTo(PARTIALLY_FILLED);
        assertThat(order.leavesQuantity()).isEqualTo(6);
        assertThat(store.applyFill(order, 7, 100_000_000L, 0.0, 2)).as("more than what is left").isFalse();
        assertThat(store.applyFill(order, 6, 300_000_000L, 0.5, 3)).isTrue();
        assertThat(order.state()).isEqualTo(FILLED);
        assertThat(order.averageFillPrice()).isCloseTo(2.2, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(order.fees()).isEqualTo(0.75);
        assertThat(store.applyFill(order, 1, 1, 0.0, 4)).as("a fill after FILLED").isFalse();
        assertThat(store.illegalTransitions()).isEqualTo(2);
        assertThat(store.openCount()).isZero();
    }

    @Test
    void poolSlotsAreReusedOnlyOnceTheirOrderIsTerminal()
    {
        final OrderStore store = new OrderStore(2);
        final Order first = store.create(1, 0, 0, Side.BUY, OrderType.LIMIT, 10, 5, false, 0);
        store.create(2, 0, 0, Side.SELL, OrderType.LIMIT, 10, 6, false, 0);
        assertThat(store.create(3, 0, 0, Side.BUY, OrderType.LIMIT, 1, 5, false, 0)).as("slot of #1 still open").isNull();
        store.transition(first, CANCELLED, 1);
        final Order third = store.create(3, 0, 0, Side.BUY, OrderType.LIMIT, 1, 5, false, 0);
        assertThat(third).isNotNull();
        assertThat(store.get(1)).as("evicted").isNull();
        assertThat(store.get(3)).isSameAs(third);
        assertThat(store.openCount()).isEqualTo(2);
        assertThat(store.open(0).orderId()).isEqualTo(2);
        assertThat(store.open(1).orderId()).isEqualTo(3);
        assertThat(store.openQuantity(0, Side.BUY)).isEqualTo(1);
        assertThat(store.openQuantity(0, Side.SELL)).isEqualTo(10);
    }
}
