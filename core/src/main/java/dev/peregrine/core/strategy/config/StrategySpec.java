package dev.peregrine.core.strategy.config;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One configured strategy as text: its name (unique in the engine), its type (a built-in strategy's
 * name) and its parameters, not yet validated. Parsed from {@code TYPE[:key=value,key=value...]} on the
 * command line, where the reserved key {@code name} names the instance.
 */
public final class StrategySpec
{
    private final String name;
    private final String type;
    private final Map<String, String> params;

    public StrategySpec(final String name, final String type, final Map<String, String> params)
    {
        this.name = name;
        this.type = type;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }

    /**
     * Parses {@code TYPE[:key=value,...]}.
     *
     * @param defaultName the name when the text has no {@code name=} (the caller makes names unique).
     * @throws IllegalArgumentException naming the text and what is wrong with it.
     */
    public static StrategySpec parse(final String text, final String defaultName)
    {
        final String trimmed = text.trim();
        final int colon = trimmed.indexOf(':');
        final String type = (colon < 0 ? trimmed : trimmed.substring(0, colon)).trim();
        if (type.isEmpty())
        {
            throw new IllegalArgumentException("strategy '" + text + "': no type before ':' (e.g. trend-following:fast=12)");
        }
        final Map<String, String> params = new LinkedHashMap<>();
        String name = null;
        if (colon >= 0)
        {
            for (final String part : trimmed.substring(colon + 1).split(","))
            {
                if (part.isBlank())
                {
                    continue;
                }
                final int eq = part.indexOf('=');
                if (eq <= 0)
                {
                    throw new IllegalArgumentException("strategy '" + text + "': parameter '" + part.trim() +
                        "' is not key=value");
                }
                final String key = part.substring(0, eq).trim();
                final String value = part.substring(eq + 1).trim();
                if ("name".equals(key))
                {
                    name = value;
                }
                else if (params.put(key, value) != null)
                {
                    throw new IllegalArgumentException("strategy '" + text + "': parameter '" + key + "' given twice");
                }
            }
        }
        return new StrategySpec(name == null || name.isEmpty() ? defaultName : name, type, params);
    }

    public String name()
    {
        return name;
    }

    public String type()
    {
        return type;
    }

    public Map<String, String> params()
    {
        return params;
    }

    /** The text form {@link #parse} reads back: {@code type:name=...,key=value,...}. */
    @Override
    public String toString()
    {
        final StringBuilder sb = new StringBuilder(type).append(":name=").append(name);
        params.forEach((k, v) -> sb.append(',').append(k).append('=').append(v));
        return sb.toString();
    }

    @Override
    public boolean equals(final Object o)
    {
        return o instanceof StrategySpec && o.toString().equals(toString());
    }

    @Override
    public int hashCode()
    {
        return toString().hashCode();
    }
}
