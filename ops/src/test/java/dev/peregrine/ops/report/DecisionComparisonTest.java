package dev.peregrine.ops.report;

import dev.peregrine.core.order.OrderType;
import dev.peregrine.core.risk.RejectReason;
import org.junit.jupiter.api.Test;

import java.util.ArrayDeque;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The pairing rules of the comparison on hand-made decisions. */
class DecisionComparisonTest
{
    private static DecisionSummary decision(final long time, final long orderId, final int instrument, final int strategy,
        final int side, final long price, final String signal)
    {
        return new DecisionSummary(time, orderId, instrument, strategy, side, OrderType.LIMIT, 100, price, signal,
            RejectReason.NONE);
    }

    @Test
    void pairsByTimeProductAndStrategyThenComparesTheOrder()
    {
        final ArrayDeque<DecisionSummary> ours = new ArrayDeque<>(List.of(
            decision(10, 1, 0, 1, 1, 500, "up"),      // same in both
            decision(20, 2, 0, 1, 1, 500, "up"),      // other side and price in the other journal
            decision(20, 3, 1, 1, 1, 500, "up"),      // only here
            decision(40, 4, 0, 1, 2, 500, "down")));  // after the bound: stays pending
        final ArrayDeque<DecisionSummary> theirs = new ArrayDeque<>(List.of(
            decision(10, 7, 0, 1, 1, 500, "up"),      // order ids may differ: not compared
            decision(20, 8, 0, 1, 2, 510, "up"),
            decision(30, 9, 0, 2, 1, 500, "up")));    // only there
        final DecisionComparison comparison = new DecisionComparison();
        comparison.settle(ours, theirs, 40);

        assertThat(ours).extracting(DecisionSummary::orderId).containsExactly(4L);
        assertThat(theirs).isEmpty();
        final List<DecisionDifference> differences = comparison.differences();
        assertThat(differences).extracting(DecisionDifference::kind).containsExactly(
            DecisionDifference.Kind.DIFFERENT, DecisionDifference.Kind.MISSING, DecisionDifference.Kind.EXTRA);
        assertThat(differences.get(0).fields()).containsExactly("side", "price");
        assertThat(differences.get(0).expected().orderId()).isEqualTo(2);
        assertThat(differences.get(0).actual().orderId()).isEqualTo(8);
        assertThat(differences.get(1).expected().orderId()).isEqualTo(3);
        assertThat(differences.get(2).actual().orderId()).isEqualTo(9);
    }

    @Test
    void signalAndOutcomeCountAsDifferences()
    {
        final DecisionSummary a = decision(1, 1, 0, 1, 1, 0, "up");
        final DecisionSummary b = new DecisionSummary(1, 1, 0, 1, 1, OrderType.MARKET, 200, 0, "breakout",
            RejectReason.MAX_POSITION);
        assertThat(DecisionComparison.differingFields(a, b)).containsExactly("type", "quantity", "signal", "outcome");
        assertThat(DecisionComparison.differingFields(a, a)).isEmpty();
    }
}
