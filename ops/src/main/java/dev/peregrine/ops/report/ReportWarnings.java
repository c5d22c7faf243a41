package dev.peregrine.ops.report;

import java.util.List;

/**
 * The loud lines of a report: orders cut short, rejects outnumbering orders, a clock span too long for the
 * tearsheet's hourly closes. The same rule and wording as
 * the backtest summary's ({@link dev.peregrine.journal.backtest.FillTally#warnings}), from the journal's replay.
 */
public final class ReportWarnings
{
    private ReportWarnings()
    {
    }

    public static List<String> of(final Report report)
    {
        final ExecutionStatistics execution = report.recorder().execution();
        final List<String> warnings = new java.util.ArrayList<>(execution.fillTally().warnings(execution.orders(),
            execution.rejectCount(), report.settings().paperVenue().fillModel().cliName()));
        if (report.closes() != null && report.closes().truncated())
        {
            warnings.add("the journal's event time spans more than " + PeriodCloses.MAX_HOURS / (24 * 366) + " years: the " +
                "tearsheet's period returns, calendar tables and benchmark stop after the first " + PeriodCloses.MAX_HOURS +
                " hours (the statistics above see every event)");
        }
        return warnings;
    }
}
