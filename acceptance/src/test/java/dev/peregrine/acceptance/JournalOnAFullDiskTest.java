package dev.peregrine.acceptance;

import dev.peregrine.acceptance.support.Daemon;
import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.Simulator;
import dev.peregrine.acceptance.support.SmallVolume;
import dev.peregrine.acceptance.support.Summary;
import dev.peregrine.acceptance.support.UserChecks;
import dev.peregrine.acceptance.support.Workspace;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An operator runs {@code demo} with its journal on a volume that fills up (a real tmpfs of 8 MiB): the run
 * stops by itself, exits 1 with one line naming the journal folder, the cause, the last journaled event and
 * what to do, prints no stack trace, and its figures and hashes cover no more than the journal holds (a
 * replay of it prints the same hashes). The read tools work on the full volume; a start on it is refused with
 * one line; once the volume is grown the next start continues from the journal, and {@code decisions} and
 * {@code journal stats} read both sessions. A second case fills the volume from outside while the engine
 * writes (the mapped-file fault path, which tears the last records) and checks the restart repairs them; a
 * third runs the live profile against {@code sim} and checks it stops the same way and says what it left open
 * at the venue.
 * Skipped without permission to mount (a failure under PEREGRINE_REQUIRE_EXTERNAL=true).
 */
class JournalOnAFullDiskTest
{
    private static final Map<String, String> ENV = Map.of("PEREGRINE_ADMIN_TOKEN", "full-disk-acceptance-token-0123456789");
    private static final Pattern EVENTS_IN_STATS = Pattern.compile("(?m)^events: +([0-9,]+)");
    /** A run that logged a trace per event wrote megabytes; the stop is a handful of lines. */
    private static final int STDERR_LIMIT = 16 * 1024;

    @Test
    void aJournalThatFillsItsVolumeStopsTheEngineAndARestartWithMoreSpaceContinues()
    {
        final Path dir = Workspace.caseDir("journal-on-a-full-disk");
        final SoftAssertions soft = new SoftAssertions();
        try (SmallVolume volume = SmallVolume.mount(dir.resolve("volume"), 8))
        {
            final Path journal = volume.dir().resolve("journal");
            final Peregrine.Result full = demo(dir, journal, "120s", "--trades-per-second", "5000");
            checkStoppedClearly(soft, full, journal);
            final Summary summary = new Summary(full.output());
            soft.assertThat(full.output()).as("says what the hashes cover\n%s", full.describe())
                .containsPattern("cover the [0-9,]+ journaled events only");
            // The read tools on the full volume: one line or a result, never a trace.
            final Optional<Long> journaled = statsEvents(soft, dir, journal);
            soft.assertThat(summary.count("events")).as("the core took no more events than the journal holds\n%s",
                full.describe()).isEqualTo(journaled);
            UserChecks.replayEqualsLive(soft, dir, journal, summary);
            decisionsWork(soft, dir, journal);

            final Peregrine.Result refused = demo(dir, journal, "5s");
            soft.assertThat(refused.exitCode()).as("a start on the full volume\n%s", refused.describe()).isEqualTo(2);
            soft.assertThat(refused.output()).as("one line naming the folder and the cause\n%s", refused.describe())
                .contains("journal folder " + journal).contains("No space left on device").contains("free space");
            noStackTrace(soft, refused);

            volume.resize(64); // the operator frees space
            restartWithSpaceContinues(soft, dir, journal, "8s");
        }
        soft.assertAll();
    }

    @Test
    void aVolumeFilledFromOutsideWhileTheEngineWritesStopsItAndTheRestartRepairsTheTornTails() throws Exception
    {
        final Path dir = Workspace.caseDir("journal-volume-filled-from-outside");
        final SoftAssertions soft = new SoftAssertions();
        try (SmallVolume volume = SmallVolume.mount(dir.resolve("volume"), 48))
        {
            final Path journal = volume.dir().resolve("journal");
            final Peregrine.Running running = Peregrine.start(dir, ENV, "demo", "--duration", "120s", "--journal",
                journal.toString(), "--metrics-port", "0", "--health-port", "0", "--trades-per-second", "5000");
            running.await(Pattern.compile("(?m)^metrics: "), 60);
            Peregrine.sleep(2_000);
            final Path filler = volume.dir().resolve("filler");
            fillUp(filler);
            soft.assertThat(running.waitFor(Duration.ofSeconds(90))).as("the engine stopped by itself").isTrue();
            final Peregrine.Result full = running.result();
            checkStoppedClearly(soft, full, journal);

            Files.delete(filler); // space freed
            restartWithSpaceContinues(soft, dir, journal, "5s");
        }
        soft.assertAll();
    }

    @Test
    void aLiveRunWhoseJournalFillsItsVolumeStopsAndSaysWhatItLeftAtTheVenue()
    {
        final Path dir = Workspace.caseDir("journal-on-a-full-disk-live");
        final SoftAssertions soft = new SoftAssertions();
        final Simulator sim = Simulator.start(dir, "--trades-per-second", "3000");
        try (SmallVolume volume = SmallVolume.mount(dir.resolve("volume"), 8))
        {
            final Path journal = volume.dir().resolve("journal");
            final Daemon run = sim.startLiveRun(journal);
            final boolean stopped = run.process().waitFor(Duration.ofMinutes(3));
            soft.assertThat(stopped).as("the live run stopped by itself").isTrue();
            if (!stopped)
            {
                run.process().kill9();
            }
            final Peregrine.Result full = run.process().result();
            checkStoppedClearly(soft, full, journal);
            soft.assertThat(full.output()).as("says what it left at the venue\n%s", full.describe())
                .containsPattern("live venue: [0-9]+ orders? left open at the venue, not cancelled");
            UserChecks.replayEqualsLive(soft, dir, journal, new Summary(full.stderr()));
        }
        finally
        {
            sim.stop();
        }
        soft.assertAll();
    }

    private static Peregrine.Result demo(final Path dir, final Path journal, final String duration, final String... more)
    {
        final String[] args = new String[9 + more.length];
        System.arraycopy(new String[] {"demo", "--duration", duration, "--journal", journal.toString(), "--metrics-port", "0",
            "--health-port", "0"}, 0, args, 0, 9);
        System.arraycopy(more, 0, args, 9, more.length);
        return Peregrine.run(dir, ENV, Duration.ofMinutes(3), args);
    }

    /** The next start, with space again, runs for {@code duration}, continues the journal and reads and replays it whole. */
    private static void restartWithSpaceContinues(final SoftAssertions soft, final Path dir, final Path journal,
        final String duration)
    {
        final Peregrine.Result resumed = demo(dir, journal, duration);
        soft.assertThat(resumed.exitCode()).as("the restart with space\n%s", resumed.describe()).isZero();
        soft.assertThat(resumed.output()).as("continues from the journal\n%s", resumed.describe())
            .containsPattern("continuing from the journal: [0-9,]+ earlier events");
        statsEvents(soft, dir, journal);
        decisionsWork(soft, dir, journal);
        UserChecks.replayEqualsLive(soft, dir, journal, new Summary(resumed.output()));
    }

    /** Exit 1, the one line (folder, cause, last event, what to do), a small stderr and no trace. */
    private static void checkStoppedClearly(final SoftAssertions soft, final Peregrine.Result run, final Path journal)
    {
        soft.assertThat(run.exitCode()).as("exit code of the run whose journal filled its volume\n%s", run.describe())
            .isEqualTo(1);
        final Matcher line = Pattern.compile("(?m)^journal FAILED: cannot append to " + Pattern.quote(journal.toString()) +
            ": No space left on device .*the journal holds (?:at most )?[0-9,]+ events \\(last journaled: event #[0-9,]+.*\\).*" +
            "Free space on that volume.*start again on the same folder.*$").matcher(run.output());
        soft.assertThat(line.find()).as("the one clear line\n%s", run.describe()).isTrue();
        soft.assertThat(run.output().split("journal FAILED", -1).length - 1).as("said once\n%s", run.describe())
            .isEqualTo(1);
        soft.assertThat(run.stderr().length()).as("stderr stays small\n%s", run.describe()).isLessThan(STDERR_LIMIT);
        noStackTrace(soft, run);
    }

    private static void noStackTrace(final SoftAssertions soft, final Peregrine.Result run)
    {
        soft.assertThat(run.output()).as("no stack trace\n%s", run.describe())
            .doesNotContain("Exception in thread").doesNotContainPattern("(?m)^\\s+at [a-z]+\\.");
    }

    /** {@code journal stats}: exit 0 and its event count. */
    private static Optional<Long> statsEvents(final SoftAssertions soft, final Path dir, final Path journal)
    {
        final Peregrine.Result stats = Peregrine.run(dir, Duration.ofMinutes(2), "journal", "stats", "--journal",
            journal.toString());
        soft.assertThat(stats.exitCode()).as("journal stats\n%s", stats.describe()).isZero();
        noStackTrace(soft, stats);
        final Matcher m = EVENTS_IN_STATS.matcher(stats.stdout());
        soft.assertThat(m.find()).as("journal stats prints the event count\n%s", stats.describe()).isTrue();
        return m.find(0) ? Optional.of(Long.parseLong(m.group(1).replace(",", ""))) : Optional.empty();
    }

    private static void decisionsWork(final SoftAssertions soft, final Path dir, final Path journal)
    {
        final Peregrine.Result decisions = Peregrine.run(dir, Duration.ofMinutes(2), "decisions", "--journal",
            journal.toString());
        soft.assertThat(decisions.exitCode()).as("decisions\n%s", decisions.describe()).isZero();
        soft.assertThat(decisions.stdout()).as("decisions lists what it read\n%s", decisions.describe())
            .containsPattern("decisions? listed of [0-9]+ read from");
        noStackTrace(soft, decisions);
    }

    /** Writes to {@code filler} until the volume refuses more (ENOSPC), as another process filling the disk. */
    private static void fillUp(final Path filler)
    {
        final byte[] chunk = new byte[256 * 1024];
        try (OutputStream out = Files.newOutputStream(filler))
        {
            while (true)
            {
                out.write(chunk);
            }
        }
        catch (final IOException full)
        {
            // No space left on device: the volume is full.
        }
    }
}
