package dev.peregrine.journal.importer;

import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

import static dev.peregrine.journal.importer.ImportTesting.TICK;
import static dev.peregrine.journal.importer.ImportTesting.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * The trades CSV's byte path ({@link CsvByteRecords}, {@link TimestampBytes}, byte-level numbers and sides) reads
 * every row to exactly what the text rules it replaced read ({@link CsvReader} records, {@link Timestamps},
 * {@link ScaledFieldParser} on text, the side's words), on rows written every way the format allows: quoted
 * fields, spaces, exponents, ISO times with and without offsets or fractions, CRLF and lone CR line ends.
 */
class TradesCsvBytesAgreementTest
{
    @TempDir
    Path dir;

    @Test
    void everySpellingReadsAsTheTextRulesReadIt() throws IOException
    {
        final StringBuilder csv = new StringBuilder("Time,\"price\",size,SIDE\r\n");
        final Random random = new Random(17);
        long millis = 1_700_000_000_000L;
        for (int i = 0; i < 3000; i++)
        {
            millis += 1000L * (1 + random.nextInt(5)); // whole seconds apart: every spelling below keeps the order
            csv.append(time(millis, random)).append(',').append(number(random, 60000)).append(',')
                .append(number(random, 3)).append(',').append(side(random)).append(lineEnd(random));
            if (random.nextInt(50) == 0)
            {
                csv.append("\n"); // an empty line between rows
            }
        }
        final Path file = write(dir, "BTC-USD-trades.csv", csv.toString());
        assertEquals(textRules(csv.toString(), file.toString()), byteRules(file));
    }

    @Test
    void quotingErrorsAreWordedAsTheOneCsvReaderWordsThem() throws IOException
    {
        for (final String content : List.of("time,price,size\n1700000000,\"1\"2,3\n", "time,price,size\n1700000000,\"12,3\n"))
        {
            final Path file = write(dir, "bad.csv", content);
            final ImportException text = assertThrows(ImportException.class, () -> textRules(content, file.toString()));
            final ImportException bytes = assertThrows(ImportException.class, () -> byteRules(file));
            assertEquals(text.getMessage(), bytes.getMessage());
        }
    }

    /** Every timestamp spelling the bytes decide is the instant the text rules give. */
    @Test
    void timestampBytesAgreeWithTimestampsOrLeaveItToThem()
    {
        final Random random = new Random(5);
        final List<String> texts = new ArrayList<>(List.of("2024-02-29", "2023-02-29", "2024-13-01", "2024-04-31",
            "2024-01-01T24:00:00Z", "2024-01-01T23:59:60Z", "2024-01-01T12:00:00.Z", "2024-01-01T12:00:00.1234567891Z",
            "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999Z", "99999999999", "100000000000", "9000000000",
            "8999999999", "99999999999999", "100000000000000", "", " 1", "1e3", "2024-01-01 10:00", "2024-01-01T10:00:00+02:00"));
        for (int i = 0; i < 2000; i++)
        {
            texts.add(time(Math.floorMod(random.nextLong(), 4_000_000_000_000L), random));
        }
        for (final String text : texts)
        {
            final byte[] b = text.getBytes(java.nio.charset.StandardCharsets.UTF_8);
            final long fast = TimestampBytes.nanos(b, 0, b.length);
            if (fast != TimestampBytes.UNDECIDED)
            {
                assertEquals(CsvReader.epochNanos(text, "t", 1, "time"), fast, text);
            }
        }
    }

    private static String time(final long millis, final Random random)
    {
        final Instant t = Instant.ofEpochMilli(millis);
        switch (random.nextInt(8))
        {
            case 0: return Long.toString(millis);
            case 1: return Long.toString(millis / 1000);
            case 2: return t.toString();
            case 3: return t.atOffset(ZoneOffset.UTC).toLocalDateTime().toString().replace('T', ' ');
            case 4: return t.atOffset(ZoneOffset.ofHours(2)).toString();
            case 5: return "\"" + t + "\"";
            case 6: return " " + millis;
            default: return t.toString().replace("Z", "").replaceAll("\\.\\d+", "") + (random.nextBoolean() ? ".5" : ".123456789Z");
        }
    }

    private static String number(final Random random, final int scale)
    {
        final double value = 0.1 + random.nextDouble() * scale;
        switch (random.nextInt(6))
        {
            case 0: return String.format(Locale.ROOT, "%.2f", value);
            case 1: return String.format(Locale.ROOT, "%.8f", value);
            case 2: return String.format(Locale.ROOT, "%.12f", value); // more than eight decimals: rounded by the text rules
            case 3: return String.format(Locale.ROOT, "%.4e", value);
            case 4: return " " + String.format(Locale.ROOT, "%.3f", value) + " ";
            default: return "\"" + String.format(Locale.ROOT, "%.1f", value) + "\"";
        }
    }

    private static String side(final Random random)
    {
        final String[] sides = {"buy", "sell", "BUY", "Sell", "b", "S", "", " buy", "\"sell\""};
        return sides[random.nextInt(sides.length)];
    }

    private static String lineEnd(final Random random)
    {
        final String[] ends = {"\n", "\r\n", "\r"};
        return ends[random.nextInt(ends.length)];
    }

    /** Each trade as time, price, quantity, maker side, by the text rules (the reader the format had). */
    private static List<String> textRules(final String content, final String source) throws IOException
    {
        final CsvReader reader = new CsvReader(new StringReader(content), source);
        reader.readHeader("timestamp,price,quantity[,side]");
        final int time = reader.column(CsvReader.TIME_COLUMN, true);
        final int price = reader.column(List.of("price"), true);
        final int quantity = reader.column(List.of("quantity", "qty", "size", "amount"), true);
        final int side = reader.column(List.of("side"), false);
        final List<String> rows = new ArrayList<>();
        for (List<String> row = reader.nextRow(); row != null; row = reader.nextRow())
        {
            final long line = reader.recordLine();
            final String taker = side < 0 ? "" : row.get(side).trim().toLowerCase(Locale.ROOT);
            rows.add(reader.time(row, time) + " " + ScaledFieldParser.parse(row.get(price), source, line, "price", true) + " " +
                ScaledFieldParser.parse(row.get(quantity), source, line, "size", true) + " " +
                Side.name(taker.isEmpty() ? Side.NONE : taker.startsWith("b") ? Side.SELL : Side.BUY));
        }
        return rows;
    }

    private static List<String> byteRules(final Path file)
    {
        final List<String> rows = new ArrayList<>();
        try (EventSource source = new TradesCsvSource(InputFile.open(file), 1, TICK, TimeWindow.ALL))
        {
            final InboundEvent e = new InboundEvent();
            while (source.next(e))
            {
                if (e.type == EventType.TRADE)
                {
                    rows.add(e.eventTimeNanos + " " + e.price + " " + e.quantity + " " + Side.name(e.side));
                }
            }
        }
        return rows;
    }
}
