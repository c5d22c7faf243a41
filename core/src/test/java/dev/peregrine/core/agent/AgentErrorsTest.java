package dev.peregrine.core.agent;

import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentInvoker;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingIdleStrategy;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class AgentErrorsTest
{
    /** Throws on every third duty cycle, counts the others. */
    private static final class FlakyAgent implements Agent
    {
        final AtomicInteger cycles = new AtomicInteger();

        @Override
        public int doWork()
        {
            if (cycles.incrementAndGet() % 3 == 0)
            {
                throw new IllegalStateException("cycle " + cycles.get());
            }
            return 1;
        }

        @Override
        public String roleName()
        {
            return "peregrine-flaky";
        }
    }

    @Test
    void anAgentsErrorsAreCountedUnderItsRoleAndReportedWithIt()
    {
        final List<Throwable> reported = new CopyOnWriteArrayList<>();
        final AgentErrors errors = new AgentErrors(reported::add);
        final FlakyAgent agent = new FlakyAgent();
        final AgentInvoker invoker = new AgentInvoker(errors.forRole(agent.roleName()), null, agent);
        invoker.start();
        for (int i = 0; i < 9; i++)
        {
            invoker.invoke();
        }
        invoker.close();

        assertThat(errors.count("peregrine-flaky")).isEqualTo(3);
        assertThat(errors.count("other")).isZero();
        assertThat(errors.total()).isEqualTo(3);
        assertThat(reported).hasSize(3).allSatisfy(error -> assertThat(error).hasMessageStartingWith("agent peregrine-flaky failed"));
        assertThat(errors.last()).hasMessage("cycle 9");
    }

    @Test
    void anAgentOnItsOwnThreadKeepsRunningAfterAnErrorAndStopsOnClose() throws InterruptedException
    {
        final AgentErrors errors = new AgentErrors(error -> { });
        final FlakyAgent agent = new FlakyAgent();
        final AgentRunner runner = AgentThreads.start(agent, new SleepingIdleStrategy(TimeUnit.MICROSECONDS.toNanos(10)), errors);
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (errors.count("peregrine-flaky") < 5 && System.nanoTime() < deadline)
        {
            Thread.sleep(1);
        }
        assertThat(runner.thread().getName()).isEqualTo("peregrine-flaky");
        runner.close();
        final int cyclesAtClose = agent.cycles.get();
        Thread.sleep(20);

        assertThat(errors.count("peregrine-flaky")).as("errors counted while it kept cycling").isGreaterThanOrEqualTo(5);
        assertThat(agent.cycles.get()).as("no duty cycle after close").isEqualTo(cyclesAtClose);
        assertThat(runner.isClosed()).isTrue();
    }
}
