package dev.peregrine.ops;

import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.testing.TestJson;
import dev.peregrine.journal.JournalRecordCodec;
import dev.peregrine.journal.JournalWriter;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/** {@code peregrine journal stats|tail|dump} over real journals: output, filters, follow, bad input. */
class JournalCommandTest
{
    private static final EngineSettings SETTINGS = EngineSettings.defaults(VenueRegistry.standard().catalog(), List.of("BTC-USD", "ETH-USD"), 1000);
    /** 2026-01-01T00:00:00Z */
    private static final long T0 = 1_767_225_600_000_000_000L;

    @TempDir
    Path tmp;
    private Path journal;

    /** Ten events, one a second: TRADE, QUOTE alternately for BTC-USD and ETH-USD, then a CLOCK and a COMMAND. */
    @BeforeEach
    void writeJournal()
    {
        journal = tmp.resolve("journal");
        try (JournalWriter writer = JournalWriter.open(journal, SETTINGS))
        {
            for (int i = 0; i < 8; i++)
            {
                writer.onEvent(i % 2 == 0 ? trade(i) : quote(i), i, true);
            }
            final InboundEvent clock = new InboundEvent();
            clock.clearInputs();
            clock.type = EventType.CLOCK;
            clock.eventTimeNanos = T0 + 8_000_000_000L;
            writer.onEvent(clock, 8, true);
            final InboundEvent command = new InboundEvent();
            command.clearInputs();
            command.type = EventType.COMMAND;
            command.flags = CommandCode.PAUSE;
            command.eventTimeNanos = T0 + 9_000_000_000L;
            writer.onEvent(command, 9, true);
        }
    }

    private static InboundEvent trade(final int i)
    {
        final InboundEvent e = new InboundEvent();
        e.clearInputs();
        e.type = EventType.TRADE;
        e.instrumentId = (i / 2) % 2;
        e.venueSequence = 100 + i;
        e.eventTimeNanos = T0 + i * 1_000_000_000L;
        e.exchangeTimeNanos = e.eventTimeNanos - 1_000_000;
        e.tradeId = 5000 + i;
        e.price = FixedPoint.parse("65000.12");
        e.quantity = FixedPoint.parse("0.0015");
        e.side = Side.SELL;
        return e;
    }

    private static InboundEvent quote(final int i)
    {
        final InboundEvent e = new InboundEvent();
        e.clearInputs();
        e.type = EventType.QUOTE;
        e.instrumentId = (i / 2) % 2;
        e.eventTimeNanos = T0 + i * 1_000_000_000L;
        e.price = FixedPoint.parse("65000.12");
        e.bidPrice = FixedPoint.parse("64999.5");
        e.bidQuantity = FixedPoint.parse("1.25");
        e.askPrice = FixedPoint.parse("65000.5");
        e.askQuantity = FixedPoint.parse("2");
        return e;
    }

    private List<Map<String, Object>> dump(final String... filters)
    {
        final List<String> args = new ArrayList<>(List.of("journal", "dump", "--journal", journal.toString()));
        args.addAll(List.of(filters));
        final CliRun run = new CliRun(args.toArray(new String[0]));
        assertThat(run.exit).as("stderr: %s", run.err.lines()).isZero();
        final List<Map<String, Object>> events = new ArrayList<>();
        for (final String line : run.out.lines())
        {
            events.add(TestJson.object(line));
        }
        return events;
    }

    @Test
    void dumpPrintsEveryEventAsOneJsonLineWithDecimalStringsAndNames()
    {
        final List<Map<String, Object>> events = dump();
        assertThat(events).hasSize(10);
        assertThat(events.get(0)).containsEntry("n", num(1L)).containsEntry("type", "TRADE").containsEntry("product", "BTC-USD")
            .containsEntry("event_time", "2026-01-01T00:00:00Z").containsEntry("event_time_nanos", num(T0))
            .containsEntry("exchange_time", "2025-12-31T23:59:59.999Z").containsEntry("venue_sequence", num(100L))
            .containsEntry("trade_id", num(5000L)).containsEntry("price", "65000.12").containsEntry("quantity", "0.0015")
            .containsEntry("side", "SELL");
        assertThat(events.get(1)).containsEntry("type", "QUOTE").containsEntry("bid_price", "64999.5")
            .containsEntry("bid_quantity", "1.25").containsEntry("ask_price", "65000.5").containsEntry("ask_quantity", "2")
            .containsEntry("price", "65000.12").containsEntry("exchange_time", null).doesNotContainKey("side");
        assertThat(events.get(2)).containsEntry("product", "ETH-USD");
        assertThat(events.get(8)).containsEntry("type", "CLOCK").containsEntry("product", null);
        assertThat(events.get(9)).containsEntry("type", "COMMAND").containsEntry("command", "pause");
    }

    @Test
    void dumpFiltersByTimeTypeAndProduct()
    {
        assertThat(dump("--type", "trade")).extracting(e -> ((Number)e.get("n")).longValue()).containsExactly(1L, 3L, 5L, 7L);
        assertThat(dump("--type", "TRADE,CLOCK", "--type", "COMMAND")).hasSize(6);
        assertThat(dump("--product", "ETH-USD")).extracting(e -> ((Number)e.get("n")).longValue()).containsExactly(3L, 4L, 7L, 8L);
        // --from inclusive, --to exclusive; ISO, epoch seconds and epoch milliseconds
        assertThat(dump("--from", "2026-01-01T00:00:02Z", "--to", "2026-01-01T00:00:04Z"))
            .extracting(e -> ((Number)e.get("n")).longValue()).containsExactly(3L, 4L);
        assertThat(dump("--from", "1767225602", "--to", "1767225604000")).extracting(e -> ((Number)e.get("n")).longValue()).containsExactly(3L, 4L);
        assertThat(dump("--from", "2026-01-01T00:00:02Z", "--type", "QUOTE", "--product", "btc-usd"))
            .extracting(e -> ((Number)e.get("n")).longValue()).containsExactly(6L);
    }

    @Test
    void statsCountsByTypeAndProductWithSpanSizeAndRate()
    {
        final CliRun run = new CliRun("journal", "stats", "--journal", journal.toString());
        assertThat(run.exit).as("stderr: %s", run.err.lines()).isZero();
        final List<String> out = run.out.lines();
        assertThat(out).contains(
            "format version:  " + JournalRecordCodec.FORMAT_VERSION,
            "created:         " + out.stream().filter(l -> l.startsWith("created:")).findFirst().orElseThrow().substring(17),
            "products:        BTC-USD,ETH-USD",
            "events:          10",
            "first event:     2026-01-01T00:00:00Z",
            "last event:      2026-01-01T00:00:09Z",
            "span:            9.000 s",
            "rate:            1.1 events/s over the span",
            "  TRADE                               4",
            "  QUOTE                               4",
            "  CLOCK                               1",
            "  COMMAND                             1",
            "  BTC-USD                             4",
            "  ETH-USD                             4",
            "  (none)                              2",
            "decisions:       none (no decision journal)");
        assertThat(out).anyMatch(l -> l.matches("files: +1 queue files \\(\\.cq4\\), [0-9,]+ files in all, [0-9,]+ bytes .*"));
        assertThat(out).anyMatch(l -> l.startsWith("settings digest: "));

        final CliRun filtered = new CliRun("journal", "stats", "--journal", journal.toString(), "--product", "ETH-USD");
        assertThat(filtered.out.lines()).contains("events:          4 matching the filters, of 10");
    }

    @Test
    void tailPrintsTheLastEventsAsText()
    {
        final CliRun run = new CliRun("journal", "tail", "--journal", journal.toString(), "-n", "3");
        assertThat(run.exit).isZero();
        assertThat(run.out.lines()).containsExactly(
            "#8 2026-01-01T00:00:07Z QUOTE ETH-USD price=65000.12 bid_price=64999.5 bid_quantity=1.25 ask_price=65000.5 ask_quantity=2",
            "#9 2026-01-01T00:00:08Z CLOCK",
            "#10 2026-01-01T00:00:09Z COMMAND command=pause");
        final CliRun trades = new CliRun("journal", "tail", "--journal", journal.toString(), "-n", "1", "--type", "TRADE", "--json");
        assertThat(TestJson.object(trades.out.lines().get(0))).containsEntry("n", num(7L)).containsEntry("trade_id", num(5006L));
    }

    @Test
    void tailFollowPrintsEventsAnotherWriterAppends() throws Exception
    {
        final LineCapture out = new LineCapture();
        final int[] exit = {-1};
        final Thread follower = new Thread(() -> exit[0] = PeregrineCli.run(
            new String[] {"journal", "tail", "--journal", journal.toString(), "-n", "1", "--follow", "--poll", "10ms"},
            new PrintWriter(out, true), new PrintWriter(new LineCapture(), true)), "tail-follow");
        follower.start();
        assertThat(out.await(l -> l.startsWith("#10 "), 20)).isPresent();
        try (JournalWriter writer = JournalWriter.open(journal, SETTINGS))
        {
            final InboundEvent e = trade(10);
            e.tradeId = 777;
            writer.onEvent(e, 10, true);
        }
        assertThat(out.await(l -> l.startsWith("#11 ") && l.contains("trade_id=777"), 20)).isPresent();
        follower.interrupt();
        follower.join(20_000);
        assertThat(follower.isAlive()).isFalse();
        assertThat(exit[0]).isZero();
        assertThat(out.lines()).hasSize(2);
    }

    @Test
    void badInputIsOneLineAndExitTwo() throws IOException
    {
        final Path missing = tmp.resolve("missing");
        final Path notJournal = Files.createDirectory(tmp.resolve("empty"));
        final String[][] cases = {
            {"journal", "stats", "--journal", missing.toString()},
            {"journal", "dump", "--journal", notJournal.toString()},
            {"journal", "dump", "--journal", journal.toString(), "--from", "yesterday"},
            {"journal", "dump", "--journal", journal.toString(), "--type", "TRADES"},
            {"journal", "tail", "--journal", journal.toString(), "--product", "DOGE-USD"},
            {"journal", "dump", "--journal", journal.toString(), "--from", "2026-01-02", "--to", "2026-01-01"},
        };
        final String[] expected = {
            "peregrine: journal folder " + missing + " does not exist",
            "peregrine: journal folder " + notJournal + " holds no journal (no Chronicle Queue *.cq4 files)",
            "peregrine: --from 'yesterday': ",
            "peregrine: --type 'TRADES' is not an event type (TRADE, QUOTE, CLOCK, BOOK_LEVEL,",
            "peregrine: --product 'DOGE-USD' is not a product of journal " + journal + " (BTC-USD, ETH-USD)",
            "peregrine: --to 2026-01-01 is not after --from 2026-01-02: no event can match",
        };
        for (int i = 0; i < cases.length; i++)
        {
            final CliRun run = new CliRun(cases[i]);
            assertThat(run.exit).as(String.join(" ", cases[i])).isEqualTo(2);
            assertThat(run.err.lines()).as(String.join(" ", cases[i])).hasSize(1);
            assertThat(run.err.lines().get(0)).startsWith(expected[i]);
            assertThat(run.out.lines()).isEmpty();
        }
        final CliRun none = new CliRun("journal");
        assertThat(none.exit).isEqualTo(2);
    }

    @Test
    void aDamagedRecordStopsWithItsIndexAfterTheValidLinesExitOne() throws IOException
    {
        // Flip a byte inside the 5th event's body: the 4 before it print, then one error naming the record.
        final Path file;
        try (Stream<Path> files = Files.list(journal))
        {
            file = files.filter(p -> p.toString().endsWith(".cq4")).findFirst().orElseThrow();
        }
        final byte[] bytes = Files.readAllBytes(file);
        final int at = indexOf(bytes, longBytes(T0 + 4_000_000_000L));
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE))
        {
            ch.write(ByteBuffer.wrap(new byte[] {(byte)(bytes[at] ^ 1)}), at);
        }
        final CliRun run = new CliRun("journal", "dump", "--journal", journal.toString());
        assertThat(run.exit).isEqualTo(1);
        assertThat(run.out.lines()).hasSize(4).allSatisfy(l -> assertThat(TestJson.object(l)).containsKey("type"));
        assertThat(run.err.lines()).hasSize(1);
        assertThat(run.err.lines().get(0)).startsWith("peregrine: journal dump: journal " + journal + ": record at index 0x")
            .contains("(event #5) is corrupt: checksum");
    }

    /** TestJson reads numbers as BigDecimal. */
    private static java.math.BigDecimal num(final long value)
    {
        return java.math.BigDecimal.valueOf(value);
    }

    private static byte[] longBytes(final long value)
    {
        return ByteBuffer.allocate(8).order(java.nio.ByteOrder.LITTLE_ENDIAN).putLong(value).array();
    }

    private static int indexOf(final byte[] haystack, final byte[] needle)
    {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++)
        {
            for (int j = 0; j < needle.length; j++)
            {
                if (haystack[i + j] != needle[j])
                {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
