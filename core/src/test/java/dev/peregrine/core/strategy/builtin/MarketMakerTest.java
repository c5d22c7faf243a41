package dev.peregrine.core.strategy.builtin;

import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.event.BookFlags;
import dev.peregrine.core.event.CommandCode;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.execution.FeeLedger;
import dev.peregrine.core.execution.Liquidity;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.Order;
import dev.peregrine.core.strategy.StrategyRunner;
import dev.peregrine.core.strategy.config.BuiltInStrategies;
import dev.peregrine.core.strategy.config.StrategyConfigException;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.peregrine.core.strategy.builtin.ExpectedOutputs.assertSameRun;
import static dev.peregrine.core.strategy.builtin.ExpectedOutputs.lines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The market maker driven through the real core and paper venue (no latency, no fees), asserting the
 * exact orders. BTC-USD: tick 0.01. Prices in the comments are worked by hand from the class Javadoc.
 */
class MarketMakerTest
{
    private static final int BTC = 0;
    private static final int ETH = 1;
    private static final String BASE = "market-maker:spread-bps=20,quantity=0.01";
    private static final List<String> PRODUCTS = List.of("BTC-USD", "ETH-USD");
    /** After {@link #book}, a move to mid 100.05: both quotes cancelled and replaced at 99.94 and 100.16. */
    private static final List<String> REQUOTED_AT_MID_100_05 = List.of(
        "CANCEL_REQUEST #1",
        "ORDER #3 i0 BUY 0.01 LIMIT @ 99.94",
        "CANCEL_REQUEST #2",
        "ORDER #4 i0 SELL 0.01 LIMIT @ 100.16",
        "CANCEL #1 i0 0.01",
        "CANCEL #2 i0 0.01",
        "ACCEPTED #3",
        "ACCEPTED #4");

    private static CoreHarness harness(final String spec)
    {
        return harness(spec, PaperVenueSettings.FRICTIONLESS);
    }

    private static CoreHarness harness(final String spec, final PaperVenueSettings venue)
    {
        final long order = FixedPoint.parse("0.01");
        final long big = FixedPoint.parse("100");
        final EngineSettings settings = EngineSettings.builder(PRODUCTS).windows(2, 3).orderQuantity(new long[]{order, order}).limits(new long[]{big, big}, new long[]{big, big}).paperVenue(venue).build();
        return new CoreHarness(settings,
            BuiltInStrategies.configure(List.of(StrategySpec.parse(spec, "mm")), PRODUCTS, settings.orderQuantity()));
    }

    /** Bids 99.95 x 1, 99.90 x 2; asks 100.05 x 1, 100.10 x 2: mid 100.00. */
    private static void book(final CoreHarness h)
    {
        h.bookSnapshot(BTC, "bid 99.95 1", "bid 99.90 2", "ask 100.05 1", "ask 100.10 2");
    }

    private static MarketMaker strategy(final CoreHarness h)
    {
        return (MarketMaker)h.core.strategies().get(0).strategy();
    }

    /** Quotes #bid and #bid+1 at 99.90 and 100.10 (what {@link #book} gives), accepted. */
    private static List<String> quotesAtTheFirstBook(final int bid)
    {
        return List.of("ORDER #" + bid + " i0 BUY 0.01 LIMIT @ 99.9", "ORDER #" + (bid + 1) + " i0 SELL 0.01 LIMIT @ 100.1",
            "ACCEPTED #" + bid, "ACCEPTED #" + (bid + 1));
    }

    /** Quotes #bid and #bid+1 asked to cancel, then cancelled. */
    private static List<String> bothCancelled(final int bid)
    {
        return List.of("CANCEL_REQUEST #" + bid, "CANCEL_REQUEST #" + (bid + 1), "CANCEL #" + bid + " i0 0.01",
            "CANCEL #" + (bid + 1) + " i0 0.01");
    }

    private static long q(final String text)
    {
        return FixedPoint.parse(text);
    }

    @Test
    void quotesTheSpreadAroundTheMidOfASyncedBookAndExplainsEachQuote()
    {
        final CoreHarness h = harness(BASE);
        book(h);

        // 100.00 x (1 -+ 0.0010): 99.90 and 100.10, already on the tick.
        assertThat(h.outputs.lines()).containsExactlyElementsOf(quotesAtTheFirstBook(1));
        assertThat(h.outputs.decisions()).containsExactly(
            "#1 quote-bid mid=100 desired_price=99.9 inventory=0 skew_bps=0 spread_bps=20",
            "#2 quote-ask mid=100 desired_price=100.1 inventory=0 skew_bps=0 spread_bps=20");
        assertThat(h.core.execution().venue().queueAheadOf(1)).as("behind the 2 displayed at 99.90").isEqualTo(q("2"));
        assertThat(strategy(h).bidOrderId()).isEqualTo(1);
        assertThat(strategy(h).askOrderId()).isEqualTo(2);
    }

    @Test
    void aBookChangeThatLeavesTheDesiredPricesWithinRequoteTicksSendsNothing()
    {
        final CoreHarness h = harness(BASE);
        book(h);
        h.bookUpdate(BTC, "bid 99.80 5", "ask 100.20 5");   // deeper levels: the mid stays 100.00
        assertThat(h.outputs.lines()).hasSize(4);

        final CoreHarness wide = harness(BASE + ",requote-ticks=2");
        book(wide);
        // Mid 100.005: bid 99.904995 -> 99.90 (unchanged), ask 100.105005 -> 100.11, one tick from 100.10.
        wide.bookUpdate(BTC, "bid 99.96 1");
        assertThat(wide.outputs.lines()).containsExactlyElementsOf(quotesAtTheFirstBook(1));
    }

    @Test
    void aBookThatMovesFurtherReplacesBothQuotesAtTheNewPrices()
    {
        final CoreHarness h = harness(BASE);
        book(h);
        h.outputs.clear();
        // Best bid 100.00, best ask 100.10: mid 100.05; bid 99.94995 -> 99.94, ask 100.15005 -> 100.16.
        h.bookUpdate(BTC, "bid 100.00 1", "ask 100.05 0");
        assertThat(h.outputs.lines()).containsExactlyElementsOf(REQUOTED_AT_MID_100_05);
        assertThat(h.outputs.decisions()).containsExactly(
            "#3 requote-bid mid=100.05 desired_price=99.94 inventory=0 skew_bps=0 spread_bps=20",
            "#4 requote-ask mid=100.05 desired_price=100.16 inventory=0 skew_bps=0 spread_bps=20");
    }

    @Test
    void afterAJumpPastItsOwnAskTheBidWaitsOneMessageRatherThanTradeWithIt()
    {
        final CoreHarness h = harness(BASE);
        book(h);
        h.outputs.clear();
        // Mid 101.00: bid 100.899 -> 100.89, which the working ask at 100.10 would trade with (the engine's
        // self-trade check refuses it): only the ask moves, to 101.101 -> 101.11.
        h.bookUpdate(BTC, "bid 99.95 0", "bid 99.90 0", "ask 100.05 0", "ask 100.10 0", "bid 100.95 1", "ask 101.05 1");
        h.bookUpdate(BTC, "bid 100.90 2");
        assertThat(h.outputs.lines()).containsExactly(
            "CANCEL_REQUEST #2",
            "ORDER #3 i0 SELL 0.01 LIMIT @ 101.11",
            "CANCEL #2 i0 0.01",
            "ACCEPTED #3",
            "CANCEL_REQUEST #1",
            "ORDER #4 i0 BUY 0.01 LIMIT @ 100.89",
            "CANCEL #1 i0 0.01",
            "ACCEPTED #4");
    }

    @Test
    void withVenueLatencyASideWaitsForItsCancelBeforeMovingAgain()
    {
        final CoreHarness h = harness(BASE, new PaperVenueSettings(5_000_000L, 5_000_000L, 0, 0.0, 0.0));
        book(h);
        h.advanceMillis(10);
        h.outputs.clear();

        h.bookUpdate(BTC, "bid 100.00 1", "ask 100.05 0");          // mid 100.05: 99.94 and 100.16
        h.bookUpdate(BTC, "bid 100.05 1");                          // mid 100.075: 99.97 and 100.18, but #1 and #2
        assertThat(h.outputs.lines()).containsExactly(              // are still being cancelled
            "CANCEL_REQUEST #1",
            "ORDER #3 i0 BUY 0.01 LIMIT @ 99.94",
            "CANCEL_REQUEST #2",
            "ORDER #4 i0 SELL 0.01 LIMIT @ 100.16");
        h.outputs.clear();

        h.advanceMillis(10);
        h.bookUpdate(BTC, "bid 99.80 1");
        assertThat(h.outputs.lines()).containsExactly(
            "CANCEL #1 i0 0.01",
            "CANCEL #2 i0 0.01",
            "ACCEPTED #3",
            "ACCEPTED #4",
            "CANCEL_REQUEST #3",
            "ORDER #5 i0 BUY 0.01 LIMIT @ 99.97",
            "CANCEL_REQUEST #4",
            "ORDER #6 i0 SELL 0.01 LIMIT @ 100.18");
    }

    @Test
    void fillsSkewTheQuotesAgainstTheInventoryAndTheLimitShrinksThenRemovesTheBid()
    {
        final CoreHarness h = harness(BASE + ",max-position=0.015");
        book(h);
        h.feed(h.events.trade(BTC, "99.89", "0.05", Side.BUY));   // prints through our bid
        assertThat(h.core.strategies().get(0).position(BTC)).isEqualTo(q("0.01"));

        // Long 0.01 of 0.015: r = 2/3, skew 10 bps x 2/3 = 6.66665 bps (to the half unit). Mid 100.00:
        // bid 100 x (1 - 0.0010 - 0.000666665) = 99.833... -> 99.83, size min(0.01, 0.005) = 0.005;
        // ask 100 x (1 + 0.0010 - 0.000666665) = 100.033... -> 100.04, replacing 100.10.
        h.bookUpdate(BTC, "bid 99.89 1");
        // At max-position: no bid at all; the ask moves down the full skew to the mid, 100.00.
        h.feed(h.events.trade(BTC, "99.82", "0.05", Side.BUY));
        h.bookUpdate(BTC, "bid 99.89 2");
        // Sold 0.01: long 0.005, r = 1/3, skew 3.33335 bps: bid 99.8666... -> 99.86, ask 100.0666... -> 100.07.
        h.feed(h.events.trade(BTC, "100.01", "0.05", Side.SELL));
        h.bookUpdate(BTC, "bid 99.89 3");

        assertThat(h.outputs.lines()).containsExactlyElementsOf(lines(
            quotesAtTheFirstBook(1),
            "FILL #1 i0 BUY 0.01 @ 99.9",
            "ORDER #3 i0 BUY 0.005 LIMIT @ 99.83",
            "CANCEL_REQUEST #2",
            "ORDER #4 i0 SELL 0.01 LIMIT @ 100.04",
            "CANCEL #2 i0 0.01",
            "ACCEPTED #3",
            "ACCEPTED #4",
            "FILL #3 i0 BUY 0.005 @ 99.83",
            "CANCEL_REQUEST #4",
            "ORDER #5 i0 SELL 0.01 LIMIT @ 100",
            "CANCEL #4 i0 0.01",
            "ACCEPTED #5",
            "FILL #5 i0 SELL 0.01 @ 100",
            "ORDER #6 i0 BUY 0.01 LIMIT @ 99.86",
            "ORDER #7 i0 SELL 0.01 LIMIT @ 100.07",
            "ACCEPTED #6",
            "ACCEPTED #7"));
        assertThat(h.outputs.decisions()).contains(
            "#3 quote-bid mid=100 desired_price=99.83 inventory=0.01 skew_bps=6.6666 spread_bps=20",  // 6.66665 printed to 4 decimals, half-even
            "#5 requote-ask mid=100 desired_price=100 inventory=0.015 skew_bps=10 spread_bps=20");
        assertThat(h.core.strategies().get(0).position(BTC)).isEqualTo(q("0.005"));
    }

    @Test
    void aPartialFillIsToppedUpToTheQuoteSize()
    {
        final CoreHarness h = harness(BASE + ",requote-ticks=5");
        book(h);
        h.feed(h.events.trade(BTC, "99.90", "2.004", Side.BUY));   // the 2 ahead of us, then 0.004 of ours
        // Long 0.004 of 0.04: skew 1 bp; bid 100 x (1 - 0.0011) = 99.89 (1 tick: not a move of 5), but the
        // 0.006 left is not the 0.01 wanted. The ask, 100.09, stays: 1 tick, same size.
        h.bookUpdate(BTC, "bid 99.89 1");
        assertThat(h.outputs.lines()).containsExactlyElementsOf(lines(
            quotesAtTheFirstBook(1),
            "FILL #1 i0 BUY 0.004 @ 99.9",
            "CANCEL_REQUEST #1",
            "ORDER #3 i0 BUY 0.01 LIMIT @ 99.89",
            "CANCEL #1 i0 0.006",
            "ACCEPTED #3"));
    }

    @Test
    void aStaleOrGappedFeedCancelsEveryQuoteUntilTheBookCanBeTrustedAgain()
    {
        final CoreHarness h = harness(BASE);
        book(h);
        h.outputs.clear();

        h.feed(h.events.feedStatus(BTC, EventType.FEED_STALE));
        h.bookUpdate(BTC, "bid 99.96 1");                          // stale: nothing new
        assertThat(h.outputs.lines()).containsExactlyElementsOf(bothCancelled(1));
        h.outputs.clear();

        h.feed(h.events.feedStatus(BTC, EventType.FEED_RECOVERED));
        assertThat(h.outputs.lines()).as("quotes wait for the next book message").isEmpty();
        h.bookUpdate(BTC, "bid 99.96 0");                          // mid 100.00 again
        assertThat(h.outputs.lines()).containsExactlyElementsOf(quotesAtTheFirstBook(3));
        h.outputs.clear();

        h.feed(h.events.feedStatus(BTC, EventType.FEED_GAP));
        h.feed(h.events.feedStatus(BTC, EventType.FEED_RECOVERED));
        h.bookUpdate(BTC, "ask 100.04 1");                          // the book is unsynced until a snapshot
        assertThat(h.outputs.lines()).containsExactlyElementsOf(bothCancelled(3));
        h.outputs.clear();

        book(h);
        assertThat(h.outputs.lines()).containsExactlyElementsOf(quotesAtTheFirstBook(5));
    }

    @Test
    void quotesNothingOnAnUnsyncedOneSidedCrossedOrOtherBook()
    {
        final CoreHarness h = harness(BASE);
        h.bookUpdate(BTC, "bid 99.95 1", "ask 100.05 1");            // updates before any snapshot
        h.feed(h.events.bookLevel(BTC, Side.BUY, "99.95", "1", BookFlags.SNAPSHOT_BEGIN | BookFlags.END_OF_MESSAGE));
        h.feed(h.events.bookLevel(BTC, Side.SELL, "100.05", "1", BookFlags.END_OF_MESSAGE));  // snapshot not ended
        h.bookSnapshot(ETH, "bid 1899.9 1", "ask 1900.1 1");         // another instrument
        assertThat(h.outputs.lines()).isEmpty();

        h.bookSnapshot(BTC, "bid 99.95 1");                           // synced, but no asks
        h.bookSnapshot(BTC, "bid 100.05 1", "ask 100.05 1");          // synced, but crossed
        assertThat(h.outputs.lines()).isEmpty();

        book(h);
        assertThat(h.outputs.lines()).startsWith("ORDER #1 i0 BUY 0.01 LIMIT @ 99.9");
    }

    @Test
    void quotesTheConfiguredInstrument()
    {
        final CoreHarness h = harness("market-maker:instrument=ETH-USD,spread-bps=20,quantity=0.5");
        book(h);
        // 1900.00 x (1 -+ 0.0010) = 1898.10 and 1901.90.
        h.bookSnapshot(ETH, "bid 1899.95 1", "ask 1900.05 1");
        assertThat(h.outputs.lines()).containsExactly(
            "ORDER #1 i1 BUY 0.5 LIMIT @ 1898.1",
            "ORDER #2 i1 SELL 0.5 LIMIT @ 1901.9",
            "ACCEPTED #1",
            "ACCEPTED #2");
    }

    @Test
    void aQuoteIsNotReplacedSoonerThanTheMinimumInterval()
    {
        final CoreHarness h = harness(BASE + ",min-requote-ms=500");
        book(h);
        h.outputs.clear();
        h.bookUpdate(BTC, "bid 100.00 1", "ask 100.05 0");           // 1 ms later: too soon
        assertThat(h.outputs.lines()).isEmpty();
        h.advanceMillis(500);
        h.bookUpdate(BTC, "bid 100.00 2");
        assertThat(h.outputs.lines()).containsExactlyElementsOf(REQUOTED_AT_MID_100_05);
    }

    @Test
    void aRefusedQuoteWaitsASecondBeforeTheSideQuotesAgain()
    {
        final CoreHarness h = harness(BASE);
        book(h);
        // Flatten: REDUCING and every quote cancelled; flat, neither new quote reduces, so risk refuses both.
        h.feed(h.events.command(CommandCode.FLATTEN));
        h.bookUpdate(BTC, "bid 99.96 1");
        h.bookUpdate(BTC, "bid 99.96 2");                            // within the second: not asked again
        h.advanceMillis(1_000);
        h.feed(h.events.command(CommandCode.RESUME));
        h.bookUpdate(BTC, "bid 99.96 0");
        assertThat(h.outputs.lines()).containsExactlyElementsOf(lines(
            quotesAtTheFirstBook(1),
            bothCancelled(1),
            "REJECT #3 i0 BUY 0.01 TRADING_REDUCING",
            "REJECT #4 i0 SELL 0.01 TRADING_REDUCING",
            quotesAtTheFirstBook(5)));
    }

    @Test
    void whileHaltedItQuotesNothingAndQuotesAgainOnResume()
    {
        final CoreHarness h = harness(BASE);
        book(h);
        h.feed(h.events.command(CommandCode.KILL));
        h.bookUpdate(BTC, "bid 99.96 1");
        h.advanceMillis(5_000);
        h.bookUpdate(BTC, "bid 99.96 2");
        assertThat(h.outputs.lines()).noneMatch(line -> line.startsWith("REJECT"));
        h.feed(h.events.command(CommandCode.RESUME));
        h.bookUpdate(BTC, "bid 99.96 0");
        assertThat(h.outputs.lines()).containsExactlyElementsOf(lines(
            quotesAtTheFirstBook(1),
            bothCancelled(1),
            quotesAtTheFirstBook(3)));
    }

    @Test
    void everyParameterProblemIsListedAtOnceNamingTheStrategyAndTheParameter()
    {
        assertThatThrownBy(() -> harness("market-maker:spread-bps=wide,quantity=0.01,max-position=0.005,skew=3"))
            .isInstanceOfSatisfying(StrategyConfigException.class, ex -> assertThat(ex.problems()).containsExactly(
                "strategy 'mm' (market-maker): parameter 'spread-bps' = 'wide': expected a number from 0 to 1000",
                "strategy 'mm' (market-maker): max-position (0.005) must be at least quantity (0.01): no quote would fit",
                "strategy 'mm' (market-maker): unknown parameter 'skew' (known: instrument, spread-bps, quantity, " +
                    "max-position, skew-bps, requote-ticks, min-requote-ms)"));

        assertThatThrownBy(() -> harness("market-maker:instrument=DOGE-USD,spread-bps=0,quantity=-1,requote-ticks=0," +
            "skew-bps=x,min-requote-ms=1.5"))
            .isInstanceOfSatisfying(StrategyConfigException.class, ex -> assertThat(ex.problems()).containsExactly(
                "strategy 'mm' (market-maker): parameter 'instrument' = 'DOGE-USD': not a configured product " +
                    "(configured: BTC-USD, ETH-USD)",
                "strategy 'mm' (market-maker): parameter 'quantity' = '-1': expected a positive quantity such as 0.01",
                "strategy 'mm' (market-maker): parameter 'skew-bps' = 'x': expected a number from 0 to 1000",
                "strategy 'mm' (market-maker): parameter 'requote-ticks' = '0': expected an integer from 1 to 1000000",
                "strategy 'mm' (market-maker): parameter 'min-requote-ms' = '1.5': expected an integer from 0 to 3600000",
                "strategy 'mm' (market-maker): parameter 'spread-bps' = '0': expected a spread above 0 " +
                    "(at least 0.0001 bps)"));
    }

    @Test
    void isRegisteredByName()
    {
        assertThat(BuiltInStrategies.find("market-maker")).isSameAs(MarketMaker.DEFINITION);
        assertThat(BuiltInStrategies.types()).contains(MarketMaker.NAME);
    }

    @Test
    void theSameEventsGiveTheSameOrdersDecisionsAndState()
    {
        final CoreHarness first = harness(BASE);
        new RandomBookWalk(first, BTC, 42, c -> { }).run(2_000);
        final CoreHarness second = harness(BASE);
        new RandomBookWalk(second, BTC, 42, c -> { }).run(2_000);

        assertThat(first.outputs.count("fill")).as("the walk trades").isGreaterThan(10);
        assertSameRun(first, second);

        final CoreHarness other = harness(BASE);
        new RandomBookWalk(other, BTC, 43, c -> { }).run(2_000);
        assertThat(other.core.stateHash()).isNotEqualTo(first.core.stateHash());
    }

    @Test
    void randomBookWalksKeepOneRestingQuoteASideUncrossedOnTheTickAndInsideTheLimit()
    {
        final String[] specs = {BASE, "market-maker:spread-bps=8,quantity=0.01,max-position=0.03,requote-ticks=2",
            "market-maker:spread-bps=5,quantity=0.007,skew-bps=12"};
        final long tick = q("0.01");
        for (final String spec : specs)
        {
            int runsAtTheLimit = 0;
            for (long seed = 1; seed <= 4; seed++)
            {
                final CoreHarness h = harness(spec);
                final long maxPosition = strategy(h).maxPosition();
                final long[] largest = new long[1];
                final String what = spec + " seed " + seed;
                new RandomBookWalk(h, BTC, seed, c -> {
                    final StrategyRunner runner = c.core.strategies().get(0);
                    int bids = 0;
                    int asks = 0;
                    long bid = 0;
                    long ask = 0;
                    for (int i = 0; i < runner.openOrderCount(); i++)
                    {
                        final Order order = runner.openOrder(i);
                        assertThat(order.limitPrice() % tick).as(what + ": on the tick").isZero();
                        if (order.side() == Side.BUY)
                        {
                            bids++;
                            bid = order.limitPrice();
                        }
                        else
                        {
                            asks++;
                            ask = order.limitPrice();
                        }
                    }
                    assertThat(bids).as(what + ": working bids").isLessThanOrEqualTo(1);
                    assertThat(asks).as(what + ": working asks").isLessThanOrEqualTo(1);
                    if (bids == 1 && asks == 1)
                    {
                        assertThat(bid).as(what + ": bid below ask").isLessThan(ask);
                    }
                    final long position = Math.abs(runner.position(BTC));
                    assertThat(position).as(what + ": |position| <= max-position").isLessThanOrEqualTo(maxPosition);
                    largest[0] = Math.max(largest[0], position);
                }).run(2_000);

                assertThat(h.outputs.count("reject")).as(what + ": never refused").isZero();
                final FeeLedger fills = h.core.execution().fees();
                for (long n = 0; n < fills.fillCount(); n++)
                {
                    assertThat(fills.liquidityAt(fills.slotOf(n))).as(what + ": quotes rest, never take").isEqualTo(Liquidity.MAKER);
                }
                assertThat(h.outputs.count("fill")).as(what + ": quotes fill").isGreaterThan(10);
                assertThat(h.outputs.decisions()).as(what + ": quotes move").anyMatch(d -> d.contains(" requote-"));
                assertThat(largest[0]).as(what + ": inventory builds up").isGreaterThanOrEqualTo(maxPosition / 2);
                runsAtTheLimit += largest[0] == maxPosition ? 1 : 0;
                for (final String line : h.outputs.lines())
                {
                    if (line.startsWith("ORDER "))
                    {
                        assertThat(q(line.substring(line.indexOf("@ ") + 2)) % tick).as(line).isZero();
                    }
                }
            }
            assertThat(runsAtTheLimit).as(spec + ": walks that reach max-position").isPositive();
        }
    }
}
