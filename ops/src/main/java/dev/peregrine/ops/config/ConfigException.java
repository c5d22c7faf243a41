package dev.peregrine.ops.config;

import java.util.List;

/** Every problem of a configuration at once: thrown before anything connects, so a run starts clean or not at all. */
public final class ConfigException extends RuntimeException
{
    private final List<ConfigProblem> problems;

    public ConfigException(final List<ConfigProblem> problems)
    {
        super(describe(problems));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems()
    {
        return problems;
    }

    private static String describe(final List<ConfigProblem> problems)
    {
        final StringBuilder sb = new StringBuilder();
        sb.append(problems.size()).append(problems.size() == 1 ? " configuration problem:" : " configuration problems:");
        for (final ConfigProblem problem : problems)
        {
            sb.append("\n  ").append(problem);
        }
        return sb.toString();
    }
}
