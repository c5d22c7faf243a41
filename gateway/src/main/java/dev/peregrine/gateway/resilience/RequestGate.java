package dev.peregrine.gateway.resilience;

import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.RestStatus;

import java.util.function.LongSupplier;

/**
 * Decides, request by request, whether an order adapter may send now: the {@link TokenBucket} (its rate set
 * by the {@link AdaptiveThrottle}) and the {@link CircuitBreaker} together, and learns from every answer
 * ({@link #observe}). Venue-neutral: it sees only {@link RestStatus}es. Owned by the adapter's thread, as are
 * the metrics it writes.
 */
public final class RequestGate
{
    /** What to do with the request at the head of the queue. */
    public enum Verdict
    {
        /** A token is taken and the breaker lets it through: send it. */
        SEND,
        /** The breaker is open and its cool-down runs: answer it as refused without sending. */
        FAIL_FAST,
        /** No token yet, the venue asked for a pause, or a half-open probe is in flight: try again later. */
        WAIT
    }

    private final TokenBucket bucket;
    private final AdaptiveThrottle throttle;
    private final CircuitBreaker breaker;
    private final OrderAdapterMetrics metrics;
    private boolean waitingForTokens;

    /**
     * @param ratePerSecond        ceiling of the request rate.
     * @param burst                token-bucket depth.
     * @param breakerFailures      consecutive venue failures that open the breaker.
     * @param breakerCoolDownNanos how long the breaker stays open before one probe.
     * @param nanoClock            time for the bucket, breaker and throttle ({@code System::nanoTime} in production).
     */
    public RequestGate(final double ratePerSecond, final int burst, final int breakerFailures,
        final long breakerCoolDownNanos, final LongSupplier nanoClock, final OrderAdapterMetrics metrics)
    {
        this.metrics = metrics;
        this.bucket = new TokenBucket(ratePerSecond, burst, nanoClock);
        this.throttle = new AdaptiveThrottle(ratePerSecond, nanoClock);
        this.breaker = new CircuitBreaker(breakerFailures, breakerCoolDownNanos, nanoClock, this::onBreakerTransition);
        metrics.rateLimitMilli.set((long)(ratePerSecond * 1000));
    }

    /** Before a round of {@link #next()}: the bucket takes the throttle's current rate. */
    public void refreshRate()
    {
        final double rate = throttle.rate();
        if (Math.abs(rate - bucket.rate()) > 1e-9)
        {
            bucket.rate(rate);
        }
        metrics.rateLimitMilli.set((long)(rate * 1000));
        metrics.throttleDecreases.set(throttle.decreases());
    }

    /** The verdict for the next request; {@link Verdict#SEND} has spent a token and a breaker slot. */
    public Verdict next()
    {
        if (breaker.state() == CircuitBreaker.State.OPEN && breaker.nanosUntilProbe() > 0)
        {
            metrics.breakerRejects.increment();
            return Verdict.FAIL_FAST;
        }
        if (throttle.nanosPaused() > 0 || bucket.nanosUntilNext() > 0)
        {
            if (!waitingForTokens)
            {
                metrics.throttledWaits.increment();
                waitingForTokens = true;
            }
            return Verdict.WAIT;
        }
        if (!breaker.tryAcquire())
        {
            return Verdict.WAIT; // half-open with its probe in flight: wait for the probe's answer
        }
        waitingForTokens = false;
        bucket.tryAcquire();
        return Verdict.SEND;
    }

    /** A request given {@link Verdict#SEND} was answered locally, nothing was sent: release a half-open probe slot. */
    public void notSent()
    {
        breaker.onSuccess();
    }

    /** Counts the answer and feeds it to the throttle (429s, errors, rate-limit headers) and the breaker. */
    public void observe(final OrderAdapterMetrics.Endpoint endpoint, final RestStatus status)
    {
        final RequestOutcome outcome = status.outcome();
        metrics.requests(endpoint, outcome).increment();
        if (outcome == RequestOutcome.RATE_LIMITED)
        {
            metrics.rateLimited.increment();
            throttle.onRateLimited();
        }
        else if (outcome.venueFailure())
        {
            throttle.onError();
        }
        else
        {
            throttle.onSuccess();
        }
        if (outcome.venueFailure())
        {
            breaker.onFailure();
        }
        else
        {
            breaker.onSuccess();
        }
        if (status.rateLimitRemaining() >= 0)
        {
            throttle.onRateLimitHeaders(status.rateLimitRemaining(),
                status.secondsUntilReset(System.currentTimeMillis() / 1000));
        }
        metrics.throttleDecreases.set(throttle.decreases());
    }

    public CircuitBreaker.State breakerState()
    {
        return breaker.state();
    }

    /** Nanoseconds until the bucket holds a token (0 when it holds one now). */
    public long nanosUntilNextToken()
    {
        return bucket.nanosUntilNext();
    }

    private void onBreakerTransition(final CircuitBreaker.State from, final CircuitBreaker.State to)
    {
        metrics.breakerState.set(to.ordinal());
        switch (to)
        {
            case OPEN: metrics.breakerOpened.increment(); break;
            case HALF_OPEN: metrics.breakerHalfOpened.increment(); break;
            default: metrics.breakerClosed.increment();
        }
    }
}
