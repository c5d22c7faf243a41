package dev.peregrine.ops.backtest;

import dev.peregrine.journal.backtest.BacktestResult;
import dev.peregrine.journal.statistics.StatisticsLines;

import java.io.PrintWriter;
import java.time.Instant;

/** The summary {@code peregrine backtest} prints after a single run. */
public final class BacktestSummary
{
    private BacktestSummary()
    {
    }

    /** @param capital the base of the returns and the drawdown fraction, as {@code report --capital} */
    public static void print(final PrintWriter out, final BacktestResult r, final String data, final double capital)
    {
        final double seconds = r.elapsedNanos() / 1e9;
        out.println("backtest: " + r.settings().strategies().get(0) + " on " + String.join(",", r.products()));
        out.println("data: " + data + " (" + r.format().cliName() + "), " + range(r));
        out.printf("events: %,d (%,d synthesized clocks) in %.2f s, %,.0f events/s%n", r.events(), r.clocks(), seconds,
            r.events() / Math.max(seconds, 1e-9));
        out.printf("orders: %,d, rejects: %,d, fills: %,d%n", r.orders(), r.rejects(), r.fills());
        out.println("trading state: " + r.tradingState());
        out.println("fill: " + r.fillTally().describe() + " (" + r.settings().paperVenue().fillModel().cliName() +
            " fill model)");
        for (final String warning : r.warnings())
        {
            out.println(warning);
        }
        for (final String run : r.rejectRuns())
        {
            out.println("REPEATED REJECTS: " + run);
        }
        if (r.fundingPaid() != 0)
        {
            out.printf("pnl (quote currency): net %.2f = realized %.2f (after fees %.2f) + unrealized %.2f - funding %.2f%n",
                r.netPnl(), r.realizedPnl(), r.fees(), r.unrealizedPnl(), r.fundingPaid());
        }
        else
        {
            out.printf("pnl (quote currency): net %.2f = realized %.2f (after fees %.2f) + unrealized %.2f%n", r.netPnl(),
                r.realizedPnl(), r.fees(), r.unrealizedPnl());
        }
        r.pnl().lines().forEach(out::println);
        StatisticsLines.of(r.statistics().onCapital(capital)).forEach(out::println);
        out.println(r.journal() != null ? "journal: " + r.journal()
            : "journal: not kept (--keep-journal DIR or --report DIR keeps it; the digest is the one its replay prints)");
        out.println("output-digest: " + r.outputDigestHex());
        out.println("state-hash: " + r.stateHashHex());
        out.println("assumptions:");
        for (final String line : r.assumptions())
        {
            out.println("  - " + line);
        }
        if (r.journal() != null)
        {
            out.println("replay it: ./peregrine replay --journal " + r.journal());
        }
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
