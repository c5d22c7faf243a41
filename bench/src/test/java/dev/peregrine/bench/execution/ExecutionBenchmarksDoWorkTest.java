package dev.peregrine.bench.execution;

import dev.peregrine.core.risk.OrderRequest;
import dev.peregrine.core.risk.RejectReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The execution benchmarks must measure work, not early returns: the risk benchmark's orders get exactly the
 * intended verdicts, still after many trading days of event time (rate windows full, sessions rolled), and
 * the paper-venue benchmarks send orders and fill them every cycle without drifting. No timing is asserted.
 */
class ExecutionBenchmarksDoWorkTest
{
    @ParameterizedTest
    @ValueSource(strings = {"passing", "mixed"})
    void riskChainJudgesEveryOrderAsIntendedInSteadyState(final String cycle)
    {
        final RiskChainBenchmark bench = new RiskChainBenchmark();
        bench.cycle = cycle;
        bench.setUp();
        final RejectReason[] expected = "passing".equals(cycle) ? RiskScenario.passingReasons() : RiskScenario.mixedReasons();

        assertThat(bench.checkOrder()).isEqualTo(expected[0]);
        for (int i = 1; i < expected.length; i++)
        {
            assertThat(bench.checkOrder()).as("order %d of the %s cycle", i, cycle).isEqualTo(expected[i]);
        }
        // Three trading days of orders: the rate windows fill and the clock skips two nights.
        final int perDay = (int)(6.5 * 3600 * 1e9 / RiskScenario.STEP_NANOS);
        for (int round = 0; round < 3 * perDay / expected.length; round++)
        {
            for (int i = 0; i < expected.length; i++)
            {
                final RejectReason reason = bench.checkOrder();
                if (reason != expected[i])
                {
                    assertThat(reason).as("round %d, order %d of the %s cycle", round, i, cycle).isEqualTo(expected[i]);
                }
            }
        }
        assertThat(bench.scenario().sessionsElapsed()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void everyCheckOfTheChainRuns()
    {
        final RiskScenario scenario = new RiskScenario();
        assertThat(scenario.chain.size()).isEqualTo(12);
        // The passing orders are not reducing, so no check takes its reducing short cut.
        for (final OrderRequest request : scenario.passingCycle())
        {
            assertThat(request.reducing).isFalse();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"market", "limit"})
    void coreSendsAndFillsOrdersEveryCycle(final String orderStyle)
    {
        final PaperVenueBenchmark bench = new PaperVenueBenchmark();
        bench.orderStyle = orderStyle;
        bench.setUp();
        final long events = bench.core.eventsProcessed();
        bench.core();
        assertThat(bench.core.eventsProcessed()).isEqualTo(events + 1);

        final int cycles = 50;
        final long orders = bench.outputs.orders;
        final long fills = bench.outputs.fills;
        for (int i = 0; i < cycles * bench.cycleLength(); i++)
        {
            bench.core();
        }
        // Two instruments, one cross up and one down per cycle each: four orders a cycle, each filled.
        assertThat(bench.outputs.orders - orders).isEqualTo(4L * cycles);
        assertThat(bench.outputs.fills - fills).isGreaterThanOrEqualTo(4L * cycles - 4);
        assertThat(bench.outputs.rejects).isZero();
        assertThat(bench.outputs.expired).isZero();
        assertThat(bench.core.execution().orders().openCount()).isLessThanOrEqualTo(4);
        if ("limit".equals(orderStyle))
        {
            assertThat(bench.outputs.accepted).as("limit orders rest at the venue").isPositive();
        }
        for (int id = 0; id < PaperVenueBenchmark.PRODUCTS.size(); id++)
        {
            assertThat(Math.abs(bench.core.positions().quantity(id))).isLessThanOrEqualTo(PaperVenueBenchmark.ORDER_QUANTITY[id]);
        }
    }

    @Test
    void venueOnlyFillsAndRequotesEveryCycle()
    {
        final PaperVenueBenchmark bench = new PaperVenueBenchmark();
        bench.orderStyle = "market";
        bench.setUp();
        final VenueOnlyRig rig = bench.venueOnly;
        final int resting = rig.venue.restingCount();
        assertThat(resting).isPositive();
        bench.venueOnly();

        final long fills = rig.fills;
        final long resubmits = rig.resubmits;
        for (int i = 0; i < 50 * bench.cycleLength(); i++)
        {
            bench.venueOnly();
        }
        assertThat(rig.fills - fills).as("fills in 50 cycles").isGreaterThanOrEqualTo(50);
        assertThat(rig.resubmits - resubmits).isGreaterThanOrEqualTo(50);
        assertThat(rig.orders.openCount()).isEqualTo(8); // the ladder: two bids and two asks per instrument
        assertThat(rig.orders.illegalTransitions()).isZero();
    }
}
