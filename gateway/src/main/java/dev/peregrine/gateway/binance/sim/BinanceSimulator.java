package dev.peregrine.gateway.binance.sim;

import dev.peregrine.gateway.binance.BinanceProducts;
import dev.peregrine.gateway.binance.emulator.BinanceSpotEmulator;
import dev.peregrine.gateway.sim.binance.BinanceSimulatedExchange;
import dev.peregrine.gateway.venue.SimulatorSettings;
import dev.peregrine.gateway.venue.VenueSimulator;
import dev.peregrine.gateway.venue.VenueUsageException;

import java.net.URI;
import java.util.List;

/**
 * What {@code peregrine sim --venue binance} serves: one {@link BinanceSimulatedExchange} (generated or replaying a
 * capture) with the emulated spot trading API ({@link BinanceSpotEmulator}) plugged in, so the REST market and
 * trading endpoints, the market streams and the user data streams all answer on one port, where the venue has a REST
 * host and a stream host. The trading API fills against the simulated market as it moves. Both run on the exchange's
 * Netty threads; this class only starts, reads and stops them.
 */
public final class BinanceSimulator implements VenueSimulator
{
    private final BinanceSimulatedExchange exchange;
    private final BinanceSpotEmulator trading;
    private final BinanceSimKey key;
    private final List<String> symbols;
    private final OnePortSimulator endpoints;

    private BinanceSimulator(final BinanceSimulatedExchange exchange, final BinanceSpotEmulator trading, final BinanceSimKey key,
        final List<String> symbols, final String bind, final String hostName, final int port)
    {
        this.exchange = exchange;
        this.trading = trading;
        this.key = key;
        this.symbols = List.copyOf(symbols);
        this.endpoints = new OnePortSimulator(bind, hostName, port, exchange::port);
    }

    /**
     * The simulator {@code settings} ask for; not started.
     *
     * @throws VenueUsageException naming the option when a symbol is unknown or the key cannot be read or written.
     */
    public static BinanceSimulator build(final SimulatorSettings settings)
    {
        for (final String symbol : settings.products())
        {
            if (BinanceProducts.CATALOG.find(symbol) == null)
            {
                throw new VenueUsageException("--products: '" + symbol + "' is no Binance symbol the simulator serves (known: " +
                    String.join(",", BinanceProducts.CATALOG.symbols()) + ")");
            }
        }
        final BinanceSimKey key = settings.publicKeyFile() != null ?
            BinanceSimKey.fromPublicKeyFile(settings.keyName(), settings.publicKeyFile()) :
            BinanceSimKey.generatedIn(settings.credentialsDir(), settings.keyAlgorithm());
        final BinanceSpotEmulator trading = new BinanceSpotEmulator(key.emulatorKey(), System::currentTimeMillis);
        final BinanceSimulatedExchange exchange = settings.capture() != null ?
            BinanceSimulatedExchange.replaying(settings.capture().file(),
                Double.isInfinite(settings.capture().speed()) ? 0 : settings.capture().speed(), settings.marketDataPort()) :
            BinanceSimulatedExchange.generated(settings.products(), settings.seed(), settings.marketDataPort());
        return new BinanceSimulator(exchange.withTradingApi(trading).withBindAddress(settings.bind()), trading, key,
            settings.products(), settings.bind(), settings.advertisedHost(), settings.marketDataPort());
    }

    /** One port serves everything: {@code restPort} is not used ({@code sim} refuses it for Binance). */
    @Override
    public void start(final int restPort)
    {
        endpoints.start(exchange::start, exchange::close);
    }

    @Override
    public URI marketDataUrl()
    {
        return endpoints.streamUrl();
    }

    @Override
    public URI restUrl()
    {
        return endpoints.restUrl();
    }

    /**
     * The stream host, which here also serves the WebSocket API ({@code /ws-api/v3}: the user data subscription) and
     * the retired listen keys' {@code /ws/<listenKey>}.
     */
    @Override
    public URI userChannelUrl()
    {
        return marketDataUrl();
    }

    /** Nothing to do: the trading API hears of every trade and book change from the exchange itself. */
    @Override
    public void syncFillPrices()
    {
    }

    @Override
    public BinanceSimKey key()
    {
        return key;
    }

    @Override
    public int authFailures()
    {
        return trading.authFailures();
    }

    @Override
    public String lastAuthFailure()
    {
        return trading.lastAuthFailure();
    }

    @Override
    public boolean replayFinished()
    {
        return exchange.finishedReplays() > 0;
    }

    @Override
    public long framesReplayed()
    {
        return exchange.replayedFrames();
    }

    public BinanceSimulatedExchange exchange()
    {
        return exchange;
    }

    public BinanceSpotEmulator trading()
    {
        return trading;
    }

    /** {@code frames replayed N, orders received N, signed requests refused N; net filled SYMBOL=Q ...} */
    @Override
    public String summary()
    {
        final StringBuilder line = new StringBuilder(128)
            .append("frames replayed ").append(exchange.replayedFrames())
            .append(", orders received ").append(trading.orderCount())
            .append(", signed requests refused ").append(trading.authFailures())
            .append("; net filled");
        for (final String symbol : symbols)
        {
            line.append(' ').append(symbol).append('=').append(trading.netFilled(symbol));
        }
        return line.toString();
    }

    @Override
    public void close()
    {
        exchange.close();
    }
}
