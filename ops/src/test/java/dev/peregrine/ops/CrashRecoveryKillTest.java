package dev.peregrine.ops;

import dev.peregrine.core.decision.DecisionRecord;
import dev.peregrine.journal.DecisionJournalReader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Crash-only recovery, proved the hard way: the engine runs as its own JVM over real loopback sockets
 * (the demo: simulated exchange, gateway, ring, journal, core, paper venue), is killed with SIGKILL at
 * twenty seeded random moments (some during start-up and recovery itself), and restarted on the same
 * journal each time. A last clean run then prints its output digest and state hash, which cover the whole
 * journal because every start first replays it; they must equal those of an uninterrupted replay of that
 * journal. A kill can land mid-append: the journal must still read back whole (a torn record is never
 * misread), and no order id may ever be used twice across the restarts.
 */
class CrashRecoveryKillTest
{
    private static final int KILLS = 20;
    private static final long SEED = 20261123L;

    @TempDir
    Path temp;

    static Path jvmOptions()
    {
        final String root = System.getProperty("peregrine.root");
        Path dir = root != null ? Path.of(root) : Path.of("").toAbsolutePath();
        while (dir != null && !Files.exists(dir.resolve("jvm.options")))
        {
            dir = dir.getParent();
        }
        assertThat(dir).as("jvm.options above %s", Path.of("").toAbsolutePath()).isNotNull();
        return dir.resolve("jvm.options");
    }

    private Process engine(final Path journal, final String duration, final Path log) throws IOException
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final List<String> command = new ArrayList<>(List.of(java, "@" + jvmOptions(), "-Xmx512m",
            "-cp", System.getProperty("java.class.path"), PeregrineCli.class.getName(),
            "demo", "--duration", duration, "--journal", journal.toString(), "--trades-per-second", "300",
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking"));
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    @Test
    void killedTwentyTimesAtRandomTheEngineEndsInTheStateOfAnUninterruptedRun() throws Exception
    {
        final Path journal = temp.resolve("journal");
        final Random random = new Random(SEED);
        int recoveredStarts = 0;
        for (int kill = 0; kill < KILLS; kill++)
        {
            final Path log = temp.resolve("run-" + kill + ".log");
            final Process process = engine(journal, "60s", log);
            // One kill in four lands inside JVM start-up and journal recovery (under ~1.5 s from the start); the
            // others well into trading, timed from the engine's own "metrics:" line (printed once it runs), so a
            // slow start on a loaded machine still gets kills while it trades.
            final boolean duringStartUp = kill % 4 == 0;
            final long delayMillis = duringStartUp ? 200 + random.nextInt(1300) : 300 + random.nextInt(2500);
            if (!duringStartUp)
            {
                assertThat(DaemonProcess.awaitOutput(process, log, "metrics: http", 60))
                    .as("run %d started: %s", kill, Files.readString(log)).isTrue();
            }
            final boolean exitedEarly = process.waitFor(delayMillis, TimeUnit.MILLISECONDS);
            assertThat(exitedEarly).as("run %d ended by itself before its kill: %s", kill, Files.readString(log)).isFalse();
            process.destroyForcibly(); // SIGKILL on Linux: no shutdown hook, no flush, no goodbye
            assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
            assertThat(process.exitValue()).as("killed by SIGKILL").isEqualTo(137);
            final String output = Files.readString(log);
            assertThat(output).as("run %d", kill).doesNotContain("Exception in thread \"main\"");
            if (output.contains("earlier events recovered into the core"))
            {
                recoveredStarts++;
            }
        }
        assertThat(recoveredStarts).as("starts that recovered a journal before they were killed").isPositive();

        final Path finalLog = temp.resolve("final.log");
        final Process last = engine(journal, "3s", finalLog);
        assertThat(last.waitFor(120, TimeUnit.SECONDS)).as("the clean run finishes").isTrue();
        final String finalOutput = Files.readString(finalLog);
        assertThat(last.exitValue()).as("clean run: %s", finalOutput).isZero();
        assertThat(finalOutput).contains("earlier events recovered into the core");

        final LineCapture replay = new LineCapture();
        final LineCapture err = new LineCapture();
        assertThat(PeregrineCli.run(new String[]{"replay", "--journal", journal.toString()},
            new PrintWriter(replay, true), new PrintWriter(err, true))).as("replay: %s", err.lines()).isZero();
        assertThat(replay.valueOf("state-hash:")).isEqualTo(value(finalOutput, "state-hash:"));
        assertThat(replay.valueOf("output-digest:")).isEqualTo(value(finalOutput, "output-digest:"));

        // Order ids come from the journal, so a restart continues them: across all twenty-one sessions the
        // decision journal holds each id at most once, in increasing order (a killed session may not have
        // written its last few decisions: those are regenerated by replay, never reissued).
        final List<Long> ids = new ArrayList<>();
        try (DecisionJournalReader reader = DecisionJournalReader.open(journal))
        {
            final DecisionRecord record = new DecisionRecord();
            while (reader.next(record))
            {
                ids.add(record.orderId());
            }
        }
        assertThat(ids).as("decisions journaled across the restarts").isNotEmpty();
        for (int i = 1; i < ids.size(); i++)
        {
            assertThat(ids.get(i)).as("order id after %d", ids.get(i - 1)).isGreaterThan(ids.get(i - 1));
        }
    }

    private static String value(final String output, final String prefix)
    {
        for (final String line : output.split(System.lineSeparator()))
        {
            if (line.startsWith(prefix))
            {
                return line.substring(prefix.length()).trim();
            }
        }
        throw new AssertionError("no '" + prefix + "' line in:" + File.separator + output);
    }
}
