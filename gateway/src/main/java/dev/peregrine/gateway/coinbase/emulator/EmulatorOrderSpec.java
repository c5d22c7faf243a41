package dev.peregrine.gateway.coinbase.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJson;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A create or preview request's order, read from its {@code product_id}, {@code side} and the one spot
 * {@code order_configuration} it names: {@code market_market_ioc} (by {@code quote_size} or {@code base_size}),
 * {@code limit_limit_gtc}, {@code limit_limit_gtd}, {@code limit_limit_fok}, {@code sor_limit_ioc},
 * {@code stop_limit_stop_limit_gtc} or {@code stop_limit_stop_limit_gtd}. {@link #problem} says what makes the
 * request malformed (a 400); {@link #unsupported} names a configuration the emulator does not trade.
 */
final class EmulatorOrderSpec
{
    /** Configuration name to the emulator's order type. */
    private static final Map<String, String> TYPES = Map.of(
        "market_market_ioc", "MARKET_IOC", "limit_limit_gtc", "LIMIT_GTC", "limit_limit_gtd", "LIMIT_GTD",
        "limit_limit_fok", "LIMIT_FOK", "sor_limit_ioc", "LIMIT_IOC", "stop_limit_stop_limit_gtc", "STOP_LIMIT_GTC",
        "stop_limit_stop_limit_gtd", "STOP_LIMIT_GTD");

    String productId;
    String side;
    String type;
    JsonNode configuration;
    BigDecimal baseSize;
    BigDecimal quoteSize;
    BigDecimal limitPrice;
    BigDecimal stopPrice;
    String stopDirection;
    long endEpochSecond;
    boolean postOnly;
    String problem;
    String unsupported;
    /** An INTX perpetual order's {@code leverage} (null: the product's maximum) and {@code margin_type} (null: CROSS). */
    BigDecimal leverage;
    String marginType;

    static EmulatorOrderSpec parse(final JsonNode json)
    {
        final EmulatorOrderSpec s = new EmulatorOrderSpec();
        s.productId = CoinbaseJson.text(json, "product_id");
        s.side = CoinbaseJson.text(json, "side");
        final JsonNode config = CoinbaseJson.object(json, "order_configuration");
        if (s.productId == null || !("BUY".equals(s.side) || "SELL".equals(s.side)) || config == null || config.size() != 1)
        {
            s.problem = "need product_id, side BUY|SELL and exactly one order_configuration";
            return s;
        }
        final String name = config.fieldNames().next();
        s.configuration = config;
        s.type = TYPES.get(name);
        if (s.type == null)
        {
            s.unsupported = name;
            return s;
        }
        final JsonNode c = config.get(name);
        try
        {
            s.baseSize = decimal(c, "base_size");
            s.quoteSize = "MARKET_IOC".equals(s.type) ? decimal(c, "quote_size") : null;
            if ("MARKET_IOC".equals(s.type) ? (s.baseSize == null) == (s.quoteSize == null) : s.baseSize == null)
            {
                s.problem = "MARKET_IOC".equals(s.type) ? "market_market_ioc needs exactly one of base_size and quote_size" :
                    name + " needs base_size";
                return s;
            }
            if (!"MARKET_IOC".equals(s.type))
            {
                s.limitPrice = required(c, "limit_price", name);
                s.postOnly = CoinbaseJson.bool(c, "post_only");
            }
            if (s.type.startsWith("STOP_LIMIT"))
            {
                s.stopPrice = required(c, "stop_price", name);
                s.stopDirection = CoinbaseJson.text(c, "stop_direction");
                if (!"STOP_DIRECTION_STOP_UP".equals(s.stopDirection) && !"STOP_DIRECTION_STOP_DOWN".equals(s.stopDirection))
                {
                    s.problem = name + " needs stop_direction STOP_DIRECTION_STOP_UP or STOP_DIRECTION_STOP_DOWN";
                    return s;
                }
            }
            if (s.type.endsWith("GTD"))
            {
                final String end = CoinbaseJson.text(c, "end_time");
                if (end == null)
                {
                    s.problem = name + " needs end_time (RFC 3339)";
                    return s;
                }
                s.endEpochSecond = Instant.parse(end).getEpochSecond();
            }
        }
        catch (final NumberFormatException ex)
        {
            s.problem = "sizes and prices must be decimal strings";
            return s;
        }
        catch (final DateTimeParseException ex)
        {
            s.problem = "end_time must be an RFC 3339 UTC time such as 2030-01-01T00:00:00Z";
            return s;
        }
        catch (final IllegalArgumentException ex)
        {
            s.problem = ex.getMessage();
            return s;
        }
        try
        {
            s.leverage = decimal(json, "leverage");
        }
        catch (final NumberFormatException ex)
        {
            s.problem = "leverage must be a decimal string";
            return s;
        }
        s.marginType = CoinbaseJson.text(json, "margin_type");
        if (s.marginType != null && !"CROSS".equals(s.marginType) && !"ISOLATED".equals(s.marginType))
        {
            s.problem = "margin_type must be CROSS or ISOLATED";
            return s;
        }
        for (final BigDecimal value : new BigDecimal[] {s.baseSize, s.quoteSize, s.limitPrice, s.stopPrice, s.leverage})
        {
            if (value != null && value.signum() <= 0)
            {
                s.problem = "sizes and prices must be > 0";
            }
        }
        return s;
    }

    /** Every decimal the order names that must sit on the product's price grid. */
    List<BigDecimal> prices()
    {
        final List<BigDecimal> prices = new ArrayList<>();
        if (limitPrice != null)
        {
            prices.add(limitPrice);
        }
        if (stopPrice != null)
        {
            prices.add(stopPrice);
        }
        return prices;
    }

    boolean buy()
    {
        return "BUY".equals(side);
    }

    /** Whether a trade at {@code price} reaches this order's limit. */
    boolean marketableAt(final BigDecimal price)
    {
        return buy() ? price.compareTo(limitPrice) <= 0 : price.compareTo(limitPrice) >= 0;
    }

    private static BigDecimal decimal(final JsonNode c, final String key)
    {
        final String text = CoinbaseJson.text(c, key);
        return text == null || text.isEmpty() ? null : new BigDecimal(text);
    }

    private static BigDecimal required(final JsonNode c, final String key, final String name)
    {
        final BigDecimal value = decimal(c, key);
        if (value == null)
        {
            throw new IllegalArgumentException(name + " needs " + key);
        }
        return value;
    }
}
