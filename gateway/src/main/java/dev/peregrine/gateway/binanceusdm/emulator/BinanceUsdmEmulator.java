package dev.peregrine.gateway.binanceusdm.emulator;

import dev.peregrine.gateway.binance.emulator.BinanceEmulatorKey;
import dev.peregrine.gateway.binance.emulator.BinanceRejection;
import dev.peregrine.gateway.binance.emulator.EmulatorJson;
import dev.peregrine.gateway.binance.emulator.RequestAuthentication;
import dev.peregrine.gateway.binance.emulator.RequestParameters;
import dev.peregrine.gateway.binance.emulator.UserDataStreams;
import dev.peregrine.gateway.binanceusdm.UsdmProducts;
import dev.peregrine.gateway.binanceusdm.sim.UsdmMarkListener;
import dev.peregrine.gateway.sim.binance.BinanceApiExtension;
import dev.peregrine.gateway.sim.binance.BinanceHttpAnswer;
import dev.peregrine.gateway.sim.binance.BinanceHttpRequest;
import dev.peregrine.gateway.sim.binance.BinanceMarketView;
import dev.peregrine.gateway.sim.binance.UserStreamSink;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

/**
 * The emulated Binance USD-M futures trading API, plugged into a simulated Binance market
 * ({@link BinanceApiExtension}): the signed {@code /fapi} endpoints of {@link UsdmEndpoint} (orders with
 * {@code reduceOnly}, leverage, margin type, positions, account, balance, income) and the user data stream on a
 * listen key ({@code ORDER_TRADE_UPDATE}, {@code ACCOUNT_UPDATE}). Requests are authenticated by the spot emulator's
 * checks ({@link RequestAuthentication}: HMAC-SHA256 or Ed25519, timestamp and recvWindow) and refused in the venue's
 * {@code {"code","msg"}} shape. The account is one-way, cross margin, in {@code USDT}, starting with
 * {@link #STARTING_BALANCE}.
 *
 * <p>Marks and funding come from the simulated market's {@code markPrice} process ({@link UsdmMarkListener}): each
 * mark revalues the account and, once the funding time the previous mark announced has passed, settles funding at the
 * rate announced for it and this mark ({@code FUNDING_FEE}, booked at the funding time); a margin ratio of 1
 * liquidates ({@code autoclose-}). Before any mark, a symbol's last price stands in for it.
 *
 * <p>Test tooling, kept in main so that ops can run it. Every method runs under this object's lock: the exchange
 * calls in on its event loop, tests from their own threads.
 */
public final class BinanceUsdmEmulator implements BinanceApiExtension, UsdmMarkListener
{
    /** The collateral the account starts with, as the engine's default collateral. */
    public static final BigDecimal STARTING_BALANCE = new BigDecimal("10000");

    private final LongSupplier epochMillis;
    private final RequestAuthentication authentication;
    private final UserDataStreams streams = new UserDataStreams();
    private final UsdmTrading trading;
    private final UsdmApi api;
    private final Map<String, Long> nextFunding = new HashMap<>();
    private final Map<String, BigDecimal> announcedRate = new HashMap<>();
    private final Map<String, Integer> requestsByPath = new HashMap<>();
    private final Map<String, Integer> createsByClientId = new HashMap<>();
    private int liquidations;
    /** Marks heard, and funding times among them settled: what a test that waits on funding reports when it times out. */
    private int marksHeard;
    private int fundingTimesSettled;

    /** The venue's built-in contracts ({@link UsdmProducts}), as the simulated market and the demo list them. */
    public BinanceUsdmEmulator(final BinanceEmulatorKey key, final LongSupplier epochMillis)
    {
        this(key, epochMillis, UsdmContract.of(UsdmProducts.CATALOG), STARTING_BALANCE);
    }

    public BinanceUsdmEmulator(final BinanceEmulatorKey key, final LongSupplier epochMillis,
        final List<UsdmContract> contracts, final BigDecimal startingBalance)
    {
        if (key == null || epochMillis == null || contracts == null || contracts.isEmpty())
        {
            throw new IllegalArgumentException("Binance USD-M emulator needs a key, a clock and at least one contract");
        }
        this.epochMillis = epochMillis;
        this.authentication = new RequestAuthentication(key);
        final UsdmOrders orders = new UsdmOrders(contracts);
        this.trading = new UsdmTrading(orders, new UsdmAccount(contracts, startingBalance, epochMillis.getAsLong()),
            streams::publish);
        this.api = new UsdmApi(trading, streams);
    }

    @Override
    public synchronized BinanceHttpAnswer answer(final BinanceHttpRequest request)
    {
        final UsdmEndpoint endpoint = UsdmEndpoint.of(request.method(), request.path());
        if (endpoint == null)
        {
            return null;
        }
        final long now = epochMillis.getAsLong();
        streams.expire(now);
        requestsByPath.merge(request.path(), 1, Integer::sum);
        final Map<String, String> headers = new LinkedHashMap<>();
        try
        {
            final RequestParameters parameters = new RequestParameters(request);
            if (endpoint == UsdmEndpoint.NEW_ORDER && parameters.has("newClientOrderId"))
            {
                createsByClientId.merge(parameters.get("newClientOrderId"), 1, Integer::sum);
            }
            if (endpoint.signed)
            {
                authentication.checkSigned(request, parameters, now);
            }
            else
            {
                authentication.checkApiKey(request);
            }
            final Object body = api.dispatch(endpoint, parameters, now);
            liquidations += trading.liquidateIfDue(now);
            return new BinanceHttpAnswer(200, headers, EmulatorJson.write(body));
        }
        catch (final BinanceRejection rejection)
        {
            return rejection.answer(headers);
        }
    }

    @Override
    public synchronized boolean servesUserStream(final String name)
    {
        return streams.serves(name, epochMillis.getAsLong());
    }

    @Override
    public synchronized void openUserStream(final String name, final UserStreamSink sink)
    {
        streams.open(name, sink, epochMillis.getAsLong());
    }

    @Override
    public synchronized void closeUserStream(final String name, final UserStreamSink sink)
    {
        streams.closed(name, sink);
    }

    /** Resting orders fill against the moved market; before its first mark a symbol is valued at its last price. */
    @Override
    public synchronized void onMarket(final String symbol, final BinanceMarketView market)
    {
        final long now = epochMillis.getAsLong();
        streams.expire(now);
        trading.market(market);
        if (!nextFunding.containsKey(symbol) && market.lastPrice(symbol) != null && trading.account.position(symbol) != null)
        {
            trading.account.mark(symbol, market.lastPrice(symbol));
        }
        trading.onMarket(symbol, now);
        liquidations += trading.liquidateIfDue(now);
    }

    /**
     * A mark price of {@code symbol} from the market side's {@code markPrice} process ({@code p}, {@code r}, {@code T}
     * of the stream): settles funding first when the funding time announced before has passed (at the rate announced
     * with it and this mark, booked at that funding time as the venue's income history shows it), then revalues and
     * liquidates when the margin ratio reaches 1.
     */
    public synchronized void onMark(final String symbol, final BigDecimal markPrice, final BigDecimal fundingRate,
        final long nextFundingTimeMillis)
    {
        if (trading.account.position(symbol) == null)
        {
            return;
        }
        final long now = epochMillis.getAsLong();
        marksHeard++;
        trading.account.mark(symbol, markPrice);
        final Long due = nextFunding.get(symbol);
        if (due != null && now >= due && nextFundingTimeMillis > due)
        {
            fundingTimesSettled++;
            trading.settleFunding(symbol, announcedRate.get(symbol), markPrice, due);
        }
        nextFunding.put(symbol, nextFundingTimeMillis);
        announcedRate.put(symbol, fundingRate);
        liquidations += trading.liquidateIfDue(now);
    }

    /**
     * The simulated market's {@code markPrice} frame in FixedPoint figures: as
     * {@link #onMark(String, BigDecimal, BigDecimal, long)}.
     */
    @Override
    public void onMark(final String symbol, final long markPrice, final long fundingRate, final long nextFundingTimeMillis)
    {
        onMark(symbol, BigDecimal.valueOf(markPrice, 8), BigDecimal.valueOf(fundingRate, 8), nextFundingTimeMillis);
    }

    // ---- test controls and observations ----

    /**
     * Moves the mark of {@code symbol} to {@code markPrice} outside the market's mark process (the funding schedule is
     * left alone), revalues, and liquidates when the margin ratio reaches 1, as a mark does; the next mark of the
     * process takes over again.
     */
    public synchronized void markTo(final String symbol, final BigDecimal markPrice)
    {
        if (trading.account.position(symbol) != null)
        {
            trading.account.mark(symbol, markPrice);
            liquidations += trading.liquidateIfDue(epochMillis.getAsLong());
        }
    }

    /** Settles funding of {@code symbol} now at {@code rate} and its current mark, as a funding time does. */
    public synchronized void settleFunding(final String symbol, final String rate)
    {
        trading.settleFunding(symbol, new BigDecimal(rate), trading.account.markOf(symbol), epochMillis.getAsLong());
    }

    /** Requests that arrived for this path, any method, whatever became of them. */
    public synchronized int requests(final String path)
    {
        return requestsByPath.getOrDefault(path, 0);
    }

    /** Create requests that arrived with this {@code newClientOrderId}, whatever became of them. */
    public synchronized int createsFor(final String clientOrderId)
    {
        return createsByClientId.getOrDefault(clientOrderId, 0);
    }

    public synchronized int authFailures()
    {
        return authentication.failures();
    }

    /** The last authentication failure, code and message, or null. */
    public synchronized String lastAuthFailure()
    {
        return authentication.lastFailure();
    }

    /** Marks the market side told this venue, and the funding times it settled on them: {@code "marks/settled"}. */
    public synchronized String markProgress()
    {
        return marksHeard + "/" + fundingTimesSettled;
    }

    /** Positions the venue has liquidated. */
    public synchronized int liquidations()
    {
        return liquidations;
    }

    /** The signed position of {@code symbol} (+ long), as a plain decimal. */
    public synchronized String positionAmount(final String symbol)
    {
        return UsdmOrder.plain(trading.account.position(symbol).amount);
    }

    /** The leverage {@code symbol} is set to. */
    public synchronized int leverageOf(final String symbol)
    {
        return trading.account.position(symbol).leverage;
    }

    /** The margin type {@code symbol} is set to: {@code CROSSED} or {@code ISOLATED}. */
    public synchronized String marginTypeOf(final String symbol)
    {
        return trading.account.position(symbol).marginType;
    }

    public synchronized BigDecimal walletBalance()
    {
        return trading.account.wallet;
    }

    /** The account's margin ratio: maintenance margin / margin balance. */
    public synchronized BigDecimal marginRatio()
    {
        return trading.account.marginRatio();
    }

    /** The total of one income type ({@code FUNDING_FEE}, {@code COMMISSION}, {@code REALIZED_PNL}); + = received. */
    public synchronized BigDecimal incomeTotal(final String type)
    {
        return trading.income.total(type);
    }

    /** The status of the latest order with this client id on {@code symbol}, or null when there is none. */
    public synchronized String statusOf(final String symbol, final String clientOrderId)
    {
        final UsdmOrder order = trading.orders.find(symbol, -1, clientOrderId);
        return order == null ? null : order.status;
    }

    /** Fills {@code quantity} of a resting order at its limit, as a maker, and reports it on the user data stream. */
    public synchronized void fillResting(final String symbol, final String clientOrderId, final String quantity)
    {
        final UsdmOrder order = trading.orders.find(symbol, -1, clientOrderId);
        if (order == null || !order.open() || !order.booked)
        {
            throw new IllegalStateException("no resting order " + clientOrderId);
        }
        trading.fill(order, new BigDecimal(quantity).min(order.remaining()), order.price, true, "TRADE", epochMillis.getAsLong());
    }

    /** Orders the venue holds, any status. */
    public synchronized int orderCount()
    {
        return trading.orders.orderCount();
    }

    /** Connections listening on a live listen key. */
    public synchronized int userStreamConnections()
    {
        return streams.connections();
    }
}
