package dev.peregrine.ops.summary;

import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.market.ImplausibleReason;
import dev.peregrine.core.metrics.CoreMetrics;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.risk.RejectReason;
import dev.peregrine.core.strategy.StrategyRunner;
import dev.peregrine.journal.statistics.StatisticsLines;
import dev.peregrine.ops.engine.LiveEngine;
import dev.peregrine.ops.metrics.LatencySidecar;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Locale;

/**
 * The human summary a run ({@code demo}, {@code run}) prints once its engine has stopped: events, orders,
 * positions, PnL, latencies, failures, and the {@code output-digest} and {@code state-hash} lines that a
 * replay of the journal reproduces.
 */
public final class SummaryLines
{
    private SummaryLines()
    {
    }

    /**
     * {@code market data dropped as impossible: 8 (out_of_range 4, outside_band 3, crossed_quote 1)}, from the
     * counters {@code /metrics} exports; null when nothing was dropped.
     */
    public static String marketDataDropped(final CoreMetrics m)
    {
        long total = 0;
        final StringBuilder reasons = new StringBuilder();
        for (final ImplausibleReason reason : ImplausibleReason.values())
        {
            final long count = m.marketDataDropped[reason.ordinal()].get();
            if (count > 0)
            {
                total += count;
                reasons.append(reasons.length() == 0 ? "" : ", ").append(reason.label()).append(' ').append(count);
            }
        }
        return total == 0 ? null : String.format(Locale.ROOT,
            "market data dropped as impossible: %,d (%s); never traded on (risk.market_data)", total, reasons);
    }

    /** Prints the summary of a stopped engine. */
    public static void print(final PrintWriter out, final LiveEngine engine, final LatencySidecar sidecar)
    {
        final CoreMetrics m = engine.coreMetrics();
        final PositionBook positions = engine.core().positions();
        final List<String> products = engine.settings().products();
        out.println("--- summary ---");
        out.printf(Locale.ROOT, "events %,d (trades %,d live + %,d snapshot, quotes %,d, clocks %,d); journal %,d events in %s%n",
            m.events.get(), m.trades.get(), m.snapshotTrades.get(), m.quotes.get(), m.clocks.get(), engine.journal().eventsWritten(),
            engine.journal().dir());
        out.printf(Locale.ROOT, "orders %d, fills %d, cancels %d, rejects %d%s, released after journaling %d%n",
            m.orders.get(), m.fills.get(), m.cancels.get(), m.totalRejects(), rejectReasons(m), m.ordersReleased.get());
        final String dropped = marketDataDropped(m);
        if (dropped != null)
        {
            out.println(dropped);
        }
        for (int i = 0; i < products.size(); i++)
        {
            out.printf(Locale.ROOT, "position %s %s (avg %.2f), realized before fees %+.2f, fees %.2f, unrealized %+.2f%n",
                products.get(i), FixedPoint.toString(positions.quantity(i)), positions.averagePrice(i),
                positions.realizedPnl(i), positions.fees(i), positions.unrealizedPnl(i, engine.core().market().markPrice(i)));
        }
        PerpetualSummary.lines(engine).forEach(out::println);
        engine.results().finalPnlTable().lines().forEach(out::println);
        StatisticsLines.of(engine.results().finalStatistics()).forEach(out::println);
        out.printf(Locale.ROOT, "pnl total %+.2f (realized %+.2f after %.2f fees, unrealized %+.2f)%n",
            positions.totalRealizedPnl() + engine.core().totalUnrealizedPnl(), positions.totalRealizedPnl(),
            positions.totalFees(), engine.core().totalUnrealizedPnl());
        for (final LatencySidecar.Series s : sidecar.series())
        {
            out.printf(Locale.ROOT, "%s: p50 %s p99 %s p99.9 %s max %s%n", s.displayName().replace('_', '-'),
                StatusLine.micros(sidecar.cumulativePercentile(s, 50)),
                StatusLine.micros(sidecar.cumulativePercentile(s, 99)),
                StatusLine.micros(sidecar.cumulativePercentile(s, 99.9)),
                StatusLine.micros(sidecar.cumulativePercentile(s, 100)));
        }
        if (engine.tradingSwitch().isHalted())
        {
            out.println("trading HALTED: " + engine.tradingSwitch().reason());
        }
        printFailure(out, "core error (trading halted)", engine.core().lastError());
        for (int i = 0; i < engine.core().strategies().count(); i++)
        {
            final StrategyRunner runner = engine.core().strategies().get(i);
            printFailure(out, "strategy '" + runner.name() + "' DISABLED, its orders cancelled, after", runner.failure());
        }
        out.println(engine.settings().paperVenue().describe());
        out.println("output-digest: " + engine.results().outputDigestHex());
        out.println("state-hash: " + engine.results().stateHashHex());
        out.println("replay it: ./peregrine replay --journal " + engine.journal().dir());
        out.flush();
    }

    /** {@code " (reason n, reason m)"} for the reject reasons counted, or empty. */
    private static String rejectReasons(final CoreMetrics m)
    {
        final StringBuilder rejects = new StringBuilder();
        for (final RejectReason reason : RejectReason.values())
        {
            final long count = m.rejects[reason.ordinal()].get();
            if (count > 0)
            {
                rejects.append(rejects.length() == 0 ? " (" : ", ").append(reason.label()).append(' ').append(count);
            }
        }
        if (rejects.length() > 0)
        {
            rejects.append(')');
        }
        return rejects.toString();
    }

    /** An exception the core contained, with its stack: printed here, never on the core thread. */
    private static void printFailure(final PrintWriter out, final String what, final Throwable failure)
    {
        if (failure != null)
        {
            out.println(what + ": " + failure);
            final StringWriter trace = new StringWriter();
            failure.printStackTrace(new PrintWriter(trace));
            out.print(trace);
        }
    }
}
