package dev.peregrine.bench.strategy;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A tiny run of the comparison prints every line with sane values (never a time or ratio asserted). */
class BarPathComparisonTest
{
    @Test
    void printsEveryBacktestAndTheRatios()
    {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BarPathComparison.run(4_000, 1, 2, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        final String out = bytes.toString(StandardCharsets.UTF_8);

        for (final String name : BarPathComparison.NAMES)
        {
            final Matcher line = Pattern.compile(Pattern.quote(name) + ": +ns per bar: median ([0-9.]+), min ([0-9.]+)")
                .matcher(out);
            assertThat(line.find()).as(out).isTrue();
            assertThat(Double.parseDouble(line.group(2))).isPositive().isLessThanOrEqualTo(Double.parseDouble(line.group(1)));
        }
        for (final String ratio : new String[]{"ta4j / engine candles", "ta4j / engine 3 events", "ta4j / signal path"})
        {
            final Matcher line = Pattern.compile(Pattern.quote(ratio) + ": ([0-9.]+)").matcher(out);
            assertThat(line.find()).as(out).isTrue();
            assertThat(Double.parseDouble(line.group(1))).isPositive();
        }
        assertThat(out).containsPattern("gc collections during measurement: \\d+");
    }
}
