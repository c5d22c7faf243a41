package dev.peregrine.ops.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code PEREGRINE_<PATH>=value} replaces the key at PATH, e.g. {@code PEREGRINE_PORTS_METRICS=9191} sets
 * {@code ports.metrics}. Keys hold underscores and dashes themselves ({@code max_position}, {@code BTC-USD}),
 * so the name is matched against the tree rather than split blindly: at each level the longest key whose
 * upper-case form (dashes as underscores) starts the rest of the name wins; what is left names a new leaf
 * (or a new top-level section from {@link DaemonConfigLoader#SECTIONS}). The value is read as a YAML scalar,
 * so {@code 9191} is a number and {@code true} a boolean. Applied in name order, so the result is deterministic.
 */
final class EnvironmentOverrides
{
    static final String PREFIX = "PEREGRINE_";
    /**
     * Variables of this prefix that are not paths: secrets, the launcher's JVM flags, and the test suite's switch that
     * turns a skipped external check into a failure (CI exports it, so a command run in that shell must not read it).
     */
    private static final Set<String> NOT_PATHS = Set.of("PEREGRINE_ADMIN_TOKEN", "PEREGRINE_JAVA_OPTS",
        "PEREGRINE_REQUIRE_EXTERNAL");

    private EnvironmentOverrides()
    {
    }

    /** Applies every override to {@code root}; returns the dotted paths it set (for the start-up line). */
    @SuppressWarnings("unchecked")
    static List<String> apply(final Map<String, Object> root, final Map<String, String> environment,
        final Set<String> sections)
    {
        final List<String> applied = new ArrayList<>();
        final Yaml scalar = new Yaml(new SafeConstructor(new LoaderOptions()));
        for (final Map.Entry<String, String> variable : new TreeMap<>(environment).entrySet())
        {
            final String name = variable.getKey();
            if (!name.startsWith(PREFIX) || NOT_PATHS.contains(name) || name.endsWith("_FILE") && isSecretFile(name))
            {
                continue;
            }
            String rest = name.substring(PREFIX.length());
            Map<String, Object> node = root;
            final StringBuilder path = new StringBuilder();
            while (true)
            {
                final String key = longestMatch(node.keySet(), rest, node == root ? sections : Set.of());
                if (key == null)
                {
                    key(path, rest.toLowerCase(Locale.ROOT));
                    node.put(rest.toLowerCase(Locale.ROOT), parse(scalar, variable.getValue()));
                    break;
                }
                key(path, key);
                rest = rest.length() == key.length() ? "" : rest.substring(key.length() + 1);
                if (rest.isEmpty())
                {
                    node.put(key, parse(scalar, variable.getValue()));
                    break;
                }
                final Object child = node.get(key);
                if (!(child instanceof Map))
                {
                    final Map<String, Object> created = new LinkedHashMap<>();
                    node.put(key, created);
                    node = created;
                }
                else
                {
                    node = (Map<String, Object>) child;
                }
            }
            applied.add(path + " (" + name + ")");
        }
        return applied;
    }

    /** Secret file names are read by {@link SecretSource}, not applied as paths. */
    private static boolean isSecretFile(final String name)
    {
        return name.equals("PEREGRINE_ADMIN_TOKEN_FILE");
    }

    private static void key(final StringBuilder path, final String key)
    {
        path.append(path.length() == 0 ? "" : ".").append(key);
    }

    private static String longestMatch(final Set<String> keys, final String rest, final Set<String> extra)
    {
        String best = null;
        for (final String key : concat(keys, extra))
        {
            final String upper = key.toUpperCase(Locale.ROOT).replace('-', '_').replace('.', '_');
            final boolean matches = rest.equals(upper) || rest.startsWith(upper + "_");
            if (matches && (best == null || key.length() > best.length()))
            {
                best = key;
            }
        }
        return best;
    }

    private static List<String> concat(final Set<String> a, final Set<String> b)
    {
        final List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    private static Object parse(final Yaml yaml, final String value)
    {
        try
        {
            final Object parsed = yaml.load(value);
            return parsed instanceof Map || parsed instanceof List ? value : parsed;
        }
        catch (final RuntimeException notYaml)
        {
            return value;
        }
    }
}
