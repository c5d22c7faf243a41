package dev.peregrine.ops;

import dev.peregrine.journal.DecisionJournal;
import net.openhft.chronicle.bytes.Bytes;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A demo's journal with its {@code .cq4} file cut in half for real: every command that reads it refuses
 * with exit 1 and one line naming the file and the last good index, and with {@code --accept-truncated}
 * goes on after one WARNING line. {@code replay} and a {@code demo} restarting on the journal are run as
 * child processes, as a user runs them; the other readers in-process through the same entry point.
 */
class TruncatedJournalTest
{
    @TempDir
    static Path temp;
    private static Path pristine;

    private Path work;

    @BeforeEach
    void newWorkFolder() throws IOException
    {
        work = Files.createTempDirectory(temp, "work");
    }

    @BeforeAll
    static void recordADemo()
    {
        pristine = temp.resolve("pristine");
        final Run demo = new Run("demo", "--duration", "4s", "--trades-per-second", "400", "--metrics-port", "0",
            "--health-port", "0", "--wait-strategy", "blocking", "--journal", pristine.toString());
        assertThat(demo.exit).as("stderr: %s", demo.err.lines()).isZero();
    }

    private static final class Run
    {
        final LineCapture out = new LineCapture();
        final LineCapture err = new LineCapture();
        final int exit;

        Run(final String... args)
        {
            exit = PeregrineCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        }
    }

    /** A copy of the demo's journal whose queue file in {@code queueDir} (relative) is cut in half of its data. */
    private Path cutCopy(final String queueDir) throws IOException
    {
        final Path journal = work.resolve("journal");
        copy(pristine, journal);
        final Path dir = queueDir.isEmpty() ? journal : journal.resolve(queueDir);
        truncate(onlyQueueFile(dir), dataEnd(dir) / 2);
        return journal;
    }

    @Test
    void everyReaderRefusesWithExitOneAndOneLineAndReadsWhatIsLeftWithTheFlag() throws IOException
    {
        final Path journal = cutCopy("");
        final Path file = onlyQueueFile(journal);
        final String[][] commands = {
            {"replay", "--journal", journal.toString()},
            {"report", "--journal", journal.toString(), "--out", work.resolve("report").toString()},
            {"backtest", "--data", journal.toString(), "--strategy", "ma-crossover"},
            {"journal", "dump", "--journal", journal.toString()},
            {"journal", "stats", "--journal", journal.toString()},
            {"journal", "tail", "--journal", journal.toString()},
            {"decisions", "--journal", journal.toString()},
            {"decisions", "--journal", journal.toString(), "--replay"},
        };
        for (final String[] command : commands)
        {
            final String name = String.join(" ", command);
            final Run refused = new Run(command);
            assertThat(refused.exit).as(name).isEqualTo(1);
            assertThat(refused.err.lines()).as(name).singleElement().asString()
                .startsWith("peregrine: journal damaged: " + file + " is cut short: ")
                .containsPattern("entries after index 0x[0-9a-f]+ are missing \\(last good index 0x[0-9a-f]+")
                .endsWith("; pass --accept-truncated to read what is left");
            assertThat(String.join("\n", refused.out.lines())).as(name).doesNotContain("output-digest");

            final String[] accepting = Stream.concat(Stream.of(command), Stream.of("--accept-truncated")).toArray(String[]::new);
            final Run accepted = new Run(accepting);
            assertThat(accepted.exit).as("%s --accept-truncated: %s", name, accepted.err.lines()).isZero();
            assertThat(accepted.err.lines().stream().filter(l -> l.startsWith("WARNING: journal damaged: " + file)))
                .as(name).hasSize(1);
        }
        // Reading never changed the file: the next reader still sees the damage.
        assertThat(new Run("replay", "--journal", journal.toString()).exit).isEqualTo(1);
    }

    @Test
    void aDecisionJournalCutShortIsRefusedByDecisionsAndStats() throws IOException
    {
        final Path journal = cutCopy(DecisionJournal.FOLDER);
        final Path file = onlyQueueFile(journal.resolve(DecisionJournal.FOLDER));
        final Run decisions = new Run("decisions", "--journal", journal.toString());
        assertThat(decisions.exit).isEqualTo(1);
        assertThat(String.join("\n", decisions.err.lines())).contains("journal damaged: " + file + " is cut short: ");
        final Run stats = new Run("journal", "stats", "--journal", journal.toString());
        assertThat(stats.exit).isEqualTo(1);
        assertThat(String.join("\n", stats.err.lines())).contains("journal damaged: " + file + " is cut short: ");

        final Run accepted = new Run("decisions", "--journal", journal.toString(), "--accept-truncated");
        assertThat(accepted.exit).as("%s", accepted.err.lines()).isZero();
        assertThat(accepted.err.lines()).anyMatch(l -> l.startsWith("WARNING: journal damaged: " + file));
        // Replay of the inputs regenerates every decision: nothing of the audit trail is lost.
        assertThat(new Run("decisions", "--journal", journal.toString(), "--replay").exit).isZero();
    }

    @Test
    void replayAndADemoRestartInChildProcessesRefuseACutJournalAndAcceptItWithTheFlag() throws Exception
    {
        final Path journal = cutCopy("");
        final Path file = onlyQueueFile(journal);
        final long cutSize = Files.size(file);

        final Child replay = child(work.resolve("replay.log"), "replay", "--journal", journal.toString());
        assertThat(replay.exit).as(replay.output).isEqualTo(1);
        assertThat(replay.lines()).as(replay.output).anyMatch(l -> l.startsWith("peregrine: journal damaged: " + file +
            " is cut short: ") && l.endsWith("pass --accept-truncated to read what is left"));
        assertThat(replay.output).doesNotContain("output-digest").doesNotContain("Exception");

        final Child accepted = child(work.resolve("replay-accepted.log"), "replay", "--journal", journal.toString(),
            "--accept-truncated");
        assertThat(accepted.exit).as(accepted.output).isZero();
        assertThat(accepted.lines()).anyMatch(l -> l.startsWith("WARNING: journal damaged: " + file));
        assertThat(accepted.output).contains("output-digest: ");

        final String[] demo = {"demo", "--duration", "2s", "--journal", journal.toString(), "--metrics-port", "0",
            "--health-port", "0", "--wait-strategy", "blocking"};
        final Child refusedStart = child(work.resolve("demo.log"), demo);
        assertThat(refusedStart.exit).as(refusedStart.output).isEqualTo(1);
        assertThat(refusedStart.lines()).anyMatch(l -> l.startsWith("peregrine: journal damaged: " + file));
        assertThat(refusedStart.output).doesNotContain("Exception");
        assertThat(Files.size(file)).as("refused before Chronicle mapped (and extended) the file").isEqualTo(cutSize);

        final String[] acceptingDemo = Stream.concat(Stream.of(demo), Stream.of("--accept-truncated")).toArray(String[]::new);
        final Child recovered = child(work.resolve("demo-accepted.log"), acceptingDemo);
        assertThat(recovered.exit).as(recovered.output).isZero();
        assertThat(recovered.lines()).anyMatch(l -> l.startsWith("WARNING: journal damaged: " + file) &&
            l.contains("appending after the last good entry"));
        assertThat(journal.resolve(file.getFileName() + ".damaged")).exists();
        // The file was rewritten with its good entries and the restart appended after them: whole again.
        final Run clean = new Run("replay", "--journal", journal.toString());
        assertThat(clean.exit).as("%s", clean.err.lines()).isZero();
        assertThat(clean.err.lines()).noneMatch(l -> l.contains("damaged"));
    }

    private record Child(int exit, String output)
    {
        List<String> lines()
        {
            return output.lines().toList();
        }
    }

    private static Child child(final Path log, final String... args) throws Exception
    {
        final String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        final List<String> command = new ArrayList<>(List.of(java, "@" + CrashRecoveryKillTest.jvmOptions(), "-Xmx512m",
            "-cp", System.getProperty("java.class.path"), PeregrineCli.class.getName()));
        command.addAll(List.of(args));
        final Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as("%s finished", String.join(" ", args)).isTrue();
        return new Child(process.exitValue(), Files.readString(log));
    }

    /** Where the last complete document of the queue in {@code dir} ends, read by Chronicle before the cut. */
    private static long dataEnd(final Path dir)
    {
        long end = 0;
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir).readOnly(true).build();
             ExcerptTailer tailer = queue.createTailer())
        {
            while (true)
            {
                try (DocumentContext dc = tailer.readingDocument())
                {
                    if (!dc.isPresent())
                    {
                        return end;
                    }
                    final Bytes<?> bytes = dc.wire().bytes();
                    end = bytes.readLimit();
                }
            }
        }
    }

    private static Path onlyQueueFile(final Path dir) throws IOException
    {
        try (Stream<Path> files = Files.list(dir))
        {
            final List<Path> cq4 = files.filter(p -> p.getFileName().toString().endsWith(".cq4")).toList();
            assertThat(cq4).as("queue files in %s", dir).hasSize(1);
            return cq4.get(0);
        }
    }

    private static void truncate(final Path file, final long size) throws IOException
    {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            channel.truncate(size);
        }
    }

    private static void copy(final Path from, final Path to) throws IOException
    {
        try (Stream<Path> paths = Files.walk(from))
        {
            for (final Path p : paths.toList())
            {
                final Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p))
                {
                    Files.createDirectories(target);
                }
                else
                {
                    Files.copy(p, target);
                }
            }
        }
    }
}
