package dev.peregrine.journal;

import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * The journal readers open in this process and the roll cycle (file) each is reading, so
 * {@link JournalRetention} never deletes a file an open reader still needs: every {@link JournalReader}
 * registers itself at open (the live engine's recovery reader, replays, the CLI's tail) and moves its
 * mark forward as it crosses into a new file.
 *
 * <p>Readers in other processes cannot register here. They are protected by retention's other rules:
 * it never deletes the file of the current cycle nor the newest {@code keepNewestFiles} files, so a
 * follower near the end of the journal ({@code journal tail --follow}, a monitoring reader) is safe; a
 * reader in another process that is far behind may lose its files (and fails with a clear error).
 *
 * <p>Thread-safe. Registration and retention's deletion take the same lock, so a reader that opens
 * while retention runs either sees its file deleted before it looks, or holds it before retention
 * decides.
 */
public final class JournalReaders
{
    private static final Object LOCK = new Object();
    private static final Map<Path, Set<Registration>> OPEN = new HashMap<>();

    /** An open reader's mark: the oldest cycle it may still read. */
    public static final class Registration implements AutoCloseable
    {
        private final Path key;
        private volatile int cycle;

        private Registration(final Path key, final int cycle)
        {
            this.key = key;
            this.cycle = cycle;
        }

        /** Moves the mark: the reader will not go back before {@code cycle}. Allocation-free. */
        public void cycle(final int cycle)
        {
            this.cycle = cycle;
        }

        public int cycle()
        {
            return cycle;
        }

        @Override
        public void close()
        {
            synchronized (LOCK)
            {
                final Set<Registration> set = OPEN.get(key);
                if (set != null && set.remove(this) && set.isEmpty())
                {
                    OPEN.remove(key);
                }
            }
        }
    }

    private JournalReaders()
    {
    }

    /**
     * Registers a reader of {@code dir} whose first cycle is read by {@code firstCycle} under the lock
     * (so retention cannot delete that file between the look and the registration).
     */
    public static Registration register(final Path dir, final IntSupplier firstCycle)
    {
        synchronized (LOCK)
        {
            final Path key = key(dir);
            final Registration r = new Registration(key, firstCycle.getAsInt());
            OPEN.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(r);
            return r;
        }
    }

    /** The oldest cycle an open reader of {@code dir} may still read; {@link Integer#MAX_VALUE} when none is open. */
    public static int oldestCycleInUse(final Path dir)
    {
        synchronized (LOCK)
        {
            int oldest = Integer.MAX_VALUE;
            final Set<Registration> set = OPEN.get(key(dir));
            if (set != null)
            {
                for (final Registration r : set)
                {
                    oldest = Math.min(oldest, r.cycle);
                }
            }
            return oldest;
        }
    }

    /** Open readers of {@code dir}. */
    public static int openReaders(final Path dir)
    {
        synchronized (LOCK)
        {
            final Set<Registration> set = OPEN.get(key(dir));
            return set == null ? 0 : set.size();
        }
    }

    /** Runs {@code action} while no reader can register (a reader only ever moves its mark forward); for retention. */
    static <T> T whileRegistrationsHeld(final java.util.function.Supplier<T> action)
    {
        synchronized (LOCK)
        {
            return action.get();
        }
    }

    private static Path key(final Path dir)
    {
        return dir.toAbsolutePath().normalize();
    }
}
