package dev.peregrine.ops;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code peregrine run --config ops/config/paper.yaml} in a child JVM, stopped by SIGTERM
 * ({@link Process#destroy()}): it cancels its open orders, flushes the journal, prints the summary and exits
 * 0 within the configured bound, and the journal replays to the digest it printed. The admin token, a
 * secret, appears nowhere in what it wrote.
 */
class RunSigtermTest
{
    private static final String TOKEN = "c4e8a1f7d3b9052e6a8c1f4d7b3e9a2c5f8d1b6e";

    @TempDir
    Path temp;

    @Test
    void sigtermStopsGracefullyWithASummaryAndTheJournalReplaysToItsDigest() throws Exception
    {
        final Path journal = temp.resolve("journal");
        final Map<String, String> env = DaemonProcess.runEnvironment(journal, TOKEN);
        env.put("PEREGRINE_RING_WAIT_STRATEGY", "blocking");
        env.put("PEREGRINE_SHUTDOWN_TIMEOUT", "20s");
        final Path log = temp.resolve("run.log");
        final Process process = DaemonProcess.startPaperRun(temp, env, log);
        // Two status lines: the engine trades (orders may be open) when the signal comes.
        final String output = DaemonProcess.sigtermOnceLogged(process, log, "[   2s]");
        assertThat(output).contains("overridden by the environment: journal.dir (PEREGRINE_JOURNAL_DIR)",
            "stopping (signal)", "shutdown: open orders cancelled; the next start on this journal trades in the state from before the stop", "--- summary ---", "replay it:");
        assertThat(output).doesNotContain(TOKEN).contains("bearer token from environment PEREGRINE_ADMIN_TOKEN");
        // The JSON log lines (stdout; the human lines are on stderr, both in this file) hold no secret either.
        assertThat(output).contains("{\"ts\":", "\"event\":\"config_loaded\"", "\"event\":\"engine_stopped\"",
            "\"admin_token_source\":\"environment PEREGRINE_ADMIN_TOKEN\"");

        DaemonProcess.replayPrintsTheHashesOf(journal, output);
        try (var files = Files.walk(temp))
        {
            for (final Path file : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator)
            {
                if (!file.toString().endsWith(".cq4"))
                {
                    assertThat(Files.readString(file, java.nio.charset.StandardCharsets.ISO_8859_1))
                        .as("%s holds no secret", file).doesNotContain(TOKEN);
                }
            }
        }
    }
}
