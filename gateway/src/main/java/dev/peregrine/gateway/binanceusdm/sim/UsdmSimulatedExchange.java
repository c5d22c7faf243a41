package dev.peregrine.gateway.binanceusdm.sim;

import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.sim.binance.BinanceApiExtension;
import dev.peregrine.gateway.sim.binance.BinanceMarketView;
import dev.peregrine.gateway.sim.binance.BinanceSimulatedExchange;

import java.net.URI;
import java.time.Duration;
import java.util.List;

/**
 * A local Binance USD-M venue on 127.0.0.1, one port: the futures market streams ({@code /ws/<stream>},
 * {@code /stream?streams=}: {@code <sym>@aggTrade}, {@code @bookTicker}, {@code @depth@100ms} with {@code pu},
 * {@code @markPrice@1s}) from a generated market with marks and funding ({@link GeneratedUsdmMarket}), the REST market
 * endpoints under {@code /fapi/v1} ({@link UsdmMarketRest}), and whatever trading API is plugged in
 * ({@link #withTradingApi}: orders, account, user data; it hears of every mark and the funding it announces). Built on the spot simulator ({@link BinanceSimulatedExchange}): the same server, sessions, subscriptions,
 * connection limits, pings and trading-API seam, with the USD-M market in place of the spot one.
 */
public final class UsdmSimulatedExchange implements AutoCloseable
{
    /** The venue's funding interval. */
    public static final Duration VENUE_FUNDING_INTERVAL = Duration.ofHours(8);
    /** {@code peregrine sim}'s: every minute, so a run against the simulator sees funding settled. */
    public static final Duration SIM_FUNDING_INTERVAL = Duration.ofMinutes(1);

    private final GeneratedUsdmMarket market;
    private final BinanceSimulatedExchange exchange;
    private BinanceApiExtension trading;
    private UsdmMarkListener marks;
    private boolean configured;

    private UsdmSimulatedExchange(final GeneratedUsdmMarket market, final int port)
    {
        this.market = market;
        this.exchange = BinanceSimulatedExchange.serving(market, port);
    }

    /**
     * A generated market for {@code symbols} of {@code catalog} on an ephemeral port ({@code port} 0).
     *
     * @param fundingInterval 8 hours as the venue; a demo or test uses seconds, so funding happens while it runs.
     */
    public static UsdmSimulatedExchange generated(final List<String> symbols, final long seed, final ProductCatalog catalog,
        final Duration fundingInterval, final int port)
    {
        return new UsdmSimulatedExchange(new GeneratedUsdmMarket(symbols, seed, catalog, fundingInterval.toMillis()), port);
    }

    /** Plugs in the trading API, which hears of every mark through {@code marks}; before {@link #start()}. */
    public UsdmSimulatedExchange withTradingApi(final BinanceApiExtension tradingApi, final UsdmMarkListener marks)
    {
        this.trading = tradingApi;
        this.marks = marks;
        return this;
    }

    /** Listens on {@code address} rather than loopback; before {@link #start()}. */
    public UsdmSimulatedExchange withBindAddress(final String address)
    {
        exchange.withBindAddress(address);
        return this;
    }

    /** Binds the port and starts the market. */
    public UsdmSimulatedExchange start()
    {
        if (configured)
        {
            throw new IllegalStateException("the simulated USD-M exchange can be started once");
        }
        configured = true;
        market.markListener(marks);
        exchange.withTradingApi(new UsdmMarketApi(new UsdmMarketRest(market), trading));
        exchange.start();
        return this;
    }

    /** Trades and books as the trading side sees them; null before {@link #start()}. */
    public BinanceMarketView market()
    {
        return exchange.market();
    }

    public int port()
    {
        return exchange.port();
    }

    /** {@code ws://127.0.0.1:<port>}. */
    public URI streamBase()
    {
        return exchange.streamBase();
    }

    /** {@code http://127.0.0.1:<port>}: {@code /fapi/v1/...}. */
    public URI restBase()
    {
        return exchange.restBase();
    }

    /** Fault hook: the next depth diff is not sent, so the next one's {@code pu} names a diff the client never saw. */
    public void dropNextDepthDiff()
    {
        exchange.dropNextDepthDiff();
    }

    @Override
    public void close()
    {
        exchange.close();
    }
}
