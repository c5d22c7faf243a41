package dev.peregrine.journal.backtest;

import java.util.List;

/**
 * A backtest that cannot start: every problem with what was asked (format, product, strategy and its
 * parameters, time window, folders) found before anything is read or written, listed at once.
 */
public final class BacktestException extends RuntimeException
{
    private static final long serialVersionUID = 1L;
    private final List<String> problems;

    public BacktestException(final List<String> problems)
    {
        super(problems.size() == 1 ? problems.get(0) :
            "backtest has " + problems.size() + " problems:\n  " + String.join("\n  ", problems), null, false, false);
        this.problems = List.copyOf(problems);
    }

    public List<String> problems()
    {
        return problems;
    }
}
