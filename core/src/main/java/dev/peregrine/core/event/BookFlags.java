package dev.peregrine.core.event;

/**
 * Bits of {@link InboundEvent#flags} for {@link EventType#BOOK_LEVEL}. A snapshot is a run of levels
 * from one marked {@link #SNAPSHOT_BEGIN} (the book is cleared first) to one marked
 * {@link #SNAPSHOT_END} (the book is synced again); a one-level snapshot carries both.
 * {@link #END_OF_MESSAGE} marks the last level of one venue message, so the strategy sees a book
 * change once per message, not once per level.
 */
public final class BookFlags
{
    public static final int SNAPSHOT_BEGIN = 1;
    public static final int SNAPSHOT_END = 2;
    public static final int END_OF_MESSAGE = 4;

    private BookFlags()
    {
    }

    public static boolean has(final int flags, final int bit)
    {
        return (flags & bit) != 0;
    }
}
