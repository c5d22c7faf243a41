package dev.peregrine.ops;

import java.util.List;
import dev.peregrine.journal.JournalCatalog;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.ops.assembly.EngineAssembly;
import dev.peregrine.journal.JournalException;
import dev.peregrine.journal.ReplayResult;
import dev.peregrine.journal.snapshot.SnapshotVerification;
import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.cli.AcceptTruncatedOption;
import dev.peregrine.ops.cli.JournalFailures;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code peregrine replay --journal DIR}: the same core over a journal, proving it decides the same. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
        "Runs the core over every event of a journal, with the settings recorded in its header, and prints",
        "output-digest and state-hash. They equal the lines the live run printed when it reached the",
        "same decisions and ended in the same state."})
public final class ReplayCommand implements Callable<Integer>
{
    @Spec
    private CommandSpec spec;

    @Option(names = "--journal", required = true, paramLabel = "DIR", description = "Journal folder to replay.")
    private Path journal;

    @Option(names = "--verify-snapshots", description = "Also check each state snapshot in the journal's snapshots/ " +
        "folder: at its event, the replay's state hash and output digest must equal the ones it recorded (exit 1 if not).")
    private boolean verifySnapshots;
    @Mixin
    private AcceptTruncatedOption acceptTruncated;

    @Override
    public Integer call()
    {
        final PrintWriter out = spec.commandLine().getOut();
        acceptTruncated.apply(spec.commandLine().getErr());
        final long start = System.nanoTime();
        final ReplayResult result;
        try
        {
            result = EngineAssembly.replay(journal);
        }
        catch (final JournalException ex)
        {
            throw JournalFailures.forCommandLine(ex);
        }
        final double seconds = (System.nanoTime() - start) / 1e9;
        out.printf("replayed %,d events from %s in %.2f s (%,.0f events/s), %,d outputs%n",
            result.events(), journal, seconds, result.events() / Math.max(seconds, 1e-9), result.outputs());
        out.println("products: " + String.join(",", result.settings().products()));
        out.println(result.settings().paperVenue().describe());
        if (result.settings().digest() != result.header().settingsDigest())
        {
            // Configuration is an input: the SETTINGS records were applied where they were journaled.
            out.println("settings: changed on the journal, applied where journaled; in effect at its end: digest " +
                dev.peregrine.core.output.Hash64.hex(result.settings().digest()) + " ('journal dump' shows each change)");
        }
        final List<String> catalogDifferences =
            JournalCatalog.differences(VenueRegistry.standard().catalog(), journal, result.header());
        if (!catalogDifferences.isEmpty())
        {
            // The journal's own catalog replays it exactly; this says where today's built-in lists would not.
            out.println("catalog: the journal ran with its own (replayed with it), which differs from the built-in " +
                "lists: " + String.join("; ", catalogDifferences));
        }
        out.println("output-digest: " + result.outputDigestHex());
        out.println("state-hash: " + result.stateHashHex());
        out.flush();
        if (verifySnapshots)
        {
            final int bad = SnapshotVerification.verify(VenueRegistry.standard().catalog(), journal, line -> out.println("snapshots: " + line));
            if (bad > 0)
            {
                out.println("snapshots: " + bad + " do not match the replay; a restart skips or distrusts them");
                out.flush();
                return ExitCodes.RUNTIME_FAILURE;
            }
            out.flush();
        }
        return ExitCodes.OK;
    }
}
