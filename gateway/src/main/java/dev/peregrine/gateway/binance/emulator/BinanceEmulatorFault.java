package dev.peregrine.gateway.binance.emulator;

/** What the emulated Binance does instead of answering normally, for the next N matching requests. */
public enum BinanceEmulatorFault
{
    /** HTTP 429 with {@code Retry-After} and code -1003; the request is not processed. */
    RATE_LIMIT,
    /** HTTP 500 with code -1001 ("Internal error"); the request is not processed. */
    SERVER_ERROR,
    /**
     * HTTP 503 with code -1007 ("execution status unknown") AFTER the request was processed: the venue's
     * documented case where a 5xx does not mean failure (a create placed the order).
     */
    UNKNOWN_STATUS,
    /** The request IS processed (a create places the order), but the answer is held past the client's time-out. */
    TIMEOUT,
    /** The connection is closed without an answer; the request is not processed. */
    DROP_CONNECTION
}
