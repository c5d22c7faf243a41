package dev.peregrine.ops.report;

/** The one-line verdict of a comparison, the same in report.json, the HTML and on the console. */
public final class ComparisonText
{
    private ComparisonText()
    {
    }

    public static String summary(final Comparison c)
    {
        if (c.identical())
        {
            return "no differences: " + c.decisions() + " decisions match one for one";
        }
        return c.differenceCount() + " differences in " + c.decisions() + " vs " + c.otherDecisions() + " decisions: " +
            c.missing() + " missing, " + c.extra() + " extra, " + c.different() + " different (" + c.matched() + " match)";
    }
}
