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
    /**
     * The engine is stopping gracefully (SIGTERM, Ctrl-C): no new orders and every open order cancelled,
     * like KILL, but the trading state from before is kept aside for the next start. Not an operator
     * command: only the shutdown publishes it.
     */
    public static final int STOP = 6;
    /**
     * The engine started on a journal that a graceful stop ended: the trading state from before that stop
     * comes back (ACTIVE, or whatever an operator or a loss limit had set). Published by start-up only.
     */
    public static final int START = 7;
    /**
     * The engine started on a journal with orders still open at a live venue, before the venue's first report:
     * those pending there (waiting for an acknowledgement or a cancel's confirmation) are not timed out until the
     * venue reports on them (its restart reconciliation). The trading state is not touched. Published by start-up
     * only.
     */
    public static final int RECOVERED = 8;

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
            case STOP: return "stop";
            case START: return "start";
            case RECOVERED: return "recovered";
            default: return "unknown(" + code + ")";
        }
    }

    /** The code of an operator command name (pause to kill; never the engine's own stop and start), or 0. */
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
