package dev.peregrine.gateway.coinbase.orders;

import dev.peregrine.core.event.OrderCommand;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderType;
import dev.peregrine.gateway.orders.OrderAdapterMetrics;
import dev.peregrine.gateway.resilience.FakeClock;
import org.agrona.concurrent.AgentInvoker;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The adapter driven inline as an Agrona agent: requests answered without the network, duty cycle by duty cycle. */
class CoinbaseOrderAdapterAgentTest
{
    private final CoinbaseOrderAdapterEmulatorTest.Recorder recorder = new CoinbaseOrderAdapterEmulatorTest.Recorder();
    private final CoinbaseOrderAdapter adapter = new CoinbaseOrderAdapter(
        new CoinbaseOrderClient(URI.create("http://127.0.0.1:9"), "127.0.0.1",
            new CoinbaseJwtSigner(TestKeys.credentials(TestKeys.p256()), () -> 1_760_000_000L, new SecureRandom()),
            Duration.ofSeconds(1), Duration.ofSeconds(1)),
        recorder, id -> null, new CoinbaseOrderAdapter.Config(30, 2, 3, 1_000_000_000L, 4, false),
        new OrderAdapterMetrics(), new FakeClock());

    @Test
    void anOrderForAnUnknownProductIsRejectedInTheDutyCycleThatSendsIt()
    {
        final List<Throwable> errors = new ArrayList<>();
        final AgentInvoker invoker = new AgentInvoker(errors::add, null, adapter);
        invoker.start();
        assertThat(adapter.roleName()).isEqualTo("peregrine-coinbase-orders");
        assertThat(invoker.invoke()).as("nothing queued").isZero();
        assertThat(adapter.submit(order(7), "prg-t-7")).isTrue();
        assertThat(adapter.cancel(8)).isTrue();
        assertThat(recorder.events()).isEmpty();
        assertThat(invoker.invoke()).as("two taken, two answered").isEqualTo(4);
        assertThat(recorder.events()).containsExactly("rejected 7 unknown_product instrument 5", "cancel_rejected 8 unknown order");
        assertThat(errors).isEmpty();
        invoker.close();
    }

    @Test
    void aClosedAdapterRefusesRequests()
    {
        adapter.close();
        assertThat(adapter.submit(order(1), "prg-t-1")).isFalse();
        assertThat(adapter.cancel(1)).isFalse();
    }

    private static OrderCommand order(final long id)
    {
        final OrderCommand command = new OrderCommand();
        command.set(OrderCommand.NEW, OrderType.MARKET.ordinal(), id, 5, Side.BUY, FixedPoint.parse("0.1"), 0, 0);
        return command;
    }
}
