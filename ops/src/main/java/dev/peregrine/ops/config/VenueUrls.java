package dev.peregrine.ops.config;

import java.net.URI;
import java.util.List;

/** The venue section's URLs: read with a default, checked for scheme and host, and for TLS on the live profile. */
final class VenueUrls
{
    private VenueUrls()
    {
    }

    static void requireTls(final ConfigSection section, final String key, final URI uri, final String secure)
    {
        if (!secure.equals(uri.getScheme()) && !isLoopback(uri.getHost()))
        {
            section.problem(key, uri.toString(), secure + ":// with the live profile (plain " + uri.getScheme() +
                " only to a loopback host such as 127.0.0.1, e.g. peregrine sim)");
        }
    }

    /** A loopback host by its text alone: no name lookup while validating. */
    static boolean isLoopback(final String host)
    {
        return host != null && ("localhost".equalsIgnoreCase(host) || host.startsWith("127.") ||
            "[::1]".equals(host) || "::1".equals(host));
    }

    static URI url(final ConfigSection section, final String key, final String defaultValue, final String... schemes)
    {
        final String text = section.string(key, defaultValue);
        try
        {
            final URI uri = new URI(text);
            if (uri.getHost() == null || !List.of(schemes).contains(uri.getScheme()))
            {
                section.problem(key, text, "a URL with scheme " + String.join(" or ", schemes) + " and a host");
                return URI.create(defaultValue);
            }
            return uri;
        }
        catch (final java.net.URISyntaxException ex)
        {
            section.problem(key, text, "a URL with scheme " + String.join(" or ", schemes) + " and a host");
            return URI.create(defaultValue);
        }
    }
}
