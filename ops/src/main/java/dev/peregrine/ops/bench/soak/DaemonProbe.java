package dev.peregrine.ops.bench.soak;

import com.sun.tools.attach.VirtualMachine;

import com.sun.management.GcInfo;

import javax.management.MBeanServerConnection;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadInfo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * What the soak reads from the daemon's process: JMX through the attach API (the daemon needs no JMX port or flag;
 * the platform's local management agent is started on attach) and the process's own files in {@code /proc}.
 * Reads only; the daemon's threads never wait for it.
 */
final class DaemonProbe implements AutoCloseable
{
    private final long pid;
    private final JMXConnector connector;
    private final com.sun.management.ThreadMXBean threads;
    private final List<GarbageCollectorMXBean> collectors;
    private final List<MemoryPoolMXBean> oldPools;
    private final MBeanServerConnection connection;
    private final Set<ObjectName> collectorNames;

    DaemonProbe(final long pid) throws IOException
    {
        this.pid = pid;
        final String address;
        try
        {
            final VirtualMachine vm = VirtualMachine.attach(Long.toString(pid));
            try
            {
                address = vm.startLocalManagementAgent();
            }
            finally
            {
                vm.detach();
            }
        }
        catch (final com.sun.tools.attach.AttachNotSupportedException ex)
        {
            throw new IOException("cannot attach to process " + pid + ": " + ex.getMessage(), ex);
        }
        connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        final MBeanServerConnection c = connector.getMBeanServerConnection();
        threads = ManagementFactory.newPlatformMXBeanProxy(c, ManagementFactory.THREAD_MXBEAN_NAME,
            com.sun.management.ThreadMXBean.class);
        connection = c;
        collectors = ManagementFactory.getPlatformMXBeans(c, GarbageCollectorMXBean.class);
        try
        {
            collectorNames = c.queryNames(new ObjectName(ManagementFactory.GARBAGE_COLLECTOR_MXBEAN_DOMAIN_TYPE + ",*"), null);
        }
        catch (final MalformedObjectNameException ex)
        {
            throw new IllegalStateException(ex);
        }
        // The old generation's pool, whatever the collector: "G1 Old Gen", "PS Old Gen", "Tenured Gen", "ZHeap".
        oldPools = ManagementFactory.getPlatformMXBeans(c, MemoryPoolMXBean.class).stream()
            .filter(p -> p.getName().contains("Old") || p.getName().contains("Tenured") || p.getName().equals("ZHeap"))
            .toList();
    }

    /** Collections of every collector since the daemon started. */
    long gcCollections()
    {
        long sum = 0;
        for (final GarbageCollectorMXBean gc : collectors)
        {
            sum += Math.max(0, gc.getCollectionCount());
        }
        return sum;
    }

    /**
     * Old generation in use right after the latest collection of any kind (the last GC's pool usage after GC); before
     * the first collection, its current use. A pool's own collection usage would do only for collectors that collect
     * the old generation: G1 updates it on mixed and full collections, so in a soak it never moves.
     */
    long oldGenAfterGcBytes() throws IOException
    {
        long latestEnd = -1;
        long after = -1;
        for (final ObjectName name : collectorNames)
        {
            final com.sun.management.GarbageCollectorMXBean gc = ManagementFactory.newPlatformMXBeanProxy(connection,
                name.toString(), com.sun.management.GarbageCollectorMXBean.class);
            final GcInfo info = gc.getLastGcInfo();
            if (info != null && info.getEndTime() > latestEnd)
            {
                long used = 0;
                for (final MemoryPoolMXBean pool : oldPools)
                {
                    final MemoryUsage usage = info.getMemoryUsageAfterGc().get(pool.getName());
                    used += usage == null ? 0 : usage.getUsed();
                }
                latestEnd = info.getEndTime();
                after = used;
            }
        }
        if (after >= 0)
        {
            return after;
        }
        long used = 0;
        for (final MemoryPoolMXBean pool : oldPools)
        {
            used += pool.getUsage().getUsed();
        }
        return used;
    }

    /**
     * The old generation's live set: asks the daemon for a full collection (the {@code GC.run} diagnostic command,
     * which {@code -XX:+DisableExplicitGC} does not turn off), then reads the old generation after it. A full
     * collection leaves every live object in the old generation, so this is what the daemon holds, unlike the
     * reading after a young collection, which moves with promotion until G1 chooses to collect the old generation.
     */
    long oldGenLiveBytes() throws IOException
    {
        try
        {
            connection.invoke(new ObjectName("com.sun.management:type=DiagnosticCommand"), "gcRun",
                new Object[] {new String[0]}, new String[] {String[].class.getName()});
        }
        catch (final javax.management.JMException ex)
        {
            throw new IOException("cannot run a full collection in process " + pid + ": " + ex.getMessage(), ex);
        }
        return oldGenAfterGcBytes();
    }

    /** Live threads in the daemon. */
    int threadCount()
    {
        return threads.getThreadCount();
    }

    /** Bytes each live thread has allocated since it started, by thread name (same names summed). */
    TreeMap<String, Long> allocatedBytesByThread()
    {
        final long[] ids = threads.getAllThreadIds();
        final long[] bytes = threads.getThreadAllocatedBytes(ids);
        final ThreadInfo[] infos = threads.getThreadInfo(ids);
        final TreeMap<String, Long> byName = new TreeMap<>();
        for (int i = 0; i < ids.length; i++)
        {
            if (infos[i] != null && bytes[i] >= 0)
            {
                byName.merge(infos[i].getThreadName(), bytes[i], Long::sum);
            }
        }
        return byName;
    }

    /** Anonymous resident memory in KiB ({@code RssAnon:} of /proc/PID/status): heap, stacks, direct buffers; not the mapped journal. */
    long anonRssKib() throws IOException
    {
        for (final String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status")))
        {
            if (line.startsWith("RssAnon:"))
            {
                return Long.parseLong(line.substring("RssAnon:".length()).replace("kB", "").trim());
            }
        }
        throw new IOException("no RssAnon line in /proc/" + pid + "/status");
    }

    /** Open file descriptors ({@code /proc/PID/fd}). */
    int openFds() throws IOException
    {
        try (Stream<Path> fds = Files.list(Path.of("/proc", Long.toString(pid), "fd")))
        {
            return (int)fds.count();
        }
    }

    @Override
    public void close() throws IOException
    {
        connector.close();
    }
}
