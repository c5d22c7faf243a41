package dev.peregrine.ops;

import dev.peregrine.gateway.venue.KeyVerification;
import dev.peregrine.gateway.venue.Venue;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.cli.UsageException;
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
 * {@code peregrine verify-keys [--venue NAME] [--key-file FILE] [--api-url URL]}: checks a venue's API key the way
 * live trading will use it (format, that a request can be signed, then one read-only call) and says what is wrong.
 * The venue does the checking ({@link Venue#verifyKeys}, found in {@link VenueRegistry}); this command only reads the
 * options and maps the verdict to an exit code: 0 usable, 2 bad credentials or options, 1 anything else. It prints
 * the key name at most, never the private key.
 */
@Command(
    name = "verify-keys",
    mixinStandardHelpOptions = true,
    description = {
        "Checks a venue's API key: its format, that a request can be signed, and with network access",
        "one read-only call. Coinbase (the default): an Ed25519 or ECDSA P-256 key from COINBASE_API_KEY",
        "and COINBASE_API_SECRET or the JSON key file given with --key-file, then GET",
        "/api/v3/brokerage/accounts. Other venues: see their README section. Never prints the key."})
public final class VerifyKeysCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--venue", paramLabel = "NAME", defaultValue = "coinbase",
        description = "Venue whose key is checked (default: ${DEFAULT-VALUE}).")
    private String venueName;

    @Option(names = "--key-file", paramLabel = "FILE", description = "Key file downloaded from the venue (Coinbase: " +
        "JSON with name or id, and privateKey).")
    private Path keyFile;

    @Option(names = "--api-url", paramLabel = "URL", description = "REST base URL (default: the venue's own).")
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
        final Venue venue = venue();
        final URI restUrl = apiUrl != null ? apiUrl : venue.defaultRestUrl();
        if (restUrl.getHost() == null)
        {
            throw new UsageException("--api-url " + restUrl + ": give a URL with a host, such as " + venue.defaultRestUrl());
        }
        final KeyVerification verdict;
        try
        {
            verdict = venue.verifyKeys(keyFile, environment, restUrl, Duration.ofSeconds(timeoutSeconds), out::println);
        }
        catch (final UnsupportedOperationException ex)
        {
            throw new UsageException("--venue " + venueName + ": " + ex.getMessage());
        }
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

    private Venue venue()
    {
        try
        {
            return VenueRegistry.standard().venue(venueName);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException("--venue: " + ex.getMessage());
        }
    }
}
