package dev.peregrine.gateway.orders;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FinishedOrdersTest
{
    @Test
    void theMostRecentFinishedOrdersAreKeptAndOlderOnesForgottenOpenOnesNever()
    {
        final Map<Long, String> tracked = new LinkedHashMap<>();
        final List<String> forgotten = new ArrayList<>();
        final FinishedOrders<Long> finished = new FinishedOrders<>(3, id ->
        {
            forgotten.add(tracked.remove(id));
        });
        for (long id = 1; id <= 10; id++)
        {
            tracked.put(id, "order " + id);
        }
        for (long id = 1; id <= 6; id++)
        {
            finished.finished(id);
        }

        assertThat(forgotten).containsExactly("order 1", "order 2", "order 3");
        assertThat(finished.size()).isEqualTo(3);
        assertThat(tracked).containsOnlyKeys(4L, 5L, 6L, 7L, 8L, 9L, 10L);
    }

    @Test
    void keepsAtLeastOne()
    {
        assertThatThrownBy(() -> new FinishedOrders<Long>(0, id -> { })).hasMessageContaining("at least 1");
    }
}
