package dev.peregrine.gateway.coinbase.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The emulator's order-entry endpoints, create, preview and batch cancel, with the documented request and
 * answer shapes. A market order fills at once at the product's fill price, an IOC or FOK limit fills whole
 * there when its limit allows and is cancelled otherwise, a GTC or GTD limit rests (even when marketable:
 * it fills when a later trade reaches it), a stop-limit waits for its stop. Called under its lock.
 */
final class EmulatorOrders
{
    private EmulatorOrders()
    {
    }

    static EmulatorReply create(final CoinbaseVenueEmulator venue, final JsonNode json)
    {
        final String clientOrderId = CoinbaseJson.text(json, "client_order_id");
        final EmulatorOrderSpec spec = EmulatorOrderSpec.parse(json);
        if (clientOrderId == null || spec.problem != null)
        {
            return EmulatorReply.error(400, "INVALID_ARGUMENT",
                clientOrderId == null ? "client_order_id is required" : spec.problem);
        }
        final EmulatedOrder existing = venue.ledger().existing(clientOrderId);
        if (existing != null)
        {
            // Coinbase de-duplicates on client_order_id: the same id answers with the order it already has.
            return EmulatorReply.json(200, success(existing));
        }
        final BigDecimal price = venue.fillPriceOf(spec.productId);
        EmulatorOrderChecks.Refusal refusal = EmulatorOrderChecks.check(venue, spec, price);
        final BigDecimal baseSize = refusal == null ? EmulatorOrderChecks.baseFor(venue, spec, price) : null;
        if (refusal == null && baseSize.signum() == 0)
        {
            refusal = new EmulatorOrderChecks.Refusal("UNKNOWN_FAILURE_REASON", "PREVIEW_INVALID_QUOTE_SIZE_TOO_SMALL",
                "quote_size buys less than one base_increment at " + price.toPlainString());
        }
        if (refusal != null)
        {
            return EmulatorReply.json(200, failure(refusal));
        }
        final EmulatedOrder placed = new EmulatedOrder(venue.ledger().nextOrderId(), clientOrderId, spec.productId, spec.side,
            spec.type, baseSize, spec.limitPrice, spec.postOnly, venue.now());
        placed.configuration = spec.configuration;
        placed.quoteSize = spec.quoteSize;
        placed.stopPrice = spec.stopPrice;
        placed.stopDirection = spec.stopDirection;
        placed.endEpochSecond = spec.endEpochSecond;
        placed.leverage = spec.leverage;
        placed.marginType = spec.marginType;
        venue.ledger().add(placed);
        switch (spec.type)
        {
            case "MARKET_IOC":
                venue.ledger().fill(placed, baseSize, price, false);
                break;
            case "LIMIT_IOC":
            case "LIMIT_FOK":
                // Whole or nothing at the product's price: the emulator's market has no depth to fill part of it.
                if (spec.marketableAt(price))
                {
                    venue.ledger().fill(placed, baseSize, price, false);
                }
                else
                {
                    placed.status = "CANCELLED";
                    placed.cancelReason = ("LIMIT_FOK".equals(spec.type) ? "FOK" : "IOC") + ": not marketable at its limit";
                }
                break;
            default:
                break; // rests
        }
        venue.publish(placed);
        return EmulatorReply.json(200, success(placed));
    }

    static EmulatorReply preview(final CoinbaseVenueEmulator venue, final JsonNode json)
    {
        final EmulatorOrderSpec spec = EmulatorOrderSpec.parse(json);
        if (spec.problem != null)
        {
            return EmulatorReply.error(400, "INVALID_ARGUMENT", spec.problem);
        }
        final BigDecimal price = venue.fillPriceOf(spec.productId);
        final EmulatorOrderChecks.Refusal refusal = EmulatorOrderChecks.check(venue, spec, price);
        final List<Object> errs = new ArrayList<>();
        BigDecimal base = BigDecimal.ZERO;
        BigDecimal total = BigDecimal.ZERO;
        BigDecimal commission = BigDecimal.ZERO;
        BigDecimal quote = BigDecimal.ZERO;
        if (refusal != null)
        {
            errs.add(refusal.previewReason());
        }
        if (price != null && spec.unsupported == null)
        {
            base = EmulatorOrderChecks.baseFor(venue, spec, price);
            final BigDecimal at = spec.limitPrice != null ? spec.limitPrice : price;
            quote = base.multiply(at);
            commission = quote.multiply(EmulatedOrder.FEE_RATE);
            total = spec.buy() ? quote.add(commission) : quote.subtract(commission);
        }
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("order_total", EmulatedOrder.plain(total));
        answer.put("commission_total", EmulatedOrder.plain(commission));
        answer.put("errs", errs);
        answer.put("warning", List.of());
        answer.put("quote_size", EmulatedOrder.plain(quote));
        answer.put("base_size", EmulatedOrder.plain(base));
        answer.put("best_bid", price == null ? "0" : price.toPlainString());
        answer.put("best_ask", price == null ? "0" : price.toPlainString());
        answer.put("is_max", false);
        answer.put("order_margin_total", "0");
        answer.put("leverage", "");
        answer.put("long_leverage", "");
        answer.put("short_leverage", "");
        answer.put("slippage", "0");
        answer.put("preview_id", UUID.randomUUID().toString());
        answer.put("average_filled_price", price == null ? "0" : (spec.limitPrice != null ? spec.limitPrice : price).toPlainString());
        return EmulatorReply.json(200, answer);
    }

    static EmulatorReply cancel(final CoinbaseVenueEmulator venue, final JsonNode json)
    {
        if (json == null || !json.has("order_ids") || !json.get("order_ids").isArray())
        {
            return EmulatorReply.error(400, "INVALID_ARGUMENT", "order_ids (an array of order ids) is required");
        }
        final List<Object> results = new ArrayList<>();
        for (final JsonNode id : CoinbaseJson.array(json, "order_ids"))
        {
            final String orderId = id.asText();
            final EmulatedOrder order = venue.ledger().order(orderId);
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
                result.put("failure_reason", order == null ? "UNKNOWN_CANCEL_ORDER" :
                    "FILLED".equals(order.status) ? "ORDER_IS_FULLY_FILLED" : "DUPLICATE_CANCEL_REQUEST");
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
        answer.put("order_configuration", order.configuration);
        return answer;
    }

    private static Map<String, Object> failure(final EmulatorOrderChecks.Refusal refusal)
    {
        final Map<String, Object> errorResponse = new LinkedHashMap<>();
        errorResponse.put("error", refusal.error());
        errorResponse.put("message", refusal.message());
        errorResponse.put("error_details", refusal.message());
        errorResponse.put("preview_failure_reason", refusal.previewReason());
        errorResponse.put("new_order_failure_reason", refusal.error());
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", false);
        answer.put("failure_reason", "UNKNOWN_FAILURE_REASON");
        answer.put("order_id", "");
        answer.put("error_response", errorResponse);
        return answer;
    }
}
