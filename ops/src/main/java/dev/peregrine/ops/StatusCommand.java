package dev.peregrine.ops;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.ops.cli.Durations;
import dev.peregrine.ops.cli.ExitCodes;
import dev.peregrine.ops.cli.UsageException;
import dev.peregrine.ops.config.DaemonConfigLoader;
import dev.peregrine.ops.http.ui.StatusText;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code peregrine status}: the status page's view in a terminal, from a running engine's {@code /admin/overview},
 * once or, with {@code --watch}, refreshed every {@code --interval}. The bearer token comes from where the engine's
 * own does: {@code --token-file}, else {@code PEREGRINE_ADMIN_TOKEN}, else the token file the engine generated beside
 * its journal ({@code --journal DIR}: {@code DIR.admin-token}).
 */
@Command(
    name = "status",
    mixinStandardHelpOptions = true,
    description = {
        "Prints a running engine's status: trading state and why, PnL per strategy and product, positions,",
        "feeds, tick-to-order latency, open orders, latest decisions and the alerts firing (the view of",
        "/ui/ on the health port, from /admin/overview)."})
public final class StatusCommand implements Callable<Integer>
{
    /** Faster than the overview is recomputed (once a second) would only print the same view twice. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(1);

    @Spec
    private CommandSpec spec;

    @Option(names = "--url", defaultValue = "http://127.0.0.1:8080", paramLabel = "URL",
        description = "The engine's health port, where /admin/ is (default: ${DEFAULT-VALUE}).")
    private String url;

    @Option(names = "--token-file", paramLabel = "FILE",
        description = "File holding the admin bearer token (default: " + DaemonConfigLoader.ADMIN_TOKEN_VARIABLE +
            ", else the engine's generated <journal>.admin-token with --journal).")
    private Path tokenFile;

    @Option(names = "--journal", paramLabel = "DIR",
        description = "The engine's journal folder: its generated token file DIR.admin-token is read.")
    private Path journal;

    @Option(names = "--watch", description = "Refresh the view every --interval until interrupted (or --count views).")
    private boolean watch;

    @Option(names = "--interval", defaultValue = "2s", paramLabel = "TIME",
        description = "Time between views with --watch, at least 1s (default: ${DEFAULT-VALUE}).")
    private String interval;

    @Option(names = "--count", paramLabel = "N", description = "With --watch: stop after N views.")
    private Integer count;

    @Option(names = "--json", description = "Print the /admin/overview document itself instead of the view.")
    private boolean json;

    @Override
    public Integer call() throws InterruptedException
    {
        final Duration pause = pause();
        if (count != null && (count < 1 || !watch))
        {
            throw new UsageException(count < 1 ? "--count must be at least 1, got " + count : "--count goes with --watch");
        }
        final URI overview = overviewUri();
        final String token = token();
        final PrintWriter out = spec.commandLine().getOut();
        final PrintWriter err = spec.commandLine().getErr();
        final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        final HttpRequest request = HttpRequest.newBuilder(overview).timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token).GET().build();
        final int views = !watch ? 1 : count != null ? count : Integer.MAX_VALUE;
        for (int view = 1; view <= views; view++)
        {
            final String problem = printOnce(http, request, out, view > 1);
            if (problem != null)
            {
                err.println("peregrine: status: " + problem);
                return ExitCodes.RUNTIME_FAILURE;
            }
            if (view < views)
            {
                Thread.sleep(pause.toMillis());
            }
        }
        return ExitCodes.OK;
    }

    /** Prints one view; the one-line problem when there is none to print, else null. */
    private String printOnce(final HttpClient http, final HttpRequest request, final PrintWriter out, final boolean again)
        throws InterruptedException
    {
        final HttpResponse<String> response;
        try
        {
            response = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        }
        catch (final ConnectException ex)
        {
            return "no engine answers at " + url + " (is it running, is --url its health port?)";
        }
        catch (final IOException ex)
        {
            return request.uri() + ": " + ex.getMessage();
        }
        if (response.statusCode() == 401)
        {
            return request.uri() + " refused the token (401): check --token-file or " + DaemonConfigLoader.ADMIN_TOKEN_VARIABLE;
        }
        if (response.statusCode() != 200)
        {
            return request.uri() + " answered " + response.statusCode() + ": " + response.body();
        }
        final JsonNode document;
        try
        {
            document = StatusText.READER.readTree(response.body());
        }
        catch (final IOException ex)
        {
            return request.uri() + " did not answer JSON (" + ex.getMessage() + ")";
        }
        if (again && !json)
        {
            out.println();
        }
        out.print(json ? response.body() + System.lineSeparator() : StatusText.render(document, url));
        out.flush();
        return null;
    }

    private Duration pause()
    {
        final Duration pause;
        try
        {
            pause = Durations.parse(interval);
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException("--interval: " + ex.getMessage());
        }
        if (pause.compareTo(MIN_INTERVAL) < 0)
        {
            throw new UsageException("--interval must be at least 1s (the overview changes once a second), got " + interval);
        }
        return pause;
    }

    private URI overviewUri()
    {
        final URI base;
        try
        {
            base = URI.create(url.endsWith("/") ? url : url + "/");
        }
        catch (final IllegalArgumentException ex)
        {
            throw new UsageException("--url '" + url + "' is not a URL (" + ex.getMessage() + ")");
        }
        if (!"http".equals(base.getScheme()) && !"https".equals(base.getScheme()) || base.getHost() == null)
        {
            throw new UsageException("--url '" + url + "' must be http://HOST:PORT of the engine's health port");
        }
        return base.resolve("admin/overview");
    }

    private String token()
    {
        if (tokenFile != null)
        {
            return read(tokenFile, "--token-file");
        }
        final Map<String, String> environment = System.getenv();
        final String fromEnv = environment.get(DaemonConfigLoader.ADMIN_TOKEN_VARIABLE);
        if (fromEnv != null && !fromEnv.isBlank())
        {
            return fromEnv.trim();
        }
        if (journal != null)
        {
            final Path generated = journal.resolveSibling(journal.getFileName() + ".admin-token");
            return read(generated, "--journal " + journal + ": the token file");
        }
        throw new UsageException("no admin token: give --token-file FILE, set " + DaemonConfigLoader.ADMIN_TOKEN_VARIABLE +
            ", or --journal DIR of an engine that generated DIR.admin-token");
    }

    private static String read(final Path file, final String what)
    {
        try
        {
            final String token = Files.readString(file, StandardCharsets.UTF_8).trim();
            if (token.isEmpty())
            {
                throw new UsageException(what + " " + file + " is empty");
            }
            return token;
        }
        catch (final IOException ex)
        {
            throw new UsageException(what + " " + file + ": cannot read it (" + ex.getMessage() + ")");
        }
    }
}
