package dev.peregrine.ops;

import dev.peregrine.gateway.venue.KeyVerification;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.ops.cli.ExitCodes;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code peregrine verify-keys [--key-file FILE] [--api-url URL]}: checks the Coinbase credentials
 * (format, that a JWT can be signed, then one read-only call) and says what is wrong. It prints the key
 * name at most, never the private key. Exit codes: 0 usable, 2 bad credentials, 1 anything else.
 */
@Command(
    name = "verify-keys",
    mixinStandardHelpOptions = true,
    description = {
        "Checks the Coinbase Advanced Trade API key: its format, that an ES256 JWT can be signed, and",
        "with network access one read-only call (GET /api/v3/brokerage/accounts). Reads COINBASE_API_KEY",
        "and COINBASE_API_SECRET, or the JSON key file given with --key-file. Never prints the key."})
public final class VerifyKeysCommand implements Callable<Integer>
{
    /** The venue whose keys are checked: the one that trades live. */
    private static final String VENUE = "coinbase";

    @Spec
    private CommandSpec spec;

    @Option(names = "--key-file", paramLabel = "FILE", description = "JSON key file downloaded from Coinbase (name, privateKey).")
    private Path keyFile;

    @Option(names = "--api-url", paramLabel = "URL", description = "REST base URL (default: ${DEFAULT-VALUE}).",
        defaultValue = "https://api.coinbase.com")
    private URI apiUrl;

    @Option(names = "--timeout", paramLabel = "SECONDS", description = "Time-out of the read-only call (default: ${DEFAULT-VALUE}).",
        defaultValue = "10")
    private int timeoutSeconds;

    /** For tests: the environment to read instead of the process's. */
    Map<String, String> environment = System.getenv();

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final KeyVerification verdict = VenueRegistry.standard().venue(VENUE)
            .verifyKeys(keyFile, environment, apiUrl, Duration.ofSeconds(timeoutSeconds), out::println);
        if (verdict.verdict() == KeyVerification.Verdict.USABLE)
        {
            out.println(verdict.line());
            out.flush();
            return ExitCodes.OK;
        }
        if (verdict.line() != null)
        {
            err.println("verify-keys: " + verdict.line());
        }
        return verdict.verdict() == KeyVerification.Verdict.BAD_KEY ? ExitCodes.USAGE : ExitCodes.RUNTIME_FAILURE;
    }
}
