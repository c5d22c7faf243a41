package dev.peregrine.gateway.coinbase.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJson;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /orders/edit}: a new price and size for an open GTC limit or stop-limit order, kept in its
 * {@code edit_history}; the documented {@code edit_failure_reason}s otherwise. Called under the emulator's lock.
 */
final class EmulatorOrderEdits
{
    private EmulatorOrderEdits()
    {
    }

    static EmulatorReply edit(final CoinbaseVenueEmulator venue, final JsonNode json)
    {
        final String orderId = CoinbaseJson.text(json, "order_id");
        if (orderId == null)
        {
            return EmulatorReply.error(400, "INVALID_ARGUMENT", "order_id is required");
        }
        final EmulatedOrder order = venue.ledger().order(orderId);
        final BigDecimal price = decimal(CoinbaseJson.text(json, "price"));
        final BigDecimal size = decimal(CoinbaseJson.text(json, "size"));
        final String refusal = refusal(venue, order, price, size);
        if (refusal != null)
        {
            final Map<String, Object> error = new LinkedHashMap<>();
            error.put("edit_failure_reason", refusal);
            error.put("preview_failure_reason", "INVALID_EDITED_PRICE".equals(refusal) ? "PREVIEW_INVALID_PRICE_PRECISION" :
                "UNKNOWN_PREVIEW_FAILURE_REASON");
            return EmulatorReply.json(200, answer(false, List.of(error)));
        }
        order.limitPrice = price;
        order.baseSize = size;
        final ObjectNode configuration = order.configuration.deepCopy();
        final ObjectNode inner = (ObjectNode)configuration.elements().next();
        inner.put("limit_price", price.toPlainString());
        inner.put("base_size", size.toPlainString());
        order.configuration = configuration;
        final Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("price", price.toPlainString());
        entry.put("size", size.toPlainString());
        entry.put("replace_accept_timestamp", venue.now());
        order.editHistory.add(entry);
        if (order.cumulativeQuantity.compareTo(size) >= 0)
        {
            order.status = "FILLED";
        }
        venue.publish(order);
        return EmulatorReply.json(200, answer(true, List.of()));
    }

    private static String refusal(final CoinbaseVenueEmulator venue, final EmulatedOrder order, final BigDecimal price,
        final BigDecimal size)
    {
        if (order == null)
        {
            return "ORDER_NOT_FOUND";
        }
        if (!order.open())
        {
            return "ONLY_OPEN_ORDERS_CAN_BE_EDITED";
        }
        if (!"LIMIT_GTC".equals(order.orderType) && !"STOP_LIMIT_GTC".equals(order.orderType))
        {
            return "ONLY_LIMIT_ORDER_EDITS_SUPPORTED";
        }
        final ProductCatalog.Product product = venue.product(order.productId);
        if (price == null || price.signum() <= 0 ||
            (product != null && price.remainder(BigDecimal.valueOf(product.priceIncrement(), FixedPoint.DECIMALS)).signum() != 0))
        {
            return "INVALID_EDITED_PRICE";
        }
        if (size == null || size.signum() <= 0 ||
            (product != null && size.remainder(BigDecimal.valueOf(product.sizeIncrement(), FixedPoint.DECIMALS)).signum() != 0))
        {
            return "INVALID_EDITED_SIZE";
        }
        if (size.compareTo(order.cumulativeQuantity) < 0)
        {
            return "CANNOT_EDIT_TO_BELOW_FILLED_SIZE";
        }
        if (price.compareTo(order.limitPrice) == 0 && size.compareTo(order.baseSize) == 0)
        {
            return "EDIT_REQUEST_EQUAL_TO_ORIGINAL_REQUEST";
        }
        return null;
    }

    private static Map<String, Object> answer(final boolean success, final List<Object> errors)
    {
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("success", success);
        answer.put("errors", errors);
        return answer;
    }

    private static BigDecimal decimal(final String text)
    {
        try
        {
            return text == null ? null : new BigDecimal(text);
        }
        catch (final NumberFormatException ex)
        {
            return null;
        }
    }
}
