package dev.peregrine.ops.report;

import dev.peregrine.core.engine.CoreAssembly;
import dev.peregrine.core.engine.EngineSettings;
import dev.peregrine.core.engine.TradingCore;
import dev.peregrine.core.engine.TradingSwitch;
import dev.peregrine.core.event.EventType;
import dev.peregrine.core.event.InboundEvent;
import dev.peregrine.core.event.Side;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.OutputAdapter;
import dev.peregrine.core.testing.PerpetualProducts;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The report's perpetual timeline, driven by a core fed marks, a market liquidation print and a settlement. */
class PerpetualTimelineTest
{
    private static final long T0 = 1_704_067_200_000_000_000L;

    @Test
    void settlementsAndLiquidationPrintsAreListedAsTheCoreAppliedThemWithTheSampledColumns()
    {
        final EngineSettings settings = EngineSettings.defaults(PerpetualProducts.CATALOG, List.of("BTCUSDT"), 1000)
            .withStrategies(List.of());
        final TradingCore core = CoreAssembly.build(PerpetualProducts.CATALOG, settings, new OutputAdapter()
        {
        }, new CoreMetrics(1), new TradingSwitch());
        final PerpetualTimeline timeline = new PerpetualTimeline(1);
        final InboundEvent e = new InboundEvent();
        long sequence = 0;

        event(e, EventType.MARK_PRICE, 1);
        e.markPrice = FixedPoint.parse("40010");
        e.fundingRate = FixedPoint.parse("0.0001");
        core.onEvent(e, sequence++, true);
        double[] columns = timeline.observe(e, core);
        assertEquals(0.0, columns[PerpetualTimeline.FUNDING]);
        assertEquals(0.0, columns[PerpetualTimeline.MARGIN_RATIO], "no position, no maintenance margin");
        assertEquals(0.0, columns[PerpetualTimeline.LEVERAGE]);

        event(e, EventType.LIQUIDATION, 2);
        e.side = Side.SELL;
        e.price = FixedPoint.parse("39900.5");
        e.quantity = FixedPoint.parse("1.25");
        core.onEvent(e, sequence++, true);
        timeline.observe(e, core);

        event(e, EventType.FUNDING_SETTLEMENT, 3);
        e.markPrice = FixedPoint.parse("40000");
        e.fundingRate = FixedPoint.parse("0.0001");
        core.onEvent(e, sequence++, true);
        columns = timeline.observe(e, core);
        assertEquals(0.0, columns[PerpetualTimeline.FUNDING], "flat: nothing paid");

        assertEquals(List.of(new PerpetualTimeline.Settlement(T0 + 3_000_000, 0, 10_000L, FixedPoint.parse("40000"), 0.0,
            0.0)), timeline.settlements());
        assertEquals(List.of(new PerpetualTimeline.LiquidationPrint(T0 + 2_000_000, 0, Side.SELL,
            FixedPoint.parse("39900.5"), FixedPoint.parse("1.25"))), timeline.liquidationPrints());
        assertEquals(1, timeline.liquidationPrintCount());
        assertEquals(-1, timeline.maxMarginRatioNanos());
        assertNull(timeline.account());

        timeline.finish(core);
        final PerpetualTimeline.Account account = timeline.account();
        assertEquals(10_000.0, account.collateral(), "the engine's default collateral");
        assertEquals(1, account.settlements());
        assertEquals(1, account.positions().size());
        assertEquals(1, account.positions().get(0).liquidationPrints());
        assertEquals(1, account.positions().get(0).settlements());
        assertEquals(40_010.0, account.positions().get(0).markPrice(), "valued at the venue's last mark");
    }

    private static void event(final InboundEvent e, final int type, final long millis)
    {
        e.clearInputs();
        e.type = type;
        e.instrumentId = 0;
        e.eventTimeNanos = T0 + millis * 1_000_000L;
        e.exchangeTimeNanos = e.eventTimeNanos;
    }
}
