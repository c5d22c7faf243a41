package dev.peregrine.ops.indicators;

import dev.peregrine.core.indicator.Adx;
import dev.peregrine.core.indicator.Atr;
import dev.peregrine.core.indicator.BollingerBands;
import dev.peregrine.core.indicator.Ema;
import dev.peregrine.core.indicator.Macd;
import dev.peregrine.core.indicator.RollingStdDev;
import dev.peregrine.core.indicator.Rsi;
import dev.peregrine.core.indicator.Sma;
import dev.peregrine.core.indicator.Wma;

import java.util.List;
import java.util.function.ToDoubleFunction;

/**
 * One instance of every core indicator the {@code indicators} command prints, fed one bar at a time,
 * and the output columns that read them. Close-based: SMA, EMA, WMA, RSI, MACD, Bollinger, standard
 * deviation; high/low/close: ATR, ADX and the directional indicators. A value is {@code NaN} until
 * that output is ready (the core's convention), which the command writes as an empty cell.
 */
public final class IndicatorBank
{
    /** An output column: its name in the header, and how to read its value from a bank. */
    public record Column(String name, ToDoubleFunction<IndicatorBank> value)
    {
    }

    private final Sma sma;
    private final Ema ema;
    private final Wma wma;
    private final Rsi rsi;
    private final Macd macd;
    private final BollingerBands bands;
    private final Atr atr;
    private final Adx adx;
    private final RollingStdDev stdDev;

    public IndicatorBank(final IndicatorParams p)
    {
        sma = new Sma(p.period("sma"));
        ema = new Ema(p.period("ema"));
        wma = new Wma(p.period("wma"));
        rsi = new Rsi(p.period("rsi"));
        macd = new Macd(p.period("macd_fast"), p.period("macd_slow"), p.period("macd_signal"));
        bands = new BollingerBands(p.period("bb"), p.bbK());
        atr = new Atr(p.period("atr"));
        adx = new Adx(p.period("adx"));
        stdDev = new RollingStdDev(p.period("stddev"));
    }

    public void update(final double high, final double low, final double close)
    {
        sma.update(close);
        ema.update(close);
        wma.update(close);
        rsi.update(close);
        macd.update(close);
        bands.update(close);
        atr.update(high, low, close);
        adx.update(high, low, close);
        stdDev.update(close);
    }

    /** Every output column, in the order written, named after the settings in {@code p}. */
    public static List<Column> columns(final IndicatorParams p)
    {
        final String macdSuffix = "_" + p.period("macd_fast") + "_" + p.period("macd_slow") + "_" + p.period("macd_signal");
        final String bbSuffix = "_" + p.period("bb") + "_" + p.bbKText();
        return List.of(
            new Column("sma_" + p.period("sma"), b -> b.sma.value()),
            new Column("ema_" + p.period("ema"), b -> b.ema.value()),
            new Column("wma_" + p.period("wma"), b -> b.wma.value()),
            new Column("rsi_" + p.period("rsi"), b -> b.rsi.value()),
            new Column("macd" + macdSuffix, b -> b.macd.line()),
            new Column("macd_signal" + macdSuffix, b -> b.macd.signal()),
            new Column("macd_hist" + macdSuffix, b -> b.macd.histogram()),
            new Column("bb_middle" + bbSuffix, b -> b.bands.middle()),
            new Column("bb_upper" + bbSuffix, b -> b.bands.upper()),
            new Column("bb_lower" + bbSuffix, b -> b.bands.lower()),
            new Column("bb_percent_b" + bbSuffix, b -> b.bands.percentB()),
            new Column("bb_width" + bbSuffix, b -> b.bands.width()),
            new Column("atr_" + p.period("atr"), b -> b.atr.value()),
            new Column("adx_" + p.period("adx"), b -> b.adx.value()),
            new Column("plus_di_" + p.period("adx"), b -> b.adx.plusDi()),
            new Column("minus_di_" + p.period("adx"), b -> b.adx.minusDi()),
            new Column("stddev_" + p.period("stddev"), b -> b.stdDev.value()));
    }

    /** The column name without its settings: {@code sma}, {@code macd_signal}, {@code bb_percent_b}. */
    public static String baseName(final Column column)
    {
        final String name = column.name();
        int end = name.length();
        while (end > 0)
        {
            final int underscore = name.lastIndexOf('_', end - 1);
            if (underscore < 0 || !isSetting(name.substring(underscore + 1, end)))
            {
                break;
            }
            end = underscore;
        }
        return name.substring(0, end);
    }

    private static boolean isSetting(final String part)
    {
        return !part.isEmpty() && part.chars().allMatch(c -> (c >= '0' && c <= '9') || c == '.');
    }
}
