package dev.peregrine.gateway.binance;

import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.Side;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sync procedure step by step, recording the exact listener calls (Parity style). */
class BinanceBookSyncTest
{
    private final List<String> calls = new ArrayList<>();
    private final BinanceMetrics metrics = new BinanceMetrics();
    private final BookSyncListener recorder = new BookSyncListener()
    {
        @Override
        public void onBookLevel(final int id, final int side, final long price, final long qty, final int flags,
            final long updateId, final long time)
        {
            calls.add("level " + Side.name(side) + " " + price + "x" + qty + " f" + flags + " u" + updateId);
        }

        @Override
        public void onFeedGap(final int id, final long received, final long expected)
        {
            calls.add("gap " + received + " expected " + expected);
        }

        @Override
        public void onFeedRecovered(final int id, final long lastUpdateId)
        {
            calls.add("recovered " + lastUpdateId);
        }

        @Override
        public void onSnapshotNeeded(final int id)
        {
            calls.add("snapshot?");
        }
    };
    private final BinanceBookSync sync = new BinanceBookSync(0, recorder, metrics, 4, 100);

    private static DepthLevels levels(final long... sidePriceQty)
    {
        final DepthLevels levels = new DepthLevels(4);
        for (int i = 0; i < sidePriceQty.length; i += 3)
        {
            levels.add((int)sidePriceQty[i], sidePriceQty[i + 1], sidePriceQty[i + 2]);
        }
        return levels;
    }

    private static final int B = Side.BUY;
    private static final int S = Side.SELL;
    private static final int BEGIN = BookFlags.SNAPSHOT_BEGIN;
    private static final int END = BookFlags.SNAPSHOT_END | BookFlags.END_OF_MESSAGE;
    private static final int EOM = BookFlags.END_OF_MESSAGE;

    @Test
    void buffersUntilSnapshotDropsOldDiffsBridgesThenChains()
    {
        sync.onDiff(90, 95, 0, levels(B, 1, 1));
        sync.onDiff(96, 101, 0, levels(B, 2, 2));
        sync.onDiff(102, 110, 0, levels(S, 9, 3, B, 3, 0));
        assertThat(calls).containsExactly("snapshot?"); // asked once, on the first diff
        assertThat(sync.bufferedDiffs()).isEqualTo(3);

        sync.onSnapshot(100, levels(B, 5, 1, S, 7, 1));
        sync.onDiff(111, 111, 0, levels(S, 7, 0));

        assertThat(calls).containsExactly(
            "snapshot?",
            "level BUY 5x1 f" + BEGIN + " u100",
            "level SELL 7x1 f" + END + " u100",
            "level BUY 2x2 f" + EOM + " u101",          // 96..101 bridges 100 + 1
            "level SELL 9x3 f0 u110",
            "level BUY 3x0 f" + EOM + " u110",
            "level SELL 7x0 f" + EOM + " u111");
        assertThat(sync.isSynced()).isTrue();
        assertThat(metrics.diffsStale()).isEqualTo(1);
        assertThat(metrics.feedGaps()).isZero();
    }

    @Test
    void liveDiffsAfterTheSnapshotMustBridgeTheFirstTime()
    {
        sync.onDiff(1, 2, 0, levels(B, 1, 1));
        sync.onSnapshot(10, levels(B, 5, 1));
        sync.onDiff(3, 9, 0, levels(B, 1, 1));   // u <= lastUpdateId: in the snapshot already
        sync.onDiff(8, 12, 0, levels(B, 6, 1));  // 8 <= 11 <= 12: applied
        assertThat(calls).containsExactly("snapshot?", "level BUY 5x1 f" + (BEGIN | END) + " u10", "level BUY 6x1 f4 u12");
    }

    @Test
    void aBrokenChainPublishesGapResyncsAndRecovers()
    {
        sync.onDiff(10, 12, 0, levels(B, 1, 1));
        sync.onSnapshot(11, levels(B, 5, 1));
        calls.clear();

        sync.onDiff(14, 15, 0, levels(B, 2, 2)); // expected 13
        sync.onDiff(16, 16, 0, levels(B, 3, 3)); // buffered for the resync
        assertThat(calls).containsExactly("gap 14 expected 13", "snapshot?");
        assertThat(sync.isSynced()).isFalse();

        sync.onSnapshot(15, levels(S, 8, 1));
        assertThat(calls).containsExactly("gap 14 expected 13", "snapshot?",
            "level SELL 8x1 f" + (BEGIN | END) + " u15",
            "level BUY 3x3 f" + EOM + " u16",
            "recovered 16");
        assertThat(metrics.feedGaps()).isEqualTo(1);
        assertThat(metrics.feedRecoveries()).isEqualTo(1);
    }

    @Test
    void aSnapshotOlderThanTheBufferIsDiscardedAndAskedForAgain()
    {
        sync.onDiff(20, 25, 0, levels(B, 1, 1));
        sync.onSnapshot(10, levels(B, 5, 1)); // 11..19 missing
        assertThat(calls).containsExactly("snapshot?", "snapshot?");
        assertThat(metrics.snapshotsStale()).isEqualTo(1);
        sync.onSnapshot(22, levels(B, 5, 1));
        assertThat(calls).hasSize(4).last().isEqualTo("level BUY 1x1 f" + EOM + " u25");
    }

    @Test
    void aFullBufferIsEmptiedAndTheResyncStillConverges()
    {
        for (int i = 0; i < 5; i++)
        {
            sync.onDiff(i * 10 + 1, i * 10 + 10, 0, levels(B, i + 1, 1)); // the 5th overflows the 4-diff bound
        }
        assertThat(metrics.bufferOverflows()).isEqualTo(1);
        assertThat(sync.bufferedDiffs()).isEqualTo(1);
        sync.onSnapshot(20, levels(B, 9, 9)); // stale for the surviving diff 41..50
        assertThat(metrics.snapshotsStale()).isEqualTo(1);
        sync.onSnapshot(45, levels(B, 9, 9));
        assertThat(sync.isSynced()).isTrue();
        assertThat(calls).last().isEqualTo("level BUY 5x1 f" + EOM + " u50");
    }

    @Test
    void anEmptySnapshotStillClearsAndSyncsTheBook()
    {
        sync.onDiff(5, 6, 0, levels());
        sync.onSnapshot(6, levels());
        assertThat(calls).containsExactly("snapshot?", "level BUY 0x0 f" + (BEGIN | END) + " u6");
    }

    @Test
    void aFailedSnapshotIsAskedForAgain()
    {
        sync.onDiff(5, 6, 0, levels(B, 1, 1));
        sync.onSnapshotFailed();
        assertThat(calls).containsExactly("snapshot?", "snapshot?");
        assertThat(metrics.snapshotsFailed()).isEqualTo(1);
    }
}
