package dev.peregrine.core.execution;

/** Why a position was closed by its exit rules. Ordinals index the metrics: append only. */
public enum ExitReason
{
    STOP_LOSS,
    TAKE_PROFIT,
    TRAILING_STOP,
    TIME_STOP;

    public String label()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
