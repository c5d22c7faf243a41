package dev.peregrine.core.engine;

import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.event.TradeFlags;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.strategy.Strategy;
import dev.peregrine.core.strategy.StrategyContext;
import dev.peregrine.core.strategy.config.BuiltInStrategies;
import dev.peregrine.core.strategy.config.NamedStrategy;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.core.testing.CoreHarness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Trades the venue sent as history ({@link TradeFlags#SNAPSHOT}) through the real core: they never fill a
 * paper order, reach only the strategies that opt in to warm up on them, move the last price, and are
 * counted apart from live trades.
 */
class SnapshotTradesTest
{
    private static final int BTC = 0;

    /** Places one resting bid when told to; records what reaches it. */
    private static final class Recorder implements Strategy
    {
        final StrategyContext context;
        final boolean warmsUp;
        final List<String> seen = new ArrayList<>();
        long bidAt;

        Recorder(final StrategyContext context, final boolean warmsUp)
        {
            this.context = context;
            this.warmsUp = warmsUp;
        }

        @Override
        public void onQuote(final int instrumentId, final long timeNanos)
        {
            if (bidAt > 0)
            {
                context.submitLimitOrder(instrumentId, Side.BUY, FixedPoint.parse("0.01"), bidAt);
                bidAt = 0;
            }
        }

        @Override
        public void onTrade(final int instrumentId, final long price, final long quantity, final int side, final long timeNanos)
        {
            seen.add("trade " + FixedPoint.toString(price));
        }

        @Override
        public void onSnapshotTrade(final int instrumentId, final long price, final long quantity, final int side,
            final long printedNanos)
        {
            if (warmsUp)
            {
                seen.add("snapshot " + FixedPoint.toString(price) + " printed " + printedNanos);
            }
        }

        @Override
        public long hash(final long seed)
        {
            return seed * 31 + seen.size();
        }
    }

    private final List<Recorder> recorders = new ArrayList<>();

    private CoreHarness harness(final boolean... warmsUp)
    {
        final long big = FixedPoint.parse("100");
        final EngineSettings settings = EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{FixedPoint.parse("0.01"), FixedPoint.parse("0.01")}).limits(new long[]{big, big}, new long[]{big, big}).paperVenue(PaperVenueSettings.FRICTIONLESS).build();
        final List<NamedStrategy> named = new ArrayList<>();
        for (int i = 0; i < warmsUp.length; i++)
        {
            final boolean warm = warmsUp[i];
            named.add(new NamedStrategy("s" + (i + 1), "recorder", context ->
            {
                final Recorder r = new Recorder(context, warm);
                recorders.add(r);
                return r;
            }));
        }
        return new CoreHarness(settings, named);
    }

    private static InboundEvent snapshot(final InboundEvent trade)
    {
        trade.flags = TradeFlags.SNAPSHOT;
        return trade;
    }

    @Test
    void aSnapshotTradeThroughARestingBidDoesNotFillItButALiveOneDoes()
    {
        final CoreHarness h = harness(false);
        recorders.get(0).bidAt = FixedPoint.parse("100");
        h.feed(h.events.quote(BTC, "99.5", "1", "100.5", "1"));
        assertThat(h.outputs.count("order")).isEqualTo(1);

        // Coinbase reports the maker side: BUY is a print against resting bids.
        h.feed(snapshot(h.events.trade(BTC, "99", "5", Side.BUY)));
        h.advanceMillis(10);
        assertThat(h.outputs.count("fill")).isZero();

        h.feed(h.events.trade(BTC, "99", "5", Side.BUY));
        h.advanceMillis(10);
        assertThat(h.outputs.count("fill")).isEqualTo(1);
    }

    @Test
    void snapshotTradesReachOnlyTheStrategyThatWarmsUpDatedWhenTheyPrinted()
    {
        final CoreHarness h = harness(false, true);
        final InboundEvent history = snapshot(h.events.trade(BTC, "101", "1", Side.BUY));
        final long printed = history.exchangeTimeNanos;
        h.feed(history);
        h.feed(h.events.trade(BTC, "102", "1", Side.BUY));

        assertThat(recorders.get(0).seen).containsExactly("trade 102");
        assertThat(recorders.get(1).seen).containsExactly("snapshot 101 printed " + printed, "trade 102");
    }

    @Test
    void snapshotTradesSetTheLastPriceAndAreCountedApartFromLiveTrades()
    {
        final CoreHarness h = harness(false);
        h.feed(snapshot(h.events.trade(BTC, "100", "1", Side.BUY)));
        h.feed(snapshot(h.events.trade(BTC, "101", "1", Side.BUY)));
        assertThat(h.core.market().lastPrice(BTC)).isEqualTo(FixedPoint.parse("101"));

        h.feed(h.events.trade(BTC, "103", "1", Side.BUY));
        final CoreMetrics m = h.metrics;
        assertThat(m.trades.get()).isEqualTo(1);
        assertThat(m.snapshotTrades.get()).isEqualTo(2);
        assertThat(h.core.market().lastPrice(BTC)).isEqualTo(FixedPoint.parse("103"));
    }

    @Test
    void theCrossoverWithWarmUpOnSnapshotTradesCanTradeOnItsFirstLiveTradeAndNeverOnHistory()
    {
        // fast 2, slow 3: three rising snapshot prints leave fast above slow; a live drop crosses below.
        assertThat(ordersAfterHistoryThenADrop("warm-up=snapshot")).isEqualTo(1);
        // Without warm-up the same live trade is only the first price of an empty window.
        assertThat(ordersAfterHistoryThenADrop("warm-up=none")).isZero();
    }

    private static long ordersAfterHistoryThenADrop(final String warmUp)
    {
        final long big = FixedPoint.parse("100");
        final EngineSettings settings = EngineSettings.builder(List.of("BTC-USD", "ETH-USD")).windows(2, 3).orderQuantity(new long[]{FixedPoint.parse("0.01"), FixedPoint.parse("0.01")}).limits(new long[]{big, big}, new long[]{big, big}).paperVenue(PaperVenueSettings.FRICTIONLESS).build();
        final List<NamedStrategy> strategies = BuiltInStrategies.configure(
            List.of(StrategySpec.parse("ma-crossover:fast=2,slow=3," + warmUp, "ma")), settings.products(),
            new long[]{FixedPoint.parse("0.01"), FixedPoint.parse("0.01")});
        final CoreHarness h = new CoreHarness(settings, strategies);
        h.feed(h.events.quote(BTC, "99.5", "1", "100.5", "1"));
        for (final String price : new String[]{"100", "101", "102", "103"})
        {
            h.feed(snapshot(h.events.trade(BTC, price, "1", Side.BUY)));
        }
        final long ordersOnHistory = h.outputs.count("order");
        assertThat(ordersOnHistory).as("orders caused by history").isZero();
        h.feed(h.events.trade(BTC, "90", "1", Side.SELL));
        return h.outputs.count("order");
    }
}
