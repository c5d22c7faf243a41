package dev.peregrine.gateway.sim.binance;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.math.RoundingMode;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * The public REST market endpoints of the simulated Binance, as documented for {@code /api/v3}: {@code ping},
 * {@code time}, {@code exchangeInfo}, {@code depth}, {@code trades}, {@code aggTrades}, {@code klines}, {@code avgPrice},
 * {@code uiKlines}, {@code ticker/24hr}, {@code ticker} (rolling window), {@code ticker/price} and
 * {@code ticker/bookTicker}, with the documented weights and error
 * codes. A request for any other path is not answered here (null), so the exchange hands it to the trading API.
 * Event loop only.
 */
final class BinanceMarketRest
{
    private static final String PREFIX = "/api/v3/";

    private final BinanceExchangeInfo exchangeInfo;
    private final BinanceMarketSource market;
    private final BinanceMarketTape tape;
    private final BinanceTickers tickers;
    private final LongSupplier epochMillis;

    BinanceMarketRest(final BinanceExchangeInfo exchangeInfo, final BinanceMarketSource market, final BinanceMarketTape tape,
        final LongSupplier epochMillis)
    {
        this.exchangeInfo = exchangeInfo;
        this.market = market;
        this.tape = tape;
        this.tickers = new BinanceTickers(tape);
        this.epochMillis = epochMillis;
    }

    /** The weight of a market request, or -1 if {@code request} is not one of the market endpoints. */
    static int weight(final BinanceHttpRequest request)
    {
        if (!"GET".equals(request.method()) || !request.path().startsWith(PREFIX))
        {
            return -1;
        }
        final boolean one = parameter(request, "symbol") != null;
        return switch (request.path().substring(PREFIX.length()))
        {
            case "ping", "time" -> 1;
            case "exchangeInfo" -> 20;
            case "depth" -> depthWeight(parameter(request, "limit"));
            case "trades" -> 25;
            case "aggTrades" -> 4;
            case "klines", "uiKlines", "avgPrice" -> 2;
            case "ticker" -> 4;
            case "ticker/24hr" -> one ? 2 : 80;
            case "ticker/price", "ticker/bookTicker" -> one ? 2 : 4;
            default -> -1;
        };
    }

    /** The answer, or null when the path is none of the market endpoints. */
    BinanceHttpAnswer answer(final BinanceHttpRequest request)
    {
        if (weight(request) < 0)
        {
            return null;
        }
        final long now = epochMillis.getAsLong();
        return switch (request.path().substring(PREFIX.length()))
        {
            case "ping" -> BinanceAnswers.okJson("{}");
            case "time" -> BinanceAnswers.okJson("{\"serverTime\":" + now + "}");
            case "exchangeInfo" -> exchangeInfo.answer(request, now);
            case "depth" -> depth(request);
            case "trades" -> trades(request);
            case "aggTrades" -> aggregateTrades(request);
            case "klines", "uiKlines" -> klines(request);
            case "avgPrice" -> averagePrice(request, now);
            default -> ticker(request, now);
        };
    }

    private BinanceHttpAnswer depth(final BinanceHttpRequest request)
    {
        final BinanceHttpAnswer bad = checkSymbol(request);
        if (bad != null)
        {
            return bad;
        }
        final Integer limit = integer(request, "limit", 100);
        if (limit == null || limit < 1)
        {
            return illegalInteger("limit");
        }
        final String body = market.snapshot(parameter(request, "symbol"), Math.min(limit, 5000));
        return body == null ? BinanceAnswers.badRequest(-1121, "Invalid symbol.") : BinanceAnswers.okJson(body);
    }

    private BinanceHttpAnswer trades(final BinanceHttpRequest request)
    {
        final BinanceHttpAnswer bad = checkSymbol(request);
        final Integer limit = integer(request, "limit", 500);
        if (bad != null || limit == null || limit < 1)
        {
            return bad != null ? bad : illegalInteger("limit");
        }
        final ArrayNode list = BinanceAnswers.JSON.createArrayNode();
        for (final BinanceMarketTape.Trade trade : tape.recentTrades(parameter(request, "symbol"), Math.min(limit, 1000)))
        {
            list.addObject().put("id", trade.id()).put("price", BinanceAmounts.format(trade.price()))
                .put("qty", BinanceAmounts.format(trade.quantity()))
                .put("quoteQty", BinanceAmounts.format(trade.price().multiply(trade.quantity())))
                .put("time", trade.time()).put("isBuyerMaker", trade.buyerIsMaker()).put("isBestMatch", true);
        }
        return BinanceAnswers.ok(list);
    }

    /**
     * {@code aggTrades}: one aggregate per trade (the simulated market fills no taker order at several prices), so
     * {@code a}, {@code f} and {@code l} are the trade's id; from {@code fromId}, or within the times, or the latest.
     */
    private BinanceHttpAnswer aggregateTrades(final BinanceHttpRequest request)
    {
        final BinanceHttpAnswer bad = checkSymbol(request);
        final Integer limit = integer(request, "limit", 500);
        final Integer fromId = integer(request, "fromId", -1);
        final Integer start = integer(request, "startTime", -1);
        final Integer end = integer(request, "endTime", -1);
        if (bad != null || limit == null || limit < 1 || fromId == null || start == null || end == null)
        {
            return bad != null ? bad : illegalInteger(limit == null || limit < 1 ? "limit" : fromId == null ? "fromId" :
                start == null ? "startTime" : "endTime");
        }
        final long from = longParameter(request, "fromId");
        final long startTime = longParameter(request, "startTime");
        final long endTime = longParameter(request, "endTime");
        final List<BinanceMarketTape.Trade> kept = tape.recentTrades(parameter(request, "symbol"), BinanceMarketTape.RECENT_TRADES);
        kept.removeIf(trade -> trade.id() < from || startTime >= 0 && trade.time() < startTime ||
            endTime >= 0 && trade.time() > endTime);
        final int count = Math.min(limit, 1000);
        final boolean oldestFirst = from >= 0 || startTime >= 0;
        final List<BinanceMarketTape.Trade> chosen = kept.size() <= count ? kept :
            oldestFirst ? kept.subList(0, count) : kept.subList(kept.size() - count, kept.size());
        final ArrayNode list = BinanceAnswers.JSON.createArrayNode();
        for (final BinanceMarketTape.Trade trade : chosen)
        {
            list.addObject().put("a", trade.id()).put("p", BinanceAmounts.format(trade.price()))
                .put("q", BinanceAmounts.format(trade.quantity())).put("f", trade.id()).put("l", trade.id())
                .put("T", trade.time()).put("m", trade.buyerIsMaker()).put("M", true);
        }
        return BinanceAnswers.ok(list);
    }

    private BinanceHttpAnswer klines(final BinanceHttpRequest request)
    {
        final BinanceHttpAnswer bad = checkSymbol(request);
        if (bad != null)
        {
            return bad;
        }
        final String name = parameter(request, "interval");
        if (name == null)
        {
            return mandatory("interval");
        }
        final KlineInterval interval = KlineInterval.parse(name);
        if (interval == null)
        {
            return BinanceAnswers.badRequest(-1120, "Invalid interval.");
        }
        final Integer limit = integer(request, "limit", 500);
        final Integer start = integer(request, "startTime", -1);
        final Integer end = integer(request, "endTime", -1);
        if (limit == null || limit < 1 || start == null || end == null)
        {
            return illegalInteger(limit == null || limit < 1 ? "limit" : start == null ? "startTime" : "endTime");
        }
        final StringBuilder body = new StringBuilder("[");
        for (final Kline kline : tape.klines(parameter(request, "symbol"), interval, longParameter(request, "startTime"),
            longParameter(request, "endTime"), Math.min(limit, 1000)))
        {
            body.append(body.length() > 1 ? "," : "").append(kline.restArray());
        }
        return BinanceAnswers.okJson(body.append(']').toString());
    }

    private BinanceHttpAnswer averagePrice(final BinanceHttpRequest request, final long now)
    {
        final BinanceHttpAnswer bad = checkSymbol(request);
        if (bad != null)
        {
            return bad;
        }
        final String symbol = parameter(request, "symbol");
        final Kline window = tape.window(symbol, now, 5 * 60_000L);
        final BinanceMarketTape.Trade last = tape.lastTrade(symbol);
        final String price = window.volume.signum() == 0 ? BinanceAmounts.format(tape.lastPrice(symbol)) :
            BinanceAmounts.format(window.quoteVolume.divide(window.volume, BinanceAmounts.DECIMALS, RoundingMode.HALF_UP));
        return BinanceAnswers.okJson("{\"mins\":5,\"price\":\"" + price + "\",\"closeTime\":" +
            (last == null ? now : last.time()) + "}");
    }

    /**
     * {@code ticker/24hr}, {@code ticker} (rolling window), {@code ticker/price}, {@code ticker/bookTicker}: one symbol,
     * a list, or every symbol (not for the rolling window).
     */
    private BinanceHttpAnswer ticker(final BinanceHttpRequest request, final long now)
    {
        final String kind = request.path().substring(PREFIX.length());
        final String symbol = parameter(request, "symbol");
        final String type = parameter(request, "type");
        if (type != null && !"FULL".equals(type) && !"MINI".equals(type))
        {
            return BinanceAnswers.badRequest(-1130, "Data sent for parameter 'type' is not valid.");
        }
        final long window = windowMillis(parameter(request, "windowSize"));
        if ("ticker".equals(kind) && window < 0)
        {
            return BinanceAnswers.badRequest(-1100, "Illegal characters found in parameter 'windowSize'; legal range is " +
                "'1m'-'59m', '1h'-'23h', '1d'-'7d'.");
        }
        if ("ticker".equals(kind) && symbol == null && parameter(request, "symbols") == null)
        {
            return BinanceAnswers.badRequest(-1102, "Param 'symbol' or 'symbols' must be sent, but both were empty/null!");
        }
        if (symbol != null)
        {
            final BinanceHttpAnswer bad = checkSymbol(request);
            return bad != null ? bad : BinanceAnswers.ok(tickerOf(kind, symbol, now, window, !"MINI".equals(type)));
        }
        final String list = parameter(request, "symbols");
        final List<String> names;
        if (list != null)
        {
            final BinanceHttpAnswer refused = exchangeInfo.refuseSymbols(list);
            if (refused != null)
            {
                return refused;
            }
            names = BinanceExchangeInfo.symbolList(list);
        }
        else
        {
            names = tape.symbols();
        }
        final ArrayNode answer = BinanceAnswers.JSON.createArrayNode();
        for (final String name : names)
        {
            answer.add(tickerOf(kind, name, now, window, !"MINI".equals(type)));
        }
        return BinanceAnswers.ok(answer);
    }

    private ObjectNode tickerOf(final String kind, final String symbol, final long now, final long window,
        final boolean full)
    {
        return switch (kind)
        {
            case "ticker/24hr" -> tickers.dayStatistics(symbol, now, full);
            case "ticker" -> tickers.statistics(symbol, now, window, full, true);
            case "ticker/price" -> tickers.price(symbol);
            default -> tickers.bookTicker(symbol);
        };
    }

    /** The rolling ticker's {@code windowSize} ({@code 1m}-{@code 59m}, {@code 1h}-{@code 23h}, {@code 1d}-{@code 7d}; default a day), or -1. */
    private static long windowMillis(final String size)
    {
        if (size == null)
        {
            return BinanceTickers.DAY_MILLIS;
        }
        final java.util.regex.Matcher match = java.util.regex.Pattern.compile("([1-9][0-9]?)([mhd])").matcher(size);
        if (!match.matches())
        {
            return -1;
        }
        final int count = Integer.parseInt(match.group(1));
        final char unit = match.group(2).charAt(0);
        final int max = unit == 'm' ? 59 : unit == 'h' ? 23 : 7;
        return count > max ? -1 : count * (unit == 'm' ? 60_000L : unit == 'h' ? 3_600_000L : BinanceTickers.DAY_MILLIS);
    }

    /** -1102 when {@code symbol} is missing, -1121 when it is not served; null when it is fine. */
    private BinanceHttpAnswer checkSymbol(final BinanceHttpRequest request)
    {
        final String symbol = parameter(request, "symbol");
        if (symbol == null)
        {
            return mandatory("symbol");
        }
        return tape.serves(symbol) ? null : BinanceAnswers.badRequest(-1121, "Invalid symbol.");
    }

    private static BinanceHttpAnswer mandatory(final String name)
    {
        return BinanceAnswers.badRequest(-1102, "Mandatory parameter '" + name + "' was not sent, was empty/null, or malformed.");
    }

    private static BinanceHttpAnswer illegalInteger(final String name)
    {
        return BinanceAnswers.badRequest(-1100, "Illegal characters found in parameter '" + name +
            "'; legal range is '^[0-9]{1,20}$'.");
    }

    private static int depthWeight(final String limit)
    {
        int value = 100;
        try
        {
            value = limit == null ? 100 : Integer.parseInt(limit);
        }
        catch (final NumberFormatException ex)
        {
            // weighed as the default; the answer is the -1100 error
        }
        return value <= 100 ? 5 : value <= 500 ? 25 : value <= 1000 ? 50 : 250;
    }

    /** A parameter's first value from the query (the venue reads the query before the body), or null if absent or empty. */
    static String parameter(final BinanceHttpRequest request, final String name)
    {
        final List<String> values = request.query().get(name);
        return values == null || values.isEmpty() || values.get(0).isEmpty() ? null : values.get(0);
    }

    /** An integer parameter, {@code absent} if missing, null if it is no non-negative integer. */
    private static Integer integer(final BinanceHttpRequest request, final String name, final int absent)
    {
        final String value = parameter(request, name);
        if (value == null)
        {
            return absent;
        }
        if (!value.matches("[0-9]{1,20}"))
        {
            return null;
        }
        try
        {
            final long parsed = Long.parseLong(value);
            return (int)Math.min(parsed, Integer.MAX_VALUE);
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
    }

    private static long longParameter(final BinanceHttpRequest request, final String name)
    {
        final String value = parameter(request, name);
        return value == null ? -1 : Long.parseLong(value);
    }
}
