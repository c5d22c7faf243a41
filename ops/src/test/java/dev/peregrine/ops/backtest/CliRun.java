package dev.peregrine.ops.backtest;

import dev.peregrine.ops.PeregrineCli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** A {@code peregrine} command run in-process: its exit code and output, and the lines the backtest tests read. */
record CliRun(int exit, String out, String err)
{
    static CliRun of(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = PeregrineCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new CliRun(exit, out.toString(), err.toString());
    }

    /** The value of a {@code key: VALUE} line of the output. */
    String value(final String key)
    {
        return find(Pattern.compile("(?m)^" + key + ": (\\S+)$"), key).group(1);
    }

    /** The whole first output line starting with {@code prefix}. */
    String line(final String prefix)
    {
        return find(Pattern.compile("(?m)^" + Pattern.quote(prefix) + ".*$"), prefix).group();
    }

    /** The count after {@code key: } (digits with thousands separators). */
    long count(final String key)
    {
        return Long.parseLong(find(Pattern.compile(key + ": ([\\d,]+)"), key).group(1).replace(",", ""));
    }

    /** The first match of {@code pattern} in the output, which must hold one. */
    Matcher find(final Pattern pattern, final String what)
    {
        final Matcher m = pattern.matcher(out);
        assertThat(m.find()).as(what + " in\n" + out).isTrue();
        return m;
    }

    /**
     * {@code n} seeded one-minute candles from 2024-08-09, trending up then down in turns of {@code turnMinutes},
     * written to {@code file}.
     */
    static Path candles(final Path file, final int n, final long seed, final int turnMinutes, final double up,
        final double down) throws IOException
    {
        final Random random = new Random(seed);
        final StringBuilder sb = new StringBuilder("timestamp,open,high,low,close,volume\n");
        double price = 2600;
        for (int i = 0; i < n; i++)
        {
            final double open = price;
            final double close = open + ((i / turnMinutes) % 2 == 0 ? up : down) + random.nextGaussian() * 2;
            sb.append(String.format(Locale.ROOT, "%d,%.2f,%.2f,%.2f,%.2f,%.3f%n", 1_723_161_600L + 60L * i, open,
                Math.max(open, close) + 1, Math.min(open, close) - 1, close, 10 + random.nextDouble()));
            price = Math.round(close * 100) / 100.0;
        }
        return Files.writeString(file, sb.toString());
    }

    /** The shape of a test's seeded candles (see {@link #candles}): each test class keeps its own. */
    record CandleTrend(long seed, int turnMinutes, double up, double down)
    {
        /** {@code n} such candles written to {@code folder/name}. */
        Path write(final Path folder, final String name, final int n) throws IOException
        {
            return candles(folder.resolve(name), n, seed, turnMinutes, up, down);
        }
    }
}
