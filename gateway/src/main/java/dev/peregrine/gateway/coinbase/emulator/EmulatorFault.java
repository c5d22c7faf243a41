package dev.peregrine.gateway.coinbase.emulator;

/** What the emulator does instead of answering normally, for the next N matching requests. */
public enum EmulatorFault
{
    /** HTTP 429 with {@code x-ratelimit-limit/remaining/reset}; the request is not processed. */
    RATE_LIMIT,
    /** HTTP 500; the request is not processed. */
    SERVER_ERROR,
    /** The request IS processed (a create places the order), but the answer is held past the client's time-out. */
    TIMEOUT,
    /** The connection is closed without an answer; the request is not processed. */
    DROP_CONNECTION
}
