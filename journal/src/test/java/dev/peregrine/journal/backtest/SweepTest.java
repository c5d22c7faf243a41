package dev.peregrine.journal.backtest;

import dev.peregrine.core.testing.TestProducts;
import dev.peregrine.core.execution.PaperVenueSettings;
import dev.peregrine.core.strategy.config.StrategySpec;
import dev.peregrine.journal.importer.TimeWindow;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SweepTest
{
    @TempDir
    Path dir;

    @Test
    void aTwoByTwoGridRunsInParallelAndEachRowEqualsItsCombinationRunAlone() throws IOException
    {
        final Path data = GeneratedCandles.write(dir.resolve("BTC-USD-1m.csv"), 300, 5);
        final BacktestRequest base = new BacktestRequest(TestProducts.CATALOG, data, null, null,
            StrategySpec.parse("trend-following:bar=1m", "trend-following"), TimeWindow.ALL, 1000, PaperVenueSettings.DEFAULT);
        final SweepGrid grid = SweepGrid.parse(List.of("fast=3,5", "slow=8,13"), base.strategy().params());
        assertEquals(4, grid.size());
        assertEquals(Map.of("fast", "3", "slow", "13"), grid.combination(1));
        final Sweep sweep = Sweep.plan(base, grid);
        final List<Sweep.Row> rows = sweep.run(dir.resolve("sweep"), 4);

        assertEquals(4, rows.size());
        for (final Sweep.Row row : rows)
        {
            final BacktestResult alone = Backtest.run(Backtest.plan(base.withStrategy(grid.spec(base.strategy(),
                row.number() - 1))), dir.resolve("alone-" + row.number()), null, null);
            final BacktestResult swept = row.result();
            assertEquals(dir.resolve("sweep").resolve(Integer.toString(row.number())), swept.journal());
            assertEquals(alone.outputDigestHex(), swept.outputDigestHex(), "combination " + row.combination());
            assertEquals(alone.stateHashHex(), swept.stateHashHex());
            assertEquals(alone.orders(), swept.orders());
            assertEquals(alone.fills(), swept.fills());
            assertEquals(alone.netPnl(), swept.netPnl());
            assertEquals(alone.sharpe(), swept.sharpe());
            assertEquals(alone.maxDrawdown(), swept.maxDrawdown());
        }
        assertTrue(rows.stream().map(r -> r.result().outputDigestHex()).distinct().count() > 1,
            "different parameters decide differently");

        final List<Sweep.Row> byPnl = Sweep.sorted(rows, SweepMetric.PNL);
        for (int i = 1; i < byPnl.size(); i++)
        {
            final Sweep.Row a = byPnl.get(i - 1);
            final Sweep.Row b = byPnl.get(i);
            assertTrue(a.result().netPnl() > b.result().netPnl() ||
                (a.result().netPnl() == b.result().netPnl() && a.number() < b.number()));
        }
    }

    @Test
    void rowsComeInGridOrderWithTheSameResultsOnAnyNumberOfWorkers() throws IOException
    {
        final Path data = GeneratedCandles.write(dir.resolve("BTC-USD-1m.csv"), 300, 9);
        final BacktestRequest base = new BacktestRequest(TestProducts.CATALOG, data, null, null,
            StrategySpec.parse("trend-following:bar=1m", "trend-following"), TimeWindow.ALL, 1000, PaperVenueSettings.DEFAULT);
        final SweepGrid grid = SweepGrid.parse(List.of("fast=2,3,5", "slow=8,13,21"), base.strategy().params());
        final List<Sweep.Row> one = Sweep.plan(base, grid).run(null, 1);
        final List<Sweep.Row> many = Sweep.plan(base, grid).run(null, Math.max(4, Runtime.getRuntime().availableProcessors()));
        assertEquals(9, many.size());
        for (int i = 0; i < one.size(); i++)
        {
            assertEquals(i + 1, many.get(i).number());
            assertEquals(one.get(i).combination(), many.get(i).combination());
            assertEquals(one.get(i).result().outputDigestHex(), many.get(i).result().outputDigestHex());
            assertEquals(one.get(i).result().stateHashHex(), many.get(i).result().stateHashHex());
            assertEquals(one.get(i).result().netPnl(), many.get(i).result().netPnl());
            assertEquals(null, many.get(i).result().journal(), "no folder given: no journal kept");
        }
    }

    @Test
    void badSweepsAreListedAtOnce()
    {
        final BacktestException e = assertThrows(BacktestException.class,
            () -> SweepGrid.parse(List.of("fast", "slow=8,,8", "bar=1m"), Map.of("bar", "1m")));
        assertEquals(List.of(
            "--sweep 'fast': expected key=v1,v2,...",
            "--sweep 'slow=8,,8': empty value",
            "--sweep 'slow=8,,8': value '8' given twice",
            "--sweep: key 'bar' is also fixed by --param or the strategy spec; give it in one place"), e.problems());
    }
}
