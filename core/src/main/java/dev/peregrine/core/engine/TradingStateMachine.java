package dev.peregrine.core.engine;

import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.output.Hash64;

/**
 * The trading state the core decides on: ACTIVE, REDUCING or HALTED, with the reason for the last
 * change. It moves only on journaled inputs (operator commands, and loss limits computed from market
 * data), so a replay passes through the same states at the same events. Owned by the core thread.
 *
 * <p>A graceful stop is not a kill: {@link CommandCode#STOP} halts and cancels like a kill, but keeps the
 * state it found aside, and the {@link CommandCode#START} that the next start publishes brings it back.
 * So a restart after SIGTERM trades again, while an operator's pause, kill or reduce (or a loss limit)
 * outlives the restart, as it should.
 *
 * <p>The {@link TradingSwitch} is separate: it is the one halt another thread may pull (a failed
 * journal append), and it overrides whatever this says.
 */
public final class TradingStateMachine
{
    /** The {@link #reasonCode} of a move to REDUCING because the margin ratio crossed its limit. */
    public static final int MARGIN_RATIO_CODE = 102;

    private TradingState state = TradingState.ACTIVE;
    /** Volatile: written on the core thread only when the state changes, read by the admin and health threads. */
    private volatile String reason = "start";
    private int reasonCode;
    private long sinceNanos;
    private boolean lossLimitHolds;
    /** The account's margin ratio is above its limit (perpetuals): like a loss limit, only reducing orders. */
    private boolean marginRatioHolds;
    /** Set by STOP until START: the state, reason, code and time that STOP found, to restore. */
    private boolean stopping;
    private TradingState beforeStop;
    private String reasonBeforeStop;
    private int reasonCodeBeforeStop;
    private long sinceBeforeStop;

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

    /**
     * What moved the state last: a {@link CommandCode} (1 to 7), 100 the daily loss limit, 101 the trailing
     * drawdown, {@link #MARGIN_RATIO_CODE} the margin ratio, 200 a core error, 0 the start of a journal.
     */
    public int reasonCode()
    {
        return reasonCode;
    }

    /** True between a graceful STOP and the START of the next run. */
    public boolean stopping()
    {
        return stopping;
    }

    /** The state the next START restores: the one STOP found, or the current one when not stopping. */
    public TradingState stateAfterStart()
    {
        return stopping ? restoredState(beforeStop) : state;
    }

    public String reasonAfterStart()
    {
        return stopping ? (restoredState(beforeStop) != beforeStop ? lossLimitReason() : reasonBeforeStop) : reason;
    }

    public int reasonCodeAfterStart()
    {
        return stopping ? reasonCodeBeforeStop : reasonCode;
    }

    public long sinceAfterStart()
    {
        return stopping ? sinceBeforeStop : sinceNanos;
    }

    /** Applies an operator command; returns true if it asks for open orders to be cancelled. */
    public boolean onCommand(final int code, final long nowNanos)
    {
        if (code == CommandCode.STOP)
        {
            if (!stopping)
            {
                stopping = true;
                beforeStop = state;
                reasonBeforeStop = reason;
                reasonCodeBeforeStop = reasonCode;
                sinceBeforeStop = sinceNanos;
            }
            move(TradingState.HALTED, "engine stopping", code, nowNanos);
            return true;
        }
        if (code == CommandCode.START)
        {
            if (stopping)
            {
                stopping = false;
                final TradingState restored = restoredState(beforeStop);
                state = restored;
                reason = restored != beforeStop ? lossLimitReason() : reasonBeforeStop;
                reasonCode = reasonCodeBeforeStop;
                sinceNanos = sinceBeforeStop;
            }
            return false;
        }
        // An operator's own command while stopping decides the state from here on: nothing to restore.
        stopping = false;
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
                else if (marginRatioHolds)
                {
                    move(TradingState.REDUCING, "operator: resume, but the margin ratio is still above its limit", code,
                        nowNanos);
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

    /**
     * The account's margin ratio crossed its limit: ACTIVE becomes REDUCING, saying why; a HALTED engine stays
     * halted. Like a loss limit, the hold outlives a resume until {@link #onMarginRatioCleared}. {@code why} is
     * built by the caller only on the event that crosses, never per event.
     */
    public void onMarginRatioBreached(final String why, final long nowNanos)
    {
        if (!marginRatioHolds)
        {
            marginRatioHolds = true;
            if (state == TradingState.ACTIVE)
            {
                move(TradingState.REDUCING, why, MARGIN_RATIO_CODE, nowNanos);
            }
        }
    }

    /**
     * The margin ratio is back under its limit: the hold lifts, and the state waits for an operator's resume, as
     * after a loss limit (a ratio that hovers at its limit must not flip the engine between states).
     */
    public void onMarginRatioCleared()
    {
        marginRatioHolds = false;
    }

    public boolean marginRatioHolds()
    {
        return marginRatioHolds;
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

    /** A loss limit breached while stopping (HALTED then) still holds after the start. */
    private TradingState restoredState(final TradingState saved)
    {
        return saved == TradingState.ACTIVE && (lossLimitHolds || marginRatioHolds) ? TradingState.REDUCING : saved;
    }

    private static String lossLimitReason()
    {
        return "a loss or margin limit breached while the engine was stopping still holds";
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
        h = Hash64.mix(h, lossLimitHolds ? 1 : 0);
        if (marginRatioHolds)
        {
            h = Hash64.mix(h, 3); // only while it holds: spot states hash as before perpetuals
        }
        if (!stopping)
        {
            return h; // journals without a graceful stop hash as they always did
        }
        h = Hash64.mix(h, beforeStop.ordinal());
        h = Hash64.mix(h, reasonCodeBeforeStop);
        return Hash64.mix(h, sinceBeforeStop);
    }
}
