package dev.peregrine.ops;

import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJwtSigner;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;
import dev.peregrine.gateway.orders.CredentialsException;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.RestStatus;
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
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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
        final CoinbaseCredentials credentials;
        try
        {
            credentials = keyFile != null ? CoinbaseCredentials.fromKeyFile(keyFile) : CoinbaseCredentials.fromEnvironment(environment);
        }
        catch (final CredentialsException ex)
        {
            err.println("verify-keys: " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        out.println("key format: ok (" + credentials.keyName() + ", P-256)");
        final CoinbaseJwtSigner signer = new CoinbaseJwtSigner(credentials);
        try
        {
            signer.forRest("GET", apiUrl.getHost(), CoinbaseOrderClient.ACCOUNTS);
        }
        catch (final CredentialsException ex)
        {
            err.println("verify-keys: " + ex.getMessage());
            return ExitCodes.USAGE;
        }
        out.println("jwt signing: ok (ES256)");
        final CoinbaseOrderClient client = new CoinbaseOrderClient(apiUrl, apiUrl.getHost(), signer,
            Duration.ofSeconds(timeoutSeconds), Duration.ofSeconds(timeoutSeconds));
        final RestStatus status;
        try
        {
            status = client.listAccounts().get(timeoutSeconds * 2L + 1, TimeUnit.SECONDS);
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            out.println("could not reach " + apiUrl + ": skipped the read-only check");
            out.flush();
            return ExitCodes.OK;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return ExitCodes.RUNTIME_FAILURE;
        }
        final RequestOutcome outcome = status.outcome();
        if (outcome == RequestOutcome.OK)
        {
            out.println("read-only call: ok (GET " + CoinbaseOrderClient.ACCOUNTS + " answered " + status.httpStatus() + ")");
            out.flush();
            return ExitCodes.OK;
        }
        if (outcome == RequestOutcome.NOT_SENT || outcome == RequestOutcome.TIMEOUT || outcome == RequestOutcome.DROPPED)
        {
            out.println("could not reach " + apiUrl + ": skipped the read-only check");
            out.flush();
            return ExitCodes.OK;
        }
        if (outcome == RequestOutcome.UNAUTHORIZED)
        {
            err.println("verify-keys: " + apiUrl + " refused the key (HTTP " + status.httpStatus() + "): check that the key " +
                "is active, has the 'view' permission and that this IP is allowed");
            return ExitCodes.USAGE;
        }
        err.println("verify-keys: the read-only call failed: HTTP " + status.httpStatus() + " " + outcome.label());
        return ExitCodes.RUNTIME_FAILURE;
    }
}
