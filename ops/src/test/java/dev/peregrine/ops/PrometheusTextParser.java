package dev.peregrine.ops;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A strict parser of the Prometheus text exposition format (version 0.0.4), for tests: it rejects
 * what Prometheus would reject (bad names, bad label syntax, unparsable values, samples of a family
 * before its TYPE, a family split in two, a histogram whose buckets are not cumulative or whose +Inf
 * bucket differs from its count) and returns the samples so tests can assert on values.
 */
final class PrometheusTextParser
{
    record Sample(String name, Map<String, String> labels, double value)
    {
    }

    private static final Pattern METRIC_NAME = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");
    private static final Pattern LABEL_NAME = Pattern.compile("[a-zA-Z_][a-zA-Z0-9_]*");
    private static final List<String> TYPES = List.of("counter", "gauge", "histogram", "summary", "untyped");

    private final Map<String, String> types = new HashMap<>();
    private final List<String> familyOrder = new ArrayList<>();
    private final List<Sample> samples = new ArrayList<>();

    static List<Sample> parse(final String text)
    {
        final PrometheusTextParser parser = new PrometheusTextParser();
        final String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++)
        {
            final String line = lines[i];
            if (line.isEmpty())
            {
                continue;
            }
            try
            {
                parser.line(line);
            }
            catch (final IllegalArgumentException ex)
            {
                throw new IllegalArgumentException("line " + (i + 1) + ": " + ex.getMessage() + ": " + line, ex);
            }
        }
        parser.checkHistograms();
        return parser.samples;
    }

    private void line(final String line)
    {
        if (line.startsWith("#"))
        {
            final String[] parts = line.split(" ", 4);
            if (parts.length >= 3 && ("HELP".equals(parts[1]) || "TYPE".equals(parts[1])))
            {
                require(METRIC_NAME.matcher(parts[2]).matches(), "bad metric name in " + parts[1]);
                if ("TYPE".equals(parts[1]))
                {
                    require(parts.length == 4 && TYPES.contains(parts[3]), "unknown type");
                    require(!types.containsKey(parts[2]), "second TYPE for " + parts[2]);
                    types.put(parts[2], parts[3]);
                }
            }
            return;
        }
        int i = 0;
        while (i < line.length() && line.charAt(i) != '{' && line.charAt(i) != ' ')
        {
            i++;
        }
        final String name = line.substring(0, i);
        require(METRIC_NAME.matcher(name).matches(), "bad metric name '" + name + "'");
        final Map<String, String> labels = new LinkedHashMap<>();
        if (i < line.length() && line.charAt(i) == '{')
        {
            i = labels(line, i + 1, labels);
        }
        require(i < line.length() && line.charAt(i) == ' ', "missing value");
        final String[] rest = line.substring(i + 1).trim().split(" ");
        require(rest.length == 1 || rest.length == 2, "extra fields after value");
        final double value = value(rest[0]);
        if (rest.length == 2)
        {
            Long.parseLong(rest[1]);
        }
        final String family = family(name);
        if (familyOrder.isEmpty() || !familyOrder.get(familyOrder.size() - 1).equals(family))
        {
            require(!familyOrder.contains(family), "family " + family + " appears in two groups");
            familyOrder.add(family);
        }
        final String type = types.get(family);
        require(type != null, "sample of " + family + " before its TYPE line");
        if ("counter".equals(type))
        {
            require(name.endsWith("_total") || name.endsWith("_created"), "counter sample without _total");
            require(value >= 0, "negative counter");
        }
        samples.add(new Sample(name, labels, value));
    }

    private static int labels(final String line, final int from, final Map<String, String> into)
    {
        int i = from;
        while (true)
        {
            if (line.charAt(i) == '}')
            {
                return i + 1;
            }
            final int eq = line.indexOf('=', i);
            require(eq > i, "label without '='");
            final String labelName = line.substring(i, eq);
            require(LABEL_NAME.matcher(labelName).matches(), "bad label name '" + labelName + "'");
            require(line.charAt(eq + 1) == '"', "label value not quoted");
            final StringBuilder value = new StringBuilder();
            int j = eq + 2;
            while (line.charAt(j) != '"')
            {
                char c = line.charAt(j);
                if (c == '\\')
                {
                    j++;
                    c = line.charAt(j);
                    require(c == '\\' || c == '"' || c == 'n', "bad escape in label value");
                    value.append(c == 'n' ? '\n' : c);
                }
                else
                {
                    value.append(c);
                }
                j++;
            }
            require(into.put(labelName, value.toString()) == null, "duplicate label " + labelName);
            i = j + 1;
            if (line.charAt(i) == ',')
            {
                i++;
            }
            else
            {
                require(line.charAt(i) == '}', "expected ',' or '}' after label");
            }
        }
    }

    private static double value(final String text)
    {
        switch (text)
        {
            case "+Inf": return Double.POSITIVE_INFINITY;
            case "-Inf": return Double.NEGATIVE_INFINITY;
            case "NaN": return Double.NaN;
            default:
                final Matcher m = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?").matcher(text);
                require(m.matches(), "bad value '" + text + "'");
                return Double.parseDouble(text);
        }
    }

    private String family(final String name)
    {
        for (final String suffix : new String[]{"_bucket", "_count", "_sum", "_total", "_created"})
        {
            if (name.endsWith(suffix))
            {
                final String base = name.substring(0, name.length() - suffix.length());
                if (types.containsKey(base))
                {
                    return base;
                }
            }
        }
        return name;
    }

    private void checkHistograms()
    {
        for (final Map.Entry<String, String> type : types.entrySet())
        {
            if (!"histogram".equals(type.getValue()))
            {
                continue;
            }
            // One series per label set (e.g. a stage label): buckets cumulative within it, +Inf equal to its count.
            final String family = type.getKey();
            final Map<Map<String, String>, Double> previous = new java.util.HashMap<>();
            final Map<Map<String, String>, Double> infinity = new java.util.HashMap<>();
            final Map<Map<String, String>, Double> count = new java.util.HashMap<>();
            for (final Sample sample : samples)
            {
                final Map<String, String> series = new java.util.TreeMap<>(sample.labels());
                if (sample.name().equals(family + "_bucket"))
                {
                    final String le = series.remove("le");
                    require(le != null, family + " bucket without le");
                    require(sample.value() >= previous.getOrDefault(series, 0.0),
                        family + series + " buckets are not cumulative at le=" + le);
                    previous.put(series, sample.value());
                    if ("+Inf".equals(le))
                    {
                        infinity.put(series, sample.value());
                    }
                }
                else if (sample.name().equals(family + "_count"))
                {
                    count.put(series, sample.value());
                }
            }
            require(!infinity.isEmpty(), family + " has no +Inf bucket");
            require(infinity.keySet().equals(count.keySet()), family + " series with +Inf " + infinity.keySet() +
                " differ from series with a count " + count.keySet());
            for (final Map.Entry<Map<String, String>, Double> inf : infinity.entrySet())
            {
                require(inf.getValue().equals(count.get(inf.getKey())),
                    family + inf.getKey() + " +Inf bucket " + inf.getValue() + " differs from count " + count.get(inf.getKey()));
            }
        }
    }

    private static void require(final boolean condition, final String message)
    {
        if (!condition)
        {
            throw new IllegalArgumentException(message);
        }
    }
}
