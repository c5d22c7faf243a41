package dev.peregrine.ops.report;

/**
 * report-charts.js, the page's chart script (zoom, pan, crosshair; see {@link SvgChart} for what it works
 * on), read once from the classpath to be inlined into report.html, so the page needs no network.
 */
final class ChartScript
{
    /** report-charts.js: zoom, pan and crosshair on the charts, inlined so the page needs no network. */
    static final String TEXT = read();

    private static String read()
    {
        try (java.io.InputStream in = ChartScript.class.getResourceAsStream("report-charts.js"))
        {
            if (in == null)
            {
                throw new IllegalStateException("report-charts.js is missing from the classpath beside ChartScript: " +
                    "rebuild the ops module (it is a resource of src/main/resources)");
            }
            // "</" would end the inline script early; the script has none, and this keeps it so.
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("</", "<\\/");
        }
        catch (final java.io.IOException e)
        {
            throw new java.io.UncheckedIOException("cannot read report-charts.js from the classpath", e);
        }
    }

    private ChartScript()
    {
    }
}
