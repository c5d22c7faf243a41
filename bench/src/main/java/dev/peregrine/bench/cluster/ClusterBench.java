package dev.peregrine.bench.cluster;

import com.lmax.disruptor.BlockingWaitStrategy;
import com.lmax.disruptor.WaitStrategy;
import com.lmax.disruptor.YieldingWaitStrategy;
import dev.peregrine.cluster.ClusterNode;
import dev.peregrine.core.event.InboundEvent;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Issue 19's figures: the cluster's added latency per event against the single-node ring, in the same run, and the
 * failover time.
 * <pre>
 * java @jvm.options -cp bench/target/benchmarks.jar dev.peregrine.bench.cluster.ClusterBench \
 *     [--events 2000] [--rounds 3] [--warmup 1000] [--seed 19] [--ring-wait yielding|blocking] \
 *     [--cluster-idle sleeping[,backoff,yielding,busy-spin]] [--failovers 5] [--failover-before 500] \
 *     [--failover-interval-us 1000] [--heartbeat-timeout-ms 2000] [--failover-idle sleeping] [--port-base 29700] \
 *     [--out FILE]
 * </pre>
 * <b>Added latency</b>: per round, the same {@code --events} events of a seeded random-walk market (quotes, trades,
 * clocks; {@link ClusterMarket}), after the same {@code --warmup} events, offered one at a time, each only after the
 * one before was applied, (1) to the single-node ring with its Chronicle journal, (2) to the ring without a journal,
 * (3) to a fresh three-member loopback cluster in this JVM per {@code --cluster-idle} layout, timed from the offer to
 * the leader's service having applied the event (and, from the same offers, to every member having applied it). The
 * paths take turns within each round, so load drifts reach all of them. <b>Failover</b>: {@code --failovers} fresh
 * clusters, each leader stopped after {@code --failover-before} events; from the stop to a survivor leading, and to
 * the first event committed through it.
 * <p>Layout: the ring's three stages on their own threads ({@code --ring-wait}); each member as {@link ClusterNode}
 * launches it (driver and archive SHARED, consensus module, service container, every agent sleeping 1 ms when idle)
 * and the client with its own driver (SHARED, sleeping 1 ms); other {@code --cluster-idle} values give every agent
 * another idle strategy (ClusterNode's idle parameter). The bench's thread spins then yields while it waits. Cluster ports from
 * {@code --port-base} to {@code --port-base + 264} (nine bases 30 apart in turn).
 */
public final class ClusterBench
{
    /** The options, with the defaults the README's figures use. */
    public static final class Options
    {
        int events = 2_000;
        int rounds = 3;
        int warmUp = 1_000;
        long seed = 19;
        String ringWait = "yielding";
        int failovers = 5;
        int failoverBefore = 500;
        long failoverIntervalNanos = TimeUnit.MICROSECONDS.toNanos(1_000);
        long heartbeatTimeoutNanos = ClusterNode.LEADER_HEARTBEAT_TIMEOUT_NS;
        /** The latency cluster's: long, so a loaded machine's late heartbeat does not start an election mid-round. */
        long latencyHeartbeatTimeoutNanos = TimeUnit.SECONDS.toNanos(10);
        List<ClusterIdle> clusterIdle = List.of(ClusterIdle.SLEEPING);
        ClusterIdle failoverIdle = ClusterIdle.SLEEPING;
        int portBase = 29_700;
        Path out;
        private int clustersStarted;

        public static Options parse(final String[] args)
        {
            final Options o = new Options();
            for (int i = 0; i < args.length; i += 2)
            {
                if (i + 1 >= args.length)
                {
                    throw new IllegalArgumentException(args[i] + " needs a value");
                }
                final String v = args[i + 1];
                switch (args[i])
                {
                    case "--events": o.events = Integer.parseInt(v); break;
                    case "--rounds": o.rounds = Integer.parseInt(v); break;
                    case "--warmup": o.warmUp = Integer.parseInt(v); break;
                    case "--seed": o.seed = Long.parseLong(v); break;
                    case "--ring-wait": o.ringWait = v; break;
                    case "--failovers": o.failovers = Integer.parseInt(v); break;
                    case "--failover-before": o.failoverBefore = Integer.parseInt(v); break;
                    case "--failover-interval-us": o.failoverIntervalNanos = TimeUnit.MICROSECONDS.toNanos(Long.parseLong(v)); break;
                    case "--heartbeat-timeout-ms": o.heartbeatTimeoutNanos = TimeUnit.MILLISECONDS.toNanos(Long.parseLong(v)); break;
                    case "--port-base": o.portBase = Integer.parseInt(v); break;
                    case "--cluster-idle": o.clusterIdle = Arrays.stream(v.split(",")).map(ClusterIdle::parse).toList(); break;
                    case "--failover-idle": o.failoverIdle = ClusterIdle.parse(v); break;
                    case "--out": o.out = Path.of(v); break;
                    default: throw new IllegalArgumentException("unknown option " + args[i] + " (--events, --rounds, " +
                        "--warmup, --seed, --ring-wait, --failovers, --failover-before, --failover-interval-us, " +
                        "--heartbeat-timeout-ms, --cluster-idle, --failover-idle, --port-base, --out)");
                }
            }
            if (o.events < 1 || o.rounds < 1 || o.warmUp < 0 || o.failovers < 0 || o.failoverBefore < 1)
            {
                throw new IllegalArgumentException("--events, --rounds and --failover-before must be at least 1, " +
                    "--warmup and --failovers at least 0");
            }
            o.waitStrategy();
            return o;
        }

        WaitStrategy waitStrategy()
        {
            switch (ringWait)
            {
                case "yielding": return new YieldingWaitStrategy();
                case "blocking": return new BlockingWaitStrategy();
                default: throw new IllegalArgumentException("--ring-wait is yielding or blocking, was " + ringWait);
            }
        }

        /**
         * The next cluster's port base: nine bases 30 apart in turn (a cluster uses 25 ports from its base), so a
         * cluster never reuses the ports of the one just closed. From --port-base to --port-base + 264.
         */
        int nextPortBase()
        {
            return portBase + 30 * (clustersStarted++ % 9);
        }
    }

    /** What one run measured. */
    public record Report(LatencySample ringJournal, LatencySample ringNoJournal, List<LatencySample> clusterLeader,
        List<LatencySample> clusterEveryMember, List<FailoverTrial.Result> failovers, String text)
    {
    }

    private ClusterBench()
    {
    }

    public static void main(final String[] args) throws Exception
    {
        final Options options = Options.parse(args);
        final Report report = run(options, System.out);
        if (options.out != null)
        {
            Files.writeString(options.out, report.text(), StandardCharsets.UTF_8);
            System.out.println("written to " + options.out);
        }
    }

    /** Runs both measurements, printing progress and the table to {@code progress}; the table is also in the report. */
    public static Report run(final Options o, final PrintStream progress) throws Exception
    {
        final String loadBefore = load();
        final List<InboundEvent> events = ClusterMarket.events(o.seed, o.warmUp + o.rounds * o.events);
        final String wait = o.ringWait;
        final LatencySample ringJournal = new LatencySample("single-node ring, journal on (" + wait + ")");
        final LatencySample ringNoJournal = new LatencySample("single-node ring, no journal (" + wait + ")");
        final List<LatencySample> leader = new ArrayList<>();
        final List<LatencySample> everyMember = new ArrayList<>();
        for (final ClusterIdle idle : o.clusterIdle)
        {
            final String layout = idle == ClusterIdle.SLEEPING ? "" : " (" + idle.name().toLowerCase(Locale.ROOT) + ")";
            leader.add(new LatencySample("cluster of 3, applied on the leader" + layout));
            everyMember.add(new LatencySample("cluster of 3, applied on every member" + layout));
        }
        for (int r = 0; r < o.rounds; r++)
        {
            final int from = o.warmUp + r * o.events;
            final int to = from + o.events;
            RingLatency.round(events, o.warmUp, from, to, true, o.waitStrategy(), ringJournal);
            RingLatency.round(events, o.warmUp, from, to, false, o.waitStrategy(), ringNoJournal);
            // The ring's threads are stopped before a cluster starts, and each cluster is closed before the next:
            // no path shares the cores with another's idle threads. Each gets the same warm-up, then the same events.
            final StringBuilder line = new StringBuilder(String.format(Locale.ROOT,
                "round %d: p50 so far: ring+journal %.1f us, ring %.1f us", r + 1,
                ringJournal.percentile(0.5) / 1e3, ringNoJournal.percentile(0.5) / 1e3));
            for (int c = 0; c < o.clusterIdle.size(); c++)
            {
                try (BenchCluster cluster = new BenchCluster(3, o.nextPortBase(), o.latencyHeartbeatTimeoutNanos,
                    events.size(), o.clusterIdle.get(c)))
                {
                    cluster.start();
                    final int first = cluster.leader();
                    for (int i = 0; i < o.warmUp; i++)
                    {
                        cluster.ingress().offer(events.get(i), BenchCluster.OFFER_TIMEOUT_NS);
                        AppliedWait.await(cluster.times(first)::applied, i + 1L, BenchCluster.OFFER_TIMEOUT_NS,
                            "cluster warm-up");
                    }
                    ClusterLatency.round(cluster, events, from, to, leader.get(c), everyMember.get(c));
                }
                line.append(String.format(Locale.ROOT, ", %s %.1f us", leader.get(c).name(),
                    leader.get(c).percentile(0.5) / 1e3));
            }
            progress.println(line);
        }

        final List<FailoverTrial.Result> failovers = new ArrayList<>();
        final List<InboundEvent> stream = ClusterMarket.events(o.seed + 1, o.failoverBefore + 20_000);
        for (int k = 0; k < o.failovers; k++)
        {
            final FailoverTrial.Result result = FailoverTrial.run(stream, o.failoverBefore, o.nextPortBase(),
                o.heartbeatTimeoutNanos, o.failoverIntervalNanos, o.failoverIdle);
            failovers.add(result);
            progress.println(result.row(k + 1));
        }

        final String text = table(o, loadBefore, load(), ringJournal, ringNoJournal, leader, everyMember, failovers);
        progress.print(text);
        return new Report(ringJournal, ringNoJournal, leader, everyMember, failovers, text);
    }

    private static String table(final Options o, final String loadBefore, final String loadAfter,
        final LatencySample ringJournal, final LatencySample ringNoJournal, final List<LatencySample> leaders,
        final List<LatencySample> everyMembers, final List<FailoverTrial.Result> failovers)
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        out.printf(Locale.ROOT, "%ncluster bench: %d rounds x %d events (seed %d, warm-up %d), %d cores, load average " +
                "%s before, %s after%n", o.rounds, o.events, o.seed, o.warmUp,
            Runtime.getRuntime().availableProcessors(), loadBefore, loadAfter);
        out.printf(Locale.ROOT, "ring: journal -> core -> outbound, one thread each, %s wait; cluster: 3 members on " +
            "loopback UDP in this JVM, each: driver (SHARED), archive (SHARED), consensus module, service " +
            "container; client with its own driver (SHARED); idle strategy of every Aeron agent: sleeping 1 ms as ClusterNode ships it%s; the " +
            "bench's thread spins then yields; one event in flight at a time%n", o.ringWait,
            o.clusterIdle.size() > 1 || o.clusterIdle.get(0) != ClusterIdle.SLEEPING ?
                " (rows marked otherwise: the bench's copy of ClusterNode with that idle strategy)" : "");
        out.println(LatencySample.header());
        out.println(ringJournal.row());
        out.println(ringNoJournal.row());
        for (int c = 0; c < leaders.size(); c++)
        {
            out.println(leaders.get(c).row());
            out.println(everyMembers.get(c).row());
        }
        for (final LatencySample leader : leaders)
        {
            out.printf(Locale.ROOT, "%s / ring with journal: p50 %.1fx, p99 %.1fx, p99.9 %.1fx; added p50 %+.1f us, " +
                    "p99 %+.1f us; / ring without journal: p50 %.1fx, p99 %.1fx%n", leader.name(),
                ratio(leader, ringJournal, 0.5), ratio(leader, ringJournal, 0.99), ratio(leader, ringJournal, 0.999),
                (leader.percentile(0.5) - ringJournal.percentile(0.5)) / 1e3,
                (leader.percentile(0.99) - ringJournal.percentile(0.99)) / 1e3,
                ratio(leader, ringNoJournal, 0.5), ratio(leader, ringNoJournal, 0.99));
        }
        if (!failovers.isEmpty())
        {
            out.printf(Locale.ROOT, "%nfailover: %d trials (a fresh cluster each, %s idle), leader heartbeat timeout " +
                    "%d ms, leader stopped with close() after %d events, then one event every %d us%n", failovers.size(),
                o.failoverIdle.name().toLowerCase(Locale.ROOT), TimeUnit.NANOSECONDS.toMillis(o.heartbeatTimeoutNanos),
                o.failoverBefore, TimeUnit.NANOSECONDS.toMicros(o.failoverIntervalNanos));
            for (int k = 0; k < failovers.size(); k++)
            {
                out.println(failovers.get(k).row(k + 1));
            }
            out.println(spread("stop -> new leader elected (ms)",
                failovers.stream().mapToLong(FailoverTrial.Result::electedNanos).toArray()));
            out.println(spread("stop -> first event committed through it (ms)",
                failovers.stream().mapToLong(FailoverTrial.Result::committedNanos).toArray()));
            out.printf(Locale.ROOT, "events lost per failover (offered to the dead leader, not resent): %s%n",
                Arrays.toString(failovers.stream().mapToLong(FailoverTrial.Result::lost).toArray()));
        }
        return bytes.toString(StandardCharsets.UTF_8);
    }

    static double ratio(final LatencySample a, final LatencySample b, final double q)
    {
        return (double)a.percentile(q) / b.percentile(q);
    }

    /** min / median / max of {@code nanos} in milliseconds. */
    static String spread(final String name, final long[] nanos)
    {
        final long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return String.format(Locale.ROOT, "%-48s min %8.1f  median %8.1f  max %8.1f", name, sorted[0] / 1e6,
            sorted[sorted.length / 2] / 1e6, sorted[sorted.length - 1] / 1e6);
    }

    private static String load()
    {
        return String.format(Locale.ROOT, "%.2f", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }
}
