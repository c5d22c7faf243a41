package dev.peregrine.core.event;

/**
 * Trading status of a product, carried in {@link InboundEvent#flags} of
 * {@link EventType#INSTRUMENT_INFO}. Codes are part of the journal format.
 */
public final class InstrumentStatus
{
    public static final int UNKNOWN = 0;
    /** Orders of every kind accepted. */
    public static final int ONLINE = 1;
    /** The venue accepts cancels only. */
    public static final int CANCEL_ONLY = 2;
    /** The venue accepts limit orders only. */
    public static final int LIMIT_ONLY = 3;
    /** Trading disabled, delisted or offline. */
    public static final int OFFLINE = 4;

    private InstrumentStatus()
    {
    }

    public static String name(final int status)
    {
        switch (status)
        {
            case ONLINE: return "ONLINE";
            case CANCEL_ONLY: return "CANCEL_ONLY";
            case LIMIT_ONLY: return "LIMIT_ONLY";
            case OFFLINE: return "OFFLINE";
            default: return "UNKNOWN";
        }
    }
}
