package dev.peregrine.ops.engine;

import dev.peregrine.core.engine.TradingState;
import dev.peregrine.core.engine.TradingStateMachine;
import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.metrics.CoreMetrics;

import java.time.Instant;

/**
 * The trading state as an operator reads it: the state, why, since when, and what lifts it. One
 * wording for the start-up line, the logs, {@code /health} and {@code /admin/status}.
 *
 * @param state       ACTIVE, REDUCING or HALTED.
 * @param reason      why the state last changed (the core's own words).
 * @param reasonCode  what changed it ({@link TradingStateMachine#reasonCode()}).
 * @param sinceNanos  event time of the change, epoch nanos; 0 when the journal began in this state.
 * @param selfHalt    the engine halted itself (a journal failure), or null.
 */
public record TradingStateNote(TradingState state, String reason, int reasonCode, long sinceNanos, String selfHalt)
{
    /** Codes a loss limit uses in {@link TradingStateMachine}. */
    private static final int DAILY_LOSS = 100;
    private static final int TRAILING_DRAWDOWN = 101;

    /** The state a start on this core's recovered state will trade in (after the START a graceful stop asks for). */
    public static TradingStateNote afterStart(final TradingStateMachine machine)
    {
        return new TradingStateNote(machine.stateAfterStart(), machine.reasonAfterStart(), machine.reasonCodeAfterStart(),
            machine.sinceAfterStart(), null);
    }

    /** The running engine's state, from what the core publishes and the switch another thread may pull. */
    public static TradingStateNote current(final TradingStateMachine machine, final CoreMetrics metrics,
        final dev.peregrine.core.engine.TradingSwitch tradingSwitch)
    {
        final TradingState state = TradingState.values()[(int)metrics.tradingState.get()];
        return new TradingStateNote(tradingSwitch.isHalted() ? TradingState.HALTED : state, machine.reason(),
            (int)metrics.tradingStateReason.get(), metrics.tradingStateSince.get(),
            tradingSwitch.isHalted() ? tradingSwitch.reason() : null);
    }

    /** True when an operator, a loss limit or an error keeps trading from being ACTIVE. */
    public boolean restricted()
    {
        return state != TradingState.ACTIVE;
    }

    /** What lifts the state, or null when ACTIVE. */
    public String howToLift()
    {
        if (selfHalt != null)
        {
            return "the engine halted itself (" + selfHalt + "); fix the cause and restart";
        }
        if (state == TradingState.ACTIVE)
        {
            return null;
        }
        switch (reasonCode)
        {
            case CommandCode.STOP:
                return "the engine is stopping; the next start on this journal restores the state from before the stop";
            case DAILY_LOSS:
            case TRAILING_DRAWDOWN:
                return "a loss limit holds until the trading day rolls over; then POST /admin/resume";
            default:
                return "POST /admin/resume (with the admin token) lifts it";
        }
    }

    /** ISO-8601 time of the change, or null when the journal began in this state. */
    public String since()
    {
        return sinceNanos <= 0 ? null : Instant.ofEpochSecond(0, sinceNanos).toString();
    }

    /** The start-up line: {@code trading state at start-up: HALTED (operator: kill, since ...); POST /admin/resume ...}. */
    public String startupLine()
    {
        if (!restricted())
        {
            return "trading state at start-up: ACTIVE";
        }
        return "trading state at start-up: " + state + " (" + reason + (since() == null ? "" : ", since " + since()) +
            ", kept from the journal); " + howToLift();
    }
}
