package dev.peregrine.gateway.coinbase.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The emulator's order endpoints, with the documented request and answer shapes. Called under its lock. */
final class EmulatorOrders
{
    private EmulatorOrders()
    {
    }

    static EmulatorReply create(final CoinbaseVenueEmulator venue, final JsonNode json)
    {
        final String clientOrderId = CoinbaseJson.text(json, "client_order_id");
        final Parsed order = parse(json);
        if (clientOrderId == null || order.problem != null)
        {
            return EmulatorReply.error(400, "INVALID_ARGUMENT",
                clientOrderId == null ? "client_order_id is required" : order.problem);
        }
        final EmulatedOrder existing = venue.existing(clientOrderId);
        if (existing != null)
        {
            // Coinbase de-duplicates on client_order_id: the same id answers with the order it already has.
            return EmulatorReply.json(200, success(existing));
        }
        final BigDecimal price = venue.fillPriceOf(order.productId);
        if (price == null)
        {
            final Map<String, Object> errorResponse = new LinkedHashMap<>();
            errorResponse.put("error", "INVALID_PRODUCT_ID");
            errorResponse.put("message", "unknown product " + order.productId);
            errorResponse.put("error_details", "");
            errorResponse.put("preview_failure_reason", "PREVIEW_INVALID_PRODUCT_ID");
            errorResponse.put("new_order_failure_reason", "INVALID_PRODUCT_ID");
            final Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("success", false);
            answer.put("failure_reason", "UNKNOWN_FAILURE_REASON");
            answer.put("order_id", "");
            answer.put("error_response", errorResponse);
            return EmulatorReply.json(200, answer);
        }
        final EmulatedOrder placed = new EmulatedOrder(venue.nextOrderId(), clientOrderId, order.productId, order.side,
            order.type, order.baseSize, order.limitPrice, order.postOnly, venue.now());
        placed.configuration = json.get("order_configuration");
        venue.add(placed);
        if ("MARKET_IOC".equals(order.type))
        {
            venue.fill(placed, order.baseSize, price, false);
        }
        else if ("LIMIT_IOC".equals(order.type))
        {
            // Immediate or cancel: fills at the product's price if that is at or better than the limit.
            final boolean marketable = "BUY".equals(order.side) ? price.compareTo(order.limitPrice) <= 0 :
                price.compareTo(order.limitPrice) >= 0;
            if (marketable)
            {
                venue.fill(placed, order.baseSize, price, false);
            }
            else
            {
                placed.status = "CANCELLED";
                placed.cancelReason = "IOC: not marketable at its limit";
            }
        }
        venue.publish(placed);
        return EmulatorReply.json(200, success(placed));
    }

    static EmulatorReply preview(final CoinbaseVenueEmulator venue, final JsonNode json)
    {
        final Parsed order = parse(json);
        if (order.problem != null)
        {
            return EmulatorReply.error(400, "INVALID_ARGUMENT", order.problem);
        }
        final BigDecimal price = venue.fillPriceOf(order.productId);
        final List<Object> errs = new ArrayList<>();
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal commission = BigDecimal.ZERO;
        if (price == null)
        {
            errs.add("PREVIEW_INVALID_PRODUCT_ID");
        }
        else
        {
            final BigDecimal at = order.limitPrice != null ? order.limitPrice : price;
            final BigDecimal notional = order.baseSize.multiply(at);
            commission = notional.multiply(EmulatedOrder.FEE_RATE);
            total = notional.add(commission);
        }
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("order_total", total.stripTrailingZeros().toPlainString());
        answer.put("commission_total", commission.stripTrailingZeros().toPlainString());
        answer.put("errs", errs);
        answer.put("warning", List.of());
        answer.put("quote_size", price == null ? "0" : order.baseSize.multiply(price).stripTrailingZeros().toPlainString());
        answer.put("base_size", order.baseSize.toPlainString());
        answer.put("best_bid", price == null ? "0" : price.toPlainString());
        answer.put("best_ask", price == null ? "0" : price.toPlainString());
        answer.put("slippage", "0");
        answer.put("preview_id", UUID.randomUUID().toString());
        return EmulatorReply.json(200, answer);
    }

    static EmulatorReply cancel(final CoinbaseVenueEmulator venue, final JsonNode json)
    {
        final List<Object> results = new ArrayList<>();
        for (final JsonNode id : CoinbaseJson.array(json, "order_ids"))
        {
            final String orderId = id.asText();
            final EmulatedOrder order = venue.order(orderId);
            final Map<String, Object> result = new LinkedHashMap<>();
            if (order != null && order.open())
            {
                order.status = "CANCELLED";
                order.cancelReason = "User requested cancel";
                venue.publish(order);
                result.put("success", true);
                result.put("failure_reason", "UNKNOWN_CANCEL_FAILURE_REASON");
            }
            else
            {
                result.put("success", false);
                result.put("failure_reason", order == null ? "UNKNOWN_CANCEL_ORDER" : "DUPLICATE_CANCEL_REQUEST");
            }
            result.put("order_id", orderId);
            results.add(result);
        }
        return EmulatorReply.json(200, Map.of("results", results));
    }

    private static Map<String, Object> success(final EmulatedOrder order)
    {
        final Map<String, Object> successResponse = new LinkedHashMap<>();
        successResponse.put("order_id", order.orderId);
        successResponse.put("product_id", order.productId);
        successResponse.put("side", order.side);
        successResponse.put("client_order_id", order.clientOrderId);
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", true);
        answer.put("failure_reason", "UNKNOWN_FAILURE_REASON");
        answer.put("order_id", order.orderId);
        answer.put("success_response", successResponse);
        return answer;
    }

    private static final class Parsed
    {
        String productId;
        String side;
        String type;
        BigDecimal baseSize;
        BigDecimal limitPrice;
        boolean postOnly;
        String problem;
    }

    private static Parsed parse(final JsonNode json)
    {
        final Parsed p = new Parsed();
        p.productId = CoinbaseJson.text(json, "product_id");
        p.side = CoinbaseJson.text(json, "side");
        final JsonNode config = CoinbaseJson.object(json, "order_configuration");
        if (p.productId == null || !("BUY".equals(p.side) || "SELL".equals(p.side)) || config == null || config.size() != 1)
        {
            p.problem = "need product_id, side BUY|SELL and exactly one order_configuration";
            return p;
        }
        final JsonNode market = CoinbaseJson.object(config, "market_market_ioc");
        final JsonNode limit = CoinbaseJson.object(config, "limit_limit_gtc");
        final JsonNode limitIoc = CoinbaseJson.object(config, "sor_limit_ioc");
        try
        {
            if (market != null && CoinbaseJson.text(market, "base_size") != null)
            {
                p.type = "MARKET_IOC";
                p.baseSize = new BigDecimal(CoinbaseJson.text(market, "base_size"));
            }
            else if (limit != null)
            {
                p.type = "LIMIT_GTC";
                p.baseSize = new BigDecimal(CoinbaseJson.text(limit, "base_size"));
                p.limitPrice = new BigDecimal(CoinbaseJson.text(limit, "limit_price"));
                p.postOnly = CoinbaseJson.bool(limit, "post_only");
            }
            else if (limitIoc != null)
            {
                p.type = "LIMIT_IOC";
                p.baseSize = new BigDecimal(CoinbaseJson.text(limitIoc, "base_size"));
                p.limitPrice = new BigDecimal(CoinbaseJson.text(limitIoc, "limit_price"));
            }
            else
            {
                final List<String> names = new ArrayList<>();
                config.fieldNames().forEachRemaining(names::add);
                p.problem = "unsupported order_configuration " + names;
                return p;
            }
        }
        catch (final NullPointerException | NumberFormatException ex)
        {
            p.problem = "base_size and limit_price must be decimal strings";
            return p;
        }
        if (p.baseSize.signum() <= 0 || (p.limitPrice != null && p.limitPrice.signum() <= 0))
        {
            p.problem = "base_size and limit_price must be > 0";
        }
        return p;
    }
}
