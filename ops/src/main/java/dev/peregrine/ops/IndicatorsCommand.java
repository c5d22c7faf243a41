package dev.peregrine.ops;

import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.indicators.IndicatorBank;
import dev.peregrine.ops.indicators.IndicatorParams;
import dev.peregrine.ops.indicators.IndicatorsRun;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code peregrine indicators --input FILE.csv --output OUT.csv}: the core's streaming indicators over
 * OHLCV bars from a CSV, to compare with a charting tool before trusting a strategy.
 */
@Command(
    name = "indicators",
    mixinStandardHelpOptions = true,
    description = {
        "Reads OHLCV bars from a CSV and writes its columns followed by the core's",
        "indicators, oldest bar first:",
        "  sma_20 ema_20 wma_20 rsi_14",
        "  macd_12_26_9 macd_signal_12_26_9 macd_hist_12_26_9",
        "  bb_middle_20_2 bb_upper_20_2 bb_lower_20_2 bb_percent_b_20_2 bb_width_20_2",
        "  atr_14 adx_14 plus_di_14 minus_di_14 stddev_20",
        "SMA, EMA, WMA, RSI, MACD, Bollinger (population deviation) and stddev use the",
        "close; ATR, ADX and +DI/-DI use high, low and close. A cell is empty until that",
        "output is warmed up. Numbers are Java's shortest round-trip form",
        "(Double.toString: 101.25, 1.0E-5).",
        "",
        "Input: a header line, then one bar per line. Columns timestamp (or time, date,",
        "datetime), open, high, low, close, volume, in any case and order; other",
        "columns are copied. Timestamps: ISO-8601 (2024-08-08T23:54:13Z, with a",
        "fraction or an offset; none means UTC; a date alone is midnight UTC) or whole",
        "epoch numbers: below 100000000000 (10^11) they are seconds, from 10^11 to",
        "10^14 milliseconds. They must strictly increase; the output repeats them as",
        "given. Prices and volume must be finite and >= 0, high >= low, and open and",
        "close within [low, high]. The first bad row stops the run with",
        "'<file>:<line>: <field>: <problem>' and exit code 2, and no output is written:",
        "the output file appears only when the whole input is good."})
public final class IndicatorsCommand implements java.util.concurrent.Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--input", required = true, paramLabel = "FILE", description = "OHLCV CSV to read.")
    private Path input;

    @Option(names = "--output", required = true, paramLabel = "FILE",
        description = "CSV to write (replaced if it exists, only after the whole input was read).")
    private Path output;

    @Option(names = "--columns", split = ",", paramLabel = "NAME",
        description = "Indicator columns to write, comma-separated, full (sma_20) or short (sma, macd_signal, " +
            "bb_upper) names; all when not given.")
    private List<String> columns = new ArrayList<>();

    @Option(names = "--param", paramLabel = "NAME=VALUE",
        description = "Changes a setting (repeatable); the column names follow. Names and defaults: sma=20, " +
            "ema=20, wma=20, rsi=14, macd_fast=12, macd_slow=26, macd_signal=9, bb=20, bb_k=2, atr=14, adx=14, stddev=20.")
    private List<String> params = new ArrayList<>();

    @Override
    public Integer call()
    {
        final IndicatorParams settings = IndicatorParams.parse(params);
        final List<IndicatorBank.Column> selected = IndicatorsRun.select(IndicatorBank.columns(settings), columns);
        final IndicatorsRun.Result result = IndicatorsRun.run(input, output, settings, selected);
        final PrintWriter out = spec.commandLine().getOut();
        out.printf("wrote %,d rows to %s: %d input columns, %d indicator columns%n",
            result.rows(), output, result.inputColumns(), result.indicatorColumns());
        out.flush();
        return ExitCodes.OK;
    }
}
