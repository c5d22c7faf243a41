package dev.peregrine.core.market;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.book.OrderBook;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The sanity rules on their own: what is dropped, why, and how a real move gets back in. */
class MarketSanityTest
{
    private static final int BTC = 0;
    private static final long SECOND = 1_000_000_000L;

    private final FeedHealth health = new FeedHealth(2);
    private final MarketSanity sanity = new MarketSanity(MarketSanitySettings.DEFAULTS,
        TestProducts.CATALOG.registryFor(List.of("BTC-USD", "ETH-USD")), TestProducts.CATALOG, health, null);

    private static long p(final String text)
    {
        return FixedPoint.parse(text);
    }

    @Test
    void theFirstPriceIsHeldToTheVenueRangeOnly()
    {
        // BTC-USD's catalog price is 65,000: its range is 65 .. 65,000,000 with the default factor 1000.
        assertThat(sanity.acceptTrade(BTC, p("0.01"), 1)).isFalse();
        assertThat(sanity.acceptTrade(BTC, p("92233720368"), 2)).isFalse();
        assertThat(sanity.acceptTrade(BTC, 0, 3)).isFalse();
        assertThat(sanity.dropped(ImplausibleReason.OUT_OF_RANGE)).isEqualTo(2);
        assertThat(sanity.dropped(ImplausibleReason.NON_POSITIVE_PRICE)).isEqualTo(1);
        assertThat(health.isHealthy(BTC)).isFalse();

        assertThat(sanity.acceptTrade(BTC, p("64000"), 4)).isTrue();
        assertThat(sanity.reference(BTC)).isEqualTo(p("64000"));
        assertThat(health.isHealthy(BTC)).isTrue();
    }

    @Test
    void aPriceOutsideTheBandOrBeyondTheMaxMoveIsDroppedAndMarksTheFeedUntilAGoodOne()
    {
        sanity.acceptTrade(BTC, p("60000"), 1);
        assertThat(sanity.acceptTrade(BTC, p("9999999"), 2)).isFalse();
        assertThat(sanity.dropped(ImplausibleReason.OUTSIDE_BAND)).isEqualTo(1);
        assertThat(health.isImplausible(BTC)).isTrue();
        assertThat(health.isHealthy(BTC)).isFalse();

        // 7 % up: inside the 10 % band, beyond the 5 % one update may move.
        assertThat(sanity.acceptTrade(BTC, p("64200"), 3)).isFalse();
        assertThat(sanity.dropped(ImplausibleReason.MAX_MOVE)).isEqualTo(1);

        assertThat(sanity.acceptTrade(BTC, p("60100"), 4)).isTrue();
        assertThat(health.isHealthy(BTC)).isTrue();
        assertThat(health.implausibleEpisodes(BTC)).isEqualTo(1);
        // The reference follows accepted prices slowly: 1/16 of the way.
        assertThat(sanity.reference(BTC)).isEqualTo(p("60000") + (p("100") >> 4));
    }

    @Test
    void aCrossedOrLockedQuoteIsDroppedWithoutMarkingTheFeed()
    {
        sanity.acceptTrade(BTC, p("60000"), 1);
        assertThat(sanity.acceptQuote(BTC, p("60010"), p("60000"), 0, 2)).isFalse();
        assertThat(sanity.acceptQuote(BTC, p("60000"), p("60000"), 0, 3)).isFalse();
        assertThat(sanity.dropped(ImplausibleReason.CROSSED_QUOTE)).isEqualTo(2);
        assertThat(health.isHealthy(BTC)).isTrue();
        assertThat(sanity.acceptQuote(BTC, p("59999"), p("60001"), p("60000"), 4)).isTrue();
        // A sane touch with an absurd last price is dropped too: the last price marks positions.
        assertThat(sanity.acceptQuote(BTC, p("59999"), p("60001"), p("0.5"), 5)).isFalse();
        assertThat(sanity.dropped(ImplausibleReason.OUT_OF_RANGE)).isEqualTo(1);
    }

    @Test
    void aRealTenPercentMoveReanchorsAfterAPersistentConsistentLevel()
    {
        sanity.acceptTrade(BTC, p("60000"), 0);
        long t = SECOND;
        int rejected = 0;
        // The market gaps 12 % up and stays there, wobbling a little: one print every second.
        while (!sanity.acceptTrade(BTC, p(rejected % 2 == 0 ? "67200" : "67250"), t))
        {
            rejected++;
            t += SECOND;
            assertThat(rejected).isLessThan(100);
        }
        // The 20th print of the run (t = 20 s, past the 10 s it must span) re-anchors: 19 were dropped.
        assertThat(rejected).isEqualTo(MarketSanitySettings.DEFAULT_REANCHOR_UPDATES - 1);
        assertThat(sanity.reanchors(BTC)).isEqualTo(1);
        assertThat(sanity.reference(BTC)).isEqualTo(p(rejected % 2 == 0 ? "67200" : "67250"));
        assertThat(health.isHealthy(BTC)).isTrue();
        assertThat(sanity.acceptTrade(BTC, p("67300"), t + SECOND)).isTrue();
    }

    @Test
    void afterALongSilenceTheNextPriceIsHeldToTheRangeOnly()
    {
        // Daily candles in a backtest: four prints a day, six hours apart; a 12 % gap overnight is real.
        sanity.acceptTrade(BTC, p("60000"), 0);
        final long sixHours = 6 * 3600 * SECOND;
        assertThat(sanity.acceptTrade(BTC, p("67200"), sixHours)).isTrue();
        assertThat(sanity.reference(BTC)).isEqualTo(p("67200"));
        assertThat(sanity.reanchors(BTC)).isEqualTo(1);
        // A quote's last price after a silence too.
        assertThat(sanity.acceptQuote(BTC, p("59999"), p("60001"), p("60000"), 2 * sixHours)).isTrue();
        // The range still holds, and inside the silence the band does.
        assertThat(sanity.acceptTrade(BTC, p("0.01"), 3 * sixHours)).isFalse();
        assertThat(sanity.acceptTrade(BTC, p("70000"), 3 * sixHours + SECOND)).isTrue(); // 0.01 was no price: silence
        assertThat(sanity.acceptTrade(BTC, p("60000"), 3 * sixHours + 2 * SECOND)).isFalse();
    }

    @Test
    void inconsistentAbsurdPricesNeverReanchor()
    {
        sanity.acceptTrade(BTC, p("60000"), 0);
        for (int i = 0; i < 200; i++)
        {
            // A fuzzer alternating between two absurd levels: never a consistent run.
            assertThat(sanity.acceptTrade(BTC, p(i % 2 == 0 ? "9999999" : "100"), (i + 1) * SECOND)).isFalse();
        }
        assertThat(sanity.reanchors(BTC)).isZero();
        assertThat(sanity.reference(BTC)).isEqualTo(p("60000"));
    }

    @Test
    void aLevelThatWouldSetAnAbsurdTouchIsDroppedButDeepLevelsAreKept()
    {
        final OrderBook book = new OrderBook(1024);
        sanity.acceptTrade(BTC, p("60000"), 0);
        book.beginSnapshot();
        // Real snapshots hold bids at 0.01 and asks at 100 million: deep levels are not judged.
        for (final String[] level : new String[][]{{"59990", "1"}, {"0.01", "5"}})
        {
            assertThat(sanity.acceptBookLevel(BTC, book, Side.BUY, p(level[0]), p(level[1]), 1)).isTrue();
            book.set(Side.BUY, p(level[0]), p(level[1]));
        }
        assertThat(sanity.acceptBookLevel(BTC, book, Side.SELL, p("60010"), p("1"), 1)).isTrue();
        book.set(Side.SELL, p("60010"), p("1"));
        assertThat(sanity.acceptBookLevel(BTC, book, Side.SELL, p("138991023.41"), p("1"), 1)).isTrue();
        book.endSnapshot();
        sanity.afterBookMessage(BTC, book, 1);
        assertThat(health.isHealthy(BTC)).isTrue();

        // On the synced book: an ask at 0.01 would be the new touch, a bid of 9,999,999 too.
        assertThat(sanity.acceptBookLevel(BTC, book, Side.SELL, p("0.01"), p("1"), 2)).isFalse();
        assertThat(sanity.acceptBookLevel(BTC, book, Side.BUY, p("9999999"), p("1"), 3)).isFalse();
        // Removing a level is always applied; a level above the hard cap never is.
        assertThat(sanity.acceptBookLevel(BTC, book, Side.BUY, p("0.01"), 0, 4)).isTrue();
        assertThat(sanity.acceptBookLevel(BTC, book, Side.SELL, p("92233720368"), p("1"), 5)).isFalse();
        assertThat(sanity.dropped(ImplausibleReason.OUTSIDE_BAND)).isEqualTo(1); // 9,999,999
        assertThat(sanity.dropped(ImplausibleReason.OUT_OF_RANGE)).isEqualTo(2); // 0.01 and 92,233,720,368
    }

    @Test
    void aCrossedBookMarksTheFeedUntilAMessageUncrossesIt()
    {
        final OrderBook book = new OrderBook(1024);
        sanity.acceptTrade(BTC, p("60000"), 0);
        book.beginSnapshot();
        book.set(Side.BUY, p("60000"), p("1"));
        book.set(Side.SELL, p("60001"), p("1"));
        book.endSnapshot();
        sanity.afterBookMessage(BTC, book, 1);
        assertThat(health.isHealthy(BTC)).isTrue();

        book.set(Side.BUY, p("60002"), p("1")); // within the band: applied, and the book is crossed
        sanity.afterBookMessage(BTC, book, 2);
        assertThat(health.isCrossed(BTC)).isTrue();
        assertThat(health.isHealthy(BTC)).isFalse();

        book.set(Side.BUY, p("60002"), 0);
        sanity.afterBookMessage(BTC, book, 3);
        assertThat(health.isCrossed(BTC)).isFalse();
        assertThat(health.isHealthy(BTC)).isTrue();
        assertThat(health.crossedEpisodes(BTC)).isEqualTo(1);
    }

    @Test
    void offChecksNothing()
    {
        final MarketSanity off = new MarketSanity(MarketSanitySettings.OFF,
            TestProducts.CATALOG.registryFor(List.of("BTC-USD")), TestProducts.CATALOG, new FeedHealth(1), null);
        assertThat(off.acceptTrade(BTC, p("0.01"), 1)).isTrue();
        assertThat(off.acceptQuote(BTC, p("2"), p("1"), 0, 2)).isTrue();
        assertThat(off.totalDropped()).isZero();
    }

    @Test
    void settingsRoundTripAndOlderJournalsReplayWithoutChecks()
    {
        final java.util.Map<String, String> map = new java.util.LinkedHashMap<>();
        new MarketSanitySettings(true, 0.2, 0.1, 50, 5, 3 * SECOND, 30 * SECOND).encodeInto(map);
        final MarketSanitySettings back = MarketSanitySettings.decode(map);
        assertThat(back.toString()).isEqualTo(new MarketSanitySettings(true, 0.2, 0.1, 50, 5, 3 * SECOND, 30 * SECOND).toString());
        assertThat(MarketSanitySettings.decode(java.util.Map.of()).enabled).isFalse();
    }
}
