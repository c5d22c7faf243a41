package dev.peregrine.ops.http.ui;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/** The overview is computed at most once a second, however many clients ask. */
class OverviewCacheTest
{
    @Test
    void callersWithinASecondShareOneComputation()
    {
        final AtomicLong now = new AtomicLong(5_000);
        final AtomicLong computed = new AtomicLong();
        final OverviewCache cache = new OverviewCache(() -> "{\"n\":" + computed.incrementAndGet() + "}", now::get);

        assertThat(cache.get()).isEqualTo("{\"n\":1}");
        for (int client = 0; client < 100; client++)
        {
            now.addAndGet(OverviewCache.MAX_AGE_NANOS / 200);
            assertThat(cache.get()).isEqualTo("{\"n\":1}");
        }
        now.addAndGet(OverviewCache.MAX_AGE_NANOS / 2);
        assertThat(cache.get()).isEqualTo("{\"n\":2}");
        assertThat(cache.computations()).isEqualTo(2);
    }
}
