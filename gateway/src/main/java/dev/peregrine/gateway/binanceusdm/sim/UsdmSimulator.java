package dev.peregrine.gateway.binanceusdm.sim;

import dev.peregrine.gateway.binance.sim.BinanceSimKey;
import dev.peregrine.gateway.binance.sim.OnePortSimulator;
import dev.peregrine.gateway.binanceusdm.UsdmProducts;
import dev.peregrine.gateway.binanceusdm.emulator.BinanceUsdmEmulator;
import dev.peregrine.gateway.venue.SimulatorSettings;
import dev.peregrine.gateway.venue.VenueSimulator;
import dev.peregrine.gateway.venue.VenueUsageException;

import java.net.URI;
import java.util.List;

/**
 * What {@code peregrine sim --venue binance-usdm} serves: the simulated USD-M market ({@link UsdmSimulatedExchange},
 * funding every {@link UsdmSimulatedExchange#SIM_FUNDING_INTERVAL}) with the emulated futures trading API
 * ({@link BinanceUsdmEmulator}) plugged in and told of every mark, on one port, with a throwaway key or the user's.
 * Generated markets only: the USD-M simulator replays no capture.
 */
public final class UsdmSimulator implements VenueSimulator
{
    private final UsdmSimulatedExchange exchange;
    private final BinanceUsdmEmulator trading;
    private final BinanceSimKey key;
    private final List<String> symbols;
    private final OnePortSimulator endpoints;

    private UsdmSimulator(final UsdmSimulatedExchange exchange, final BinanceUsdmEmulator trading, final BinanceSimKey key,
        final SimulatorSettings settings)
    {
        this.exchange = exchange;
        this.trading = trading;
        this.key = key;
        this.symbols = settings.products();
        this.endpoints = new OnePortSimulator(settings.bind(), settings.advertisedHost(), settings.marketDataPort(),
            exchange::port);
    }

    /**
     * The simulator {@code settings} ask for; not started.
     *
     * @throws VenueUsageException naming the option when a symbol is unknown, a capture is asked for, or the key cannot be
     *                             read or written.
     */
    public static UsdmSimulator build(final SimulatorSettings settings)
    {
        if (settings.capture() != null)
        {
            throw new VenueUsageException("--capture: the binance-usdm simulator generates its market and replays no capture");
        }
        for (final String symbol : settings.products())
        {
            if (UsdmProducts.CATALOG.find(symbol) == null)
            {
                throw new VenueUsageException("--products: '" + symbol + "' is no USD-M contract the simulator serves (known: " +
                    String.join(",", UsdmProducts.CATALOG.symbols()) + ")");
            }
        }
        final BinanceSimKey key = settings.publicKeyFile() != null ?
            BinanceSimKey.fromPublicKeyFile(settings.keyName(), settings.publicKeyFile()) :
            BinanceSimKey.generatedIn(settings.credentialsDir(), settings.keyAlgorithm());
        final BinanceUsdmEmulator trading = new BinanceUsdmEmulator(key.emulatorKey(), System::currentTimeMillis);
        final UsdmSimulatedExchange exchange = UsdmSimulatedExchange.generated(settings.products(), settings.seed(),
            UsdmProducts.CATALOG, UsdmSimulatedExchange.SIM_FUNDING_INTERVAL, settings.marketDataPort())
            .withTradingApi(trading, trading)
            .withBindAddress(settings.bind());
        return new UsdmSimulator(exchange, trading, key, settings);
    }

    /** One port serves everything: {@code restPort} is not used. */
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

    /** The stream host, which also serves the listen-key user data streams ({@code /ws/<listenKey>}). */
    @Override
    public URI userChannelUrl()
    {
        return marketDataUrl();
    }

    /** Nothing to do: the trading API hears of every trade, book change and mark from the exchange itself. */
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
        return null; // the USD-M emulator counts refusals without keeping the last reason
    }

    @Override
    public boolean replayFinished()
    {
        return false;
    }

    @Override
    public long framesReplayed()
    {
        return 0;
    }

    public UsdmSimulatedExchange exchange()
    {
        return exchange;
    }

    public BinanceUsdmEmulator trading()
    {
        return trading;
    }

    /** {@code orders received N, signed requests refused N, liquidations N; position SYMBOL=Q ...} */
    @Override
    public String summary()
    {
        final StringBuilder line = new StringBuilder(128)
            .append("orders received ").append(trading.orderCount())
            .append(", signed requests refused ").append(trading.authFailures())
            .append(", liquidations ").append(trading.liquidations())
            .append("; position");
        for (final String symbol : symbols)
        {
            line.append(' ').append(symbol).append('=').append(trading.positionAmount(symbol));
        }
        return line.toString();
    }

    @Override
    public void close()
    {
        exchange.close();
    }
}
