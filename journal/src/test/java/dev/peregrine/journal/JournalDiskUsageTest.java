package dev.peregrine.journal;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The journal's size and its volume's free space, cached between refreshes on a clock the test moves. */
class JournalDiskUsageTest
{
    @TempDir
    Path tmp;

    @Test
    void measuresTheFolderAndRefreshesOnlyAfterTheInterval() throws IOException
    {
        final Path dir = Files.createDirectories(tmp.resolve("journal/decisions"));
        Files.write(dir.getParent().resolve("20260101F.cq4"), new byte[1000]);
        Files.write(dir.resolve("20260101F.cq4"), new byte[24]);
        Files.write(dir.getParent().resolve("metadata.cq4t"), new byte[100]);
        final AtomicLong clock = new AtomicLong();
        final JournalDiskUsage usage = new JournalDiskUsage(dir.getParent(), 1_000_000_000L, clock::get);

        final JournalDiskUsage.Snapshot first = usage.snapshot();
        assertThat(first.bytes()).isEqualTo(1124);
        assertThat(first.files()).isEqualTo(3);
        assertThat(first.queueFiles()).isEqualTo(2);
        assertThat(first.freeBytes()).isPositive().isLessThanOrEqualTo(first.totalBytes());
        assertThat(first.freeRatio()).isBetween(0.0, 1.0);

        Files.write(dir.getParent().resolve("20260102F.cq4"), new byte[500]);
        clock.addAndGet(999_999_999L);
        assertThat(usage.snapshot()).isSameAs(first); // within the interval: the cached figures
        clock.addAndGet(1);
        assertThat(usage.snapshot().bytes()).isEqualTo(1624);
    }

    @Test
    void aFolderNotYetCreatedIsEmptyAndReportsItsVolume()
    {
        final JournalDiskUsage.Snapshot s = JournalDiskUsage.measure(tmp.resolve("not-yet"));
        assertThat(s.bytes()).isZero();
        assertThat(s.freeBytes()).isPositive();
        assertThatThrownBy(() -> new JournalDiskUsage(tmp, -1, System::nanoTime)).isInstanceOf(IllegalArgumentException.class);
    }
}
