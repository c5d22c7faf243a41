package dev.peregrine.acceptance;

import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.Workspace;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user's journal file is cut short (a copy that stopped half-way, a full disk's victim, {@code truncate}):
 * {@code replay}, {@code report} and a {@code demo} restarting on the journal each refuse with exit 1 and
 * one line naming the file and the last good index; {@code replay --accept-truncated} says what was lost
 * in a WARNING line and replays the events that are left, fewer than before the cut.
 */
class TruncatedJournalIsNeverReplayedSilentlyTest
{
    private static final Pattern REPLAYED = Pattern.compile("replayed ([0-9,]+) events");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    @Test
    void aTruncatedJournalIsNeverReplayedSilently() throws Exception
    {
        final Path dir = Workspace.caseDir("truncated-journal");
        final Path journal = dir.resolve("journal");
        final Peregrine.Result demo = Peregrine.run(dir, TIMEOUT, "demo", "--duration", "6s", "--journal",
            journal.toString(), "--metrics-port", "0", "--health-port", "0");
        assertThat(demo.exitCode()).as(demo.describe()).isZero();
        final Peregrine.Result whole = Peregrine.run(dir, TIMEOUT, "replay", "--journal", journal.toString());
        assertThat(whole.exitCode()).as(whole.describe()).isZero();
        final long events = replayed(whole);

        // Cut the day's file in half of what was written to it, with the program a user would use.
        final Path file = queueFile(journal);
        final long half = lastNonZeroByte(file) / 2;
        final Process truncate = new ProcessBuilder("truncate", "-s", Long.toString(half), file.toString())
            .inheritIO().start();
        assertThat(truncate.waitFor(30, TimeUnit.SECONDS) && truncate.exitValue() == 0).as("truncate -s").isTrue();

        final SoftAssertions soft = new SoftAssertions();
        final String refusal = "journal damaged: " + file + " is cut short: ";
        final Peregrine.Result replay = Peregrine.run(dir, TIMEOUT, "replay", "--journal", journal.toString());
        soft.assertThat(replay.exitCode()).as(replay.describe()).isEqualTo(1);
        soft.assertThat(lines(replay)).as(replay.describe())
            .anyMatch(l -> l.contains(refusal) && l.contains("last good index 0x") && l.contains("--accept-truncated"))
            .noneMatch(l -> l.startsWith("\tat ")); // one line, no stack trace
        soft.assertThat(replay.output()).as("no digest from a journal that lost events").doesNotContain("output-digest");

        final Path reportDir = dir.resolve("report");
        final Peregrine.Result report = Peregrine.run(dir, TIMEOUT, "report", "--journal", journal.toString(),
            "--out", reportDir.toString());
        soft.assertThat(report.exitCode()).as(report.describe()).isEqualTo(1);
        soft.assertThat(report.output()).as(report.describe()).contains(refusal);
        soft.assertThat(reportDir.resolve("report.json")).as("no report of a journal that lost events").doesNotExist();

        final Peregrine.Result restart = Peregrine.run(dir, TIMEOUT, "demo", "--duration", "2s", "--journal",
            journal.toString(), "--metrics-port", "0", "--health-port", "0");
        soft.assertThat(restart.exitCode()).as(restart.describe()).isEqualTo(1);
        soft.assertThat(restart.output()).as(restart.describe()).contains(refusal).doesNotContain("Exception");

        final Peregrine.Result accepted = Peregrine.run(dir, TIMEOUT, "replay", "--journal", journal.toString(),
            "--accept-truncated");
        soft.assertThat(accepted.exitCode()).as(accepted.describe()).isZero();
        soft.assertThat(accepted.output()).as(accepted.describe()).contains("WARNING: " + refusal)
            .contains("output-digest: ");
        if (accepted.exitCode() == 0)
        {
            soft.assertThat(replayed(accepted)).as("events replayed from what is left").isPositive().isLessThan(events);
        }
        soft.assertAll();
    }

    private static long replayed(final Peregrine.Result result)
    {
        final Matcher m = REPLAYED.matcher(result.stdout());
        assertThat(m.find()).as(result.describe()).isTrue();
        return Long.parseLong(m.group(1).replace(",", ""));
    }

    private static List<String> lines(final Peregrine.Result result)
    {
        return result.output().lines().filter(line -> !line.isBlank()).toList();
    }

    private static Path queueFile(final Path journal) throws IOException
    {
        try (Stream<Path> files = Files.list(journal))
        {
            final List<Path> cq4 = files.filter(p -> p.getFileName().toString().endsWith(".cq4")).toList();
            assertThat(cq4).as("the demo's one day file").hasSize(1);
            return cq4.get(0);
        }
    }

    /** Chronicle pre-allocates its files with zeros: what was written ends at the last non-zero byte. */
    private static long lastNonZeroByte(final Path file) throws IOException
    {
        try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "r"))
        {
            final byte[] block = new byte[1 << 16];
            long last = 0;
            for (long pos = 0; pos < raf.length(); pos += block.length)
            {
                raf.seek(pos);
                final int n = raf.read(block);
                for (int i = 0; i < n; i++)
                {
                    if (block[i] != 0)
                    {
                        last = pos + i + 1;
                    }
                }
            }
            return last;
        }
    }
}
