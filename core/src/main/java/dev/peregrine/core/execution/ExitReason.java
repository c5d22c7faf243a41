package dev.peregrine.core.execution;

/** Why a position was closed by its exit rules. Ordinals index the metrics: append only. */
public enum ExitReason
{
    STOP_LOSS,
    TAKE_PROFIT,
    TRAILING_STOP,
    TIME_STOP;

    private final String signal = "exit-" + name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');

    /** The decision signal of the closing order, e.g. {@code exit-stop-loss}. */
    public String signal()
    {
        return signal;
    }

    public String label()
    {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
