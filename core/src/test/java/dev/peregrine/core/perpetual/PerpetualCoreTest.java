package dev.peregrine.core.perpetual;

import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.output.OutputDigest;
import dev.peregrine.core.output.OutputFanOut;
import dev.peregrine.core.snapshot.StateReader;
import dev.peregrine.core.snapshot.StateWriter;
import dev.peregrine.core.strategy.Strategy;
import dev.peregrine.core.strategy.StrategyContext;
import dev.peregrine.core.strategy.config.NamedStrategy;
import dev.peregrine.core.testing.RecordingOutputs;
import org.agrona.concurrent.UnsafeBuffer;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static dev.peregrine.core.perpetual.PerpetualFixtures.d;
import static dev.peregrine.core.perpetual.PerpetualFixtures.funding;
import static dev.peregrine.core.perpetual.PerpetualFixtures.mark;
import static dev.peregrine.core.perpetual.PerpetualFixtures.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The core with perpetual inputs: marks revalue positions, funding is paid per holder (Binance USD-M: size x mark x
 * rate, long pays when the rate is positive), liquidation prints are counted, and all of it survives a snapshot.
 * Two strategies on BTCUSDT: "long" buys 0.5, "short" sells 0.2, at market on the first quote (frictionless paper
 * venue: the long fills at the ask 40,000.1, the short at the bid 39,999.9).
 */
class PerpetualCoreTest
{
    private static final double EPS = 1e-9;

    /** Buys or sells a fixed quantity of instrument 0 at market on its first quote, once. */
    private static final class OneOrder implements Strategy
    {
        private final StrategyContext context;
        private final int side;
        private final long quantity;
        private boolean sent;

        OneOrder(final StrategyContext context, final int side, final String quantity)
        {
            this.context = context;
            this.side = side;
            this.quantity = d(quantity);
        }

        @Override
        public void onQuote(final int instrumentId, final long timeNanos)
        {
            if (!sent && instrumentId == 0)
            {
                sent = true;
                context.submitMarketOrder(0, side, quantity);
            }
        }

        @Override
        public long hash(final long seed)
        {
            return dev.peregrine.core.output.Hash64.mix(seed, sent ? 1 : 0);
        }
    }

    private static List<NamedStrategy> longAndShort()
    {
        return List.of(new NamedStrategy("long", "custom", c -> new OneOrder(c, Side.BUY, "0.5")),
            new NamedStrategy("short", "custom", c -> new OneOrder(c, Side.SELL, "0.2")));
    }

    private final RecordingOutputs outputs = new RecordingOutputs();
    private final TradingCore core = PerpetualFixtures.core(
        PerpetualFixtures.settings(List.of("BTCUSDT", "ETHUSDT"), "10"), outputs, longAndShort());
    private final InboundEvent e = new InboundEvent();
    private long sequence;

    private void feed(final InboundEvent event)
    {
        core.onEvent(event, sequence++, true);
    }

    @Test
    void fundingIsPaidByTheLongAndReceivedByTheShortAtSizeTimesMarkTimesRate()
    {
        feed(quote(e, 0, "39999.9", "40000.1", 0));
        feed(mark(e, 0, "40010", "0.0001", 1));
        // s1: 0.5 x 1 x 40,000 x 0.0001 = 2 paid; s2: -0.2 x 40,000 x 0.0001 = -0.8 (received)
        feed(funding(e, 0, "40000", "0.0001", "0", 2));

        assertThat(outputs.lines()).filteredOn(l -> l.startsWith("FUNDING")).containsExactly(
            "FUNDING s1 i0 0.5 @ 40000 rate 0.0001 paid 2.0000",
            "FUNDING s2 i0 -0.2 @ 40000 rate 0.0001 paid -0.8000");
        final PerpetualState perpetuals = core.perpetuals();
        assertThat(perpetuals.funding().paid(1, 0)).isCloseTo(2.0, within(EPS));
        assertThat(perpetuals.funding().paid(2, 0)).isCloseTo(-0.8, within(EPS));
        assertThat(perpetuals.funding().totalPaid()).isCloseTo(1.2, within(EPS));
        assertThat(perpetuals.funding().settlements(0)).isEqualTo(1);
        assertThat(perpetuals.account().fundingPaid()).isCloseTo(1.2, within(EPS));
        // wallet: at the venue the sell of 0.2 at 39,999.9 closed part of the 0.5 bought at 40,000.1:
        // 0.2 x (39,999.9 - 40,000.1) = -0.04 realized; 10,000 - 0.04 - 1.2 funding = 9,998.76
        assertThat(perpetuals.account().walletBalance()).isCloseTo(9_998.76, within(1e-6));
        assertThat(core.strategies().get(0).context().funding(0)).isCloseTo(2.0, within(EPS));
        // what other threads read: the gauges the core published after the settlement
        final PublishedMargin published = perpetuals.published();
        assertThat(published.totalFundingPaid.get()).isCloseTo(1.2, within(EPS));
        assertThat(published.fundingPaid[0].get()).isCloseTo(1.2, within(EPS));
        assertThat(published.contracts[0].get()).isEqualTo(0.3);
        assertThat(published.markPrice[0].get()).isEqualTo(40_010.0);
        assertThat(published.markLagNanos[0].get()).isEqualTo(5_000_000.0); // the fixtures stamp venue time 5 ms earlier
        assertThat(published.walletBalance.get()).isCloseTo(9_998.76, within(1e-6));
        assertThat(published.fundingSettlements.get()).isEqualTo(1.0);

        // a negative rate: the short pays, the long receives
        feed(funding(e, 0, "40000", "-0.0002", "0", 3));
        assertThat(perpetuals.funding().paid(1, 0)).isCloseTo(2.0 - 4.0, within(EPS));   // 0.5 x 40,000 x -0.0002
        assertThat(perpetuals.funding().paid(2, 0)).isCloseTo(-0.8 + 1.6, within(EPS));  // -0.2 x 40,000 x -0.0002
    }

    @Test
    void theVenuesReportedFundingIsSplitOverTheHoldersByContracts()
    {
        feed(quote(e, 0, "39999.9", "40000.1", 0));
        // the venue says the account (0.3 long) paid 1.5: s1 0.5/0.3 of it = 2.5, s2 the rest = -1.0
        feed(funding(e, 0, "40000", "0.000125", "1.5", 1));

        assertThat(core.perpetuals().funding().paid(1, 0)).isCloseTo(2.5, within(EPS));
        assertThat(core.perpetuals().funding().paid(2, 0)).isCloseTo(-1.0, within(EPS));
        assertThat(core.perpetuals().funding().totalPaid()).isEqualTo(1.5);
        assertThat(outputs.count("funding")).isEqualTo(2);
    }

    @Test
    void aMarkRevaluesThePositionsAndTheMarginAccount()
    {
        feed(quote(e, 0, "39999.9", "40000.1", 0));
        final StrategyContext longs = core.strategies().get(0).context();
        // before any mark: the quote's mid, 40,000: 0.5 x (40,000 - 40,000.1) = -0.05
        assertThat(longs.unrealizedPnl(0)).isCloseTo(-0.05, within(1e-6));

        feed(mark(e, 0, "41000", "0.0001", 1));
        // at the venue's mark: 0.5 x (41,000 - 40,000.1) = 499.95; the account (0.3 net, entry averaged) likewise
        assertThat(longs.unrealizedPnl(0)).isCloseTo(499.95, within(1e-6));
        final MarginAccount account = core.perpetuals().account();
        assertThat(account.notional(0)).isCloseTo(0.3 * 41_000, within(1e-6));
        assertThat(account.initialMargin(0)).isCloseTo(0.3 * 41_000 / 10, within(1e-6));
        assertThat(core.market().markPrice(0)).isEqualTo(d("41000"));
        final MarkPrices marks = longs.markPrices();
        assertThat(marks.mark(0)).isEqualTo(d("41000"));
        assertThat(marks.fundingRate(0)).isEqualTo(10_000L);
        assertThat(marks.updates(0)).isEqualTo(1);
        assertThat(longs.markWindow(0).latest()).isEqualTo(d("41000"));
        assertThat(longs.perpetual(0)).isEqualTo(PerpetualFixtures.BTC_TERMS);
    }

    @Test
    void aReduceOnlyOrderLeavesWithTheVenuesFlagAndAnOrdinaryOneWithout()
    {
        feed(quote(e, 0, "39999.9", "40000.1", 0));
        assertThat(e.orderCount).isEqualTo(2);
        assertThat(e.orders[0].reduceOnly).isFalse();

        // the long strategy closes part of its 0.5 with a reduce-only market sell; its command goes in the slot of
        // the event the core saw last (the mark), as a strategy callback of that event would put it
        final StrategyContext longs = core.strategies().get(0).context();
        feed(mark(e, 0, "40000", "0.0001", 1));
        e.orderCount = 0;
        final long id = longs.submitReduceOnlyOrder(0, Side.SELL, d("0.2"), 0);
        assertThat(id).isPositive();
        assertThat(e.orderCount).isEqualTo(1);
        assertThat(e.orders[0].reduceOnly).isTrue();
        assertThat(e.orders[0].orderId).isEqualTo(id);
        assertThat(e.orders[0].quantity).isEqualTo(d("0.2"));
    }

    @Test
    void liquidationPrintsAreCountedAndAnInstrumentOutOfRangeIsUnknown()
    {
        e.clearInputs();
        e.type = EventType.LIQUIDATION;
        e.instrumentId = 1;
        e.price = d("2400");
        e.quantity = d("3.5");
        e.side = Side.SELL;
        e.eventTimeNanos = PerpetualFixtures.T0;
        feed(e);
        feed(e);
        e.instrumentId = 7;
        feed(e);

        assertThat(core.perpetuals().liquidationPrints(1)).isEqualTo(2);
        assertThat(core.perpetuals().liquidatedQuantity(1)).isEqualTo(d("7"));
        assertThat(core.strategies().get(0).context().liquidationPrints(1)).isEqualTo(2);
    }

    @Test
    void aCoreRestoredFromASnapshotHasTheSamePerpetualStateAndEndsTheSame()
    {
        final List<InboundEvent> events = new ArrayList<>();
        events.add(copy(quote(e, 0, "39999.9", "40000.1", 0)));
        events.add(copy(mark(e, 0, "40100", "0.0001", 1)));
        events.add(copy(funding(e, 0, "40100", "0.0001", "0", 2)));
        events.add(copy(mark(e, 1, "2500", "-0.0003", 3)));
        events.add(copy(mark(e, 0, "39500", "0.0002", 4)));
        events.add(copy(funding(e, 0, "39500", "0.0002", "0", 5)));
        final int cut = 3;

        final Engine full = new Engine();
        full.feed(events, 0, events.size());
        final Engine before = new Engine();
        before.feed(events, 0, cut);
        final StateWriter writer = new StateWriter();
        final int length = writer.write(before.roots());
        final byte[] bytes = new byte[length];
        writer.buffer().getBytes(0, bytes);

        final Engine after = new Engine();
        StateReader.read(new UnsafeBuffer(bytes), 0, length, after.roots());
        assertThat(after.core.stateHash()).isEqualTo(before.core.stateHash());
        assertThat(after.core.perpetuals().funding().paid(1, 0)).isEqualTo(before.core.perpetuals().funding().paid(1, 0));
        after.feed(events, cut, events.size());

        assertThat(after.core.stateHash()).isEqualTo(full.core.stateHash());
        assertThat(after.digest.value()).isEqualTo(full.digest.value());
        assertThat(after.core.perpetuals().account().marginBalance())
            .isEqualTo(full.core.perpetuals().account().marginBalance());
        // two settlements: 0.3 x 40,100 x 0.0001 + 0.3 x 39,500 x 0.0002 = 1.203 + 2.37 = 3.573
        assertThat(full.core.perpetuals().funding().totalPaid()).isCloseTo(3.573, within(1e-9));
    }

    private static InboundEvent copy(final InboundEvent event)
    {
        final InboundEvent c = new InboundEvent();
        c.copyInputsFrom(event);
        return c;
    }

    private static final class Engine
    {
        final OutputDigest digest = new OutputDigest();
        final TradingCore core = PerpetualFixtures.core(PerpetualFixtures.settings(List.of("BTCUSDT", "ETHUSDT"), "10"),
            new OutputFanOut(digest, new RecordingOutputs()), longAndShort());

        void feed(final List<InboundEvent> events, final int from, final int to)
        {
            final InboundEvent slot = new InboundEvent();
            for (int i = from; i < to; i++)
            {
                slot.copyInputsFrom(events.get(i));
                core.onEvent(slot, i, true);
            }
        }

        Object[] roots()
        {
            return new Object[]{core, digest};
        }
    }
}
