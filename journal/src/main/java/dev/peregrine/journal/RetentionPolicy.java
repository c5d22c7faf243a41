package dev.peregrine.journal;

import java.time.Duration;

/**
 * What {@link JournalRetention} keeps: files whose roll cycle ended less than {@code maxAge} ago, and at
 * most {@code maxBytes} of files in all (the oldest go first); whatever the two say, never the newest
 * {@code keepNewestFiles} files.
 *
 * @param maxAge          null for no age limit
 * @param maxBytes        0 for no size limit
 * @param keepNewestFiles at least 1: the newest files are never deleted, which protects the file being
 *                        written and readers in other processes that follow the end of the journal
 */
public record RetentionPolicy(Duration maxAge, long maxBytes, int keepNewestFiles)
{
    /** Two: the file being written and the one before it, which a follower may still be finishing. */
    public static final int DEFAULT_KEEP_NEWEST_FILES = 2;

    public RetentionPolicy
    {
        if (maxAge != null && (maxAge.isNegative() || maxAge.isZero()))
        {
            throw new IllegalArgumentException("retention max age must be positive, got " + maxAge);
        }
        if (maxBytes < 0)
        {
            throw new IllegalArgumentException("retention max bytes must be >= 0 (0 for no limit), got " + maxBytes);
        }
        if (keepNewestFiles < 1)
        {
            throw new IllegalArgumentException("retention must keep at least the newest file, got keepNewestFiles=" +
                keepNewestFiles);
        }
    }

    /** Keep files whose cycle ended less than {@code maxAge} ago. */
    public static RetentionPolicy byAge(final Duration maxAge)
    {
        return new RetentionPolicy(maxAge, 0, DEFAULT_KEEP_NEWEST_FILES);
    }

    /** Keep at most {@code maxBytes} of files. */
    public static RetentionPolicy bySize(final long maxBytes)
    {
        return new RetentionPolicy(null, maxBytes, DEFAULT_KEEP_NEWEST_FILES);
    }

    public RetentionPolicy keepingNewest(final int files)
    {
        return new RetentionPolicy(maxAge, maxBytes, files);
    }
}
