package dev.peregrine.core.market;

import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.InstrumentStatus;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The core never trades on a feed it cannot trust, and says why; recovery lets it trade again. */
class FeedHealthGatingTest
{
    private static final int BTC = 0;

    private static InboundEvent feed(final CoreHarness h, final int type)
    {
        final InboundEvent e = h.events.clock();
        e.type = type;
        e.instrumentId = BTC;
        return h.feed(e);
    }

    private static void level(final CoreHarness h, final int side, final String price, final String qty, final int flags)
    {
        final InboundEvent e = h.events.clock();
        e.type = EventType.BOOK_LEVEL;
        e.instrumentId = BTC;
        e.side = side;
        e.price = FixedPoint.parse(price);
        e.quantity = FixedPoint.parse(qty);
        e.flags = flags;
        h.feed(e);
    }

    private static void info(final CoreHarness h, final String sizeIncrement, final int status)
    {
        final InboundEvent e = h.events.clock();
        e.type = EventType.INSTRUMENT_INFO;
        e.instrumentId = BTC;
        e.priceIncrement = FixedPoint.parse("0.01");
        e.sizeIncrement = FixedPoint.parse(sizeIncrement);
        e.flags = status;
        h.feed(e);
    }

    /** A market buy inside an event, then the next event, which lets the paper venue answer. */
    private static void buy(final CoreHarness h)
    {
        h.core.execution().beginEvent(h.events.clock());
        h.core.execution().submitMarketOrder(BTC, Side.BUY, FixedPoint.parse("0.01"));
        h.feed(h.events.clock());
    }

    @Test
    void staleAndGappedFeedsBlockOrdersUntilRecovered()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "1", "1");
        h.feed(h.events.quote(BTC, "100", "1", "101", "1"));
        feed(h, EventType.FEED_STALE);
        buy(h);
        feed(h, EventType.FEED_RECOVERED);
        buy(h);
        feed(h, EventType.FEED_GAP);
        buy(h);
        assertThat(h.outputs.lines()).containsExactly(
            "REJECT #1 i0 BUY 0.01 FEED_UNHEALTHY",
            "ORDER #2 i0 BUY 0.01",
            "FILL #2 i0 BUY 0.01 @ 101",
            "REJECT #3 i0 BUY 0.01 FEED_UNHEALTHY");
        assertThat(h.core.feedHealth().gaps(BTC)).isEqualTo(1);
        assertThat(h.core.feedHealth().staleEpisodes(BTC)).isEqualTo(1);
    }

    @Test
    void aGappedBookBlocksOrdersUntilTheNextSnapshotEvenAfterTheFeedRecovers()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "1", "1");
        h.feed(h.events.quote(BTC, "100", "1", "101", "1"));
        level(h, Side.BUY, "100", "1", BookFlags.SNAPSHOT_BEGIN);
        level(h, Side.SELL, "101", "1", BookFlags.SNAPSHOT_END | BookFlags.END_OF_MESSAGE);
        assertThat(h.core.market().book(BTC).isSynced()).isTrue();

        feed(h, EventType.FEED_GAP);
        feed(h, EventType.FEED_RECOVERED);
        buy(h);
        level(h, Side.BUY, "100.5", "2", BookFlags.SNAPSHOT_BEGIN);
        level(h, Side.SELL, "101.5", "2", BookFlags.SNAPSHOT_END | BookFlags.END_OF_MESSAGE);
        buy(h);
        assertThat(h.outputs.lines()).containsExactly(
            "REJECT #1 i0 BUY 0.01 BOOK_NOT_SYNCED",
            "ORDER #2 i0 BUY 0.01",
            "FILL #2 i0 BUY 0.01 @ 101.5");
        assertThat(h.core.market().book(BTC).bids().bestPrice()).isEqualTo(FixedPoint.parse("100.5"));
        assertThat(h.core.market().book(BTC).bids().depth()).isEqualTo(1);
    }

    @Test
    void venueProductRulesReachExecution()
    {
        final CoreHarness h = CoreHarness.btcEth("0.01", "1", "1");
        h.feed(h.events.quote(BTC, "100", "1", "101", "1"));
        info(h, "0.1", InstrumentStatus.ONLINE);
        buy(h); // 0.01 is no longer a multiple of the 0.1 lot
        info(h, "0.01", InstrumentStatus.CANCEL_ONLY);
        buy(h);
        assertThat(h.outputs.lines()).containsExactly(
            "REJECT #1 i0 BUY 0.01 INVALID_QUANTITY",
            "REJECT #2 i0 BUY 0.01 INSTRUMENT_NOT_TRADING");
        assertThat(h.core.rules().status(BTC)).isEqualTo(InstrumentStatus.CANCEL_ONLY);
    }
}
