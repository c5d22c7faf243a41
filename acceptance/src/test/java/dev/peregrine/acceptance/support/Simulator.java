package dev.peregrine.acceptance.support;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code peregrine sim} as an operator runs it to try the live profile: free ports, API credentials written to a
 * folder, and {@code run --profile live} with the venue's shipped configuration ({@code live.yaml} for Coinbase,
 * {@code live-binance.yaml} for Binance) pointed at it through the environment overrides the operator's guide names.
 */
public final class Simulator
{
    private static final Pattern SIM_READY = Pattern.compile(
        "sim ready: market_data_url=(\\S+) rest_url=(\\S+) user_channel_url=(\\S+)");

    private final String venue;
    private final Path dir;
    private final Path credentials;
    private final Peregrine.Running process;

    private Simulator(final String venue, final Path dir, final Path credentials, final Peregrine.Running process)
    {
        this.venue = venue;
        this.dir = dir;
        this.credentials = credentials;
        this.process = process;
    }

    /** Starts {@code sim} in {@code dir} with its credentials in {@code dir/sim-credentials} and {@code more} options. */
    public static Simulator start(final Path dir, final String... more)
    {
        final Path credentials = dir.resolve("sim-credentials");
        final List<String> args = new ArrayList<>(List.of("sim", "--market-data-port", "0", "--rest-port", "0",
            "--credentials-dir", credentials.toString()));
        args.addAll(List.of(more));
        return new Simulator("coinbase", dir, credentials, Peregrine.start(dir, Map.of(), args.toArray(String[]::new)));
    }

    /** Starts {@code sim --venue binance} (one port) in {@code dir} with its credentials in {@code dir/sim-credentials}. */
    public static Simulator binance(final Path dir, final String... more)
    {
        final Path credentials = dir.resolve("sim-credentials");
        final List<String> args = new ArrayList<>(List.of("sim", "--venue", "binance", "--market-data-port", "0",
            "--credentials-dir", credentials.toString()));
        args.addAll(List.of(more));
        return new Simulator("binance", dir, credentials, Peregrine.start(dir, Map.of(), args.toArray(String[]::new)));
    }

    /** Waits (90 s at most) for the simulator's URLs, then starts the live profile against it on {@code journal}. */
    public Daemon startLiveRun(final Path journal)
    {
        final Matcher urls = process.await(SIM_READY, 90);
        final Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("PEREGRINE_VENUE_MARKET_DATA_URL", urls.group(1));
        overrides.put("PEREGRINE_VENUE_REST_URL", urls.group(2));
        overrides.put("PEREGRINE_VENUE_USER_CHANNEL_URL", urls.group(3));
        overrides.put("PEREGRINE_SECRETS_" + venue.toUpperCase() + "_API_KEY_FILE",
            credentials.resolve(venue + "_api_key").toString());
        overrides.put("PEREGRINE_SECRETS_" + venue.toUpperCase() + "_API_SECRET_FILE",
            credentials.resolve(venue + "_api_secret").toString());
        final String config = "binance".equals(venue) ? "ops/config/live-binance.yaml" : "ops/config/live.yaml";
        return Daemon.start(dir, Workspace.root().resolve(config), journal, Daemon.newToken(), overrides,
            "--profile", "live");
    }

    /** Stops the simulator with SIGTERM (30 s at most) and returns what it printed. */
    public Peregrine.Result stop()
    {
        return process.sigterm(Duration.ofSeconds(30));
    }
}
