package dev.peregrine.gateway.orders;

/** Why an order (or its fate) was reported as it was; int codes so that events stay primitive. */
public final class VenueRejectReason
{
    /** The venue answered and refused the order (the detail holds its failure reason). */
    public static final int VENUE_REJECTED = 1;
    /** HTTP 429: not processed. */
    public static final int RATE_LIMITED = 2;
    /** The circuit breaker is open: not sent. */
    public static final int CIRCUIT_OPEN = 3;
    /** 401/403: the key or JWT was refused. */
    public static final int UNAUTHORIZED = 4;
    /** The connection could not be opened (twice): not sent. */
    public static final int NOT_SENT = 5;
    /** The instrument has no venue product id. */
    public static final int UNKNOWN_PRODUCT = 6;
    /** The user channel reported the order FAILED. */
    public static final int FAILED = 7;
    /** For {@link VenueResponseListener#onUnknown}: no answer within the time-out. */
    public static final int TIMEOUT = 8;
    /** For {@link VenueResponseListener#onUnknown}: the connection closed before the answer. */
    public static final int CONNECTION_DROPPED = 9;
    /** For {@link VenueResponseListener#onUnknown}: HTTP 5xx. */
    public static final int SERVER_ERROR = 10;
    /**
     * After a restart, the venue has no order with the client order id the journal says was sent: its
     * cause was journaled but the process died before the request left (or the venue never took it).
     */
    public static final int NOT_AT_VENUE = 11;

    private VenueRejectReason()
    {
    }

    public static String name(final int reason)
    {
        switch (reason)
        {
            case VENUE_REJECTED: return "venue_rejected";
            case RATE_LIMITED: return "rate_limited";
            case CIRCUIT_OPEN: return "circuit_open";
            case UNAUTHORIZED: return "unauthorized";
            case NOT_SENT: return "not_sent";
            case UNKNOWN_PRODUCT: return "unknown_product";
            case NOT_AT_VENUE: return "not_at_venue";
            case FAILED: return "failed";
            case TIMEOUT: return "timeout";
            case CONNECTION_DROPPED: return "connection_dropped";
            case SERVER_ERROR: return "server_error";
            default: return "unknown";
        }
    }
}
