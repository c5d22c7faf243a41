package dev.peregrine.ops.config;

import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The configuration file as a tree of maps (SnakeYAML's safe loader, duplicate keys refused). */
final class YamlTree
{
    private YamlTree()
    {
    }

    /** The file as a tree of maps; null (with the problem recorded) when it cannot be read or is not a mapping. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> parse(final Path file, final List<ConfigProblem> problems)
    {
        final LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        final Yaml yaml = new Yaml(new SafeConstructor(options));
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8))
        {
            final Object loaded = yaml.load(reader);
            if (loaded == null)
            {
                return new LinkedHashMap<>();
            }
            if (!(loaded instanceof Map))
            {
                problems.add(new ConfigProblem(file.toString(), "a " + loaded.getClass().getSimpleName(),
                    "a YAML mapping of sections (" + String.join(", ", DaemonConfigLoader.SECTIONS) + ")"));
                return null;
            }
            final Map<String, Object> tree = new LinkedHashMap<>();
            ((Map<Object, Object>) loaded).forEach((k, v) -> tree.put(String.valueOf(k), v));
            return tree;
        }
        catch (final IOException ex)
        {
            problems.add(new ConfigProblem(file.toString(), null, "a readable YAML file (" + ex.getClass().getSimpleName() + ")"));
            return null;
        }
        catch (final MarkedYAMLException ex)
        {
            // The problem and its position only: the parser's snippet of the line might hold a pasted secret.
            problems.add(new ConfigProblem(file + ":" + (ex.getProblemMark().getLine() + 1) + ":" +
                (ex.getProblemMark().getColumn() + 1), "invalid YAML (" + ex.getProblem() + ")", "valid YAML"));
            return null;
        }
        catch (final YAMLException ex)
        {
            problems.add(new ConfigProblem(file.toString(), "invalid YAML", "valid YAML"));
            return null;
        }
    }
}
