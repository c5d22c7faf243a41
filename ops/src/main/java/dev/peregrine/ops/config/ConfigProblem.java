package dev.peregrine.ops.config;

/**
 * One thing wrong with a configuration: where (a dotted path such as {@code risk.products.BTC-USD.max_position}),
 * what was found, and what was expected. A secret's value is never stored here, only its path.
 *
 * @param path     dotted path of the key, or the file itself for problems with the whole file.
 * @param found    what the file (or the environment) held, already redacted for secrets; null when missing.
 * @param expected what would have been accepted.
 */
public record ConfigProblem(String path, String found, String expected)
{
    @Override
    public String toString()
    {
        return path + ": " + (found == null ? "missing" : "was " + found) + "; expected " + expected;
    }
}
