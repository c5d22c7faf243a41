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
 * <p>Without chromium the test is skipped, saying so; with {@code PEREGRINE_REQUIRE_EXTERNAL=true} (CI)
 * it fails instead.
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
