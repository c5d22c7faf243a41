package dev.peregrine.core.engine;

/**
 * The one piece of trading state that another thread may change: the exception handler of the journal
 * thread halts trading when a journal append fails, and the core must see that before the next order.
 * The core reads it once per order through a volatile load; everything else the core owns is plain.
 */
public final class TradingSwitch
{
    private volatile TradingState state = TradingState.ACTIVE;
    private volatile String reason = "";

    public TradingState state()
    {
        return state;
    }

    public boolean isHalted()
    {
        return state == TradingState.HALTED;
    }

    public String reason()
    {
        return reason;
    }

    /** Halts trading; the first reason given is kept, because it is the cause, later ones are effects. */
    public void halt(final String why)
    {
        if (state != TradingState.HALTED)
        {
            reason = why;
            state = TradingState.HALTED;
        }
    }
}
