package dev.peregrine.journal;

import com.lmax.disruptor.EventHandler;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.instrument.CatalogText;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.engine.EngineVersion;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.metrics.CoreMetrics;
import net.openhft.chronicle.core.time.SystemTimeProvider;
import net.openhft.chronicle.core.time.TimeProvider;
import net.openhft.chronicle.queue.ExcerptAppender;
import net.openhft.chronicle.queue.ExcerptTailer;
import net.openhft.chronicle.queue.RollCycle;
import net.openhft.chronicle.queue.RollCycles;
import net.openhft.chronicle.queue.impl.single.SingleChronicleQueue;
import net.openhft.chronicle.wire.DocumentContext;
import org.HdrHistogram.SingleWriterRecorder;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The journal consumer of the inbound ring: appends every inbound event, in ring order, to a Chronicle
 * Queue as an EVENT record (see {@link JournalRecordCodec}). It runs on its own consumer thread, in
 * parallel with the core; the outbound stage waits for both, so an order leaves only after its cause is
 * in the journal's memory-mapped file (durable against a process crash; against a power loss only once
 * the OS has flushed the page).
 *
 * <p>Opening an existing journal: appending is allowed when its header has the same engine version as this
 * run; another version is refused, because one journal must replay with one engine. Settings may differ:
 * configuration is an input, and the restarting engine, once it has recovered the journal's state and found
 * the change can continue ({@code SettingsContinuation}), journals the new settings with
 * {@link #appendSettings} before any new input. (A restarted engine must rebuild its state by replaying the
 * journal before it trades, or a replay of the whole journal would not match the second session; that
 * recovery lives outside this class.)
 *
 * <p>Threads: {@link #open} and {@link #close} on the owner's thread; {@link #onEvent} on one journal
 * thread only (Chronicle appenders are single-threaded); {@link #eventsWritten} from any thread.
 */
public final class JournalWriter implements EventHandler<InboundEvent>, AutoCloseable
{
    /** Daily files: one per UTC day, so retention and copying work by the day. */
    public static final RollCycle DEFAULT_ROLL_CYCLE = RollCycles.FAST_DAILY;

    private final Path dir;
    private final SingleChronicleQueue queue;
    private final JournalHeader header;
    /** Written by the journal thread only, with release semantics; see {@link #eventsWritten()}. */
    private final AtomicLong eventsWritten = new AtomicLong();

    /**
     * Where the time of each live event's append goes (receive-stamped events only), nanoseconds; null
     * (backtests, imports, tests) times nothing. Written by the journal thread, read by the metrics sidecar.
     */
    private SingleWriterRecorder appendNanos;

    /** Created on the journal thread by its first event: appenders belong to the thread that made them. */
    private ExcerptAppender appender;
    /** Written by the journal thread; read by others through {@link #failed()} (a diagnostic). */
    private volatile boolean failed;
    private volatile long lastIndexAtFailure = -1;
    private final java.util.concurrent.atomic.AtomicLong skippedAfterFailure = new java.util.concurrent.atomic.AtomicLong();
    /** The journal thread's own copy of the count, so the hot path never reads the shared one. */
    private long written;
    /** The header record, encoded once: repeated as the first document of every new file without allocating. */
    private final byte[] headerRecord;
    /** False for a journal of format 2, which has one header only (its readers refuse a second). */
    private final boolean repeatHeader;
    /** Refuses the append that would leave the volume without room (a full disk), before Chronicle faults on it. */
    private final VolumeReserve reserve;
    /** What one EVENT record is charged against the reserve: more than the largest, so checks come early. */
    private static final int RECORD_BYTES_CHARGED = 256;
    /** The roll cycle whose file already starts with the header; journal thread only after open. */
    private int headerCycle;

    private JournalWriter(final Path dir, final SingleChronicleQueue queue, final JournalHeader header,
        final int headerCycle)
    {
        this.dir = dir;
        this.queue = queue;
        this.header = header;
        this.headerRecord = JournalRecordCodec.encodeHeader(header);
        this.repeatHeader = header.formatVersion() >= JournalRecordCodec.FIRST_VERSION_WITH_HEADER_PER_FILE;
        this.headerCycle = headerCycle;
        this.reserve = VolumeReserve.of(dir);
    }

    /** Opens (or creates) the journal in {@code dir} with the daily roll cycle. */
    public static JournalWriter open(final Path dir, final EngineSettings settings)
    {
        return open(dir, settings, DEFAULT_ROLL_CYCLE);
    }

    /**
     * Opens (or creates) the journal in {@code dir}: creates the folder, proves it writable, and writes
     * the header, or checks the existing one matches {@code settings}.
     *
     * @throws JournalException naming the folder when it cannot be used
     */
    public static JournalWriter open(final Path dir, final EngineSettings settings, final RollCycle rollCycle)
    {
        return open(dir, settings, rollCycle, SystemTimeProvider.INSTANCE);
    }

    /**
     * As {@link #open(Path, EngineSettings, RollCycle)}, with the clock Chronicle rolls files by (and the
     * header's creation time is read from), so tests roll daily-style files in milliseconds.
     */
    public static JournalWriter open(final Path dir, final EngineSettings settings, final RollCycle rollCycle,
        final TimeProvider time)
    {
        return open(dir, settings, null, rollCycle, time);
    }

    /**
     * Opens (or creates) the journal in {@code dir}, recording in a new journal's header the products of
     * {@code settings} as {@code catalog} lists them; an existing journal that recorded a catalog must agree with
     * {@code catalog} on every product it recorded, or it is refused naming each difference.
     *
     * @param catalog the run's catalog; null records none (and checks none).
     * @throws JournalException naming the folder when it cannot be used, or the catalog differences
     */
    public static JournalWriter open(final Path dir, final EngineSettings settings, final ProductCatalog catalog)
    {
        return open(dir, settings, catalog, DEFAULT_ROLL_CYCLE, SystemTimeProvider.INSTANCE);
    }

    /** As {@link #open(Path, EngineSettings, ProductCatalog)}, with the roll cycle and the clock of {@link #open(Path, EngineSettings, RollCycle, TimeProvider)}. */
    public static JournalWriter open(final Path dir, final EngineSettings settings, final ProductCatalog catalog,
        final RollCycle rollCycle, final TimeProvider time)
    {
        JournalFolder.prepareForWriting(dir);
        VolumeReserve.of(dir).checkAtOpen(); // a full volume is refused here, before Chronicle maps a page it cannot back
        final boolean existing = JournalFolder.hasQueueFiles(dir);
        JournalIntegrity.checkBeforeAppending(dir, rollCycle); // before Chronicle maps a short file writable (and extends it)
        final SingleChronicleQueue queue = JournalFolder.openQueue(dir, rollCycle, false, time);
        try
        {
            final JournalHeader header = existing ? readHeaderOf(dir, queue) : null;
            if (header != null)
            {
                checkSameRun(dir, header, settings);
                checkSameCatalog(dir, header, catalog);
                // The newest file already starts with a header (format 3 on); a later file gets its own.
                return new JournalWriter(dir, queue, header, queue.lastCycle());
            }
            final JournalHeader created = new JournalHeader(JournalRecordCodec.FORMAT_VERSION, EngineVersion.VERSION,
                settings.encode(), settings.digest(), time.currentTimeNanos(),
                catalog == null ? "" : CatalogText.encode(catalog.only(settings.products())));
            // A separate appender on the opening thread; the journal thread makes its own for events.
            final int headerCycle;
            try (ExcerptAppender headerAppender = queue.createAppender())
            {
                try (DocumentContext dc = headerAppender.writingDocument())
                {
                    JournalRecordCodec.writeHeader(dc.wire().bytes(), created);
                }
                headerCycle = headerAppender.cycle();
            }
            return new JournalWriter(dir, queue, created, headerCycle);
        }
        catch (final RuntimeException | InternalError e)
        {
            queue.close();
            if (e instanceof JournalException)
            {
                throw e;
            }
            throw new JournalException("cannot write the journal header in " + dir + ": " + MappedFileFault.describe(dir, e), e);
        }
    }

    /** The header of an existing queue, or null when it has queue files but no document yet. */
    private static JournalHeader readHeaderOf(final Path dir, final SingleChronicleQueue queue)
    {
        try (ExcerptTailer tailer = queue.createTailer();
             DocumentContext dc = tailer.toStart().readingDocument())
        {
            if (!dc.isPresent())
            {
                return null;
            }
            return JournalRecordCodec.readHeader(dc.wire().bytes());
        }
        catch (final JournalException e)
        {
            throw new JournalException("journal folder " + dir + " " + e.getMessage() +
                "; refusing to append to it", e);
        }
    }

    /** Settings may differ (they are journaled as a change); the engine may not: one journal, one engine. */
    private static void checkSameRun(final Path dir, final JournalHeader header, final EngineSettings settings)
    {
        if (!header.engineVersion().equals(EngineVersion.VERSION))
        {
            throw new JournalException("journal folder " + dir + " already holds a journal written by engine " +
                header.engineVersion() + ", this is " + EngineVersion.VERSION + "; use a new folder");
        }
    }

    /**
     * A venue that changed a recorded product's terms (tick, lot, minimum notional, status) since the journal began
     * cannot continue it: the recovered state and the new orders would follow two different sets of rules.
     */
    private static void checkSameCatalog(final Path dir, final JournalHeader header, final ProductCatalog catalog)
    {
        if (catalog == null)
        {
            return;
        }
        final List<String> differences = JournalCatalog.differences(catalog, dir, header);
        if (!differences.isEmpty())
        {
            throw new JournalException("journal folder " + dir + " ran with another catalog than this run's: " +
                String.join("; ", differences) + "; start a new journal folder (this one still replays, with the " +
                "catalog it recorded)");
        }
    }

    /**
     * Appends one EVENT record. No allocation after the first call, no logging: a failure throws, and
     * the ring's exception handler halts trading, so no order leaves unjournaled.
     */
    @Override
    public void onEvent(final InboundEvent event, final long sequence, final boolean endOfBatch)
    {
        if (failed)
        {
            // After one failed append the journal ends there: appending later events would leave a hole
            // that every replay and recovery would silently step over. The first failure already halted
            // trading (the outbound stage withholds every order); these are counted, and a restart recovers.
            skippedAfterFailure.lazySet(skippedAfterFailure.get() + 1);
            return;
        }
        final long start = appendNanos != null && event.receiveNanoTime != 0 ? System.nanoTime() : 0;
        try
        {
            reserve.claim(RECORD_BYTES_CHARGED);
            if (appender == null)
            {
                appender = queue.createAppender();
            }
            while (!appendEvent(event))
            {
                // the document just written was the header of a new file; now the event
            }
        }
        catch (final RuntimeException | Error e)
        {
            lastIndexAtFailure = lastIndexAppended();
            failed = true; // whatever failed (the append, the appender, the file), the journal ends here
            throw e;
        }
        // Release store: a thread that sees the count (or the ring sequence published after this
        // handler returns) also sees the record in the mapped file.
        eventsWritten.lazySet(++written);
        if (start != 0)
        {
            appendNanos.recordValue(Math.min(Math.max(System.nanoTime() - start, 0), CoreMetrics.MAX_TRACKABLE_NANOS));
        }
    }

    /**
     * Appends the event, unless this document is the first of a new roll-cycle file: then it writes the
     * header there instead and returns false, so every file starts with the header, is readable on its
     * own, and retention may delete old files (see JournalRecordCodec). Chronicle's appender picks the
     * file inside {@code writingDocument()}, on its clock, so the check is on the document itself: one
     * int compare per event, no allocation (the header bytes were encoded at open).
     */
    private boolean appendEvent(final InboundEvent event)
    {
        try (DocumentContext dc = appender.writingDocument())
        {
            try
            {
                if (repeatHeader && appender.cycle() != headerCycle)
                {
                    dc.wire().bytes().write(headerRecord);
                    headerCycle = appender.cycle();
                    return false;
                }
                EventRecordCodec.writeEvent(dc.wire().bytes(), event);
                return true;
            }
            catch (final RuntimeException | Error e)
            {
                // Without this, closing the context would publish a half-written record.
                dc.rollbackOnClose();
                throw e;
            }
        }
    }

    /**
     * Marks the torn last record a reader found ({@link JournalReader#tornTailIndex()}) so that events
     * appended after it do not turn it into corruption in the middle of the journal. Call once, on the
     * owner's thread, after recovery and before the journal thread appends.
     */
    public void repairTornTail(final long tornIndex)
    {
        try (ExcerptAppender repairAppender = queue.createAppender())
        {
            headerIfNewFile(repairAppender);
            try (DocumentContext dc = repairAppender.writingDocument())
            {
                JournalRecordCodec.writeTailRepair(dc.wire().bytes(), tornIndex);
            }
        }
    }

    /**
     * Journals {@code settings} as in effect from this point (a SETTINGS record; see {@link JournalRecordCodec}).
     * Call once, on the owner's thread, after recovery (and any tail repair) and before the journal thread appends.
     */
    public void appendSettings(final EngineSettings settings)
    {
        try (ExcerptAppender settingsAppender = queue.createAppender())
        {
            headerIfNewFile(settingsAppender);
            try (DocumentContext dc = settingsAppender.writingDocument())
            {
                SettingsRecordCodec.writeSettings(dc.wire().bytes(),
                    new SettingsRecord(settings.digest(), settings.encode(), System.currentTimeMillis() * 1_000_000L));
            }
        }
    }

    /** A restart in a later roll cycle opens a new file: it starts with the header, as every file does. */
    private void headerIfNewFile(final ExcerptAppender ownerAppender)
    {
        if (repeatHeader && queue.cycle() != headerCycle)
        {
            try (DocumentContext dc = ownerAppender.writingDocument())
            {
                dc.wire().bytes().write(headerRecord);
            }
            headerCycle = queue.cycle();
        }
    }

    /** The Chronicle index of the last record this writer appended before its append failed, or -1. Any thread. */
    public long lastIndexAtFailure()
    {
        return lastIndexAtFailure;
    }

    private long lastIndexAppended()
    {
        try
        {
            return appender == null ? -1 : appender.lastIndexAppended();
        }
        catch (final RuntimeException | Error none)
        {
            return -1; // nothing appended by this session yet
        }
    }

    /** True once an append failed: nothing more is written (the journal ends at the failure). */
    public boolean failed()
    {
        return failed;
    }

    /** Events not journaled because an earlier append failed. Any thread. */
    public long skippedAfterFailure()
    {
        return skippedAfterFailure.get();
    }

    /** Closes the appender on the journal thread that owns it, when the ring stops that thread. */
    @Override
    public void onShutdown()
    {
        closeAppender();
    }

    /** Events appended by this writer (not counting earlier sessions of the same journal). Any thread. */
    /** Records each live event's append latency into {@code recorder}; call before the journal thread starts. */
    public void recordAppendLatency(final SingleWriterRecorder recorder)
    {
        this.appendNanos = recorder;
    }

    public long eventsWritten()
    {
        return eventsWritten.get();
    }

    public JournalHeader header()
    {
        return header;
    }

    public Path directory()
    {
        return dir;
    }

    /** Closes the queue. Call after the journal thread has stopped (for the ring: after draining it). */
    @Override
    public void close()
    {
        closeAppender();
        queue.close();
    }

    private void closeAppender()
    {
        final ExcerptAppender current = appender;
        if (current != null)
        {
            appender = null;
            current.close();
        }
    }
}
