package dev.peregrine.core.perpetual;

import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.output.Hash64;
import dev.peregrine.core.strategy.Strategy;
import dev.peregrine.core.strategy.StrategyContext;
import dev.peregrine.core.strategy.config.NamedStrategy;
import dev.peregrine.core.testing.RecordingOutputs;
import org.junit.jupiter.api.Test;

import java.util.List;

import static dev.peregrine.core.perpetual.PerpetualFixtures.d;
import static dev.peregrine.core.perpetual.PerpetualFixtures.funding;
import static dev.peregrine.core.perpetual.PerpetualFixtures.mark;
import static dev.peregrine.core.perpetual.PerpetualFixtures.quote;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * One funding time is settled once, whichever of its two live sources arrives first: the feed's settlement (fee 0,
 * the engine computes) and the venue's reported payment (fee = what the venue booked, no rate, no mark). Two
 * strategies on BTCUSDT: "long" buys 0.5 at 40,000.1, "short" sells 0.2 at 39,999.9 (account: 0.3 long).
 *
 * <p>Computed at mark 40,000, rate 0.0001: long 0.5 x 40,000 x 0.0001 = 2.0, short -0.2 x 40,000 x 0.0001 = -0.8,
 * total 1.2. The venue reports 1.5 paid for the same time. Split by contracts (0.5 and -0.2 of 0.3): long
 * 1.5 x 0.5 / 0.3 = 2.5, short the rest = -1.0. Either order ends at long 2.5, short -1.0, total 1.5.
 */
class FundingSettledOnceTest
{
    private static final double EPS = 1e-9;
    private static final long FUNDING_TIME = PerpetualFixtures.T0 + 60_000_000_000L;

    /** Buys or sells a fixed quantity of instrument 0 at market on its first quote, once. */
    private static final class Once implements Strategy
    {
        private final StrategyContext context;
        private final int side;
        private final long quantity;
        private boolean sent;

        Once(final StrategyContext context, final int side, final String quantity)
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
            return Hash64.mix(seed, sent ? 1 : 0);
        }
    }

    private final RecordingOutputs outputs = new RecordingOutputs();
    private final TradingCore core = PerpetualFixtures.core(PerpetualFixtures.settings(List.of("BTCUSDT", "ETHUSDT"), "10"),
        outputs, List.of(new NamedStrategy("long", "custom", c -> new Once(c, Side.BUY, "0.5")),
            new NamedStrategy("short", "custom", c -> new Once(c, Side.SELL, "0.2"))));
    private final InboundEvent e = new InboundEvent();
    private long sequence;

    private void open()
    {
        feed(quote(e, 0, "39999.9", "40000.1", 0));
        feed(mark(e, 0, "40010", "0.0001", 1)); // announces 0.0001 for the coming funding time
    }

    private void computed(final long millis)
    {
        funding(e, 0, "40000", "0.0001", "0", millis);
        e.exchangeTimeNanos = FUNDING_TIME;
        feed(e);
    }

    private void venueReported(final String paid, final long millis)
    {
        funding(e, 0, "0", "0", paid, millis); // the income row names no rate and no mark
        e.exchangeTimeNanos = FUNDING_TIME;
        feed(e);
    }

    private void feed(final InboundEvent event)
    {
        core.onEvent(event, sequence++, true);
    }

    private FundingLedger ledger()
    {
        return core.perpetuals().funding();
    }

    @Test
    void theVenuesFigureAfterTheComputedOneBooksTheDifferenceOverTheSameHolders()
    {
        open();
        computed(2);
        assertThat(ledger().totalPaid()).isCloseTo(1.2, within(EPS));
        venueReported("1.5", 3);

        // the correction: 1.5 - 1.2 = 0.3; long 0.3 x 0.5 / 0.3 = 0.5, short the rest = -0.2, at the computed rate/mark
        assertThat(outputs.lines()).filteredOn(l -> l.startsWith("FUNDING")).containsExactly(
            "FUNDING s1 i0 0.5 @ 40000 rate 0.0001 paid 2.0000",
            "FUNDING s2 i0 -0.2 @ 40000 rate 0.0001 paid -0.8000",
            "FUNDING s1 i0 0.5 @ 40000 rate 0.0001 paid 0.5000",
            "FUNDING s2 i0 -0.2 @ 40000 rate 0.0001 paid -0.2000");
        assertBooked();
        assertThat(ledger().latest().corrections()).isEqualTo(1);
        assertThat(ledger().latest().ignored()).isZero();

        venueReported("1.5", 4); // the same report again (a reconnect re-read)
        computed(5);             // and the feed's settlement again
        assertBooked();
        assertThat(ledger().latest().ignored()).isEqualTo(2);
        assertThat(core.perpetuals().published().fundingCorrections.get()).isEqualTo(1.0);
        assertThat(core.perpetuals().published().fundingIgnored.get()).isEqualTo(2.0);
    }

    @Test
    void aComputedSettlementAfterTheVenuesFigureIsIgnored()
    {
        open();
        venueReported("1.5", 2);
        computed(3);

        // booked once, the venue's figure; its rate is the one the latest mark announced, its mark the latest mark
        assertThat(outputs.lines()).filteredOn(l -> l.startsWith("FUNDING")).containsExactly(
            "FUNDING s1 i0 0.5 @ 40010 rate 0.0001 paid 2.5000",
            "FUNDING s2 i0 -0.2 @ 40010 rate 0.0001 paid -1.0000");
        assertBooked();
        assertThat(ledger().latest().corrections()).isZero();
        assertThat(ledger().latest().ignored()).isEqualTo(1);
    }

    @Test
    void aLaterFundingTimeIsSettledAgainAndAnOlderOneIgnored()
    {
        open();
        computed(2);
        funding(e, 0, "40000", "0.0001", "0", 3);
        e.exchangeTimeNanos = FUNDING_TIME + 60_000_000_000L; // the next funding time: 1.2 more
        feed(e);
        assertThat(ledger().totalPaid()).isCloseTo(2.4, within(EPS));
        venueReported("1.5", 4); // the first time's report, after the second was settled: too old to correct
        assertThat(ledger().totalPaid()).isCloseTo(2.4, within(EPS));
        assertThat(ledger().settlements(0)).isEqualTo(2);
        assertThat(ledger().latest().ignored()).isEqualTo(1);
    }

    private void assertBooked()
    {
        assertThat(ledger().paid(1, 0)).isCloseTo(2.5, within(EPS));
        assertThat(ledger().paid(2, 0)).isCloseTo(-1.0, within(EPS));
        assertThat(ledger().totalPaid()).isCloseTo(1.5, within(EPS));
        assertThat(ledger().settlements(0)).isEqualTo(1);
        assertThat(core.perpetuals().account().fundingPaid()).isCloseTo(1.5, within(EPS));
    }
}
