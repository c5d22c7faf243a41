package dev.peregrine.acceptance;

import dev.peregrine.acceptance.support.GeneratedData;
import dev.peregrine.acceptance.support.GeneratedData.Format;
import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.Workspace;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A user asks for the market maker on data without an order book (trades, candles). It quotes around the L2
 * mid, so on such data it could only pretend: the backtest refuses, exit 2, with one line saying why, and
 * prints no summary.
 */
class MarketMakerNeedsAnOrderBookTest
{
    private static final Pattern WHY = Pattern.compile("(?i)market-maker.*(order book|L2|level ?2)|(order book|L2|level ?2).*market-maker");

    @ParameterizedTest(name = "market-maker on {0}")
    @EnumSource(value = Format.class, names = {"TRADES_CSV", "OHLCV_CANDLES"})
    void aMarketMakerOnTradeOnlyDataIsRefused(final Format format)
    {
        final Path dir = Workspace.caseDir("market-maker-" + format.cliName);
        final Peregrine.Result backtest = Peregrine.run(dir, Duration.ofMinutes(3), "backtest", "--data",
            GeneratedData.file(format).toString(), "--strategy", "market-maker", "--report", dir.resolve("out").toString());

        assertThat(backtest.exitCode()).as("exit code of a strategy that cannot run on this data\n%s", backtest.describe())
            .isEqualTo(2);
        final List<String> lines = backtest.output().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).as("one line, naming the strategy and the missing order book\n%s", backtest.describe())
            .hasSize(1).allMatch(line -> WHY.matcher(line).find());
        assertThat(backtest.output()).as("no summary").doesNotContain("output-digest");
    }
}
