package dev.peregrine.bench.execution;

import dev.peregrine.core.risk.OrderRequest;
import dev.peregrine.core.risk.RejectReason;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import java.util.concurrent.TimeUnit;

/**
 * One pre-trade check: {@code RiskChain.standard()} (all twelve checks) judging one order against the
 * {@link RiskScenario} account, every optional limit on. One operation = one order checked.
 *
 * <p>{@code cycle}: {@code passing} sends three non-reducing orders that each pass every check and are
 * recorded in the rate windows (the chain's longest path); {@code mixed} sends nine orders, three passing and
 * six rejected at six different depths of the chain, the mix a strategy near its limits produces. Each order
 * is stamped 100 ms of event time after the previous one, and the clock skips nights and weekends (see
 * {@link RiskScenario}), so the rate windows never fill and every order is inside the trading window however
 * long the run: the figures are steady state, not the first seconds of a day.
 *
 * <p>Measured in {@code AverageTime} and {@code SampleTime} (ns). At tens of ns per check, single samples are
 * close to the timer's own granularity: read the sampled percentiles as an upper bound, the average as the cost.
 */
@State(Scope.Thread)
@BenchmarkMode({Mode.AverageTime, Mode.SampleTime})
@OutputTimeUnit(TimeUnit.NANOSECONDS)
public class RiskChainBenchmark
{
    @Param({"passing", "mixed"})
    public String cycle;

    private RiskScenario scenario;
    private OrderRequest[] requests;
    private int next;

    @Setup
    public void setUp()
    {
        scenario = new RiskScenario();
        requests = "passing".equals(cycle) ? scenario.passingCycle() : scenario.mixedCycle();
        next = 0;
    }

    @Benchmark
    public RejectReason checkOrder()
    {
        final OrderRequest request = requests[next];
        next = next + 1 == requests.length ? 0 : next + 1;
        request.timeNanos = scenario.nextTime();
        return scenario.chain.check(request, scenario.context);
    }

    /** For the test: the same operation, from outside JMH. */
    RiskScenario scenario()
    {
        return scenario;
    }
}
