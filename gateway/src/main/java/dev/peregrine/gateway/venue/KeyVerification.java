package dev.peregrine.gateway.venue;

/**
 * The verdict of {@link Venue#verifyKeys}: whether the API key is usable, and the one line that says so or says
 * what is wrong (never the secret itself). The steps that passed on the way were reported as they passed.
 *
 * @param verdict what the key check concluded.
 * @param line    the closing line: the last passed step or why the call was skipped when {@link Verdict#USABLE},
 *                otherwise the problem; null when there is nothing to say (the check was interrupted).
 */
public record KeyVerification(Verdict verdict, String line)
{
    /** What a key check can conclude; each maps to one exit code of {@code verify-keys}. */
    public enum Verdict
    {
        /** The key is well formed and signs; the venue accepted it, or could not be reached to ask. */
        USABLE,
        /** The key is malformed, cannot sign, or the venue refused it: the user must fix the key. */
        BAD_KEY,
        /** Anything else: the venue answered with an error, or the check was interrupted. */
        FAILED
    }

    public static KeyVerification usable(final String line)
    {
        return new KeyVerification(Verdict.USABLE, line);
    }

    public static KeyVerification badKey(final String line)
    {
        return new KeyVerification(Verdict.BAD_KEY, line);
    }

    public static KeyVerification failed(final String line)
    {
        return new KeyVerification(Verdict.FAILED, line);
    }
}
