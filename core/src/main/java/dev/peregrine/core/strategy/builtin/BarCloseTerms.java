package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.strategy.config.StrategyParams;

/**
 * What a {@link BarCloseStrategy} trades, whatever its signal: one instrument's time bars of one interval,
 * towards a position of one size, with market orders or limit orders joining the touch, long only or also
 * short. Read from the strategy's parameters by its definition; checked by the strategy it builds.
 *
 * @param barNanos   the time-bar interval.
 * @param quantity   size of the position (scaled, > 0), or 0 for the engine's order quantity at the current
 *                   price, asked at each decision.
 * @param joinTouch  true for limit orders at the touch, false for market orders.
 * @param allowShort true to also hold shorts.
 * @param fromCandles true to take the bars whole from candles marked as the market data ({@code bars=candles},
 *                    the bar path of a backtest: one event per bar), false to build them from trades.
 */
public record BarCloseTerms(int instrumentId, long barNanos, long quantity, boolean joinTouch, boolean allowShort,
    boolean fromCandles)
{
    /** Parameter help lines every bar-close strategy shares, in its definition's order. */
    static final String INSTRUMENT_HELP = "instrument=<first product>: the product traded";
    static final String BAR_HELP = "bar=1m: time-bar interval (500ms, 30s, 1m, 4h)";
    static final String BARS_HELP = "bars=trades: trades (time bars built from trades, closed by the clock) or " +
        "candles (each closed candle marked as the market data is a bar: the one-event bar path of a backtest)";
    static final String ORDER_HELP = "order=market: market (cross, taker) or limit (join the touch, maker)";

    /** The {@code instrument} parameter, read first: the size's default depends on it. */
    static int instrument(final StrategyParams params)
    {
        return params.instrument("instrument");
    }

    /** The {@code bar} interval, read second. */
    static long bar(final StrategyParams params)
    {
        return params.duration("bar", 60_000_000_000L);
    }

    /**
     * Reads {@code quantity}, {@code order}, {@code allow-short} and {@code bars}, in that order (problems are reported in
     * the order parameters are read), after the strategy's own signal parameters.
     */
    static BarCloseTerms read(final StrategyParams params, final int instrumentId, final long barNanos)
    {
        final long quantity = params.quantityOrEngine("quantity", instrumentId);
        final boolean joinTouch = "limit".equals(params.choice("order", "market", "limit"));
        final boolean allowShort = params.bool("allow-short", false);
        final boolean fromCandles = "candles".equals(params.choice("bars", "trades", "candles"));
        return new BarCloseTerms(instrumentId, barNanos, quantity, joinTouch, allowShort, fromCandles);
    }
}
