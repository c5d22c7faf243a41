package dev.peregrine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code peregrine status} against a running two-strategy demo: the view once, {@code --watch} twice, the document
 * itself with {@code --json}, and one clear line with exit 2 (command line) or 1 (no engine, wrong token).
 */
class StatusCommandTest
{
    @TempDir
    Path temp;

    @Test
    void printsTheOverviewOnceAndWatchesIt() throws Exception
    {
        final Path journal = temp.resolve("journal");
        final BackgroundDemo demo = new BackgroundDemo("--duration", "20s", "--trades-per-second", "200",
            "--journal", journal.toString(),
            "--strategy", "ma-crossover:name=quick,fast=3,slow=8", "--strategy", "ma-crossover:name=steady,fast=5,slow=13",
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking");
        final String url = demo.admin().substring(0, demo.admin().length() - "/admin/".length());

        // The overview reads the decision journal incrementally; /admin/decisions scans it whole: they agree.
        final ObjectMapper mapper = new ObjectMapper();
        final long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        JsonNode incremental = mapper.readTree(demo.admin("GET", "overview").body()).get("decisions");
        JsonNode scanned = mapper.readTree(demo.admin("GET", "decisions?limit=20").body());
        // (and, once they do, the strategies have traded: the view below shows their PnL per product)
        while (incremental.get("read").asLong() == 0 || incremental.get("read").asLong() != scanned.get("read").asLong())
        {
            assertThat(System.nanoTime()).as("overview %s, scan %s", incremental, scanned).isLessThan(deadline);
            Thread.sleep(100);
            incremental = mapper.readTree(demo.admin("GET", "overview").body()).get("decisions");
            scanned = mapper.readTree(demo.admin("GET", "decisions?limit=20").body());
        }
        assertThat(incremental.get("decisions")).isEqualTo(scanned.get("decisions"));

        // The token the demo generated beside its journal, found as the engine finds it.
        final CliRun once = new CliRun("status", "--url", url, "--journal", journal.toString());
        assertThat(once.exit).as("stderr %s", once.err.lines()).isZero();
        final String view = String.join("\n", once.out.lines());
        assertThat(view).contains("Peregrine status of " + url).contains("trading: ACTIVE").contains("feed: connected")
            .contains("strategies:").contains("positions:").contains("quick").contains("steady").contains("feeds:").contains("BTC-USD")
            .contains("by strategy and product:").containsPattern("(?m)^  quick +(BTC|ETH)-USD +-?\\d")
            .contains("alerts firing:").contains("latest decisions:").contains("tick to order (us, since start)");

        final Path tokenFile = temp.resolve("token");
        Files.writeString(tokenFile, demo.token() + "\n");
        final CliRun watched = new CliRun("status", "--url", url, "--token-file", tokenFile.toString(), "--watch",
            "--interval", "1s", "--count", "2");
        assertThat(watched.exit).as("stderr %s", watched.err.lines()).isZero();
        assertThat(watched.out.lines()).filteredOn(l -> l.startsWith("Peregrine status of ")).hasSize(2);

        final CliRun json = new CliRun("status", "--url", url, "--token-file", tokenFile.toString(), "--json");
        assertThat(json.exit).isZero();
        assertThat(new ObjectMapper().readTree(json.out.lines().get(0)).get("strategies")).hasSize(2);

        Files.writeString(tokenFile, "not-the-token-but-long-enough\n");
        final CliRun refused = new CliRun("status", "--url", url, "--token-file", tokenFile.toString());
        assertThat(refused.exit).isEqualTo(1);
        assertThat(refused.err.lines()).singleElement().asString().contains("refused the token (401)");
        demo.awaitCleanExit();
    }

    @Test
    void badCommandLinesAndAMissingEngineSayWhatInOneLine() throws Exception
    {
        final int closedPort;
        try (ServerSocket socket = new ServerSocket(0))
        {
            closedPort = socket.getLocalPort();
        }
        final Path tokenFile = temp.resolve("token");
        Files.writeString(tokenFile, "0123456789abcdef0123\n");
        final String url = "http://127.0.0.1:" + closedPort;

        expect(1, "no engine answers at " + url, "status", "--url", url, "--token-file", tokenFile.toString());
        expect(2, "--interval must be at least 1s", "status", "--token-file", tokenFile.toString(), "--watch", "--interval", "100ms");
        expect(2, "--count goes with --watch", "status", "--token-file", tokenFile.toString(), "--count", "2");
        expect(2, "--url 'ftp://x' must be http://HOST:PORT", "status", "--url", "ftp://x", "--token-file", tokenFile.toString());
        expect(2, "cannot read it", "status", "--token-file", temp.resolve("missing").toString());
    }

    private static void expect(final int exit, final String message, final String... args)
    {
        final CliRun run = new CliRun(args);
        assertThat(run.exit).as("%s: stderr %s", String.join(" ", args), run.err.lines()).isEqualTo(exit);
        assertThat(run.err.lines()).as(String.join(" ", args)).singleElement().asString().contains(message);
    }
}
