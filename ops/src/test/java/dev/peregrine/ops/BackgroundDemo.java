package dev.peregrine.ops;

import dev.peregrine.gateway.testing.TestJson;

import java.io.PrintWriter;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A {@code peregrine demo} running in the background of a test, started through the CLI as a user starts it: its
 * output lines, the admin URL and bearer token its start-up line names, and an HTTP client for its endpoints.
 * The tests of the admin API share it so that each says only what it checks.
 */
final class BackgroundDemo
{
    private static final Pattern ADMIN = Pattern.compile("admin: (http://\\S+/admin/) .*bearer token from (\\S+)\\)");

    final LineCapture out = new LineCapture();
    final LineCapture err = new LineCapture();
    private final CompletableFuture<Integer> exit;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String adminLine;
    private final String admin;
    private final String token;

    /** Starts {@code peregrine demo} with {@code options} and waits (a minute at most) for its admin line. */
    BackgroundDemo(final String... options) throws Exception
    {
        final String[] args = new String[options.length + 1];
        args[0] = "demo";
        System.arraycopy(options, 0, args, 1, options.length);
        exit = CompletableFuture.supplyAsync(() -> PeregrineCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true)));
        adminLine = out.await(l -> l.startsWith("admin: "), 60)
            .orElseThrow(() -> new AssertionError("demo did not start: " + err.lines()));
        final Matcher matcher = ADMIN.matcher(adminLine);
        assertThat(matcher.find()).as(adminLine).isTrue();
        admin = matcher.group(1);
        token = Files.readString(Path.of(matcher.group(2))).trim();
    }

    /** The start-up line that names the admin URL and where the token is. */
    String adminLine()
    {
        return adminLine;
    }

    /** The admin API's base URL, ending in {@code /admin/}. */
    String admin()
    {
        return admin;
    }

    /** The bearer token the demo wrote to its token file. */
    String token()
    {
        return token;
    }


    /** {@code method} on {@code url} with {@code bearer} as the token (null for none). */
    HttpResponse<String> call(final String method, final String url, final String bearer) throws Exception
    {
        return TestHttp.call(method, url, bearer, null);
    }

    /** {@code method} on the admin path {@code path} with the demo's own token. */
    HttpResponse<String> admin(final String method, final String path) throws Exception
    {
        return call(method, admin + path, token);
    }

    /** Waits (120 s at most) for the demo to end, and checks it exited 0. */
    void awaitCleanExit() throws Exception
    {
        assertThat(exit.get(120, TimeUnit.SECONDS)).as("exit code; stderr %s; stdout %s", err.lines(), out.lines()).isZero();
    }

    /**
     * {@code demo --replay capture --speed max} to the end of the capture, with its summary JSON in
     * {@code folder/summary.json} and its journal in {@code folder/journal}; checks it exited 0.
     */
    static Replayed replayToTheEnd(final Path capture, final Path folder) throws Exception
    {
        final Path summary = folder.resolve("summary.json");
        final Path journal = folder.resolve("journal");
        final BackgroundDemo demo = new BackgroundDemo("--replay", capture.toString(), "--speed", "max",
            "--summary-json", summary.toString(), "--journal", journal.toString(),
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking");
        demo.awaitCleanExit();
        return new Replayed(demo, TestJson.object(Files.readString(summary)), journal);
    }

    /** A finished {@link #replayToTheEnd} run: the demo (its output), its summary JSON read, its journal. */
    record Replayed(BackgroundDemo demo, Map<String, Object> summary, Path journal)
    {
    }
}
