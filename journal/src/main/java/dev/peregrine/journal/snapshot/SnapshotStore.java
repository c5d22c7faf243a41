package dev.peregrine.journal.snapshot;

import org.agrona.DirectBuffer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The snapshot files of one journal, in {@code <journal>/snapshots}: one file per snapshot, named by the
 * number of journal events it covers, so the newest sorts last. Keeps the newest {@code keep} and deletes
 * older ones after each write: a damaged newest one still leaves an older one to recover from.
 */
public final class SnapshotStore
{
    public static final String FOLDER = "snapshots";
    /** Snapshots kept: the newest, and two older ones should it be damaged. */
    public static final int DEFAULT_KEEP = 3;

    private final Path folder;
    private final int keep;

    public SnapshotStore(final Path journalDir, final int keep)
    {
        if (keep < 1)
        {
            throw new IllegalArgumentException("snapshots kept must be >= 1, got " + keep);
        }
        this.folder = journalDir.resolve(FOLDER);
        this.keep = keep;
    }

    public SnapshotStore(final Path journalDir)
    {
        this(journalDir, DEFAULT_KEEP);
    }

    public Path folder()
    {
        return folder;
    }

    /** The snapshot files, newest (most events) first; none if the folder does not exist. */
    public List<Path> newestFirst()
    {
        final List<Path> files = new ArrayList<>();
        if (!Files.isDirectory(folder))
        {
            return files;
        }
        try (DirectoryStream<Path> stream = Files.newDirectoryStream(folder, "snapshot-*" + SnapshotFile.SUFFIX))
        {
            stream.forEach(files::add);
        }
        catch (final IOException e)
        {
            throw new UncheckedIOException("cannot list the snapshots in " + folder, e);
        }
        files.sort(Comparator.comparing((Path p) -> p.getFileName().toString()).reversed());
        return files;
    }

    /** Writes one snapshot (atomically), then deletes all but the newest {@code keep}. */
    public Path write(final long events, final long journalIndex, final long eventTimeNanos, final long settingsDigest,
        final long stateHash, final long outputDigest, final long outputCount, final DirectBuffer state,
        final int stateLength) throws IOException
    {
        Files.createDirectories(folder);
        final Path file = folder.resolve(SnapshotFile.fileName(events));
        SnapshotFile.write(file, events, journalIndex, eventTimeNanos, settingsDigest, stateHash, outputDigest,
            outputCount, state, stateLength);
        final List<Path> files = newestFirst();
        for (int i = keep; i < files.size(); i++)
        {
            Files.deleteIfExists(files.get(i));
        }
        return file;
    }
}
