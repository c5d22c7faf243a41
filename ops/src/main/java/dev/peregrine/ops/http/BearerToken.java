package dev.peregrine.ops.http;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The admin API's check of an {@code Authorization} header: the scheme {@code Bearer}, one space, then exactly
 * the token, byte for byte. Nothing is trimmed: a token with a space, a tab, a newline or any other byte
 * before or after it is a different token. (A header line's leading and trailing whitespace is not part of
 * its value in HTTP, so the server's parser drops that much before this check sees it.) The comparison
 * takes the same time whatever the candidate holds, so timing the answer reveals nothing of the token.
 */
final class BearerToken
{
    private static final String SCHEME = "Bearer ";

    private BearerToken()
    {
    }

    static boolean matches(final byte[] token, final String authorization)
    {
        if (authorization == null || !authorization.startsWith(SCHEME))
        {
            return false;
        }
        // isEqual's time depends on the first argument's length only: the token's, not the caller's.
        return MessageDigest.isEqual(token, authorization.substring(SCHEME.length()).getBytes(StandardCharsets.UTF_8));
    }
}
