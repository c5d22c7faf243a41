package dev.peregrine.gateway.binance.emulator;

import dev.peregrine.gateway.sim.binance.BinanceHttpAnswer;
import dev.peregrine.gateway.sim.binance.BinanceHttpRequest;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Which answer each served endpoint gives, once its request is weighed: authentication (the API key alone for
 * {@code USER_STREAM} endpoints), then the order endpoints, the account, commission rates, the unfilled order
 * count and the listen keys.
 */
final class SpotApi
{
    /** The emulated account's user id, as {@code account} shows it. */
    private static final long UID = 354_937_868L;

    private final RequestAuthentication authentication;
    private final OrderEndpoints orders;
    private final SpotTrading trading;
    private final UserDataStreams streams;
    private final OrderCountLimit orderCount;

    SpotApi(final RequestAuthentication authentication, final OrderEndpoints orders, final SpotTrading trading,
        final UserDataStreams streams, final OrderCountLimit orderCount)
    {
        this.authentication = authentication;
        this.orders = orders;
        this.trading = trading;
        this.streams = streams;
        this.orderCount = orderCount;
    }

    /** Authenticates the request and answers it: 200 with the endpoint's body, or the venue's error. */
    BinanceHttpAnswer serve(final SpotEndpoint endpoint, final BinanceHttpRequest request, final RequestParameters parameters,
        final Map<String, String> headers, final long now)
    {
        try
        {
            if (parameters == null)
            {
                new RequestParameters(request); // throws the rejection that made it null
            }
            if (endpoint.signed)
            {
                authentication.checkSigned(request, parameters, now);
            }
            else
            {
                authentication.checkApiKey(request);
            }
            final Object body = dispatch(endpoint, parameters, headers, now);
            return new BinanceHttpAnswer(200, headers, EmulatorJson.write(body));
        }
        catch (final BinanceRejection rejection)
        {
            if (rejection.code == -1015)
            {
                headers.put("retry-after", Long.toString(orderCount.retryAfterSeconds(now)));
            }
            return rejection.answer(headers);
        }
    }

    /** The body of {@code endpoint}'s answer; headers it adds go to {@code headers}. */
    Object dispatch(final SpotEndpoint endpoint, final RequestParameters p, final Map<String, String> headers, final long now)
    {
        return switch (endpoint)
        {
            case NEW_ORDER ->
            {
                orderCount.admit(now);
                final Object placed = orders.create(p, now);
                orderCount.placed(now);
                headers.putAll(orderCount.headers());
                yield placed;
            }
            case TEST_ORDER -> orders.test(p);
            case QUERY_ORDER -> orders.query(p);
            case CANCEL_ORDER -> orders.cancel(p, now);
            case OPEN_ORDERS -> orders.open(p);
            case CANCEL_OPEN_ORDERS -> orders.cancelAll(p, now);
            case ALL_ORDERS -> orders.all(p);
            case MY_TRADES -> orders.myTrades(p);
            case ACCOUNT -> trading.accountView(p.flag("omitZeroBalances"), UID);
            case COMMISSION -> commission(p);
            case ORDER_COUNT -> orderCount.view(now);
            case START_USER_STREAM -> Map.of("listenKey", streams.start(now));
            case KEEP_USER_STREAM ->
            {
                streams.keepAlive(p.required("listenKey"), now);
                yield Map.of();
            }
            case CLOSE_USER_STREAM ->
            {
                streams.delete(p.required("listenKey"), now);
                yield Map.of();
            }
        };
    }

    private Object commission(final RequestParameters p)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", trading.store.rules(p.required("symbol")).symbol());
        m.put("standardCommission", SpotAccount.fourRates(SpotAccount.COMMISSION_RATE));
        m.put("specialCommission", SpotAccount.fourRates(BigDecimal.ZERO));
        m.put("taxCommission", SpotAccount.fourRates(BigDecimal.ZERO));
        m.put("discount", OrderEndpoints.discount());
        return m;
    }

}
