package dev.peregrine.gateway.orders;

import java.net.ConnectException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * What a failed {@code java.net.http} exchange means for an order: whether any byte of the request can have left
 * ({@link RequestOutcome#NOT_SENT} only when the connection never opened), so a venue's REST client never sends a
 * create twice. Venue-neutral: every order client classifies its transport failures here.
 */
public final class RestOutcomes
{
    private RestOutcomes()
    {
    }

    /** The outcome of an exchange that ended in {@code failure} instead of an answer. */
    public static RequestOutcome classify(final Throwable failure)
    {
        final Throwable t = unwrap(failure);
        if (t instanceof HttpConnectTimeoutException || t instanceof ConnectException)
        {
            return RequestOutcome.NOT_SENT;
        }
        if (t instanceof HttpTimeoutException)
        {
            return RequestOutcome.TIMEOUT;
        }
        // Any other failure (an IOException such as EOF or a reset) came after the connection was open:
        // the request may have been read, so it is never called NOT_SENT.
        return RequestOutcome.DROPPED;
    }

    /** The failure in one line: its class and message. */
    public static String describe(final Throwable failure)
    {
        final Throwable t = unwrap(failure);
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }

    private static Throwable unwrap(final Throwable failure)
    {
        Throwable t = failure;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null)
        {
            t = t.getCause();
        }
        return t;
    }
}
