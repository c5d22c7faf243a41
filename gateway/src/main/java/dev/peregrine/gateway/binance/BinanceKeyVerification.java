package dev.peregrine.gateway.binance;

import dev.peregrine.gateway.binance.orders.BinanceAnswer;
import dev.peregrine.gateway.binance.orders.BinanceCredentials;
import dev.peregrine.gateway.binance.orders.BinanceOrderClient;
import dev.peregrine.gateway.binance.orders.BinanceRestPaths;
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
 * Binance's answer to {@code verify-keys}: the key's format (an HMAC secret or an Ed25519 PEM), a signature made with
 * it, then one read-only signed call ({@code GET /api/v3/account}). A venue that cannot be reached is no verdict on the
 * key, so that case is usable with the call skipped; a 401 or a key or signature code ({@code -2014}, {@code -2015},
 * {@code -1022}) is the key's fault.
 */
public final class BinanceKeyVerification
{
    private BinanceKeyVerification()
    {
    }

    static KeyVerification verify(final Path keyFile, final Map<String, String> environment, final URI apiUrl,
        final Duration timeout, final Consumer<String> passed)
    {
        return verify(keyFile, environment, apiUrl, BinanceRestPaths.SPOT, timeout, passed);
    }

    /** The same checks against another Binance API of the same signing ({@code paths}: USD-M's {@code /fapi/v2/account}). */
    public static KeyVerification verify(final Path keyFile, final Map<String, String> environment, final URI apiUrl,
        final BinanceRestPaths paths, final Duration timeout, final Consumer<String> passed)
    {
        final BinanceCredentials credentials;
        try
        {
            credentials = keyFile != null ? BinanceCredentials.fromKeyFile(keyFile) : BinanceCredentials.fromEnvironment(environment);
            passed.accept("key format: ok (" + (credentials.kind() == BinanceCredentials.Kind.ED25519 ?
                "Ed25519 private key" : "HMAC secret key") + ")");
            credentials.sign("timestamp=0");
        }
        catch (final CredentialsException ex)
        {
            return KeyVerification.badKey(ex.getMessage());
        }
        passed.accept("request signing: ok (" + (credentials.kind() == BinanceCredentials.Kind.ED25519 ?
            "Ed25519, base64" : "HMAC-SHA256, hex") + ")");
        final BinanceOrderClient client = new BinanceOrderClient(apiUrl, paths, credentials, timeout, timeout,
            System::currentTimeMillis);
        final String unreachable = "could not reach " + apiUrl + ": skipped the read-only check";
        final BinanceAnswer answer;
        try
        {
            // Twice the request time-out and a second: the client's own time-out answers first when it fires.
            answer = client.account().get(timeout.toSeconds() * 2 + 1, TimeUnit.SECONDS);
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
        final RestStatus status = answer.status();
        final RequestOutcome outcome = status.outcome();
        if (outcome == RequestOutcome.OK)
        {
            return KeyVerification.usable("read-only call: ok (GET " + paths.account() + " answered " +
                status.httpStatus() + (answer.json().path("canTrade").asBoolean(true) ? "" :
                "; the account cannot trade: enable " + (paths == BinanceRestPaths.SPOT ? "Spot" : "Futures") +
                " trading for this key") + ")");
        }
        if (outcome == RequestOutcome.NOT_SENT || outcome == RequestOutcome.TIMEOUT || outcome == RequestOutcome.DROPPED)
        {
            return KeyVerification.usable(unreachable);
        }
        if (outcome == RequestOutcome.UNAUTHORIZED)
        {
            return KeyVerification.badKey(apiUrl + " refused the key (HTTP " + status.httpStatus() +
                (status.message() == null ? "" : ", " + status.message()) + "): check the key and its secret, that the " +
                "key is enabled for reading and that this IP is on its list");
        }
        return KeyVerification.failed("the read-only call failed: HTTP " + status.httpStatus() + " " + outcome.label() +
            (status.message() == null ? "" : " (" + status.message() + ")"));
    }
}
