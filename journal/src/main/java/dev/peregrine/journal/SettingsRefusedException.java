package dev.peregrine.journal;

import java.nio.file.Path;
import java.util.List;

/**
 * A run's settings cannot continue the journal's state (see {@code SettingsChange}): nothing was written.
 * The message is one line saying so, then one line per blocker; a command exits 2 (usage) with it.
 */
public final class SettingsRefusedException extends RuntimeException
{
    private final List<String> blockers;

    public SettingsRefusedException(final Path dir, final List<String> blockers)
    {
        super(message(dir, blockers));
        this.blockers = List.copyOf(blockers);
    }

    public List<String> blockers()
    {
        return blockers;
    }

    private static String message(final Path dir, final List<String> blockers)
    {
        final StringBuilder sb = new StringBuilder("journal ").append(dir)
            .append(" cannot continue with these settings (").append(blockers.size())
            .append(blockers.size() == 1 ? " blocker" : " blockers").append("; the journal was left as it was):");
        for (final String blocker : blockers)
        {
            sb.append("\n  ").append(blocker);
        }
        return sb.toString();
    }
}
