package dev.peregrine.bench;

/** Command-line settings of {@link HandoffComparison}; the defaults keep a run to a few minutes. */
final class ComparisonSettings
{
    int forks = 1;
    int warmupIterations = 3;
    int measurementIterations = 5;
    int iterationSeconds = 1;
    int capacity = 1024;
    String[] waitStrategies = {"YIELDING", "BUSY_SPIN"};
    boolean gcProfiler = true;

    static ComparisonSettings parse(final String[] args)
    {
        final ComparisonSettings settings = new ComparisonSettings();
        for (int i = 0; i < args.length; i++)
        {
            final String name = args[i];
            if ("--no-gc".equals(name))
            {
                settings.gcProfiler = false;
                continue;
            }
            if (i + 1 >= args.length)
            {
                throw new IllegalArgumentException(name + " needs a value; see the usage in HandoffComparison");
            }
            final String value = args[++i];
            switch (name)
            {
                case "--forks": settings.forks = positive(name, value); break;
                case "--warmup": settings.warmupIterations = Integer.parseInt(value); break;
                case "--iterations": settings.measurementIterations = positive(name, value); break;
                case "--time": settings.iterationSeconds = positive(name, value); break;
                case "--capacity": settings.capacity = positive(name, value); break;
                case "--wait-strategies": settings.waitStrategies = value.split(","); break;
                default:
                    throw new IllegalArgumentException("unknown option " + name +
                        "; known: --forks --warmup --iterations --time --capacity --wait-strategies --no-gc");
            }
        }
        return settings;
    }

    private static int positive(final String name, final String value)
    {
        final int parsed = Integer.parseInt(value);
        if (parsed < 1)
        {
            throw new IllegalArgumentException(name + " must be at least 1, was " + value);
        }
        return parsed;
    }
}
