package dev.peregrine.gateway.resilience;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class RateControlTest
{
    private final FakeClock clock = new FakeClock();

    @Test
    void tokenBucketSpendsItsBurstThenRefillsAtTheRate()
    {
        final TokenBucket bucket = new TokenBucket(30, 3, clock);
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
        assertThat(bucket.nanosUntilNext()).isBetween(33_333_000L, 33_334_000L);
        clock.advanceMillis(34);
        assertThat(bucket.tryAcquire()).isTrue();
        assertThat(bucket.tryAcquire()).isFalse();
        clock.advanceMillis(10_000);
        assertThat(bucket.tokens()).isEqualTo(3.0);
        bucket.rate(10);
        bucket.drain();
        assertThat(bucket.nanosUntilNext()).isEqualTo(100_000_000L);
    }

    @Test
    void throttleHalvesOn429AndRecoversAdditively()
    {
        final AdaptiveThrottle throttle = new AdaptiveThrottle(30, clock);
        assertThat(throttle.rate()).isEqualTo(30.0);
        throttle.onRateLimited();
        assertThat(throttle.rate()).isEqualTo(15.0);
        throttle.onRateLimited(); // within the hold: one burst counts once
        assertThat(throttle.rate()).isEqualTo(15.0);
        clock.advanceMillis(1_000);
        throttle.onRateLimited(); // one calm second recovered +1 first: (15 + 1) / 2
        assertThat(throttle.rate()).isEqualTo(8.0);
        clock.advanceMillis(1_000);
        assertThat(throttle.rate()).isEqualTo(9.0);
        clock.advanceMillis(60_000);
        assertThat(throttle.rate()).isEqualTo(30.0);
        assertThat(throttle.decreases()).isEqualTo(2);
    }

    @Test
    void throttleBacksOffWhenTheErrorRateRises()
    {
        final AdaptiveThrottle throttle = new AdaptiveThrottle(30, clock);
        for (int i = 0; i < 10; i++)
        {
            throttle.onSuccess();
        }
        for (int i = 0; i < 10; i++)
        {
            throttle.onError();
        }
        assertThat(throttle.rate()).isEqualTo(30.0); // exactly 50%: not above the threshold
        throttle.onError();
        assertThat(throttle.errorRate()).isGreaterThan(0.5);
        assertThat(throttle.rate()).isEqualTo(15.0);
        clock.advanceMillis(11_000); // the window forgets
        assertThat(throttle.samples()).isZero();
    }

    @Test
    void throttlePausesUntilTheVenuesWindowResets()
    {
        final AdaptiveThrottle throttle = new AdaptiveThrottle(30, clock);
        throttle.onRateLimitHeaders(5, 1.0);
        assertThat(throttle.nanosPaused()).isZero();
        throttle.onRateLimitHeaders(0, 1.5);
        assertThat(throttle.nanosPaused()).isEqualTo(1_500_000_000L);
        clock.advanceMillis(1_500);
        assertThat(throttle.nanosPaused()).isZero();
    }

    @Test
    void breakerGoesThroughEveryTransition()
    {
        final List<String> transitions = new ArrayList<>();
        final CircuitBreaker breaker = new CircuitBreaker(3, 5_000_000_000L, clock,
            (from, to) -> transitions.add(from + "->" + to));
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess(); // resets the streak
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advanceMillis(4_999);
        assertThat(breaker.tryAcquire()).isFalse();
        assertThat(breaker.nanosUntilProbe()).isEqualTo(1_000_000L);
        clock.advanceMillis(1);
        assertThat(breaker.tryAcquire()).isTrue(); // the probe
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isFalse(); // only one probe at a time
        breaker.onFailure();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        clock.advanceMillis(5_000);
        assertThat(breaker.tryAcquire()).isTrue();
        breaker.onSuccess();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(transitions).containsExactly(
            "CLOSED->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->OPEN", "OPEN->HALF_OPEN", "HALF_OPEN->CLOSED");
        assertThat(breaker.transitions()).isEqualTo(5);
    }
}
