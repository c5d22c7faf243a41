package dev.peregrine.core.strategy.config;

import java.util.List;

/**
 * A {@link StrategyDefinition} whose name, one-line description and parameter help are fixed text given
 * once; a built-in strategy adds only how it reads its parameters ({@link #configure}).
 */
public abstract class DescribedDefinition implements StrategyDefinition
{
    private final String type;
    private final String description;
    private final List<String> parameterHelp;

    /** @param parameterHelp {@code key=default: meaning} lines, in the order help lists them. */
    protected DescribedDefinition(final String type, final String description, final String... parameterHelp)
    {
        this.type = type;
        this.description = description;
        this.parameterHelp = List.of(parameterHelp);
    }

    @Override
    public final String type()
    {
        return type;
    }

    @Override
    public final String description()
    {
        return description;
    }

    @Override
    public final List<String> parameterHelp()
    {
        return parameterHelp;
    }
}
