package dev.peregrine.core.engine;

import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.output.Hash64;

/**
 * The trading state the core decides on: ACTIVE, REDUCING or HALTED, with the reason for the last
 * change. It moves only on journaled inputs (operator commands, and loss limits computed from market
 * data), so a replay passes through the same states at the same events. Owned by the core thread.
 *
 * <p>The {@link TradingSwitch} is separate: it is the one halt another thread may pull (a failed
 * journal append), and it overrides whatever this says.
 */
public final class TradingStateMachine
{
    private TradingState state = TradingState.ACTIVE;
    private String reason = "start";
    private int reasonCode;
    private long sinceNanos;
    private boolean lossLimitHolds;

    public TradingState state()
    {
        return state;
    }

    /** Why the state last changed, for status output (allocated only when the state changes). */
    public String reason()
    {
        return reason;
    }

    public long sinceNanos()
    {
        return sinceNanos;
    }

    /** Applies an operator command; returns true if it asks for open orders to be cancelled. */
    public boolean onCommand(final int code, final long nowNanos)
    {
        switch (code)
        {
            case CommandCode.PAUSE:
                move(TradingState.HALTED, "operator: pause", code, nowNanos);
                return false;
            case CommandCode.RESUME:
                if (lossLimitHolds)
                {
                    move(TradingState.REDUCING, "operator: resume, but a loss limit still holds", code, nowNanos);
                }
                else
                {
                    move(TradingState.ACTIVE, "operator: resume", code, nowNanos);
                }
                return false;
            case CommandCode.REDUCE:
                move(TradingState.REDUCING, "operator: reduce", code, nowNanos);
                return false;
            case CommandCode.FLATTEN:
                move(TradingState.REDUCING, "operator: flatten", code, nowNanos);
                return true;
            case CommandCode.KILL:
                move(TradingState.HALTED, "operator: kill", code, nowNanos);
                return true;
            default:
                return false;
        }
    }

    /**
     * A loss limit was breached: ACTIVE becomes REDUCING, and says why. A HALTED engine stays halted.
     * {@code why} is built by the caller only on the event that breaches, never per event.
     */
    public void onLossLimitBreached(final String why, final int code, final long nowNanos)
    {
        if (!lossLimitHolds)
        {
            lossLimitHolds = true;
            if (state == TradingState.ACTIVE)
            {
                move(TradingState.REDUCING, why, code, nowNanos);
            }
        }
    }

    /** The core contained an exception: no new orders until an operator resumes. */
    public void onError(final String why, final long nowNanos)
    {
        move(TradingState.HALTED, why, 200, nowNanos);
    }

    /** A new trading day reset the loss baselines: the limit no longer holds (the state stays until resumed). */
    public void onLossLimitCleared()
    {
        lossLimitHolds = false;
    }

    public boolean lossLimitHolds()
    {
        return lossLimitHolds;
    }

    private void move(final TradingState next, final String why, final int code, final long nowNanos)
    {
        state = next;
        reason = why;
        reasonCode = code;
        sinceNanos = nowNanos;
    }

    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, state.ordinal());
        h = Hash64.mix(h, reasonCode);
        h = Hash64.mix(h, sinceNanos);
        return Hash64.mix(h, lossLimitHolds ? 1 : 0);
    }
}
