package dev.peregrine.gateway.resilience;

import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.RestStatus;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RequestGateTest
{
    private static final RestStatus OK = new RestStatus(RequestOutcome.OK, 200, null, -1, -1, 1);
    private static final RestStatus FAILED = new RestStatus(RequestOutcome.SERVER_ERROR, 500, null, -1, -1, 1);
    private static final RestStatus LIMITED = new RestStatus(RequestOutcome.RATE_LIMITED, 429, null, -1, -1, 1);

    private final FakeClock clock = new FakeClock();
    private final OrderAdapterMetrics metrics = new OrderAdapterMetrics();
    private final RequestGate gate = new RequestGate(10, 2, 2, 1_000_000_000L, clock, metrics);

    @Test
    void sendsTheBurstThenWaitsForATokenAndCountsTheWaitOnce()
    {
        gate.refreshRate();
        assertThat(gate.next()).isEqualTo(RequestGate.Verdict.SEND);
        assertThat(gate.next()).isEqualTo(RequestGate.Verdict.SEND);
        assertThat(gate.next()).isEqualTo(RequestGate.Verdict.WAIT);
        assertThat(gate.next()).isEqualTo(RequestGate.Verdict.WAIT);
        assertThat(metrics.throttledWaits.get()).isEqualTo(1);
        clock.advanceMillis(100);
        assertThat(gate.next()).isEqualTo(RequestGate.Verdict.SEND);
        assertThat(metrics.rateLimitMilli.get()).isEqualTo(10_000);
    }

    @Test
    void failuresOpenTheBreakerWhichFailsFastUntilOneProbeClosesIt()
    {
        gate.observe(OrderAdapterMetrics.Endpoint.CREATE, FAILED);
        gate.observe(OrderAdapterMetrics.Endpoint.CREATE, FAILED);
        assertThat(gate.breakerState()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(gate.next()).isEqualTo(RequestGate.Verdict.FAIL_FAST);
        assertThat(metrics.breakerRejects.get()).isEqualTo(1);
        assertThat(metrics.breakerOpened.get()).isEqualTo(1);
        clock.advanceMillis(1_000);
        assertThat(gate.next()).as("the probe").isEqualTo(RequestGate.Verdict.SEND);
        assertThat(gate.next()).as("the probe is in flight").isEqualTo(RequestGate.Verdict.WAIT);
        gate.observe(OrderAdapterMetrics.Endpoint.CREATE, OK);
        assertThat(gate.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(metrics.requests(OrderAdapterMetrics.Endpoint.CREATE, RequestOutcome.SERVER_ERROR).get()).isEqualTo(2);
    }

    @Test
    void aRequestAnsweredWithoutSendingReleasesTheProbe()
    {
        gate.observe(OrderAdapterMetrics.Endpoint.CANCEL, FAILED);
        gate.observe(OrderAdapterMetrics.Endpoint.CANCEL, FAILED);
        clock.advanceMillis(1_000);
        assertThat(gate.next()).isEqualTo(RequestGate.Verdict.SEND);
        gate.notSent();
        assertThat(gate.breakerState()).isEqualTo(CircuitBreaker.State.CLOSED);
    }

    @Test
    void aRateLimitedAnswerSlowsTheBucket()
    {
        gate.observe(OrderAdapterMetrics.Endpoint.CREATE, LIMITED);
        gate.refreshRate();
        assertThat(metrics.rateLimited.get()).isEqualTo(1);
        assertThat(metrics.throttleDecreases.get()).isEqualTo(1);
        assertThat(metrics.rateLimitMilli.get()).isLessThan(10_000);
    }
}
