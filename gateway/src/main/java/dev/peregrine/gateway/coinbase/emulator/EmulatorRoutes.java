package dev.peregrine.gateway.coinbase.emulator;

import java.util.function.Function;

/**
 * Which endpoint answers a method and path, and whether it needs a JWT. Routing comes before
 * authentication: the public market endpoints answer without one, and an unknown path is a 404 whoever asks.
 */
final class EmulatorRoutes
{
    static final String BASE = "/api/v3/brokerage";
    private static final String MARKET_PRODUCTS = BASE + "/market/products/";
    private static final String PRODUCTS = BASE + "/products/";
    private static final String HISTORICAL = BASE + "/orders/historical/";

    /** One endpoint: {@code open} when it answers without a JWT. */
    record Route(boolean open, Function<EmulatorRequest, EmulatorReply> answer)
    {
    }

    private static final String ACCOUNTS = BASE + "/accounts/";

    private final EmulatorMarketRest market;
    private final EmulatorRest rest;
    private final EmulatorOrderQueries queries;
    private final EmulatorAccounts accounts;
    private final EmulatorIntxRest intx;

    EmulatorRoutes(final EmulatorMarketRest market, final EmulatorRest rest, final EmulatorOrderQueries queries,
        final EmulatorAccounts accounts, final EmulatorIntxRest intx)
    {
        this.intx = intx;
        this.market = market;
        this.rest = rest;
        this.queries = queries;
        this.accounts = accounts;
    }

    /** The endpoint for this request, or null when the venue has none (a 404). */
    Route find(final String method, final String path)
    {
        if ("GET".equals(method))
        {
            final Route get = get(path);
            if (get != null)
            {
                return get;
            }
        }
        else if ("POST".equals(method))
        {
            return post(path);
        }
        return null;
    }

    private Route get(final String path)
    {
        switch (path)
        {
            case BASE + "/time":
                return open(r -> market.time());
            case BASE + "/market/products":
                return open(market::products);
            case BASE + "/market/product_book":
                return open(market::productBook);
            case BASE + "/products":
                return signed(market::products);
            case BASE + "/product_book":
                return signed(market::productBook);
            case BASE + "/best_bid_ask":
                return signed(market::bestBidAsk);
            case BASE + "/accounts":
                return signed(accounts::accounts);
            case BASE + "/portfolios":
                return signed(accounts::portfolios);
            case BASE + "/transaction_summary":
                return signed(r -> accounts.transactionSummary());
            case BASE + "/orders/historical/batch":
                return signed(queries::listOrders);
            case BASE + "/orders/historical/fills":
                return signed(queries::listFills);
            default:
                break;
        }
        if (path.startsWith(MARKET_PRODUCTS))
        {
            return productRoute(path.substring(MARKET_PRODUCTS.length()), true);
        }
        if (path.startsWith(PRODUCTS))
        {
            return productRoute(path.substring(PRODUCTS.length()), false);
        }
        if (EmulatorIntxRest.serves(path))
        {
            return signed(r -> intx.answer(path));
        }
        final String orderId = lastSegment(path, HISTORICAL);
        if (orderId != null)
        {
            return signed(r -> queries.order(orderId));
        }
        final String accountId = lastSegment(path, ACCOUNTS);
        return accountId == null ? null : signed(r -> accounts.account(accountId));
    }

    /** What follows {@code prefix} when it is one non-empty path segment, else null. */
    private static String lastSegment(final String path, final String prefix)
    {
        if (!path.startsWith(prefix))
        {
            return null;
        }
        final String segment = path.substring(prefix.length());
        return segment.isEmpty() || segment.contains("/") ? null : segment;
    }

    private Route post(final String path)
    {
        switch (path)
        {
            case BASE + "/orders":
                return signed(rest::createOrder);
            case BASE + "/orders/preview":
                return signed(rest::previewOrder);
            case BASE + "/orders/batch_cancel":
                return signed(rest::cancelOrders);
            case BASE + "/orders/edit":
                return signed(rest::editOrder);
            default:
                return null;
        }
    }

    /** {@code {id}}, {@code {id}/ticker} or {@code {id}/candles} under a products path. */
    private Route productRoute(final String rest, final boolean open)
    {
        final String[] parts = rest.split("/", -1);
        if (parts[0].isEmpty() || parts.length > 2)
        {
            return null;
        }
        final String productId = parts[0];
        final Function<EmulatorRequest, EmulatorReply> answer;
        if (parts.length == 1)
        {
            answer = r -> market.product(productId);
        }
        else if ("ticker".equals(parts[1]))
        {
            answer = r -> market.ticker(productId, r);
        }
        else if ("candles".equals(parts[1]))
        {
            answer = r -> market.candles(productId, r);
        }
        else
        {
            return null;
        }
        return new Route(open, answer);
    }

    private static Route open(final Function<EmulatorRequest, EmulatorReply> answer)
    {
        return new Route(true, answer);
    }

    private static Route signed(final Function<EmulatorRequest, EmulatorReply> answer)
    {
        return new Route(false, answer);
    }
}
