package dev.peregrine.ops.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ThreadFactory;

/**
 * Names the ring's consumer threads after their role. The Disruptor starts its consumers in the order
 * the stages were wired (journal, core, outbound), so a queue of names in that order is enough; a
 * thread dump then says which stage is stuck.
 */
final class RoleThreadFactory implements ThreadFactory
{
    private final Deque<String> names;
    private int unnamed;

    RoleThreadFactory(final List<String> names)
    {
        this.names = new ArrayDeque<>(names);
    }

    @Override
    public synchronized Thread newThread(final Runnable task)
    {
        final String name = names.isEmpty() ? "peregrine-ring-" + (++unnamed) : names.poll();
        final Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }
}
