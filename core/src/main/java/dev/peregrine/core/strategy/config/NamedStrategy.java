package dev.peregrine.core.strategy.config;

import dev.peregrine.core.strategy.StrategyFactory;

/** A strategy ready to build: its unique name, its type and its factory. */
public final class NamedStrategy
{
    private final String name;
    private final String type;
    private final StrategyFactory factory;

    public NamedStrategy(final String name, final String type, final StrategyFactory factory)
    {
        this.name = name;
        this.type = type;
        this.factory = factory;
    }

    public String name()
    {
        return name;
    }

    public String type()
    {
        return type;
    }

    public StrategyFactory factory()
    {
        return factory;
    }
}
