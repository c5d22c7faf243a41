package dev.peregrine.core.event;

/**
 * Operator commands, carried in {@link InboundEvent#flags} of {@link EventType#COMMAND}. They reach the
 * core as journaled inbound events, so a replay sees the same pause or kill at the same point. Codes
 * are part of the journal format.
 */
public final class CommandCode
{
    /** No new orders (HALTED); open orders stay. */
    public static final int PAUSE = 1;
    /** Back to ACTIVE (unless a loss limit still holds: then REDUCING). */
    public static final int RESUME = 2;
    /** Only orders that reduce a position (REDUCING). */
    public static final int REDUCE = 3;
    /** Cancel every open order, close every position at market, then REDUCING. */
    public static final int FLATTEN = 4;
    /** HALTED and cancel every open order; positions stay as they are. */
    public static final int KILL = 5;

    private CommandCode()
    {
    }

    public static String name(final int code)
    {
        switch (code)
        {
            case PAUSE: return "pause";
            case RESUME: return "resume";
            case REDUCE: return "reduce";
            case FLATTEN: return "flatten";
            case KILL: return "kill";
            default: return "unknown(" + code + ")";
        }
    }

    /** The code of a command name, or 0. */
    public static int of(final String name)
    {
        for (int code = PAUSE; code <= KILL; code++)
        {
            if (name(code).equalsIgnoreCase(name))
            {
                return code;
            }
        }
        return 0;
    }
}
