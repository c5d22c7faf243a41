package dev.peregrine.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

/** What the user gets wrong ends in one clear line and exit code 2, with nothing left running. */
class DemoBadInputTest
{
    @TempDir
    Path temp;

    private final LineCapture out = new LineCapture();
    private final LineCapture err = new LineCapture();

    private int demo(final String... args)
    {
        final String[] full = new String[args.length + 1];
        full[0] = "demo";
        System.arraycopy(args, 0, full, 1, args.length);
        return PeregrineCli.run(full, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    @Test
    void unknownProduct()
    {
        assertThat(demo("--products", "BTC-USD,FOO-BAR", "--journal", temp.resolve("j").toString())).isEqualTo(2);
        assertThat(err.lines()).hasSize(1);
        assertThat(err.lines().get(0)).startsWith("peregrine: unknown product 'FOO-BAR' (known: BTC-USD,");
        assertThat(temp.resolve("j")).doesNotExist();
    }

    @Test
    void portInUse() throws Exception
    {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress()))
        {
            assertThat(demo("--metrics-port", Integer.toString(taken.getLocalPort()), "--health-port", "0",
                "--journal", temp.resolve("j").toString())).isEqualTo(2);
        }
        assertThat(err.lines()).hasSize(1);
        assertThat(err.lines().get(0)).startsWith("peregrine: --metrics-port: cannot listen there");
        assertThat(temp.resolve("j")).doesNotExist();
    }

    @Test
    void portOutOfRange()
    {
        assertThat(demo("--health-port", "70000")).isEqualTo(2);
        assertThat(err.lines()).containsExactly("peregrine: --health-port 70000 is not a port number (0-65535)");
    }

    @Test
    void unwritableJournalFolder() throws Exception
    {
        final Path file = Files.writeString(temp.resolve("a-file"), "not a folder");
        assertThat(demo("--journal", file.resolve("journal").toString(), "--metrics-port", "0", "--health-port", "0"))
            .isEqualTo(2);
        assertThat(err.lines()).hasSize(1);
        assertThat(err.lines().get(0)).startsWith("peregrine: ").contains(file.resolve("journal").toString());
    }

    @Test
    void badDuration()
    {
        assertThat(demo("--duration", "soon")).isEqualTo(2);
        assertThat(err.lines()).containsExactly("peregrine: 'soon' is not a duration (examples: 500ms, 30s, 5m, 2h, 7d)");
    }

    @Test
    void unknownOption()
    {
        assertThat(demo("--turbo")).isEqualTo(2);
        assertThat(err.lines().get(0)).contains("Unknown option: '--turbo'");
    }

    @Test
    void replayOfAFolderThatIsNotAJournal() throws Exception
    {
        final Path empty = Files.createDirectory(temp.resolve("empty"));
        final int code = PeregrineCli.run(new String[]{"replay", "--journal", empty.toString()},
            new PrintWriter(out, true), new PrintWriter(err, true));
        assertThat(code).isEqualTo(2);
        assertThat(err.lines()).hasSize(1);
        assertThat(err.lines().get(0)).startsWith("peregrine: ").contains(empty.toString());
    }

    @Test
    void replayOfAMissingFile()
    {
        final Path missing = temp.resolve("missing.jsonl.gz");
        assertThat(demo("--replay", missing.toString(), "--journal", temp.resolve("j").toString())).isEqualTo(2);
        assertThat(err.lines()).hasSize(1);
        assertThat(err.lines().get(0)).startsWith("peregrine: --replay: ").contains(missing.toString(), "does not exist");
        assertThat(temp.resolve("j")).doesNotExist();
    }

    @Test
    void replayOfAFileThatIsNotACapture() throws Exception
    {
        final Path notes = Files.writeString(temp.resolve("notes.jsonl"), "{\"hello\":\"world\"}\n");
        assertThat(demo("--replay", notes.toString(), "--journal", temp.resolve("j").toString())).isEqualTo(2);
        assertThat(err.lines()).hasSize(1);
        assertThat(err.lines().get(0)).startsWith("peregrine: --replay: ").contains(notes.toString(), "is not a capture");
        assertThat(temp.resolve("j")).doesNotExist();
    }

    @Test
    void replaySpeedOtherThanOneTenOrMax() throws Exception
    {
        final Path capture = Files.writeString(temp.resolve("c.jsonl"),
            "{\"t\":\"recv\",\"conn\":\"c\",\"ts\":1,\"data\":\"{}\"}\n");
        assertThat(demo("--replay", capture.toString(), "--speed", "3")).isEqualTo(2);
        assertThat(err.lines()).containsExactly("peregrine: --speed must be 1, 10 or max, was '3'");
    }

    @Test
    void speedWithoutReplay()
    {
        assertThat(demo("--speed", "10")).isEqualTo(2);
        assertThat(err.lines()).containsExactly("peregrine: --speed applies to --replay only");
    }

    @Test
    void aJournalSizeThatIsNotASize()
    {
        assertThat(demo("--journal", temp.resolve("j").toString(), "--journal-max-size", "12q")).isEqualTo(2);
        assertThat(err.lines()).containsExactly("peregrine: --journal-max-size '12q' is not a size such as 500m or 20g");
        assertThat(temp.resolve("j")).doesNotExist();
    }

    @Test
    void aDiskAlertThatIsNotAFraction()
    {
        assertThat(demo("--journal", temp.resolve("j").toString(), "--journal-disk-alert", "1.5")).isEqualTo(2);
        assertThat(err.lines()).containsExactly("peregrine: --journal-disk-alert must be a fraction in [0, 1), was 1.5");
    }

    @Test
    void aJournalAgeThatIsNotADuration()
    {
        assertThat(demo("--journal", temp.resolve("j").toString(), "--journal-max-age", "forever")).isEqualTo(2);
        assertThat(err.lines()).containsExactly("peregrine: 'forever' is not a duration (examples: 500ms, 30s, 5m, 2h, 7d)");
    }
}
