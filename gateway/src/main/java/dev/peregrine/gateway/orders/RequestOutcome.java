package dev.peregrine.gateway.orders;

/** How one REST request ended, as far as the transport and the HTTP status can tell. */
public enum RequestOutcome
{
    /** 2xx with a parseable body (which may still say {@code success: false}). */
    OK,
    /** 4xx other than 401/429: the venue read the request and refused it. */
    REJECTED,
    /** 401/403: the JWT or the key was refused. */
    UNAUTHORIZED,
    /** 429: not processed; slow down. */
    RATE_LIMITED,
    /** 5xx: the venue failed; a create may or may not have happened. */
    SERVER_ERROR,
    /** No answer within the request time-out: the outcome is unknown. */
    TIMEOUT,
    /** The connection closed before an answer: the outcome is unknown. */
    DROPPED,
    /** Connecting failed, so no byte of the request left: safe to send again. */
    NOT_SENT;

    /** True if a create with this outcome may have been executed by the venue without us knowing. */
    public boolean outcomeUnknown()
    {
        return this == SERVER_ERROR || this == TIMEOUT || this == DROPPED;
    }

    /** True if this counts against the circuit breaker and the error-rate window. */
    public boolean venueFailure()
    {
        return this == SERVER_ERROR || this == TIMEOUT || this == DROPPED || this == NOT_SENT;
    }

    /** Lower-case label for metrics. */
    public String label()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
