package dev.peregrine.core.event;

/**
 * Bits of {@link InboundEvent#flags} for {@link EventType#CANDLE}.
 *
 * <p>{@link #BAR} marks a closed candle that is its interval's only market data: the bar path of a
 * backtest, one event per bar instead of a quote, a trade and a clock. The core then takes the candle as
 * the market at its close (the last price, and the touch on both sides at the close for the candle's
 * volume: a bar-level backtest trades at the close, as a bar-loop library's "trade on current close" model
 * does) and hands it as a closed bar to the strategies that subscribed candle bars. Without the bit a
 * CANDLE is only counted, as before: journals whose candles sit beside their own quotes and trades (the
 * candle importer's) replay exactly as they always did.
 *
 * <p>The bit is journaled with the event (flags are part of every record), so replay sees what live saw.
 */
public final class CandleFlags
{
    /** A closed candle that is its interval's whole market data (the bar path). */
    public static final int BAR = 1;

    private CandleFlags()
    {
    }

    /** True for a CANDLE that carries {@link #BAR}. */
    public static boolean isBar(final InboundEvent event)
    {
        return event.type == EventType.CANDLE && (event.flags & BAR) != 0;
    }
}
