package dev.peregrine.ops.http.ui;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The status page's files, read once from the jar ({@code dev/peregrine/ops/http/ui/}). The page carries its
 * session's CSRF token in a {@code <meta>} element (hex, so nothing to escape); the login page its one message.
 */
final class UiResources
{
    private static final Map<String, byte[]> LOADED = new ConcurrentHashMap<>();

    private UiResources()
    {
    }

    static byte[] bytes(final String name)
    {
        return LOADED.computeIfAbsent(name, UiResources::load);
    }

    static byte[] page(final String csrfToken)
    {
        if (!csrfToken.matches("[0-9a-f]+"))
        {
            throw new IllegalArgumentException("a CSRF token is hex (UiSessions makes them), got something else");
        }
        return text("index.html").replace("{{CSRF}}", csrfToken).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] loginPage(final String message)
    {
        // The message is one of ours, never the request's: nothing from the client is echoed into the page.
        return text("login.html").replace("{{MESSAGE}}", message == null ? "" : message).getBytes(StandardCharsets.UTF_8);
    }

    private static String text(final String name)
    {
        return new String(bytes(name), StandardCharsets.UTF_8);
    }

    private static byte[] load(final String name)
    {
        try (InputStream in = UiResources.class.getResourceAsStream(name))
        {
            if (in == null)
            {
                throw new IllegalStateException("the jar lacks the status page's " + name + " (rebuild ops)");
            }
            return in.readAllBytes();
        }
        catch (final IOException ex)
        {
            throw new UncheckedIOException("cannot read the status page's " + name, ex);
        }
    }
}
