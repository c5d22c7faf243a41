package dev.peregrine.ops.indicators;

import dev.peregrine.journal.importer.CsvReader;

import dev.peregrine.core.indicator.Adx;
import dev.peregrine.core.indicator.Atr;
import dev.peregrine.core.indicator.BollingerBands;
import dev.peregrine.core.indicator.Ema;
import dev.peregrine.core.indicator.Macd;
import dev.peregrine.core.indicator.RollingStdDev;
import dev.peregrine.core.indicator.Rsi;
import dev.peregrine.core.indicator.Sma;
import dev.peregrine.core.indicator.Wma;
import dev.peregrine.ops.PeregrineCli;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code peregrine indicators} end to end: the CSV it writes equals the core indicators fed directly. */
class IndicatorsCommandTest
{
    static final List<String> ALL = List.of("sma_20", "ema_20", "wma_20", "rsi_14", "macd_12_26_9",
        "macd_signal_12_26_9", "macd_hist_12_26_9", "bb_middle_20_2", "bb_upper_20_2", "bb_lower_20_2",
        "bb_percent_b_20_2", "bb_width_20_2", "atr_14", "adx_14", "plus_di_14", "minus_di_14", "stddev_20");

    /** The 1-based bar on which each column first has a value (package-info's table). */
    static final Map<String, Integer> FIRST = Map.ofEntries(Map.entry("sma_20", 20), Map.entry("ema_20", 20),
        Map.entry("wma_20", 20), Map.entry("rsi_14", 15), Map.entry("macd_12_26_9", 26),
        Map.entry("macd_signal_12_26_9", 34), Map.entry("macd_hist_12_26_9", 34), Map.entry("bb_middle_20_2", 20),
        Map.entry("bb_upper_20_2", 20), Map.entry("bb_lower_20_2", 20), Map.entry("bb_percent_b_20_2", 20),
        Map.entry("bb_width_20_2", 20), Map.entry("atr_14", 15), Map.entry("adx_14", 28), Map.entry("plus_di_14", 15),
        Map.entry("minus_di_14", 15), Map.entry("stddev_20", 20));

    @TempDir
    Path temp;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int indicators(final String... args)
    {
        final String[] full = new String[args.length + 1];
        full[0] = "indicators";
        System.arraycopy(args, 0, full, 1, args.length);
        return PeregrineCli.run(full, new PrintWriter(out, true), new PrintWriter(err, true));
    }

    private List<List<String>> runOn(final String csv, final String... extra) throws IOException
    {
        final Path in = Files.writeString(temp.resolve("in-" + System.nanoTime() + ".csv"), csv);
        final Path result = temp.resolve("out-" + System.nanoTime() + ".csv");
        final List<String> args = new ArrayList<>(List.of("--input", in.toString(), "--output", result.toString()));
        args.addAll(List.of(extra));
        assertThat(indicators(args.toArray(String[]::new))).as(err.toString()).isEqualTo(0);
        assertThat(err.toString()).isEmpty();
        return read(result);
    }

    static List<List<String>> read(final Path file) throws IOException
    {
        final List<List<String>> rows = new ArrayList<>();
        try (CsvReader reader = new CsvReader(Files.newBufferedReader(file), file.toString()))
        {
            List<String> row;
            while ((row = reader.next()) != null)
            {
                rows.add(row);
            }
        }
        return rows;
    }

    /** The core indicators fed directly, column by column, one entry per bar. */
    static Map<String, double[]> reference(final List<OhlcvFixture.Bar> bars)
    {
        final int n = bars.size();
        final Map<String, double[]> v = new LinkedHashMap<>();
        ALL.forEach(name -> v.put(name, new double[n]));
        final Sma sma = new Sma(20);
        final Ema ema = new Ema(20);
        final Wma wma = new Wma(20);
        final Rsi rsi = new Rsi(14);
        final Macd macd = new Macd(12, 26, 9);
        final BollingerBands bb = new BollingerBands(20, 2.0);
        final Atr atr = new Atr(14);
        final Adx adx = new Adx(14);
        final RollingStdDev sd = new RollingStdDev(20);
        for (int i = 0; i < n; i++)
        {
            final OhlcvFixture.Bar b = bars.get(i);
            sma.update(b.c());
            ema.update(b.c());
            wma.update(b.c());
            rsi.update(b.c());
            macd.update(b.c());
            bb.update(b.c());
            atr.update(b.h(), b.l(), b.c());
            adx.update(b.h(), b.l(), b.c());
            sd.update(b.c());
            v.get("sma_20")[i] = sma.value();
            v.get("ema_20")[i] = ema.value();
            v.get("wma_20")[i] = wma.value();
            v.get("rsi_14")[i] = rsi.value();
            v.get("macd_12_26_9")[i] = macd.line();
            v.get("macd_signal_12_26_9")[i] = macd.signal();
            v.get("macd_hist_12_26_9")[i] = macd.histogram();
            v.get("bb_middle_20_2")[i] = bb.middle();
            v.get("bb_upper_20_2")[i] = bb.upper();
            v.get("bb_lower_20_2")[i] = bb.lower();
            v.get("bb_percent_b_20_2")[i] = bb.percentB();
            v.get("bb_width_20_2")[i] = bb.width();
            v.get("atr_14")[i] = atr.value();
            v.get("adx_14")[i] = adx.value();
            v.get("plus_di_14")[i] = adx.plusDi();
            v.get("minus_di_14")[i] = adx.minusDi();
            v.get("stddev_20")[i] = sd.value();
        }
        return v;
    }

    @Test
    void everyColumnEqualsTheCoreIndicatorAndIsBlankExactlyDuringWarmUp() throws IOException
    {
        final List<OhlcvFixture.Bar> bars = OhlcvFixture.bars(300, 7);
        final List<List<String>> rows = runOn(OhlcvFixture.csv(bars, OhlcvFixture::iso));
        final List<String> header = new ArrayList<>(List.of("timestamp", "open", "high", "low", "close", "volume"));
        header.addAll(ALL);
        assertThat(rows.get(0)).containsExactlyElementsOf(header);
        assertThat(rows).hasSize(301);
        assertThat(out.toString()).contains("wrote 300 rows to ").contains("6 input columns, 17 indicator columns");
        final Map<String, double[]> expected = reference(bars);
        for (int i = 0; i < bars.size(); i++)
        {
            final List<String> row = rows.get(i + 1);
            final OhlcvFixture.Bar bar = bars.get(i);
            assertThat(row.subList(0, 6)).containsExactly(OhlcvFixture.iso(bar.epochSeconds()), bar.open(), bar.high(),
                bar.low(), bar.close(), bar.volume());
            for (int c = 0; c < ALL.size(); c++)
            {
                final String name = ALL.get(c);
                final String cell = row.get(6 + c);
                final boolean warming = i + 1 < FIRST.get(name);
                assertThat(cell.isEmpty()).as("%s on bar %d blank", name, i + 1).isEqualTo(warming);
                if (warming)
                {
                    assertThat(expected.get(name)[i]).isNaN();
                }
                else
                {
                    assertThat(Double.parseDouble(cell)).as("%s on bar %d", name, i + 1).isEqualTo(expected.get(name)[i]);
                }
            }
        }
    }

    @Test
    void secondsMillisecondsAndIsoGiveTheSameIndicatorColumns() throws IOException
    {
        final List<OhlcvFixture.Bar> bars = OhlcvFixture.bars(80, 11);
        final List<List<String>> iso = runOn(OhlcvFixture.csv(bars, OhlcvFixture::iso));
        final List<List<String>> seconds = runOn(OhlcvFixture.csv(bars, Long::toString));
        final List<List<String>> millis = runOn(OhlcvFixture.csv(bars, s -> Long.toString(s * 1000)));
        final List<List<String>> offset = runOn(OhlcvFixture.csv(bars,
            s -> java.time.OffsetDateTime.ofInstant(java.time.Instant.ofEpochSecond(s), java.time.ZoneOffset.ofHours(2))
                .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX"))));
        for (final List<List<String>> other : List.of(seconds, millis, offset))
        {
            assertThat(other).hasSize(iso.size());
            for (int i = 0; i < iso.size(); i++)
            {
                assertThat(other.get(i).subList(1, other.get(i).size())).isEqualTo(iso.get(i).subList(1, iso.get(i).size()));
            }
        }
        assertThat(millis.get(1).get(0)).isEqualTo(Long.toString(OhlcvFixture.START_SECONDS * 1000));
        assertThat(seconds.get(1).get(0)).isEqualTo(Long.toString(OhlcvFixture.START_SECONDS));
        assertThat(offset.get(1).get(0)).endsWith(".000+02:00");
    }

    @Test
    void headerInAnyOrderAndCaseExtraQuotedColumnsCrLfBomAndTrailingEmptyLines() throws IOException
    {
        final String csv = "\uFEFFVolume,Close,note,Low,TIME,High,Open\r\n" +
            "1.5,101,\"a, \"\"quoted\"\" note\",99,2024-08-08T23:54:00Z,102,100\r\n" +
            "2,103,plain,100,2024-08-08 23:55:00,104,101\r\n" +
            "3,102,,101,2024-08-08T23:56:00.250+00:00,103,102\r\n" +
            "\r\n\r\n";
        final List<List<String>> rows = runOn(csv, "--columns", "sma,atr", "--param", "sma=2", "--param", "atr=2");
        assertThat(rows.get(0)).containsExactly("Volume", "Close", "note", "Low", "TIME", "High", "Open", "sma_2", "atr_2");
        assertThat(rows).hasSize(4);
        assertThat(rows.get(1)).containsExactly("1.5", "101", "a, \"quoted\" note", "99", "2024-08-08T23:54:00Z", "102", "100", "", "");
        assertThat(rows.get(2)).containsExactly("2", "103", "plain", "100", "2024-08-08 23:55:00", "104", "101", "102.0", "");
        final Atr atr = new Atr(2);
        atr.update(102, 99, 101);
        atr.update(104, 100, 103);
        atr.update(103, 101, 102);
        assertThat(rows.get(3)).containsExactly("3", "102", "", "101", "2024-08-08T23:56:00.250+00:00", "103", "102",
            "102.5", Double.toString(atr.value()));
    }

    @Test
    void columnsSelectsASubsetInTheStandardOrder() throws IOException
    {
        final List<OhlcvFixture.Bar> bars = OhlcvFixture.bars(40, 3);
        final List<List<String>> all = runOn(OhlcvFixture.csv(bars, Long::toString));
        final List<List<String>> some = runOn(OhlcvFixture.csv(bars, Long::toString),
            "--columns", "stddev_20,RSI_14, macd_signal", "--columns", "bb_upper");
        assertThat(some.get(0).subList(6, some.get(0).size()))
            .containsExactly("rsi_14", "macd_signal_12_26_9", "bb_upper_20_2", "stddev_20");
        for (int i = 1; i < all.size(); i++)
        {
            final List<String> row = all.get(i);
            assertThat(some.get(i)).containsExactly(row.get(0), row.get(1), row.get(2), row.get(3), row.get(4), row.get(5),
                row.get(6 + 3), row.get(6 + 5), row.get(6 + 8), row.get(6 + 16));
        }
    }

    @Test
    void paramsRenameTheColumnsAndChangeTheValues() throws IOException
    {
        final List<OhlcvFixture.Bar> bars = OhlcvFixture.bars(60, 5);
        final List<List<String>> rows = runOn(OhlcvFixture.csv(bars, Long::toString), "--param", "macd_fast=5",
            "--param", "macd_slow=10", "--param", "macd_signal=4", "--param", "bb=10", "--param", "bb_k=2.5",
            "--columns", "macd,bb_upper");
        assertThat(rows.get(0).subList(6, 8)).containsExactly("macd_5_10_4", "bb_upper_10_2.5");
        final Macd macd = new Macd(5, 10, 4);
        final BollingerBands bb = new BollingerBands(10, 2.5);
        for (int i = 0; i < bars.size(); i++)
        {
            macd.update(bars.get(i).c());
            bb.update(bars.get(i).c());
            assertThat(rows.get(i + 1).get(6)).isEqualTo(i + 1 < 10 ? "" : Double.toString(macd.line()));
            assertThat(rows.get(i + 1).get(7)).isEqualTo(i + 1 < 10 ? "" : Double.toString(bb.upper()));
        }
    }

    @Test
    void headerOnlyWritesTheHeader() throws IOException
    {
        final List<List<String>> rows = runOn("timestamp,open,high,low,close,volume\n", "--columns", "ema");
        assertThat(rows).containsExactly(List.of("timestamp", "open", "high", "low", "close", "volume", "ema_20"));
    }

    @Test
    void replacesAnExistingOutputOnlyWhenDone() throws IOException
    {
        final Path in = Files.writeString(temp.resolve("in.csv"), OhlcvFixture.csv(OhlcvFixture.bars(30, 1), Long::toString));
        final Path result = Files.writeString(temp.resolve("out.csv"), "old\n");
        assertThat(indicators("--input", in.toString(), "--output", result.toString())).isEqualTo(0);
        assertThat(read(result)).hasSize(31);
        try (var files = Files.list(temp))
        {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("in.csv", "out.csv");
        }
    }

    @Test
    void helpDescribesTheColumnsTimestampsAndSettings()
    {
        assertThat(indicators("--help")).isEqualTo(0);
        final String help = out.toString();
        final String flat = help.replaceAll("\\s+", " ");
        for (final String name : ALL)
        {
            assertThat(help).contains(name);
        }
        assertThat(flat).contains("--input=FILE", "--output=FILE", "--columns", "--param",
            "below 100000000000 (10^11) they are seconds, from 10^11 to 10^14 milliseconds",
            "'<file>:<line>: <field>: <problem>' and exit code 2", IndicatorParams.describeDefaults());
        assertThat(Arrays.asList(help.split("\n"))).noneMatch(line -> line.length() > 80);
    }

    @Test
    void listedByTheTopLevelHelp()
    {
        assertThat(PeregrineCli.run(new String[] {"--help"}, new PrintWriter(out, true), new PrintWriter(err, true))).isEqualTo(0);
        assertThat(out.toString()).contains("indicators");
    }
}
