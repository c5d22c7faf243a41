package dev.peregrine.ops.engine;

import dev.peregrine.core.ring.JournalGate;
import dev.peregrine.journal.MappedFileFault;
import dev.peregrine.ops.logging.JsonLine;

import java.util.Locale;

/**
 * What an operator is told when the journal could not append (a full disk): the engine then stops, exits 1,
 * and says so in one line naming the journal folder, the cause, the last journaled event and what to do.
 * The core took no input from the failed append on (see {@link JournalGate}), so the run's figures and
 * its output-digest and state-hash cover exactly the journaled events: a replay of the folder reproduces
 * them. Read once the engine has stopped (the ring's threads are done), from the thread that stopped it.
 *
 * <p>Orders already at a live venue are left there, not cancelled: a cancel decided now could not be
 * journaled, and an order sent that the journal does not explain is what this design never allows. The
 * restart reconciles them with the venue (as after a kill), or an operator cancels them at the venue.
 */
public final class JournalFailureNotice
{
    private final LiveEngine engine;
    private final JournalGate gate;

    private JournalFailureNotice(final LiveEngine engine, final JournalGate gate)
    {
        this.engine = engine;
        this.gate = gate;
    }

    /** The notice for an engine whose journal failed, or null while it is healthy (or not started). */
    public static JournalFailureNotice of(final LiveEngine engine)
    {
        final JournalGate gate = engine.journalGate();
        return gate == null || !gate.closed() ? null : new JournalFailureNotice(engine, gate);
    }

    /** True once the journal failed: the run must stop. Any thread, cheap (a volatile read). */
    public static boolean failed(final LiveEngine engine)
    {
        final JournalGate gate = engine.journalGate();
        return gate != null && gate.closed();
    }

    /** Events the journal holds: those it held at start-up and those this session appended before the failure. */
    public long journaledEvents()
    {
        return engine.recoveredEvents() + gate.failedSequence();
    }

    /** The cause, as an operator reads it ("No space left on device (...)"). */
    public String cause()
    {
        return MappedFileFault.describe(engine.journal().dir(), gate.cause());
    }

    /** The one line: folder, cause, last journaled event, what to do. */
    public String line()
    {
        final long index = engine.journal().lastIndexAtFailure();
        // A fault on a mapped page is reported late: the last records counted appended may be torn.
        final boolean late = MappedFileFault.is(gate.cause());
        return String.format(Locale.ROOT, "journal FAILED: cannot append to %s: %s; the journal holds %s%,d events " +
            "(last journaled: event #%,d%s%s); the core stopped there. Free space on that volume (or move the folder " +
            "to a bigger one) and start again on the same folder: the restart repairs a torn tail if there is one " +
            "and continues",
            engine.journal().dir(), cause(), late ? "at most " : "", journaledEvents(), journaledEvents(),
            index < 0 ? "" : ", index 0x" + Long.toHexString(index), late ? ", possibly torn" : "");
    }

    /** Says what the printed figures and hashes cover, so nobody takes them for more. */
    public String coverage()
    {
        if (MappedFileFault.is(gate.cause()))
        {
            // The JVM reports a fault on a mapped page late, after the writer may have counted the torn record.
            return String.format(Locale.ROOT, "the output-digest and state-hash below are NOT a proof for this run: " +
                "the journal's write fault was reported late, so the last events the core took may not all be on " +
                "the journal; after the restart, 'replay --journal %s' gives the hashes of what it holds",
                engine.journal().dir());
        }
        return String.format(Locale.ROOT, "the figures and the output-digest and state-hash below cover the %,d " +
            "journaled events only: the core took none of the %,d inputs that arrived after the failed append",
            journaledEvents(), gate.inputsNotTaken());
    }

    /** For a live venue: what became of the orders there, or null with the paper venue. */
    public String liveOrders(final int openOrders)
    {
        if (engine.liveVenue() == null)
        {
            return null;
        }
        // Decided on journaled inputs but still in the outbound stage when the halt came: never sent.
        final long withheld = engine.coreMetrics().ordersWithheld.get();
        return String.format(Locale.ROOT, "live venue: %d order%s left open at the venue, not cancelled (a cancel " +
            "decided now could not be journaled)%s; the restart reconciles them with the venue, or cancel them there",
            openOrders, openOrders == 1 ? "" : "s", withheld == 0 ? "" : String.format(Locale.ROOT,
                "; %d new order%s withheld by the halt never reached it (the restart marks them not at the venue)",
                withheld, withheld == 1 ? "" : "s"));
    }

    /** The same facts as a JSON log line. */
    public JsonLine jsonLine(final int openOrders)
    {
        final long index = engine.journal().lastIndexAtFailure();
        return JsonLine.now(JsonLine.ERROR, "journal_failed").field("journal", engine.journal().dir().toString())
            .field("cause", cause()).field("journaled_events", journaledEvents())
            .field("last_journaled_index", index < 0 ? null : "0x" + Long.toHexString(index))
            .field("inputs_not_taken", gate.inputsNotTaken()).field("open_orders", openOrders)
            .field("venue", engine.liveVenue() != null ? "live" : "paper");
    }
}
