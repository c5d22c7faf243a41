package dev.peregrine.gateway.coinbase.intx;

import dev.peregrine.core.agent.AgentErrors;
import dev.peregrine.core.agent.AgentThreads;
import dev.peregrine.gateway.coinbase.orders.CoinbaseKeyAlgorithm;
import dev.peregrine.gateway.coinbase.sim.SimCredentials;
import dev.peregrine.gateway.coinbase.sim.SimVenue;
import dev.peregrine.gateway.sim.SimulatedExchange;
import org.agrona.concurrent.Agent;
import org.agrona.concurrent.AgentRunner;
import org.agrona.concurrent.SleepingIdleStrategy;

import java.net.URI;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The generated demo market of a run that trades INTX perpetuals: the simulated exchange's WebSocket (books, trades
 * and tickers of every product) and, beside it, the order emulator's public market endpoints, where the perpetuals'
 * product answers carry their funding ({@code perpetual_details}) and the book mid the mark poller reads
 * ({@link IntxMarkPoller}). It is {@code peregrine sim}'s pair ({@link SimVenue}) with a key nobody holds (the demo
 * trades on paper: only the public endpoints are read) and a funding every {@link #DEMO_FUNDING_INTERVAL} instead
 * of every hour, so a short demo sees fundings. An agent ({@code peregrine-intx-demo}) copies the generated market's
 * prices into the emulator every 100 ms, as {@code peregrine sim} does.
 */
public final class IntxDemoMarket implements Agent, AutoCloseable
{
    /** How often the demo's perpetuals fund. */
    public static final Duration DEMO_FUNDING_INTERVAL = Duration.ofSeconds(5);
    /**
     * Size of one move of the demo market's random walk, in basis points of the price: 0.5 bp (33 ticks of 0.1, 3.30,
     * at 65,000), with 35 % of steps up and 35 % down at 20 trades a second, is about 1.9 bp a second (0.5 x sqrt(14)),
     * some 14 bp over a minute: a lively BTC perpetual (3 % a day is 1 bp a second), where one 0.1 tick a move (0.06 bp
     * a second) left a trend follower nothing to realize but fees.
     */
    public static final double DEMO_MOVE_BASIS_POINTS = 0.5;
    private static final long SYNC_NANOS = TimeUnit.MILLISECONDS.toNanos(100);

    private final SimVenue venue;
    private final Duration fundingInterval;
    private final AgentErrors errors = new AgentErrors();
    private AgentRunner runner;
    private long nextSync = Long.MIN_VALUE;

    public IntxDemoMarket(final SimulatedExchange market, final List<String> products, final Duration fundingInterval)
    {
        this.venue = new SimVenue(market, new SimCredentials("peregrine-demo", CoinbaseKeyAlgorithm.ECDSA, throwawayKey(),
            null, null, false), products, "127.0.0.1", "127.0.0.1");
        this.fundingInterval = fundingInterval;
    }

    /** Starts the market, the emulator (on an ephemeral port) and the price copy. */
    public void start()
    {
        venue.orders().fundingInterval(fundingInterval);
        venue.start(0);
        runner = AgentThreads.start(this, new SleepingIdleStrategy(TimeUnit.MILLISECONDS.toNanos(10)), errors);
    }

    /** Where the product answers are: the REST base the mark poller reads. */
    public URI restUrl()
    {
        return venue.restUrl();
    }

    @Override
    public String roleName()
    {
        return "peregrine-intx-demo";
    }

    @Override
    public int doWork()
    {
        final long now = System.nanoTime();
        if (now < nextSync)
        {
            return 0;
        }
        nextSync = now + SYNC_NANOS;
        venue.syncFillPrices();
        return 1;
    }

    @Override
    public void close()
    {
        if (runner != null)
        {
            runner.close();
        }
        venue.close();
    }

    private static PublicKey throwawayKey()
    {
        try
        {
            final KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            return generator.generateKeyPair().getPublic();
        }
        catch (final GeneralSecurityException ex)
        {
            throw new IllegalStateException("no P-256 key generator in this JVM", ex);
        }
    }
}
