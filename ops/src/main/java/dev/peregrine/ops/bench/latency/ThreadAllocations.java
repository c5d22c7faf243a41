package dev.peregrine.ops.bench.latency;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Bytes each of the engine's threads allocates over the measurement ({@code com.sun.management.ThreadMXBean}), so
 * the engine's garbage is told apart from the venue's, the emulator's and the floor's, which share the process and
 * its collection count. The engine's threads are those named {@code peregrine-} that are not the bench's own venue,
 * emulator or floor.
 */
final class ThreadAllocations
{
    private static final List<String> NOT_ENGINE = List.of("peregrine-sim", "peregrine-cb-emu", "peregrine-floor");

    private final com.sun.management.ThreadMXBean threads =
        (com.sun.management.ThreadMXBean)ManagementFactory.getThreadMXBean();
    private final Map<String, long[]> before = new LinkedHashMap<>();

    /** Reads every engine thread's count now (the start of the measurement). */
    void start()
    {
        if (!threads.isThreadAllocatedMemorySupported() || !threads.isThreadAllocatedMemoryEnabled())
        {
            return;
        }
        final List<Thread> engine = new ArrayList<>();
        for (final Thread thread : Thread.getAllStackTraces().keySet())
        {
            if (thread.getName().startsWith("peregrine-") && NOT_ENGINE.stream().noneMatch(p -> thread.getName().startsWith(p)))
            {
                engine.add(thread);
            }
        }
        engine.sort((a, b) -> a.getName().compareTo(b.getName()));
        for (final Thread thread : engine)
        {
            before.put(thread.getName(), new long[] {thread.getId(), threads.getThreadAllocatedBytes(thread.getId())});
        }
    }

    /** Bytes allocated since {@link #start()} by each engine thread still alive, by name, in name order. */
    Map<String, Long> since()
    {
        final Map<String, Long> bytes = new LinkedHashMap<>();
        for (final Map.Entry<String, long[]> thread : before.entrySet())
        {
            final long now = threads.getThreadAllocatedBytes(thread.getValue()[0]);
            if (now >= 0)
            {
                bytes.put(thread.getKey(), now - thread.getValue()[1]);
            }
        }
        return bytes;
    }
}
