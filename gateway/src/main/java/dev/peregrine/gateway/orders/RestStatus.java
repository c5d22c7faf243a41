package dev.peregrine.gateway.orders;

/**
 * The transport-level part of every answer.
 *
 * @param outcome            how the request ended.
 * @param httpStatus         the HTTP status, or 0 when none arrived.
 * @param message            the venue's error/message text or the transport failure; never key material.
 * @param rateLimitRemaining {@code x-ratelimit-remaining}, or -1 when absent.
 * @param rateLimitReset     {@code x-ratelimit-reset} as sent (seconds; epoch or relative), or -1 when absent.
 * @param attempts           how many times it was sent (a second only after a provable {@link RequestOutcome#NOT_SENT}).
 */
public record RestStatus(
    RequestOutcome outcome, int httpStatus, String message, long rateLimitRemaining, double rateLimitReset, int attempts)
{
    /** Seconds from {@code nowEpochSeconds} until the reset; a small value is relative, a large one an epoch. */
    public double secondsUntilReset(final long nowEpochSeconds)
    {
        if (rateLimitReset < 0)
        {
            return -1;
        }
        return rateLimitReset > 1_000_000_000d ? rateLimitReset - nowEpochSeconds : rateLimitReset;
    }
}
