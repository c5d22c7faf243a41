package dev.peregrine.gateway.binance.emulator;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The account's ORDERS limit: 100 creates per 10 seconds, the counts in headers, -1015 past it. */
class OrderCountLimitTest
{
    @Test
    void theHundredAndFirstCreateInTenSecondsIsRefusedUntilTheWindowTurns()
    {
        final OrderCountLimit limit = new OrderCountLimit();
        final long start = 1_767_225_600_000L;
        for (int i = 0; i < OrderCountLimit.PER_10_SECONDS; i++)
        {
            limit.admit(start + i);
            limit.placed(start + i);
        }
        assertThat(limit.headers()).containsEntry("x-mbx-order-count-10s", "100").containsEntry("x-mbx-order-count-1d", "100");

        assertThatThrownBy(() -> limit.admit(start + 500)).isInstanceOfSatisfying(BinanceRejection.class, rejection ->
        {
            assertThat(rejection.status).isEqualTo(429);
            assertThat(rejection.code).isEqualTo(-1015);
        }).hasMessage("Too many new orders; current limit is 100 orders per 10 SECOND.");
        assertThat(limit.retryAfterSeconds(start + 500)).isEqualTo(10);

        limit.admit(start + 10_000);
        limit.placed(start + 10_000);
        assertThat(limit.headers()).containsEntry("x-mbx-order-count-10s", "1").containsEntry("x-mbx-order-count-1d", "101");
    }
}
