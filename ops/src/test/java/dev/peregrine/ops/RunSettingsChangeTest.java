package dev.peregrine.ops;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.journal.DecisionJournalReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Configuration is an input, over real processes and files: {@code peregrine run} (paper, against the built-in
 * simulator) killed with SIGKILL, then started again on its journal with a raised position limit and an added
 * strategy, continues the journal (the change journaled at the restart point, shown by {@code journal dump}),
 * keeps trading with both strategies, and {@code replay} prints the hashes the second run printed. A change that
 * cannot continue (a product removed) exits 2 naming what blocks, and leaves the journal byte for byte as it was.
 * {@code config check --journal} says the same beforehand.
 */
class RunSettingsChangeTest
{
    private static final String TOKEN = "7d2e9b4a1c6f3e8d5a0b9c2f7e4d1a6b3c8f5e2d";

    @TempDir
    Path temp;

    @Test
    void aRunRestartedWithARaisedLimitAndAnAddedStrategyContinuesItsJournalAndReplaysToItsHashes() throws Exception
    {
        final Path journal = temp.resolve("journal");
        killedAfterTrading(config("a.yaml", "0.08", false, "BTC-USD, ETH-USD"), journal);
        final Path raised = config("b.yaml", "0.16", true, "BTC-USD, ETH-USD");

        final Path checkLog = temp.resolve("check.log");
        final int check = DaemonProcess.run(temp, env(journal), checkLog, "config", "check", "--config", raised.toString(),
            "--journal", journal.toString());
        final String checked = DaemonProcess.read(checkLog);
        assertThat(check).as(checked).isZero();
        assertThat(checked).contains("journal " + journal + ": continues (",
            "  risk.maxPosition[BTC-USD]: 0.08 -> 0.16",
            "  strategy added: ma-crossover:name=second,");

        final long lastOrderBefore = lastOrderId(journal);
        final Path log = temp.resolve("run-b.log");
        final Process process = DaemonProcess.start(temp, env(journal), log, "run", "--config", raised.toString());
        final String output = DaemonProcess.sigtermOnceLogged(process, log, "[   3s]");
        assertThat(output).contains("continuing from the journal:",
            "settings: continuing the journal with", "  risk.maxPosition[BTC-USD]: 0.08 -> 0.16",
            "\"event\":\"recovery_completed\"", "\"settings_changes\":[");
        assertThat(ordersOfStrategy(journal, 2, lastOrderBefore)).as("orders of the added strategy after the restart")
            .isPositive();
        assertThat(lastOrderId(journal)).as("the engine keeps trading").isGreaterThan(lastOrderBefore);

        final String replayOut = DaemonProcess.replayPrintsTheHashesOf(journal, output);
        assertThat(replayOut).contains("settings: changed on the journal, applied where journaled");

        final StringWriter dump = new StringWriter();
        assertThat(PeregrineCli.run(new String[] {"journal", "dump", "--journal", journal.toString()},
            new PrintWriter(dump, true), new PrintWriter(new StringWriter(), true))).isZero();
        assertThat(dump.toString()).contains("{\"record\":\"SETTINGS\",\"before_event\":",
            "\"risk.maxPosition[BTC-USD]: 0.08 -> 0.16\"");
        final StringWriter stats = new StringWriter();
        assertThat(PeregrineCli.run(new String[] {"journal", "stats", "--journal", journal.toString()},
            new PrintWriter(stats, true), new PrintWriter(new StringWriter(), true))).isZero();
        assertThat(stats.toString()).contains("settings changes: 1 (now in effect: digest ");
    }

    @Test
    void aRemovedProductIsRefusedWithItsBlockersAndTheJournalIsLeftAsItWas() throws Exception
    {
        final Path journal = temp.resolve("journal");
        killedAfterTrading(config("a.yaml", "0.08", false, "BTC-USD, ETH-USD"), journal);
        final Path btcOnly = config("c.yaml", "0.08", false, "BTC-USD");
        final Map<String, String> before = journalFiles(journal);

        final Path checkLog = temp.resolve("check.log");
        final int check = DaemonProcess.run(temp, env(journal), checkLog, "config", "check", "--config", btcOnly.toString(),
            "--journal", journal.toString());
        final String checked = DaemonProcess.read(checkLog);
        assertThat(check).as(checked).isEqualTo(2);
        assertThat(checked).contains("journal " + journal + ": REFUSED: cannot continue with these settings",
            "  products: BTC-USD,ETH-USD -> BTC-USD: the product list cannot change on a running journal");

        final Path log = temp.resolve("run-c.log");
        final int code = DaemonProcess.run(temp, env(journal), log, "run", "--config", btcOnly.toString());
        final String output = DaemonProcess.read(log);
        assertThat(code).as(output).isEqualTo(2);
        assertThat(output).contains("cannot continue with these settings", "the journal was left as it was",
            "\n  products: BTC-USD,ETH-USD -> BTC-USD: ", "nothing was started")
            .doesNotContain("Exception", "--- summary ---");
        assertThat(journalFiles(journal)).as("the journal's files, byte for byte").isEqualTo(before);
    }

    /** Runs {@code config} until two status lines have passed, then SIGKILL: positions and orders stay in the journal. */
    private void killedAfterTrading(final Path config, final Path journal) throws Exception
    {
        final Path log = temp.resolve("run-a.log");
        final Process process = DaemonProcess.start(temp, env(journal), log, "run", "--config", config.toString());
        try
        {
            assertThat(DaemonProcess.awaitOutput(process, log, "[   3s]", 60)).as(DaemonProcess.read(log)).isTrue();
        }
        finally
        {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
        assertThat(lastOrderId(journal)).as("the first run traded: %s", DaemonProcess.read(log)).isPositive();
    }

    /** A paper configuration that trades within seconds: a fast crossover (and a second one when asked). */
    private Path config(final String name, final String btcMaxPosition, final boolean second, final String products)
        throws IOException
    {
        final StringBuilder yaml = new StringBuilder(String.join("\n",
            "profile: paper",
            "venue: {name: simulated, simulated: {seed: 7, trades_per_second: 300}}",
            "products: [" + products + "]",
            "order: {notional: 1000, type: market}",
            "strategies:",
            "  - {type: ma-crossover, name: trend, params: {fast: 5, slow: 20, min-hold: 0s}}",
            ""));
        if (second)
        {
            yaml.append("  - {type: ma-crossover, name: second, params: {fast: 3, slow: 9, min-hold: 0s}}\n");
        }
        yaml.append("risk:\n  products:\n    BTC-USD: {max_order: 0.04, max_position: ").append(btcMaxPosition).append("}\n");
        if (products.contains("ETH-USD"))
        {
            yaml.append("    ETH-USD: {max_order: 1.2, max_position: 2.4}\n");
        }
        yaml.append(String.join("\n",
            "ports: {bind: 127.0.0.1, health: 0, metrics: 0}",
            "ring: {size: 16384, wait_strategy: blocking}",
            "shutdown: {cancel_open_orders: true, timeout: 20s}",
            "logging: {format: json}",
            ""));
        return Files.writeString(temp.resolve(name), yaml.toString());
    }

    private static Map<String, String> env(final Path journal)
    {
        final Map<String, String> env = new HashMap<>();
        env.put("PEREGRINE_JOURNAL_DIR", journal.toString());
        env.put("PEREGRINE_ADMIN_TOKEN", TOKEN);
        return env;
    }

    private static long lastOrderId(final Path journal)
    {
        return ordersOfStrategy(journal, -1, 0) > 0 ? maxOrderId(journal) : 0;
    }

    private static long maxOrderId(final Path journal)
    {
        long max = 0;
        try (DecisionJournalReader reader = DecisionJournalReader.open(journal))
        {
            final DecisionRecord record = new DecisionRecord();
            while (reader.next(record))
            {
                max = Math.max(max, record.orderId());
            }
        }
        return max;
    }

    /** Decisions of {@code strategyId} (any, when negative) on orders after {@code afterOrderId}. */
    private static long ordersOfStrategy(final Path journal, final int strategyId, final long afterOrderId)
    {
        if (!DecisionJournalReader.exists(journal))
        {
            return 0;
        }
        long count = 0;
        try (DecisionJournalReader reader = DecisionJournalReader.open(journal))
        {
            final DecisionRecord record = new DecisionRecord();
            while (reader.next(record))
            {
                if ((strategyId < 0 || record.strategyId() == strategyId) && record.orderId() > afterOrderId)
                {
                    count++;
                }
            }
        }
        return count;
    }

    /** Every journal file (inputs and decisions) with a hash of its bytes. */
    private static Map<String, String> journalFiles(final Path journal) throws IOException
    {
        final Map<String, String> files = new TreeMap<>();
        try (Stream<Path> all = Files.walk(journal))
        {
            for (final Path p : (Iterable<Path>) all.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(".cq4"))::iterator)
            {
                files.put(journal.relativize(p).toString(), Integer.toHexString(java.util.Arrays.hashCode(Files.readAllBytes(p))));
            }
        }
        return files;
    }
}
