package dev.peregrine.core.engine;

/** The engine's version, recorded in every journal header so a journal says what wrote it. */
public final class EngineVersion
{
    public static final String VERSION = "0.1.0";

    private EngineVersion()
    {
    }
}
