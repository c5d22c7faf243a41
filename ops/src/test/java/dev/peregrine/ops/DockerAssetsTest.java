package dev.peregrine.ops;

import dev.peregrine.core.testing.ExternalResources;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * No Docker engine runs where the tests run, so the image and the compose file are held to what can be
 * checked here: the engine command in both is the one this test runs ({@code run --config} on the image's
 * configuration, which passes {@code config check}), every file they copy or mount exists, the image runs
 * as an unprivileged user with a HEALTHCHECK on /health, and the compose file's Prometheus configuration
 * passes the real {@code promtool check config} with the shipped rules beside it.
 */
class DockerAssetsTest
{
    private static final List<String> ENGINE_COMMAND = List.of("run", "--config", "/etc/peregrine/peregrine.yaml");

    @TempDir
    Path temp;

    private static Path root()
    {
        return DaemonProcess.repositoryRoot();
    }

    @Test
    void theImageRunsTheEngineCommandAsAnUnprivilegedUserWithAHealthCheck() throws Exception
    {
        final String dockerfile = Files.readString(root().resolve("Dockerfile"));
        assertThat(dockerfile).contains("CMD [\"" + String.join("\", \"", ENGINE_COMMAND) + "\"]")
            .contains("COPY ops/config/docker.yaml /etc/peregrine/peregrine.yaml")
            .contains("USER peregrine")
            .containsPattern("HEALTHCHECK [^\\n]*\\n[^\\n]*/dev/tcp/127.0.0.1/8080[^\\n]*GET /health");
        // The image's first stage must end with the jar the second stage copies.
        assertThat(dockerfile).contains("COPY --from=build /src/ops/target/peregrine.jar").contains("package -DskipTests");
        final Matcher copies = Pattern.compile("(?m)^COPY (?!--from)(\\S+) ").matcher(dockerfile);
        while (copies.find())
        {
            assertThat(root().resolve(copies.group(1))).as("COPY %s", copies.group(1)).exists();
        }

        final String compose = Files.readString(root().resolve("docker-compose.yml"));
        assertThat(compose).contains("command: [\"" + String.join("\", \"", ENGINE_COMMAND) + "\"]");
        final Matcher mounts = Pattern.compile("- \\./(\\S+?):").matcher(compose);
        int mounted = 0;
        while (mounts.find())
        {
            assertThat(root().resolve(mounts.group(1))).as("compose mounts %s", mounts.group(1)).exists();
            mounted++;
        }
        assertThat(mounted).isGreaterThanOrEqualTo(5);
    }

    @Test
    void theImagesConfigurationPassesConfigCheckAsTheImageRunsIt() throws Exception
    {
        // The image's path, /etc/peregrine/peregrine.yaml, is this file; only the journal folder moves to a
        // temporary one here, through the documented environment override.
        final Path log = temp.resolve("check.log");
        final int exit = DaemonProcess.run(root(), Map.of("PEREGRINE_JOURNAL_DIR", temp.resolve("journal").toString()), log,
            "config", "check", "--config", root().resolve("ops/config/docker.yaml").toString());
        assertThat(exit).as(DaemonProcess.read(log)).isZero();
        assertThat(DaemonProcess.read(log)).contains("OK: ").contains("profile paper").contains("venue simulated");
    }

    @Test
    void theComposePrometheusConfigurationPassesPromtoolWithTheShippedRules() throws Exception
    {
        final Path promtool = Promtool.find();
        ExternalResources.present(promtool != null, "promtool (Debian package 'prometheus')");
        // Mounted side by side in the container: reproduce that layout.
        Files.copy(root().resolve("ops/prometheus/compose/prometheus.yml"), temp.resolve("prometheus.yml"));
        Files.copy(root().resolve("ops/prometheus/alerts.yml"), temp.resolve("alerts.yml"));
        final Process check = new ProcessBuilder(promtool.toString(), "check", "config", temp.resolve("prometheus.yml").toString())
            .redirectErrorStream(true).start();
        final String output = new String(check.getInputStream().readAllBytes());
        assertThat(check.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(check.exitValue()).as(output).isZero();
        assertThat(output).contains("SUCCESS");
    }
}
