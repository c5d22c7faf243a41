package dev.peregrine.conformance;

/**
 * One line a conformance script prints: {@code PASS name} or {@code FAIL name: why}. Anything else the
 * script prints (a client's own logging) is not a check and parses to null.
 */
record CheckLine(boolean passed, String name, String why)
{
    /** The line as a check, or null when it is none. */
    static CheckLine parse(final String line)
    {
        if (line.startsWith("PASS ") && line.length() > 5)
        {
            return new CheckLine(true, line.substring(5).trim(), "");
        }
        if (line.startsWith("FAIL ") && line.length() > 5)
        {
            final String rest = line.substring(5);
            final int colon = rest.indexOf(": ");
            return colon < 0 ? new CheckLine(false, rest.trim(), "(no reason given)") :
                new CheckLine(false, rest.substring(0, colon).trim(), rest.substring(colon + 2).trim());
        }
        return null;
    }

    @Override
    public String toString()
    {
        return passed ? "PASS " + name : "FAIL " + name + ": " + why;
    }
}
