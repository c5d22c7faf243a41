package dev.peregrine.ops.report;

import java.util.List;

/**
 * The loud lines of a report: orders cut short, rejects outnumbering orders. The same rule and wording as
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
        return execution.fillTally().warnings(execution.orders(), execution.rejectCount(),
            report.settings().paperVenue().fillModel().cliName());
    }
}
