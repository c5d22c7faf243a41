package dev.peregrine.ops.indicators;

import dev.peregrine.ops.PeregrineCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** Bad input: one line naming file, line and field, exit code 2, and no output file (nor temp file) left. */
class IndicatorsBadInputTest
{
    private static final String HEADER = "timestamp,open,high,low,close,volume\n";
    private static final String ROW1 = "1723161240,100,102,99,101,1.5\n";
    private static final String ROW2 = "1723161300,101,103,100,102,2\n";

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    /** Runs on {@code csv} and returns the one error line, after checking exit code 2 and that nothing was written. */
    private String fails(final String csv, final String... extra) throws IOException
    {
        final Path in = temp.resolve("in.csv");
        Files.write(in, csv.getBytes(StandardCharsets.UTF_8));
        final String[] args = Stream.concat(Stream.of("indicators", "--input", in.toString(), "--output",
            temp.resolve("out.csv").toString()), Stream.of(extra)).toArray(String[]::new);
        assertThat(PeregrineCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true))).isEqualTo(2);
        assertThat(out.toString()).isEmpty();
        try (Stream<Path> files = Files.list(temp))
        {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("in.csv");
        }
        final String[] lines = err.toString().split("\r?\n");
        assertThat(lines).hasSize(1);
        return lines[0];
    }

    private String at(final int line)
    {
        return "peregrine: " + temp.resolve("in.csv") + ":" + line + ": ";
    }

    /** One bad input each: the CSV, the line the message names and what it says there. */
    static Stream<Arguments> badInputs()
    {
        return Stream.of(
            Arguments.of("", 1, "empty file (expected a header line: timestamp,open,high,low,close,volume)"),
            Arguments.of("\n\r\n", 1, "empty file (expected a header line: timestamp,open,high,low,close,volume)"),
            Arguments.of(ROW1 + ROW2, 1, "no header line (expected column names " +
                "timestamp,open,high,low,close,volume, found data '1723161240,100,102,99,101,1.5')"),
            Arguments.of("time,open,high,low,close\n1723161240,100,102,99,101\n", 1,
                "volume: missing column (header: time,open,high,low,close)"),
            Arguments.of("timestamp,open,high,low,close,volume,Close\n", 1, "close: column given twice (columns 5 and 7)"),
            Arguments.of("time,date,open,high,low,close,volume\n", 1, "timestamp: given twice, as 'time' and 'date'"),
            Arguments.of(HEADER.replace("\n", ",rsi_14\n") + ROW1.replace("\n", ",50\n"), 1,
                "rsi_14: the input already has this column; rename it or leave it out with --columns"),
            Arguments.of(HEADER + "yesterday,100,102,99,101,1.5\n", 2, "timestamp: 'yesterday' is not an ISO-8601 time " +
                "(2024-08-08T23:54:13Z) or whole epoch seconds or milliseconds"),
            Arguments.of(HEADER + "1723161240000000,100,102,99,101,1.5\n", 2, "timestamp: '1723161240000000' is too large " +
                "for epoch milliseconds (microseconds and nanoseconds are not supported)"),
            Arguments.of(HEADER + ROW1 + "\n" + ROW2, 3, "empty line inside the data (only empty lines at the end are allowed)"),
            Arguments.of(HEADER + "1723161240,100,102,99,\"101,1.5\n", 2,
                "field 5: quoted field not closed before the end of the file"),
            Arguments.of(HEADER + ROW1 + "1723161300,101,103,100,102\n", 3, "expected 6 fields as in the header, found 5"),
            Arguments.of(HEADER + ROW1 + "1723161300,101,103,100,\"1,02\",2\n", 3, "close: '1,02' is not a number"),
            Arguments.of(HEADER + "1723161240,100,0x66,99,101,1.5\n", 2, "high: '0x66' is not a number"),
            Arguments.of(HEADER + "1723161240,100,102,99,101,\n", 2, "volume: empty (a number is required)"),
            Arguments.of(HEADER + "1723161240,NaN,102,99,101,1\n", 2, "open: 'NaN' is not a finite number"),
            Arguments.of(HEADER + "1723161240,100,Infinity,99,101,1\n", 2, "high: 'Infinity' is not a finite number"),
            Arguments.of(HEADER + "1723161240,100,1e999,99,101,1\n", 2, "high: '1e999' is not a finite number"),
            Arguments.of(HEADER + ROW1 + "1723161300,-1,103,-2,102,2\n", 3, "open: -1 is negative"),
            Arguments.of(HEADER + "1723161240,100,102,99,101,-0.5\n", 2, "volume: -0.5 is negative"),
            Arguments.of(HEADER + "1723161240,100,98,99,100,1\n", 2, "high: 98 is below low 99"),
            Arguments.of(HEADER + "1723161240,103,102,99,101,1\n", 2, "open: 103 is outside [low 99, high 102]"),
            Arguments.of(HEADER + "1723161240,100,102,99,98.5,1\n", 2, "close: 98.5 is outside [low 99, high 102]"),
            Arguments.of(HEADER + ROW2 + ROW1, 3, "timestamp: '1723161240' is not after '1723161300' on " +
                "line 2 (rows must be in strictly increasing time order)"),
            Arguments.of(HEADER + ROW1 + "1723161240000,100,102,99,101,1.5\n", 3, "timestamp: '1723161240000' is not " +
                "after '1723161240' on line 2 (rows must be in strictly increasing time order)"));
    }

    @ParameterizedTest
    @MethodSource("badInputs")
    void badInputIsNamedByFileLineAndField(final String csv, final int line, final String message) throws IOException
    {
        assertThat(fails(csv)).isEqualTo(at(line) + message);
    }

    @Test
    void errorOnALateLineLeavesNoOutput() throws IOException
    {
        final StringBuilder csv = new StringBuilder(HEADER);
        for (int i = 0; i < 5000; i++)
        {
            csv.append(1723161240L + 60L * i).append(",100,102,99,101,1.5\n");
        }
        csv.append("1723461240,100,102,99,oops,1.5\n");
        assertThat(fails(csv.toString())).isEqualTo(at(5002) + "close: 'oops' is not a number");
    }

    @Test
    void badOptions() throws IOException
    {
        assertThat(fails(HEADER + ROW1, "--columns", "sma,vwap")).startsWith("peregrine: --columns: unknown column 'vwap' (valid: sma_20, ema_20,")
            .endsWith("minus_di_14, stddev_20)");
        assertThat(failsAgain(HEADER + ROW1, "--param", "rsi=1")).isEqualTo("peregrine: --param rsi=1: rsi must be between 2 and 100000");
        assertThat(failsAgain(HEADER + ROW1, "--param", "macd_fast=30")).isEqualTo("peregrine: --param: macd_fast (30) must be less than macd_slow (26)");
        assertThat(failsAgain(HEADER + ROW1, "--param", "smaa=3")).startsWith("peregrine: --param smaa=3: unknown name 'smaa' (valid: sma, ema,");
    }

    private String failsAgain(final String csv, final String... extra) throws IOException
    {
        err.getBuffer().setLength(0);
        return fails(csv, extra);
    }

    @Test
    void missingInputFile()
    {
        final String[] args = {"indicators", "--input", temp.resolve("nope.csv").toString(), "--output", temp.resolve("o.csv").toString()};
        assertThat(PeregrineCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true))).isEqualTo(2);
        assertThat(err.toString().trim()).isEqualTo("peregrine: --input " + temp.resolve("nope.csv") + ": no such file");
        assertThat(temp.resolve("o.csv")).doesNotExist();
    }
}
