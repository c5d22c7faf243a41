package dev.peregrine.core.strategy.config;

import java.util.List;

/** Strategy configuration that cannot run: every problem found, each naming the strategy, the key and the value. */
public final class StrategyConfigException extends IllegalArgumentException
{
    private final List<String> problems;

    public StrategyConfigException(final List<String> problems)
    {
        super("strategy configuration has " + problems.size() + " problem" + (problems.size() == 1 ? "" : "s") + ":\n  " +
            String.join("\n  ", problems));
        this.problems = List.copyOf(problems);
    }

    public List<String> problems()
    {
        return problems;
    }
}
