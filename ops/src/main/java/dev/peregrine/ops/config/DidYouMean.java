package dev.peregrine.ops.config;

import java.util.Collection;

/** The closest known key to a misspelt one (edit distance), so an unknown-key message can name the fix. */
final class DidYouMean
{
    private DidYouMean()
    {
    }

    /** " (did you mean 'x'?)" when a known key is within a third of the length in edits, else the known keys. */
    static String suggest(final String unknown, final Collection<String> known)
    {
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (final String candidate : known)
        {
            final int d = distance(unknown.toLowerCase(java.util.Locale.ROOT), candidate);
            if (d < bestDistance)
            {
                best = candidate;
                bestDistance = d;
            }
        }
        if (best != null && bestDistance <= Math.max(2, unknown.length() / 3))
        {
            return "a known key (did you mean '" + best + "'?)";
        }
        return "one of: " + String.join(", ", known);
    }

    static int distance(final String a, final String b)
    {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++)
        {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++)
        {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++)
            {
                final int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                current[j] = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
            }
            final int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
