package dev.peregrine.gateway.orders;

import dev.peregrine.core.agent.AgentErrors;
import org.agrona.concurrent.Agent;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AdapterAgentThreadTest
{
    /** An adapter that moves its requests to {@code seen} and runs completions, as the venues' adapters do. */
    private static final class Adapter implements Agent
    {
        final AdapterAgentThread<String> thread = new AdapterAgentThread<>(2);
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public void onStart()
        {
            thread.onStart();
        }

        @Override
        public int doWork()
        {
            final List<String> pending = new ArrayList<>();
            final int work = thread.runCompletions() + thread.drainInbox(pending);
            seen.addAll(pending);
            return work;
        }

        @Override
        public String roleName()
        {
            return "peregrine-test-orders";
        }
    }

    @Test
    void aBoundedInboxDrainedInOrderAndNothingTakenOnceClosed()
    {
        final AdapterAgentThread<String> thread = new AdapterAgentThread<>(2);
        assertThat(thread.offer("a")).isTrue();
        assertThat(thread.offer("b")).isTrue();
        assertThat(thread.offer("c")).as("full").isFalse();
        final List<String> pending = new ArrayList<>();
        assertThat(thread.drainInbox(pending)).isEqualTo(2);
        assertThat(pending).containsExactly("a", "b");
        assertThat(thread.drainInbox(pending)).isZero();

        thread.close();
        assertThat(thread.offer("d")).isFalse();
        assertThat(thread.drainInbox(pending)).isZero();
    }

    @Test
    void completionsRunOnTheAgentThreadWhichStartsOnce() throws Exception
    {
        final Adapter adapter = new Adapter();
        final List<String> order = new ArrayList<>();
        assertThat(adapter.thread.started()).isFalse();
        adapter.thread.start(adapter, new AgentErrors(), () -> order.add("before " + adapter.thread.started()));
        try
        {
            assertThat(order).containsExactly("before true");
            assertThatThrownBy(() -> adapter.thread.start(adapter, new AgentErrors(), () -> order.add("again")))
                .isInstanceOf(IllegalStateException.class).hasMessage("already started");
            assertThat(order).hasSize(1);

            final CompletableFuture<String> ranOn = new CompletableFuture<>();
            adapter.thread.onAdapterThread(() -> ranOn.complete(Thread.currentThread().getName()));
            assertThat(ranOn.get(5, TimeUnit.SECONDS)).contains("peregrine-test-orders");

            assertThat(adapter.thread.offer("x")).isTrue();
            final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (adapter.seen.isEmpty() && System.nanoTime() < deadline)
            {
                Thread.onSpinWait();
            }
            assertThat(adapter.seen).containsExactly("x");
        }
        finally
        {
            adapter.thread.close();
        }
        assertThat(adapter.thread.offer("y")).isFalse();
    }
}
