package dev.peregrine.ops;

import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every alert rule of {@code ops/prometheus/alerts.yml} carries a {@code runbook_url} annotation that points at a
 * heading of {@code docs/alerts-runbook.md}, and that heading's section tells the operator what to check and what
 * to do. Links from the runbook to other pages of {@code docs/} must land on a heading that exists, so an alert
 * never sends someone at 3 a.m. to a dead anchor.
 */
class AlertRunbookTest
{
    static final String RUNBOOK = "docs/alerts-runbook.md";
    private static final Pattern HEADING = Pattern.compile("(?m)^#{1,6} (.+)$");
    private static final Pattern DOC_LINK = Pattern.compile("\\]\\(([a-z0-9-]+\\.md)(?:#([a-z0-9-]+))?\\)");

    @Test
    void everyAlertHasARunbookUrlToAnAnchorWithCheckAndDo() throws Exception
    {
        final Map<String, Map<String, Object>> rules = alertRules(ObservabilityFiles.prometheusDir().resolve("alerts.yml"));
        assertThat(rules).hasSizeGreaterThanOrEqualTo(25);
        final String runbook = Files.readString(docs().resolve("alerts-runbook.md"));
        final Map<String, String> sections = sectionsByAnchor(runbook);
        final List<String> problems = new ArrayList<>();
        for (final Map.Entry<String, Map<String, Object>> rule : rules.entrySet())
        {
            final String name = rule.getKey();
            @SuppressWarnings("unchecked")
            final Map<String, Object> annotations = (Map<String, Object>)rule.getValue().getOrDefault("annotations", Map.of());
            final Object url = annotations.get("runbook_url");
            final String expected = RUNBOOK + "#" + name.toLowerCase(Locale.ROOT);
            if (!expected.equals(url))
            {
                problems.add(name + ": runbook_url is " + url + ", expected " + expected + " (add it under annotations)");
                continue;
            }
            final String section = sections.get(name.toLowerCase(Locale.ROOT));
            if (section == null)
            {
                problems.add(name + ": no heading '### " + name + "' in " + RUNBOOK);
                continue;
            }
            if (!section.contains("\n- **Check** ") || !section.contains("\n- **Do** "))
            {
                problems.add(name + ": its runbook section lacks a '- **Check**' or a '- **Do**' entry");
            }
            if (!section.contains("`" + expression(rule.getValue()) + "`"))
            {
                problems.add(name + ": its runbook section does not quote the rule's current expression");
            }
        }
        assertThat(problems).as("alerts whose runbook entry is missing or stale").isEmpty();
        // No section for an alert that no longer exists.
        for (final String anchor : sections.keySet())
        {
            if (anchor.startsWith("peregrine") && !anchor.startsWith("peregrine-"))
            {
                assertThat(rules.keySet().stream().map(n -> n.toLowerCase(Locale.ROOT)))
                    .as("runbook section #%s has a rule", anchor).contains(anchor);
            }
        }
    }

    @Test
    void theRunbooksLinksToOtherPagesLandOnExistingHeadings() throws Exception
    {
        final String runbook = Files.readString(docs().resolve("alerts-runbook.md"));
        final Matcher link = DOC_LINK.matcher(runbook);
        int checked = 0;
        while (link.find())
        {
            final Path target = docs().resolve(link.group(1));
            assertThat(target).as("page linked from the runbook").exists();
            if (link.group(2) != null)
            {
                assertThat(sectionsByAnchor(Files.readString(target))).as("anchors of %s", link.group(1))
                    .containsKey(link.group(2));
            }
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(3);
    }

    /** The rules by alert name, from the real YAML (not a regex over it). */
    @SuppressWarnings("unchecked")
    static Map<String, Map<String, Object>> alertRules(final Path file) throws Exception
    {
        final Map<String, Object> root = new Yaml().load(Files.readString(file));
        final Map<String, Map<String, Object>> rules = new LinkedHashMap<>();
        for (final Map<String, Object> group : (List<Map<String, Object>>)root.get("groups"))
        {
            for (final Map<String, Object> rule : (List<Map<String, Object>>)group.get("rules"))
            {
                assertThat(rules.put((String)rule.get("alert"), rule)).as("alert %s defined once", rule.get("alert")).isNull();
            }
        }
        return rules;
    }

    /** A rule's expression on one line, as the runbook quotes it. */
    private static String expression(final Map<String, Object> rule)
    {
        return String.valueOf(rule.get("expr")).strip().replaceAll("\\s+", " ");
    }

    /** Each heading's anchor (GitHub's rule: lower case, punctuation dropped, spaces to dashes) to its section's text. */
    static Map<String, String> sectionsByAnchor(final String markdown)
    {
        final Map<String, String> sections = new LinkedHashMap<>();
        final Matcher heading = HEADING.matcher(markdown);
        String anchor = null;
        int start = 0;
        while (heading.find())
        {
            if (anchor != null)
            {
                sections.put(anchor, markdown.substring(start, heading.start()));
            }
            anchor = heading.group(1).strip().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9 _-]", "").replace(' ', '-');
            start = heading.end();
        }
        if (anchor != null)
        {
            sections.put(anchor, markdown.substring(start));
        }
        return sections;
    }

    static Path docs()
    {
        return ObservabilityFiles.opsDir().getParent().resolve("docs");
    }
}
