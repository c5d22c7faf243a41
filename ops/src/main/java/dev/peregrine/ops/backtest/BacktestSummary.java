package dev.peregrine.ops.backtest;

import dev.peregrine.journal.backtest.BacktestResult;
import dev.peregrine.journal.backtest.EquityStats;

import java.io.PrintWriter;
import java.time.Instant;

/** The summary {@code peregrine backtest} prints after a single run. */
public final class BacktestSummary
{
    private BacktestSummary()
    {
    }

    public static void print(final PrintWriter out, final BacktestResult r, final String data)
    {
        final double seconds = r.elapsedNanos() / 1e9;
        out.println("backtest: " + r.settings().strategies().get(0) + " on " + String.join(",", r.products()));
        out.println("data: " + data + " (" + r.format().cliName() + "), " + range(r));
        out.printf("events: %,d (%,d synthesized clocks) in %.2f s, %,.0f events/s%n", r.events(), r.clocks(), seconds,
            r.events() / Math.max(seconds, 1e-9));
        out.printf("orders: %,d, rejects: %,d, fills: %,d%n", r.orders(), r.rejects(), r.fills());
        for (final String run : r.rejectRuns())
        {
            out.println("REPEATED REJECTS: " + run);
        }
        out.printf("pnl (quote currency): net %.2f = realized %.2f (after fees %.2f) + unrealized %.2f%n", r.netPnl(),
            r.realizedPnl(), r.fees(), r.unrealizedPnl());
        out.printf("max drawdown: %.2f; sharpe: %.2f (per-minute equity changes, x sqrt(%,.0f))%n", r.maxDrawdown(),
            r.sharpe(), EquityStats.PERIODS_PER_YEAR);
        out.println("journal: " + r.journal());
        out.println("output-digest: " + r.outputDigestHex());
        out.println("state-hash: " + r.stateHashHex());
        out.println("assumptions:");
        for (final String line : r.assumptions())
        {
            out.println("  - " + line);
        }
        out.println("replay it: ./peregrine replay --journal " + r.journal());
        out.flush();
    }

    static String range(final BacktestResult r)
    {
        if (r.events() == 0)
        {
            return "no events in the time window";
        }
        return instant(r.firstEventNanos()) + " .. " + instant(r.lastEventNanos());
    }

    static String instant(final long epochNanos)
    {
        return Instant.ofEpochSecond(Math.floorDiv(epochNanos, 1_000_000_000L), Math.floorMod(epochNanos, 1_000_000_000L))
            .toString();
    }
}
