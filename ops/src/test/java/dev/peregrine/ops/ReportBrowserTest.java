package dev.peregrine.ops;

import dev.peregrine.core.testing.ExternalResources;
import dev.peregrine.core.strategy.config.StrategySpec;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * report.html in a real headless browser (Debian's chromium): the page, with a comparison section, is
 * rendered from a demo run's journal; the DOM chromium dumps after the page's own inline script ran must
 * carry {@code data-rendered="ok"} (every chart drawn with a size) and no {@code data-render-error} (the
 * first script error, recorded by a handler installed before anything else). Console output is not
 * used: chromium's stderr is full of sandbox and D-Bus noise that says nothing about the page. The
 * screenshot stays in {@code ops/target/report-browser/report.png}.
 *
 * <p>A second check drives the same page through playwright-core ({@code ops/src/test/browser/report-page.mjs}):
 * no request besides the file, no console error, and the charts zoom (wheel), pan (drag), show a crosshair
 * and reset (double click), the drawdown chart following the equity chart.
 *
 * <p>Without chromium (or node and {@code conformance/node_modules} for the second) the test is skipped, saying
 * so; with {@code PEREGRINE_REQUIRE_EXTERNAL=true} (CI) it fails instead.
 */
class ReportBrowserTest
{
    private static final Path DIR = Path.of("target", "report-browser").toAbsolutePath();

    @Test
    void reportRendersWithoutErrorsInHeadlessChromium() throws Exception
    {
        final Path chromium = Chromium.find();
        ExternalResources.present(chromium != null, "chromium (Debian package 'chromium') to check report.html");

        final Path journal = ReportFixtures.demoJournal();
        final Path other = ReportFixtures.copy(journal, ReportFixtures.ROOT.resolve("browser-other-journal"),
            s -> s.withStrategies(List.of(StrategySpec.parse("ma-crossover:name=quick,fast=4,slow=8,min-hold=0s", "quick"),
                s.strategies().get(1))));
        ReportFixtures.delete(DIR);
        final ReportFixtures.Run run = ReportFixtures.cli("report", "--journal", journal.toString(), "--compare",
            other.toString(), "--out", DIR.toString());
        assertThat(run.exit()).as("stderr: %s", run.err()).isZero();
        final Path html = DIR.resolve("report.html");
        final String url = html.toUri().toString();

        final String dom = chromium(chromium, "--dump-dom", url);
        // The markers are attributes of the root element (the script's own text names them too).
        final int root = dom.indexOf("<html");
        assertThat(root).as("a dumped DOM: %s", dom.length() > 300 ? dom.substring(0, 300) : dom).isNotNegative();
        final String rootTag = dom.substring(root, dom.indexOf('>', root) + 1);
        assertThat(rootTag).as("the root element after the page's script ran")
            .contains("data-rendered=\"ok\"").doesNotContain("data-render-error");
        assertThat(dom).contains("id=\"differences\"").contains("id=\"equity-chart\"");

        final Path screenshot = DIR.resolve("report.png");
        chromium(chromium, "--screenshot=" + screenshot, "--window-size=1400,2400", url);
        assertThat(screenshot).exists();
        final byte[] png = Files.readAllBytes(screenshot);
        assertThat(png.length).as("a 1400x2400 screenshot of a drawn page").isGreaterThan(20_000);
        assertThat(new String(png, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    @Test
    void chartsZoomPanAndLoadNothingFromTheNetworkInPlaywright() throws Exception
    {
        final Path chromium = Chromium.find();
        ExternalResources.present(chromium != null, "chromium (Debian package 'chromium') to check report.html");
        final Path node = onPath("node");
        ExternalResources.present(node != null, "node (Node.js 18 or newer) on the PATH, to drive chromium with playwright-core");
        final Path modules = Path.of("..", "conformance", "node_modules").toAbsolutePath().normalize();
        ExternalResources.present(Files.isDirectory(modules.resolve("playwright-core")),
            "playwright-core in " + modules + " (run 'npm ci' in conformance/)");

        final Path out = DIR.resolveSibling("report-playwright");
        ReportFixtures.delete(out);
        final ReportFixtures.Run run = ReportFixtures.cli("report", "--journal", ReportFixtures.demoJournal().toString(),
            "--out", out.toString(), "--name", "two crossovers");
        assertThat(run.exit()).as("stderr: %s", run.err()).isZero();
        final Path html = out.resolve("report.html");
        assertThat(Files.readString(html)).contains("<h1>Peregrine report: two crossovers</h1>");

        final Path log = out.resolve("playwright.txt");
        final ProcessBuilder builder = new ProcessBuilder(node.toString(),
            Path.of("src", "test", "browser", "report-page.mjs").toAbsolutePath().toString(), html.toString())
            .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("CHROMIUM", chromium.toString());
        builder.environment().put("NODE_MODULES", modules.toString());
        final Process process = builder.start();
        if (!process.waitFor(90, TimeUnit.SECONDS))
        {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            throw new AssertionError("report-page.mjs did not finish in 90 s; its output: " + Files.readString(log));
        }
        final String output = Files.readString(log);
        assertThat(process.exitValue()).as("report-page.mjs failed checks: %s", output).isZero();
        assertThat(output).contains("\"failures\":[]").contains("\"requests\":[]").contains("\"errors\":[]");
    }

    /** An executable on the PATH, or null. */
    private static Path onPath(final String name)
    {
        final String path = System.getenv("PATH");
        if (path == null)
        {
            return null;
        }
        for (final String dir : path.split(java.io.File.pathSeparator))
        {
            final Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate))
            {
                return candidate;
            }
        }
        return null;
    }

    /** Runs headless chromium with its own throw-away profile and returns its standard output. */
    private static String chromium(final Path chromium, final String... args) throws IOException, InterruptedException
    {
        final Path profile = Files.createTempDirectory(DIR, "profile");
        final List<String> command = new ArrayList<>(List.of(chromium.toString(), "--headless=new", "--no-sandbox",
            "--disable-gpu", "--no-first-run", "--user-data-dir=" + profile));
        command.addAll(List.of(args));
        final Path stdout = DIR.resolve("chromium-stdout.txt");
        final Path stderr = DIR.resolve("chromium-stderr.txt");
        final Process process = new ProcessBuilder(command).redirectOutput(stdout.toFile()).redirectError(stderr.toFile())
            .start();
        if (!process.waitFor(120, TimeUnit.SECONDS))
        {
            process.destroyForcibly();
            throw new AssertionError("chromium did not finish in 120 s: " + command);
        }
        ReportFixtures.delete(profile);
        assertThat(process.exitValue()).as("chromium %s; stderr: %s", command, Files.readString(stderr)).isZero();
        return Files.readString(stdout);
    }
}
