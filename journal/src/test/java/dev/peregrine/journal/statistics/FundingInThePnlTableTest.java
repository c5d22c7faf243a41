package dev.peregrine.journal.statistics;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.order.OrderType;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** The PnL split with funding: the ledger sums the core's onFunding outputs per strategy and product, net subtracts it. */
class FundingInThePnlTableTest
{
    @Test
    void fundingIsItsOwnColumnAndComesOffTheNet()
    {
        final StrategyLedger ledger = new StrategyLedger(1, 1);
        // the engine's own order (no decision names a strategy): buy 0.5 at 40,000, fee 2
        ledger.onOrder(1, 0, Side.BUY, OrderType.MARKET, FixedPoint.parse("0.5"), 0, 1);
        ledger.onFill(1, 0, Side.BUY, FixedPoint.parse("0.5"), FixedPoint.parse("40000"), 2.0, 2);
        // two settlements: 0.5 x 40,000 x 0.0001 = 2 paid, then 0.5 x 40,000 x -0.00005 = -1 received
        ledger.onFunding(0, 0, FixedPoint.parse("0.5"), FixedPoint.parse("40000"), 10_000, 2.0, 3);
        ledger.onFunding(0, 0, FixedPoint.parse("0.5"), FixedPoint.parse("40000"), -5_000, -1.0, 4);

        assertThat(ledger.funding(0, 0)).isEqualTo(1.0);
        assertThat(ledger.published().funding(0, 0)).isEqualTo(1.0);
        // marked at 40,100: unrealized 0.5 x 100 = 50; net = 0 - 2 + 50 - 1 = 47
        final PnlTable table = PnlTable.of(ledger, List.of("engine", "carry"), List.of("BTCUSDT"), new double[]{40_100});
        final PnlRow row = table.byStrategyAndProduct().get(0);
        assertThat(row.funding()).isEqualTo(1.0);
        assertThat(row.unrealized()).isCloseTo(50.0, within(1e-9));
        assertThat(row.net()).isCloseTo(47.0, within(1e-9));
        assertThat(table.total().funding()).isEqualTo(1.0);
        assertThat(table.hasFunding()).isTrue();
        assertThat(table.note()).isEqualTo(PnlTable.NOTE_WITH_FUNDING);
        assertThat(table.lines()).anyMatch(l -> l.contains("unrealized +50.00, funding +1.00, net +47.00"));
    }

    @Test
    void aTableWithoutFundingPrintsAsBefore()
    {
        final StrategyLedger ledger = new StrategyLedger(1, 1);
        ledger.onOrder(1, 0, Side.BUY, OrderType.MARKET, FixedPoint.parse("1"), 0, 1);
        ledger.onFill(1, 0, Side.BUY, FixedPoint.parse("1"), FixedPoint.parse("100"), 0.0, 2);

        final PnlTable table = PnlTable.of(ledger, List.of("engine", "s"), List.of("BTC-USD"), new double[]{101});
        assertThat(table.hasFunding()).isFalse();
        assertThat(table.note()).isEqualTo(PnlTable.NOTE);
        assertThat(table.lines()).anyMatch(l -> l.contains("fees 0.00, unrealized +1.00, net +1.00; orders 1")).noneMatch(l -> l.contains("funding"));
    }
}
