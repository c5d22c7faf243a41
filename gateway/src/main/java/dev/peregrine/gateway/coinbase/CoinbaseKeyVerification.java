package dev.peregrine.gateway.coinbase;

import dev.peregrine.gateway.coinbase.orders.CoinbaseCredentials;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJwtSigner;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;
import dev.peregrine.gateway.orders.CredentialsException;
import dev.peregrine.gateway.orders.RequestOutcome;
import dev.peregrine.gateway.orders.RestStatus;
import dev.peregrine.gateway.venue.KeyVerification;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * Coinbase's answer to {@code verify-keys}: the CDP key's format (Ed25519 or ECDSA P-256), a JWT signed with it
 * (EdDSA or ES256), then one read-only call ({@code GET /api/v3/brokerage/accounts}). A venue that cannot be reached is no verdict on the
 * key, so that case is usable with the call skipped; a 401 or 403 is the key's fault.
 */
final class CoinbaseKeyVerification
{
    private CoinbaseKeyVerification()
    {
    }

    static KeyVerification verify(final Path keyFile, final Map<String, String> environment, final URI apiUrl,
        final Duration timeout, final Consumer<String> passed)
    {
        final CoinbaseCredentials credentials;
        final CoinbaseJwtSigner signer;
        try
        {
            credentials = keyFile != null ? CoinbaseCredentials.fromKeyFile(keyFile) : CoinbaseCredentials.fromEnvironment(environment);
            passed.accept("key format: ok (" + credentials.keyName() + ", " + credentials.algorithm().label() + ")");
            signer = new CoinbaseJwtSigner(credentials);
            signer.forRest("GET", apiUrl.getHost(), CoinbaseOrderClient.ACCOUNTS);
        }
        catch (final CredentialsException ex)
        {
            return KeyVerification.badKey(ex.getMessage());
        }
        passed.accept("jwt signing: ok (" + credentials.algorithm().jwsAlgorithm() + ")");
        final CoinbaseOrderClient client = new CoinbaseOrderClient(apiUrl, apiUrl.getHost(), signer, timeout, timeout);
        final String unreachable = "could not reach " + apiUrl + ": skipped the read-only check";
        final RestStatus status;
        try
        {
            // Twice the request time-out and a second: the client's own time-out answers first when it fires.
            status = client.listAccounts().get(timeout.toSeconds() * 2 + 1, TimeUnit.SECONDS);
        }
        catch (final ExecutionException | TimeoutException ex)
        {
            return KeyVerification.usable(unreachable);
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return KeyVerification.failed(null);
        }
        final RequestOutcome outcome = status.outcome();
        if (outcome == RequestOutcome.OK)
        {
            return KeyVerification.usable("read-only call: ok (GET " + CoinbaseOrderClient.ACCOUNTS + " answered " +
                status.httpStatus() + ")");
        }
        if (outcome == RequestOutcome.NOT_SENT || outcome == RequestOutcome.TIMEOUT || outcome == RequestOutcome.DROPPED)
        {
            return KeyVerification.usable(unreachable);
        }
        if (outcome == RequestOutcome.UNAUTHORIZED)
        {
            return KeyVerification.badKey(apiUrl + " refused the key (HTTP " + status.httpStatus() + "): check that the key " +
                "is active, has the 'view' permission and that this IP is allowed");
        }
        return KeyVerification.failed("the read-only call failed: HTTP " + status.httpStatus() + " " + outcome.label());
    }
}
