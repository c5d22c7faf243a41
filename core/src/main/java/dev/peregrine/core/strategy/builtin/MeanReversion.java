package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.indicator.BollingerBands;
import dev.peregrine.core.indicator.Rsi;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.strategy.StrategyContext;
import dev.peregrine.core.strategy.StrategyFactory;
import dev.peregrine.core.strategy.config.DescribedDefinition;
import dev.peregrine.core.strategy.config.StrategyDefinition;
import dev.peregrine.core.strategy.config.StrategyParams;


/**
 * Mean reversion on time-bar closes of one instrument: buys a stretched-down market and sells it back at
 * the average, with Wilder's RSI ({@link Rsi}) and Bollinger Bands ({@link BollingerBands}: SMA middle,
 * population deviation).
 *
 * <p>The rules, evaluated once per closed bar of the configured instrument and interval, after both
 * indicators have taken the close, and only once both are defined. "Position" is the expected one: this
 * strategy's own position plus its open buys minus its open sells, so an order on its way counts as done.
 * <ol>
 *   <li>Flat: if {@code close < lower band} and {@code RSI < oversold}, buy to a long of
 *       {@code quantity} ({@code oversold-below-lower-band}). Else, with {@code allow-short}, if
 *       {@code close > upper band} and {@code RSI > overbought}, sell to a short of {@code quantity}
 *       ({@code overbought-above-upper-band}).</li>
 *   <li>Long: if {@code close >= middle band}, sell to flat ({@code reverted-to-middle}). A long is never
 *       added to, nor reversed to a short in one step: a short needs a flat bar first.</li>
 *   <li>Short: if {@code close <= middle band}, buy to flat ({@code reverted-to-middle}).</li>
 * </ol>
 * Comparisons are strict for entries and inclusive for exits. No entry while the RSI is flat (average
 * gain and loss both near zero): TA-Lib writes 0 there, which would read as deeply oversold. The order is
 * a market order, or with {@code order=limit} a limit order joining the touch (bid to buy, ask to sell;
 * nothing is sent while that side is empty), and is explained with {@code rsi, bb_lower, bb_middle,
 * bb_upper, percent_b, close}. A refused or unsent order is retried on the next bar whose close still
 * meets its rule.
 *
 * <p>Bars without trades (flat at the previous close) are fed like any other, so the periods count
 * intervals of time and a quiet market narrows the bands; bars of other instruments are ignored.
 */
public final class MeanReversion extends BarCloseStrategy
{
    public static final String NAME = "mean-reversion";

    /** Configuration by name: every parameter checked, every problem reported. */
    public static final StrategyDefinition DEFINITION = new DescribedDefinition(NAME,
        "RSI + Bollinger Bands on time-bar closes of one product: buy oversold below the lower band " +
            "(optionally short overbought above the upper), exit at the middle band",
        BarCloseTerms.INSTRUMENT_HELP,
        BarCloseTerms.BAR_HELP,
        BarCloseTerms.BARS_HELP,
        "rsi-period=14: RSI period (Wilder), bars",
        "oversold=30: enter long below the lower band when RSI is under this",
        "overbought=70: enter short above the upper band when RSI is over this (> oversold)",
        "bb-period=20: Bollinger Bands period, bars",
        "bb-k=2.0: band half-width in standard deviations",
        "quantity=<engine order notional at the current price>: size of the position",
        BarCloseTerms.ORDER_HELP,
        "allow-short=false: true to also short overbought closes above the upper band")
    {
        @Override
        public StrategyFactory configure(final StrategyParams params)
        {
            final int instrumentId = BarCloseTerms.instrument(params);
            final long barNanos = BarCloseTerms.bar(params);
            final int rsiPeriod = params.integer("rsi-period", 14, 2, 100_000);
            final double oversold = params.decimal("oversold", 30.0, 0.0, 100.0);
            final double overbought = params.decimal("overbought", 70.0, 0.0, 100.0);
            final int bandPeriod = params.integer("bb-period", 20, 2, 100_000);
            final double bandWidth = params.decimal("bb-k", 2.0, 0.0, 10.0);
            final BarCloseTerms terms = BarCloseTerms.read(params, instrumentId, barNanos);
            params.require(oversold < overbought,
                "parameter 'oversold' (" + oversold + ") must be below 'overbought' (" + overbought + ")");
            if (!params.problems().isEmpty())
            {
                return null;
            }
            return context -> new MeanReversion(context, terms, rsiPeriod, oversold, overbought, bandPeriod, bandWidth);
        }
    };

    private static final String OVERSOLD_BELOW_LOWER_BAND = "oversold-below-lower-band";
    private static final String OVERBOUGHT_ABOVE_UPPER_BAND = "overbought-above-upper-band";
    private static final String REVERTED_TO_MIDDLE = "reverted-to-middle";
    private static final String RSI = "rsi";
    private static final String BB_LOWER = "bb_lower";
    private static final String BB_MIDDLE = "bb_middle";
    private static final String BB_UPPER = "bb_upper";
    private static final String PERCENT_B = "percent_b";
    private static final String CLOSE = "close";

    private final double oversold;
    private final double overbought;
    private final Rsi rsi;
    private final BollingerBands bands;

    /**
     * Subscribes the time bars it trades on, so it must be called while the engine builds its strategies.
     *
     * @param oversold   RSI level under which a close below the lower band is bought (0..100).
     * @param overbought RSI level over which a close above the upper band is shorted; above {@code oversold}.
     * @param bandWidth  the bands' distance from the middle, in population standard deviations (>= 0).
     */
    public MeanReversion(
        final StrategyContext context,
        final BarCloseTerms terms,
        final int rsiPeriod,
        final double oversold,
        final double overbought,
        final int bandPeriod,
        final double bandWidth)
    {
        super(checked(context, terms.quantity(), oversold, overbought), terms);
        this.oversold = oversold;
        this.overbought = overbought;
        this.rsi = new Rsi(rsiPeriod);
        this.bands = new BollingerBands(bandPeriod, bandWidth);
    }

    private static StrategyContext checked(final StrategyContext context, final long quantity, final double oversold,
        final double overbought)
    {
        TargetPosition.requireQuantity(context, quantity);
        if (!(oversold < overbought))
        {
            throw new IllegalArgumentException("strategy '" + context.name() + "': oversold (" + oversold +
                ") must be below overbought (" + overbought + ")");
        }
        return context;
    }

    @Override
    protected void onClose(final double close)
    {
        rsi.update(close);
        bands.update(close);
        if (!rsi.isReady() || !bands.isReady())
        {
            return;
        }
        final long position = orders.expectedPosition();
        final long size = orders.size(terms.quantity());
        final long target;
        final String signal;
        if (position == 0)
        {
            if (rsi.isFlat())
            {
                return;
            }
            if (close < bands.lower() && rsi.value() < oversold)
            {
                target = size;
                signal = OVERSOLD_BELOW_LOWER_BAND;
            }
            else if (terms.allowShort() && close > bands.upper() && rsi.value() > overbought)
            {
                target = -size;
                signal = OVERBOUGHT_ABOVE_UPPER_BAND;
            }
            else
            {
                return;
            }
        }
        else if (position > 0 ? close >= bands.middle() : close <= bands.middle())
        {
            target = 0;
            signal = REVERTED_TO_MIDDLE;
        }
        else
        {
            return;
        }
        context.decision().signal(signal)
            .value(RSI, rsi.value())
            .value(BB_LOWER, bands.lower())
            .value(BB_MIDDLE, bands.middle())
            .value(BB_UPPER, bands.upper())
            .value(PERCENT_B, bands.percentB())
            .value(CLOSE, close);
        orders.send(target - position);
    }

    @Override
    public long hash(final long seed)
    {
        long h = Hash64.mix(seed, terms.instrumentId());
        h = Hash64.mix(h, terms.barNanos());
        h = Hash64.mix(h, oversold);
        h = Hash64.mix(h, overbought);
        h = Hash64.mix(h, terms.quantity());
        h = Hash64.mix(h, terms.allowShort() ? 1L : 0L);
        h = rsi.hash(h);
        h = bands.hash(h);
        h = orders.hash(h);
        return Hash64.mix(h, bars);
    }
}
