package dev.peregrine.ops.cli;

import dev.peregrine.core.strategy.config.BuiltInStrategies;
import dev.peregrine.core.strategy.config.StrategyDefinition;
import dev.peregrine.core.strategy.config.StrategySpec;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Strategy options on the command line: {@code --strategy TYPE[:k=v,...]} specs, and the list of types. */
public final class StrategyListing
{
    private StrategyListing()
    {
    }

    /**
     * Parses repeated {@code --strategy} values. An instance without {@code name=} is named after its type,
     * with {@code -2}, {@code -3}... for the second and later of the same type.
     *
     * @param texts null or empty for none (the engine then runs its default crossover).
     * @throws IllegalArgumentException naming the spec that does not parse.
     */
    public static List<StrategySpec> parseSpecs(final List<String> texts)
    {
        final List<StrategySpec> specs = new ArrayList<>();
        if (texts == null)
        {
            return specs;
        }
        final Map<String, Integer> perType = new HashMap<>();
        for (final String text : texts)
        {
            final String type = text.contains(":") ? text.substring(0, text.indexOf(':')).trim() : text.trim();
            final int n = perType.merge(type, 1, Integer::sum);
            specs.add(StrategySpec.parse(text, n == 1 ? type : type + "-" + n));
        }
        return specs;
    }

    /** Every built-in type, what it does and its parameters with defaults. */
    public static void print(final PrintWriter out)
    {
        for (final StrategyDefinition definition : BuiltInStrategies.all())
        {
            out.println(definition.type() + ": " + definition.description());
            for (final String line : definition.parameterHelp())
            {
                out.println("    " + line);
            }
        }
        out.println("Use: --strategy TYPE[:name=NAME,key=value,...] (repeatable; each instance gets the next strategy id).");
        out.flush();
    }
}
