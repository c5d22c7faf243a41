package dev.peregrine.acceptance;

import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.Summary;
import dev.peregrine.acceptance.support.UserChecks;
import dev.peregrine.acceptance.support.Workspace;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Start-up time bounded (issue 13, 3): a demo snapshotting every 500 events is killed with SIGKILL and started
 * again on its journal. The restart says it recovered from a snapshot plus the journal's tail, and the journal
 * still replays to the restarted run's hashes (a snapshot-based recovery equals a full replay). A third start,
 * after the second's graceful stop, recovers from the stop's snapshot with no tail at all.
 */
class RestartFromSnapshotTest
{
    private static final Pattern RECOVERY = Pattern.compile(
        "recovery: recovered ([0-9,]+) events from snapshot at index 0x\\p{XDigit}+ \\(([0-9,]+) events\\) plus ([0-9,]+) tail events");
    private static final Pattern CONTINUING = Pattern.compile("continuing from the journal: ([0-9,]+) earlier events");

    @Test
    void aRestartRecoversFromTheNewestSnapshotPlusTheTailAndStillReplays()
    {
        final Path dir = Workspace.caseDir("restart-from-snapshot");
        final Path journal = dir.resolve("journal");
        final SoftAssertions soft = new SoftAssertions();

        final Peregrine.Running first = Peregrine.start(dir, Map.of(), demo(journal, "60s"));
        first.await(Pattern.compile("metrics: http"), 60);
        Peregrine.sleep(8_000);
        soft.assertThat(first.kill9()).as("killed by SIGKILL").isEqualTo(137);

        final Peregrine.Result second = Peregrine.run(dir, Map.of(), Duration.ofMinutes(2), demo(journal, "4s"));
        soft.assertThat(second.exitCode()).as("restart exit code\n%s", second.describe()).isZero();
        final Matcher recovery = RECOVERY.matcher(second.output());
        soft.assertThat(recovery.find()).as("the restart says it recovered from a snapshot\n%s", second.output()).isTrue();
        if (recovery.find(0))
        {
            final long total = number(recovery.group(1));
            final long fromSnapshot = number(recovery.group(2));
            final long tail = number(recovery.group(3));
            soft.assertThat(fromSnapshot).as("events from the snapshot").isPositive();
            soft.assertThat(tail).as("tail events: fewer than a snapshot interval plus what the journal ran ahead")
                .isLessThan(fromSnapshot);
            soft.assertThat(fromSnapshot + tail).isEqualTo(total);
            final Matcher continuing = CONTINUING.matcher(second.output());
            soft.assertThat(continuing.find() ? number(continuing.group(1)) : -1).as("the events the restart continued from")
                .isEqualTo(total);
        }
        UserChecks.replayEqualsLive(soft, dir, journal, new Summary(second.output()));

        final Peregrine.Result third = Peregrine.run(dir, Map.of(), Duration.ofMinutes(2), demo(journal, "2s"));
        soft.assertThat(third.exitCode()).as("third start exit code\n%s", third.describe()).isZero();
        soft.assertThat(third.output()).as("after a graceful stop nothing is left to replay")
            .containsPattern(RECOVERY.pattern().replace("([0-9,]+) tail events", "0 tail events"));
        UserChecks.replayEqualsLive(soft, dir, journal, new Summary(third.output()));
        soft.assertAll();
    }

    private static String[] demo(final Path journal, final String duration)
    {
        final List<String> args = new ArrayList<>(List.of("demo", "--duration", duration, "--journal", journal.toString(),
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking", "--snapshot-every", "500",
            "--strategy", "ma-crossover:min-hold=0s"));
        return args.toArray(String[]::new);
    }

    private static long number(final String text)
    {
        return Long.parseLong(text.replace(",", ""));
    }
}
