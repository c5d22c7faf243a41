package dev.peregrine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.core.testing.ExternalResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The status page, {@code /ui/}, in a real headless Chromium driven by playwright-core
 * ({@code src/test/browser/status-page.mjs}) against a two-strategy demo: it logs in through the form, sees both
 * strategies with their PnL, pauses and resumes from the page (and {@code /admin/overview} agrees), sends nothing to
 * any other host, logs no console error, and {@code /ui/?token=} redirects to the address without the token with
 * the cookie's flags set. The screenshot stays in {@code ops/target/status-page/}.
 *
 * <p>Without node, chromium or playwright-core (in {@code conformance/node_modules}, {@code npm ci} there) the test is
 * skipped, saying so; with {@code PEREGRINE_REQUIRE_EXTERNAL=true} (CI) it fails instead.
 */
class StatusPageTest
{
    private static final Path OUT = Path.of("target", "status-page").toAbsolutePath();
    private static final Path NODE_MODULES =
        Path.of(System.getProperty("peregrine.nodeModules", "../conformance/node_modules")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path temp;

    @Test
    void operatorLogsInSeesBothStrategiesAndPausesAndResumesFromTheBrowser() throws Exception
    {
        final Path chromium = Chromium.find();
        final Path node = onPath("node");
        ExternalResources.present(chromium != null, "chromium (Debian package 'chromium') to check the status page");
        ExternalResources.present(node != null, "node (Node.js 18 or newer) on the PATH, to drive chromium");
        ExternalResources.present(Files.isDirectory(NODE_MODULES.resolve("playwright-core")),
            "playwright-core in " + NODE_MODULES + " (run 'npm ci' in conformance/)");

        final BackgroundDemo demo = new BackgroundDemo("--duration", "45s", "--trades-per-second", "200",
            "--journal", temp.resolve("journal").toString(),
            "--strategy", "ma-crossover:name=quick,fast=3,slow=8", "--strategy", "ma-crossover:name=steady,fast=5,slow=13",
            "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking");
        final String base = demo.admin().substring(0, demo.admin().length() - "/admin/".length());
        assertThat(demo.out.await(l -> l.startsWith("status page: "), 10)).contains("status page: " + base + "/ui/");

        // Nothing without the token: not the overview, not the page's script, not a command.
        assertThat(TestHttp.get(base + "/admin/overview", null).statusCode()).isEqualTo(401);
        assertThat(TestHttp.get(base + "/ui/app.js", null).statusCode()).isEqualTo(401);
        assertThat(TestHttp.post(base + "/admin/pause", null, null).statusCode()).isEqualTo(401);
        final HttpResponse<String> login = TestHttp.get(base + "/ui/", null);
        assertThat(login.body()).contains("id=\"login-form\"").doesNotContain("pnl");
        assertThat(login.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(csp ->
            assertThat(csp).startsWith("default-src 'none'").doesNotContain("unsafe"));

        Files.createDirectories(OUT);
        final Path log = OUT.resolve("status-page.out");
        final ProcessBuilder builder = new ProcessBuilder(node.toString(), Path.of("src/test/browser/status-page.mjs").toAbsolutePath().toString())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().putAll(Map.of("BASE", base, "TOKEN", demo.token(), "CHROMIUM", chromium.toString(),
            "NODE_MODULES", NODE_MODULES.toString(), "OUT", OUT.toString()));
        final Process process = builder.start();
        if (!process.waitFor(120, TimeUnit.SECONDS))
        {
            // The browser is node's child: end it too, or it would outlive the test.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("the browser script ran past 120 s: " + Files.readString(log));
        }
        final List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
        assertThat(process.exitValue()).as("browser script output: %s", lines).isZero();
        final JsonNode seen = JSON.readTree(lines.stream().filter(l -> l.startsWith("SUMMARY ")).findFirst()
            .orElseThrow(() -> new AssertionError("no SUMMARY line: " + lines)).substring("SUMMARY ".length()));

        assertThat(seen.get("loginFormShown").asBoolean()).isTrue();
        assertThat(seen.get("stateAtStart").asText()).isEqualTo("ACTIVE");
        assertThat(seen.get("strategies")).extracting(s -> s.get("name").asText()).contains("quick", "steady");
        assertThat(seen.get("strategies")).allSatisfy(s -> assertThat(s.get("net").asText()).matches("-?\\d+(\\.\\d+)?(E-?\\d+)?"));
        // What a trader checks first: each row adds up (net = realized - fees + unrealized, each shown to the cent).
        assertThat(seen.get("strategies")).allSatisfy(s -> assertThat(Double.parseDouble(s.get("net").asText()))
            .isCloseTo(Double.parseDouble(s.get("realized").asText()) - Double.parseDouble(s.get("fees").asText())
                + Double.parseDouble(s.get("unrealized").asText()), org.assertj.core.data.Offset.offset(0.02)));
        assertThat(seen.get("decisions")).as("the latest decisions with their reasons").isNotEmpty()
            .allSatisfy(d -> assertThat(d.asText()).containsAnyOf("quick", "steady"));
        assertThat(seen.get("postWithoutCsrf").asInt()).as("a POST with the cookie but no CSRF token").isEqualTo(401);
        assertThat(seen.at("/states/pause/overview").asText()).isEqualTo("HALTED");
        assertThat(seen.at("/states/pause/reason").asText()).isEqualTo("operator: pause");
        assertThat(seen.at("/states/resume/overview").asText()).isEqualTo("ACTIVE");
        assertThat(seen.at("/states/resume/result").asText()).isEqualTo("resume: accepted");
        assertThat(seen.get("confirmation").asText()).contains("resume");
        assertThat(seen.get("requests").asInt()).isPositive();
        // One EventSource connection kept the page fresh through login, pause and resume: held open, not re-asked.
        assertThat(seen.get("eventStreams").asInt()).as("requests to /ui/events").isEqualTo(1);
        assertThat(seen.get("offOrigin")).as("requests to any other host").isEmpty();
        assertThat(seen.get("consoleErrors")).as("console errors").isEmpty();

        assertThat(seen.at("/tokenRedirect/status").asInt()).isEqualTo(303);
        assertThat(seen.at("/tokenRedirect/location").asText()).isEqualTo("/ui/");
        assertThat(seen.at("/tokenRedirect/setCookie").asText()).startsWith("peregrine_session=")
            .contains("HttpOnly").contains("SameSite=Strict").contains("Path=/");
        assertThat(seen.get("urlAfterTokenLogin").asText()).isEqualTo(base + "/ui/").doesNotContain("token");
        assertThat(seen.get("cookies")).anySatisfy(c -> assertThat(c.toString())
            .contains("\"httpOnly\":true").contains("\"sameSite\":\"Strict\"").contains("\"path\":\"/\""));

        // The page's commands went the admin API's way: journaled and counted like any other.
        final JsonNode overview = JSON.readTree(demo.admin("GET", "overview").body());
        assertThat(overview.at("/counters/commands").asLong()).isGreaterThanOrEqualTo(2);
        assertThat(OUT.resolve("status-page.png")).exists();
        demo.awaitCleanExit();
    }

    private static Path onPath(final String name)
    {
        final String path = System.getenv("PATH");
        if (path == null)
        {
            return null;
        }
        for (final String dir : path.split(File.pathSeparator))
        {
            final Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }
}
