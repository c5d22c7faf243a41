package dev.peregrine.gateway.coinbase.sim;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderClient;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.gateway.sim.MarketSnapshot;
import dev.peregrine.gateway.sim.SimulatedExchange;
import dev.peregrine.gateway.sim.SimulatedExchangeConfig;
import dev.peregrine.gateway.venue.SimulatorSettings;
import dev.peregrine.gateway.venue.VenueRegistry;
import dev.peregrine.gateway.venue.VenueSimulator;
import dev.peregrine.gateway.venue.VenueUsageException;

import java.net.URI;
import java.util.List;
import java.util.Map;

/**
 * What {@code peregrine sim} serves: the Coinbase Advanced Trade market-data WebSocket of a
 * {@link SimulatedExchange} (generated or a replayed capture) and, on a second port, the order REST API and
 * {@code user} channel of a {@link CoinbaseVenueEmulator}. {@link #syncFillPrices()}, called every 100 ms,
 * ties the two: market orders fill at once at the generated market's last trade, a resting limit order
 * fills at its limit once a last trade reaches it, and the emulator's market endpoints (products, book,
 * ticker, candles) quote the generated market. A replay leaves the catalog's reference prices and rests
 * limit orders unfilled: its prices are only in the recording. Both run on their own Netty threads; this
 * class only starts, reads and stops them.
 */
public final class SimVenue implements VenueSimulator
{
    /** Levels a side the product book endpoints can show. */
    private static final int BOOK_LEVELS = 100;

    private final SimulatedExchange market;
    private final SimCredentials credentials;
    private final CoinbaseVenueEmulator orders;
    private final List<String> products;
    private final String bind;
    private final String hostName;

    /**
     * @param hostName the host the URLs name and that the engine's JWT {@code uri} claims must name (its
     *                 {@code rest_url} host).
     */
    public SimVenue(final SimulatedExchange market, final SimCredentials credentials, final List<String> products,
        final String bind, final String hostName)
    {
        this.market = market;
        this.credentials = credentials;
        this.products = List.copyOf(products);
        this.bind = bind;
        this.hostName = hostName;
        // As the engine's client names it: URI.getHost() of its rest_url, brackets included for IPv6.
        this.orders = new CoinbaseVenueEmulator(credentials.publicKey(), credentials.keyName(), uriHost());
        final ProductCatalog known = VenueRegistry.standard().catalog();
        for (final String product : products)
        {
            final ProductCatalog.Product p = known.find(product);
            if (p != null)
            {
                orders.fillPrice(product, FixedPoint.toString(p.referencePrice()));
            }
        }
    }

    /**
     * What {@code peregrine sim} serves for {@code settings}: the key is read from the public key file, or made (or
     * reused) in the credentials folder; the market replays the capture, or is generated.
     *
     * @throws VenueUsageException naming the option when the key cannot be read or written.
     */
    public static SimVenue build(final SimulatorSettings settings)
    {
        final SimCredentials credentials = settings.publicKeyFile() != null ?
            SimCredentials.fromPublicKeyFile(settings.keyName(), settings.publicKeyFile()) :
            SimCredentials.generatedIn(settings.keyName(), settings.credentialsDir(), settings.keyAlgorithm());
        final SimulatedExchange market = settings.capture() != null ?
            SimulatedExchange.replaying(settings.capture().file(), settings.capture().speed(), settings.bind(),
                settings.marketDataPort()) :
            new SimulatedExchange(SimulatedExchangeConfig.forProducts(settings.products()).withHost(settings.bind())
                .withPort(settings.marketDataPort()).withSeed(settings.seed()).withTradesPerSecond(settings.tradesPerSecond()));
        return new SimVenue(market, credentials, settings.products(), settings.bind(), settings.advertisedHost());
    }

    @Override
    public void start(final int restPort)
    {
        try
        {
            market.start();
        }
        catch (final IllegalStateException ex)
        {
            market.close();
            throw new VenueUsageException("--market-data-port: cannot listen on " + bind + ":" + market.config().port() +
                " (" + rootMessage(ex) + ")");
        }
        try
        {
            orders.start(bind, restPort);
        }
        catch (final IllegalStateException ex)
        {
            market.close();
            throw new VenueUsageException("--rest-port: cannot listen on " + bind + ":" + restPort + " (" + rootMessage(ex) + ")");
        }
        syncFillPrices();
    }

    @Override
    public URI marketDataUrl()
    {
        return URI.create("ws://" + uriHost() + ":" + market.port() + "/");
    }

    @Override
    public URI restUrl()
    {
        return URI.create("http://" + uriHost() + ":" + orders.port());
    }

    @Override
    public URI userChannelUrl()
    {
        return URI.create("ws://" + uriHost() + ":" + orders.port() + CoinbaseVenueEmulator.USER_CHANNEL_PATH);
    }

    /** Market orders fill at each product's last generated trade, which also fills the resting limits it reaches; a no-op for a replay. */
    @Override
    public void syncFillPrices()
    {
        final Map<String, Long> prices;
        try
        {
            prices = market.lastTradePrices();
        }
        catch (final RuntimeException stopping)
        {
            return; // the market is closing: its last prices no longer matter
        }
        for (final Map.Entry<String, Long> price : prices.entrySet())
        {
            final String text = FixedPoint.toString(price.getValue());
            orders.fillPrice(price.getKey(), text);
            orders.tradeAt(price.getKey(), text);
        }
        quoteMarket();
    }

    /** The emulator's market endpoints quote the simulated market's book, trades and day's range. */
    private void quoteMarket()
    {
        final Map<String, MarketSnapshot> snapshots;
        try
        {
            snapshots = market.snapshots(BOOK_LEVELS);
        }
        catch (final RuntimeException stopping)
        {
            return;
        }
        for (final MarketSnapshot snapshot : snapshots.values())
        {
            orders.quote(snapshot);
        }
    }

    @Override
    public SimCredentials key()
    {
        return credentials;
    }

    @Override
    public int authFailures()
    {
        return orders.authFailures();
    }

    @Override
    public String lastAuthFailure()
    {
        return orders.lastAuthFailure();
    }

    @Override
    public boolean replayFinished()
    {
        return market.finished().isDone();
    }

    @Override
    public long framesReplayed()
    {
        return market.framesReplayed();
    }

    public SimulatedExchange market()
    {
        return market;
    }

    @Override
    public java.util.List<String> duplicatedClientOrderIds()
    {
        return orders.duplicatedClientOrderIds();
    }

    @Override
    public int distinctClientOrderIds()
    {
        return orders.distinctClientOrderIds();
    }

    @Override
    public void stopMarketData()
    {
        market.close();
    }

    public CoinbaseVenueEmulator orders()
    {
        return orders;
    }

    /** {@code frames sent N, orders received N, fills N, cancel requests N, JWTs refused N; net filled P=Q ...} */
    @Override
    public String summary()
    {
        final StringBuilder line = new StringBuilder(128)
            .append("frames sent ").append(market.framesSent())
            .append(", orders received ").append(orders.orderCount())
            .append(", fills ").append(orders.fillCount())
            .append(", cancel requests ").append(orders.requests(CoinbaseOrderClient.BATCH_CANCEL))
            .append(", JWTs refused ").append(orders.authFailures())
            .append("; net filled");
        for (final String product : products)
        {
            line.append(' ').append(product).append('=').append(orders.netFilled(product));
        }
        return line.toString();
    }

    @Override
    public void close()
    {
        market.close();
        orders.close();
    }

    private String uriHost()
    {
        return hostName.contains(":") && !hostName.startsWith("[") ? "[" + hostName + "]" : hostName;
    }

    private static String rootMessage(final Throwable ex)
    {
        Throwable cause = ex;
        while (cause.getCause() != null)
        {
            cause = cause.getCause();
        }
        return cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    }
}
