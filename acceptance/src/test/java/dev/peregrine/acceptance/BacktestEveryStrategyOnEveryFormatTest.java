package dev.peregrine.acceptance;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.acceptance.support.GeneratedData;
import dev.peregrine.acceptance.support.GeneratedData.Format;
import dev.peregrine.acceptance.support.Http;
import dev.peregrine.acceptance.support.Peregrine;
import dev.peregrine.acceptance.support.RecordedDigests;
import dev.peregrine.acceptance.support.Summary;
import dev.peregrine.acceptance.support.UserChecks;
import dev.peregrine.acceptance.support.Workspace;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.within;

/**
 * A new user backtests each built-in strategy, with its default parameters, on each data format it supports
 * (a million generated trades as a trades CSV and as a Binance archive, and one-minute candles), and reads
 * the summary: orders were placed and filled, nearly all of the quantity asked for was filled, few orders
 * were rejected, trading ended ACTIVE, the summary's Sharpe is the report's, and {@code replay} of the
 * journal prints the same hashes. Every fact is checked even when an earlier one fails, so one run lists them
 * all. The market maker needs an order book, which none of these formats carries (see
 * {@link MarketMakerNeedsAnOrderBookTest}).
 */
class BacktestEveryStrategyOnEveryFormatTest
{
    /** What the default fill model must deliver: at least this fraction of the requested quantity filled. */
    private static final double MIN_FILL_RATIO = 0.95;

    static Stream<Arguments> strategiesAndFormats()
    {
        return Stream.of("ma-crossover", "trend-following", "mean-reversion")
            .flatMap(strategy -> Stream.of(Format.values()).map(format -> Arguments.of(strategy, format)));
    }

    @ParameterizedTest(name = "{0} on {1}")
    @MethodSource("strategiesAndFormats")
    void aDefaultBacktestPlacesOrdersFillsThemAndReplays(final String strategy, final Format format)
    {
        final Path data = GeneratedData.file(format);
        final Path dir = Workspace.caseDir("backtest-" + strategy + "-" + format.cliName);
        final Path out = dir.resolve("out");

        final Peregrine.Result backtest = Peregrine.run(dir, Duration.ofMinutes(4), "backtest", "--data", data.toString(),
            "--strategy", strategy, "--report", out.toString());

        final Summary summary = new Summary(backtest.output());
        final SoftAssertions soft = new SoftAssertions();
        soft.assertThat(backtest.exitCode()).as("backtest exit code\n%s", backtest.describe()).isZero();
        soft.assertThat(summary.count("orders")).as("orders placed\n%s", backtest.describe()).hasValueSatisfying(
            orders -> soft.assertThat(orders).as("orders placed").isPositive());
        soft.assertThat(summary.count("fills")).as("fills").hasValueSatisfying(
            fills -> soft.assertThat(fills).as("fills").isPositive());
        final Optional<Double> fillRatio = summary.fillRatio();
        soft.assertThat(fillRatio).as("the summary shows the fill ratio (filled / requested quantity)").isPresent();
        fillRatio.ifPresent(ratio -> soft.assertThat(ratio).as("fill ratio").isGreaterThanOrEqualTo(MIN_FILL_RATIO));
        UserChecks.rejectRateUnderFivePercent(soft, summary);
        soft.assertThat(summary.tradingState()).as("the summary shows the final trading state").hasValue("ACTIVE");

        final Path reportJson = out.resolve("report.json");
        soft.assertThat(reportJson).as("report.json written").exists();
        if (Files.isRegularFile(reportJson))
        {
            final JsonNode report = Http.readJson(reportJson);
            soft.assertThat(summary.sharpeAsPrinted()).as("the summary prints a Sharpe ratio").isPresent();
            summary.sharpeAsPrinted().ifPresent(printed -> soft.assertThat(printed)
                .as("summary Sharpe equals report.json's statistics.sharpe (%s)", report.path("statistics").path("sharpe"))
                .isEqualTo(asPrinted(report.path("statistics").path("sharpe"), printed)));
            soft.assertThat(report.path("output_digest").asText()).as("report.json output_digest")
                .isEqualTo(summary.outputDigest().orElse("none"));
            // The tearsheet answers "did this beat holding?" with the headline's own figures and a benchmark a
            // trader can work out from the data file alone.
            final JsonNode tearsheet = report.path("tearsheet");
            soft.assertThat(tearsheet.path("strategy").path("sharpe")).as("the tearsheet's Sharpe is the headline's")
                .isEqualTo(report.path("statistics").path("sharpe"));
            soft.assertThat(tearsheet.path("strategy").path("max_drawdown")).as("the tearsheet's max drawdown is the headline's")
                .isEqualTo(report.path("statistics").path("max_drawdown"));
            final double holding = buyAndHoldReturn(format, data);
            soft.assertThat(tearsheet.path("buy_and_hold").path("total_return").asDouble())
                .as("buy and hold over the data: last price / first price - 1 = %s", holding).isCloseTo(holding, within(1e-6));
            soft.assertThat(tearsheet.path("excess_return").asDouble()).as("excess return = strategy's return - buy and hold's")
                .isCloseTo(report.path("statistics").path("total_return").asDouble() - holding, within(1e-6));
            soft.assertThat(tearsheet.path("worst_drawdowns").size()).as("the worst drawdowns table").isPositive();
        }
        soft.assertThat(summary.outputDigest().orElse("none") + " " + summary.stateHash().orElse("none"))
            .as("the hashes this backtest gave when recorded (recorded/digests.properties)")
            .isEqualTo(RecordedDigests.of("backtest." + strategy + "." + format.cliName).orElse("not recorded"));
        summary.journal().ifPresentOrElse(journal -> UserChecks.replayEqualsLive(soft, dir, Path.of(journal), summary),
            () -> soft.fail("the summary names no journal\n%s", backtest.describe()));
        soft.assertAll();
    }

    /**
     * What holding the one product from the first print to the last returned, read from the file as a trader would:
     * the first trade's price (a candle file: the first open) and the last one's (the last close).
     */
    private static double buyAndHoldReturn(final Format format, final Path data)
    {
        try (BufferedReader in = Files.newBufferedReader(data);
             RandomAccessFile tail = new RandomAccessFile(data.toFile(), "r"))
        {
            String first = in.readLine();
            if (!Character.isDigit(first.charAt(0)))
            {
                first = in.readLine(); // the header
            }
            final long length = tail.length();
            final byte[] end = new byte[(int) Math.min(4096, length)];
            tail.seek(length - end.length);
            tail.readFully(end);
            final String[] lines = new String(end, StandardCharsets.US_ASCII).trim().split("\n");
            final String last = lines[lines.length - 1];
            final int closeColumn = format == Format.OHLCV_CANDLES ? 4 : 1; // trades: price is the second column
            return Double.parseDouble(last.split(",")[closeColumn]) / Double.parseDouble(first.split(",")[1]) - 1.0;
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot read " + data, e);
        }
    }

    /**
     * The report's Sharpe written as the summary wrote its own (same decimals, same separators), so the two are
     * compared as the user sees them; a null (not meaningful) Sharpe must not be printed as a number.
     */
    private static String asPrinted(final JsonNode sharpe, final String printed)
    {
        if (!sharpe.isNumber())
        {
            return printed.matches("-?[0-9,]+(\\.[0-9]+)?") ? "not a number (report.json: " + sharpe + ")" : printed;
        }
        final int dot = printed.indexOf('.');
        final int decimals = dot < 0 ? 0 : printed.length() - dot - 1;
        final BigDecimal value = sharpe.decimalValue().setScale(decimals, RoundingMode.HALF_UP);
        return printed.contains(",") ? String.format(java.util.Locale.ROOT, "%,." + decimals + "f", value) : value.toPlainString();
    }
}
