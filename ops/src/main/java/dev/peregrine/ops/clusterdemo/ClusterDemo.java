package dev.peregrine.ops.clusterdemo;

import dev.peregrine.gateway.venue.SimulatorSettings;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.gateway.venue.VenueSimulator;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * {@code peregrine demo --cluster N [--kill-leader-at T]}: N members, each a {@code peregrine run} process of its own
 * on loopback, trading live against the simulated Coinbase (market data and the order API with its user channel, in
 * this process, with a throwaway key). At {@code T} the leader is SIGKILLed; the demo prints the failover (who leads
 * next, how long until it sends), restarts the killed member from its folder, and at the end stops the market,
 * waits until the log is quiet, and prints each member's state hash at the same event count and the orders the venue
 * received twice.
 *
 * <p>Exit code 0 when every member ends with one state hash and the venue received no client order id twice; 1
 * otherwise.
 */
public final class ClusterDemo
{
    private static final String KEY_NAME = "organizations/peregrine-demo/apiKeys/cluster";
    private static final long QUIET_TIMEOUT_SECONDS = 90;

    /**
     * @param members     how many members (3 or 5 survive the loss of one or two)
     * @param killLeaderAt when to SIGKILL the leader, from the start of trading, or null for never
     * @param duration    how long the market runs, from the start of trading
     * @param dir         the demo's folder: member configs, folders and logs
     */
    public record Options(int members, Duration killLeaderAt, Duration duration, List<String> products, long seed,
        int tradesPerSecond, int portBase, Path dir)
    {
    }

    private final Options options;
    private final PrintWriter out;
    private final long startNanos = System.nanoTime();
    /** Orders the killed leader's process had sent when it was killed (its restart counts from 0), or -1. */
    private long ordersSentBeforeKill = -1;
    private int killedMember = -1;

    private ClusterDemo(final Options options, final PrintWriter out)
    {
        this.options = options;
        this.out = out;
    }

    public static int run(final Options options, final PrintWriter out) throws Exception
    {
        return new ClusterDemo(options, out).run();
    }

    private int run() throws Exception
    {
        Files.createDirectories(options.dir());
        final VenueSimulator venue = VenueRegistry.standard().venue("coinbase").simulator(new SimulatorSettings(null,
            options.products(), "127.0.0.1", 0, options.seed(), options.tradesPerSecond(), KEY_NAME, null,
            options.dir().resolve("credentials"), "127.0.0.1", null));
        final ScheduledExecutorService prices = Executors.newSingleThreadScheduledExecutor(runnable ->
        {
            final Thread thread = new Thread(runnable, "peregrine-demo-prices");
            thread.setDaemon(true);
            return thread;
        });
        final List<DemoMember> members = new ArrayList<>();
        try
        {
            venue.start(0);
            prices.scheduleAtFixedRate(venue::syncFillPrices, 100, 100, TimeUnit.MILLISECONDS);
            final Path config = writeConfig(venue);
            final byte[] token = new byte[16];
            new SecureRandom().nextBytes(token);
            final String adminToken = HexFormat.of().formatHex(token);
            out.printf("cluster: %d members on 127.0.0.1 (ports %d-%d), trading live against the simulated Coinbase at %s%n",
                options.members(), options.portBase(), options.portBase() + 10 * (options.members() - 1) + 4, venue.restUrl());
            out.println("cluster: configuration " + config + ", member logs in " + options.dir());
            for (int id = 0; id < options.members(); id++)
            {
                final DemoMember member = new DemoMember(id, config, options.dir(), adminToken);
                member.start();
                members.add(member);
            }
            final int first = awaitSender(members, -1, 120);
            if (first < 0)
            {
                return failed(members, "no member led and sent orders within 120 s");
            }
            out.printf("%s member %d leads and sends orders (term %d)%n", at(), first, members.get(first).health().term());
            final long tradingStart = System.nanoTime();
            boolean killed = options.killLeaderAt() == null;
            long nextStatus = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (System.nanoTime() - tradingStart < options.duration().toNanos())
            {
                if (!killed && System.nanoTime() - tradingStart >= options.killLeaderAt().toNanos())
                {
                    killed = true;
                    if (!failover(members))
                    {
                        return failed(members, "no new leader within 60 s of the kill");
                    }
                }
                if (System.nanoTime() - nextStatus > 0)
                {
                    status(members, venue);
                    nextStatus += TimeUnit.SECONDS.toNanos(5);
                }
                Thread.sleep(50);
            }
            venue.stopMarketData();
            out.printf("%s market data stopped; waiting for the log to go quiet%n", at());
            final List<DemoMember.Health> quiet = awaitQuiet(members);
            if (quiet == null)
            {
                return failed(members, "the members did not reach one event count within " + QUIET_TIMEOUT_SECONDS + " s");
            }
            boolean oneHash = true;
            for (int id = 0; id < members.size(); id++)
            {
                final DemoMember.Health health = quiet.get(id);
                // A restarted member's process counts from its restart: the killed process's count, read a moment
                // before the kill (the orders of that moment are in the venue's count only), is added and said.
                final String killedRun = id == killedMember ?
                    " (" + health.ordersSent() + " since its restart, " + ordersSentBeforeKill + " by its killed process a moment before the kill)" : "";
                out.printf("member %d (%s): state-hash: %s at event %d, %d orders sent while it led%s%n", id,
                    health.role().toLowerCase(Locale.ROOT), health.hash(), health.events(),
                    health.ordersSent() + (id == killedMember ? ordersSentBeforeKill : 0), killedRun);
                oneHash &= health.hash().equals(quiet.get(0).hash());
            }
            final int duplicates = venue.duplicatedClientOrderIds().size();
            out.println("orders at the venue: " + venue.distinctClientOrderIds() + " client order ids");
            out.println("duplicate orders at the venue: " + duplicates);
            out.println(oneHash ? "one state hash on every member" : "the members' state hashes differ");
            return oneHash && duplicates == 0 ? 0 : 1;
        }
        finally
        {
            for (final DemoMember member : members)
            {
                final int exit = member.stop(30);
                if (exit != 0)
                {
                    out.printf("member %d: stopped with exit code %d (log %s)%n", member.id(), exit, member.log());
                }
            }
            prices.shutdownNow();
            venue.close();
        }
    }

    private Path writeConfig(final VenueSimulator venue) throws IOException
    {
        final Path credentials = options.dir().resolve("credentials");
        final List<String> hosts = new ArrayList<>();
        for (int id = 0; id < options.members(); id++)
        {
            hosts.add("127.0.0.1");
        }
        final Path shm = Path.of("/dev/shm");
        final Path aeron = (Files.isDirectory(shm) ? shm : Path.of(System.getProperty("java.io.tmpdir")))
            .resolve("peregrine-demo-" + UUID.randomUUID().toString().substring(0, 8));
        return Files.writeString(options.dir().resolve("member.yaml"), String.join("\n",
            "# Written by peregrine demo --cluster: one file for every member, each started with --member N.",
            "profile: live",
            "venue:",
            "  name: coinbase",
            "  market_data_url: " + venue.marketDataUrl(),
            "  rest_url: " + venue.restUrl(),
            "  user_channel_url: " + venue.userChannelUrl(),
            "products: [" + String.join(", ", options.products()) + "]",
            "order: {notional: 1000, type: market}",
            "strategies:",
            "  - {type: ma-crossover, name: trend, params: {fast: 5, slow: 15, min-hold: 0s}}",
            "ports: {bind: 127.0.0.1, health: 0, metrics: 0}",
            "journal: {dir: " + options.dir().resolve("journal") + "}",
            "shutdown: {timeout: 20s}",
            "logging: {format: text}",
            "secrets:",
            "  coinbase_api_key_file: " + credentials.resolve("coinbase_api_key"),
            "  coinbase_api_secret_file: " + credentials.resolve("coinbase_api_secret"),
            "cluster:",
            "  members: [" + String.join(", ", hosts) + "]",
            "  port_base: " + options.portBase(),
            "  dir: " + options.dir().resolve("cluster"),
            "  aeron_dir: " + aeron,
            "  leader_heartbeat_timeout: 2s",
            "  clock_interval: 1s",
            "  snapshot_every: 10s",
            ""));
    }

    /** SIGKILLs the member that sends, waits for another to claim the egress, restarts the killed one. */
    private boolean failover(final List<DemoMember> members) throws Exception
    {
        final int leader = awaitSender(members, -1, 30);
        if (leader < 0)
        {
            out.printf("%s no member sends orders: nothing to kill%n", at());
            return true;
        }
        final DemoMember.Health before = members.get(leader).health();
        members.get(leader).kill();
        killedMember = leader;
        ordersSentBeforeKill = before.ordersSent();
        final long killed = System.nanoTime();
        out.printf("%s killed the leader, member %d (SIGKILL), at event %d, term %d%n", at(), leader, before.events(), before.term());
        final int next = awaitSender(members, leader, 60);
        if (next < 0)
        {
            return false;
        }
        out.printf("%s failover: member %d leads (term %d) and sends, %.1f s after the kill (election, egress claim, " +
            "reconciliation of the orders in flight)%n", at(), next, members.get(next).health().term(),
            (System.nanoTime() - killed) / 1e9);
        members.get(leader).start();
        out.printf("%s member %d restarted: it loads its latest snapshot (every 10 s) and replays the log after it%n", at(), leader);
        return true;
    }

    private void status(final List<DemoMember> members, final VenueSimulator venue)
    {
        final StringBuilder line = new StringBuilder(at()).append(" orders at the venue ").append(venue.distinctClientOrderIds());
        for (final DemoMember member : members)
        {
            final DemoMember.Health health = member.health();
            final String role = !"NONE".equals(health.role()) ? health.role().toLowerCase(Locale.ROOT) :
                member.alive() ? "starting" : "down";
            line.append("; member ").append(member.id()).append(' ').append(role);
            if (health.events() >= 0)
            {
                line.append(" at event ").append(health.events());
            }
        }
        out.println(line);
    }

    /** The member (other than {@code not}) whose claim of the egress is in force, waiting up to {@code seconds}. */
    private static int awaitSender(final List<DemoMember> members, final int not, final int seconds) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (System.nanoTime() - deadline < 0)
        {
            for (final DemoMember member : members)
            {
                if (member.id() != not && member.health().egress())
                {
                    return member.id();
                }
            }
            Thread.sleep(100);
        }
        return -1;
    }

    /** Every member's health once all report the same event count and hash (the log quiet between clock ticks). */
    private static List<DemoMember.Health> awaitQuiet(final List<DemoMember> members) throws InterruptedException
    {
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(QUIET_TIMEOUT_SECONDS);
        List<DemoMember.Health> last = null;
        while (System.nanoTime() - deadline < 0)
        {
            final List<DemoMember.Health> now = new ArrayList<>();
            for (final DemoMember member : members)
            {
                now.add(member.health());
            }
            final long events = now.get(0).events();
            final boolean same = events >= 0 && now.stream().allMatch(h -> h.events() == events);
            if (same && now.equals(last))
            {
                return now;
            }
            last = same ? now : null;
            Thread.sleep(150);
        }
        return null;
    }

    private int failed(final List<DemoMember> members, final String why)
    {
        out.println("peregrine demo --cluster: " + why);
        for (final DemoMember member : members)
        {
            out.printf("member %d (%s):%n%s%n", member.id(), member.log(), member.tail(12));
        }
        return 1;
    }

    private String at()
    {
        return String.format(Locale.ROOT, "t=%5.1fs", (System.nanoTime() - startNanos) / 1e9);
    }
}
