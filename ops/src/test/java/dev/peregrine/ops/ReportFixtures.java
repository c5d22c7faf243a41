package dev.peregrine.ops;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.journal.JournalReader;
import dev.peregrine.journal.JournalWriter;
import dev.peregrine.journal.Replay;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueueBuilder;
import net.openhft.chronicle.wire.DocumentContext;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Journals for the report tests: one real demo run (two crossover strategies, one with limit orders,
 * over loopback sockets), made once per test JVM under {@code ops/target/report-tests}, and copies of
 * it with other settings or a damaged tail, written with the real {@link JournalWriter}.
 */
final class ReportFixtures
{
    static final Path ROOT = Path.of("target", "report-tests").toAbsolutePath();
    private static Path demoJournal;

    private ReportFixtures()
    {
    }

    /** The output of one CLI call. */
    record Run(int exit, String out, String err)
    {
    }

    static Run cli(final String... args)
    {
        final StringWriter out = new StringWriter();
        final StringWriter err = new StringWriter();
        final int exit = PeregrineCli.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
        return new Run(exit, out.toString(), err.toString());
    }

    /** A 5-second demo run's journal, made on first use. */
    static synchronized Path demoJournal() throws IOException
    {
        if (demoJournal == null)
        {
            final Path dir = ROOT.resolve("demo-journal");
            delete(dir);
            Files.createDirectories(ROOT);
            final Run demo = cli("demo", "--duration", "5s", "--trades-per-second", "200",
                "--strategy", "ma-crossover:name=quick,fast=3,slow=8,min-hold=0s",
                "--strategy", "ma-crossover:name=patient,fast=5,slow=20,order=limit",
                "--metrics-port", "0", "--health-port", "0", "--wait-strategy", "blocking",
                "--journal", dir.toString(), "--summary-json", ROOT.resolve("demo-summary.json").toString());
            assertThat(demo.exit()).as("demo: %s %s", demo.out(), demo.err()).isZero();
            demoJournal = dir;
        }
        return demoJournal;
    }

    /** Every event of {@code from} written to a new journal {@code to} whose header has changed settings. */
    static Path copy(final Path from, final Path to, final UnaryOperator<EngineSettings> change) throws IOException
    {
        delete(to);
        try (JournalReader reader = JournalReader.open(from))
        {
            final EngineSettings settings = change.apply(Replay.settingsOf(from, reader.header()));
            try (JournalWriter writer = JournalWriter.open(to, settings))
            {
                final InboundEvent event = new InboundEvent();
                long sequence = 0;
                while (reader.next(event))
                {
                    writer.onEvent(event, sequence++, true);
                }
            }
        }
        return to;
    }

    /** Appends a record of an unknown type: a replay reads every good event, then fails on it. */
    static void appendBadRecord(final Path dir)
    {
        try (SingleChronicleQueue queue = SingleChronicleQueueBuilder.binary(dir)
                .rollCycle(JournalWriter.DEFAULT_ROLL_CYCLE).build();
             ExcerptAppender appender = queue.createAppender();
             DocumentContext dc = appender.writingDocument())
        {
            // Ends in a non-zero byte: a torn write leaves zeros, so this cannot pass for a torn tail (which
            // readers ignore); it is corruption, and the replay must fail on it.
            dc.wire().bytes().writeByte((byte)9).writeShort((short)2).writeLong(0x2A2A2A2A2A2A2A2AL);
        }
    }

    static void delete(final Path dir) throws IOException
    {
        if (!Files.exists(dir))
        {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir))
        {
            for (final Path p : paths.sorted(Comparator.reverseOrder()).toList())
            {
                Files.delete(p);
            }
        }
    }
}
