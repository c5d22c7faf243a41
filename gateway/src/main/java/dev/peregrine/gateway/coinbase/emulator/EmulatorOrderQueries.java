package dev.peregrine.gateway.coinbase.emulator;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The read-only order endpoints: Get Order ({@code /orders/historical/{order_id}}), List Orders
 * ({@code /orders/historical/batch}, newest first, with its filters and cursor pages) and List Fills
 * ({@code /orders/historical/fills}, newest first). A cursor is the index of the next entry in the filtered
 * list. Called under the emulator's lock.
 */
final class EmulatorOrderQueries
{
    /** The most orders or fills one page holds, as the venue documents. */
    static final int MAX_PAGE = 1000;

    private final CoinbaseVenueEmulator venue;
    private int listPageSize = MAX_PAGE;

    EmulatorOrderQueries(final CoinbaseVenueEmulator venue)
    {
        this.venue = venue;
    }

    /** Test hook: orders per page at most, whatever {@code limit} asks (small pages test the paging). */
    void listPageSize(final int size)
    {
        listPageSize = size;
    }

    EmulatorReply order(final String orderId)
    {
        final EmulatedOrder order = venue.ledger().order(orderId);
        if (order == null)
        {
            return EmulatorReply.error(404, "NOT_FOUND", "order with this orderID was not found");
        }
        return EmulatorReply.json(200, Map.of("order", order.toRestJson()));
    }

    /**
     * Filters: {@code order_ids}, {@code product_ids} (or the older {@code product_id}), {@code order_status},
     * {@code order_types}, {@code order_side}, {@code time_in_forces}, {@code product_type}, {@code start_date}
     * and {@code end_date} (RFC 3339, on the creation time); {@code limit}, {@code cursor}.
     */
    EmulatorReply listOrders(final EmulatorRequest request)
    {
        final List<String> statuses = request.params("order_status");
        if (statuses.contains("OPEN") && statuses.size() > 1)
        {
            return EmulatorReply.error(400, "INVALID_ARGUMENT", "order_status OPEN cannot be combined with other statuses");
        }
        final List<String> ids = request.params("order_ids");
        final List<String> products = new ArrayList<>(request.params("product_ids"));
        products.addAll(request.params("product_id"));
        final List<String> types = request.params("order_types");
        final List<String> tifs = request.params("time_in_forces");
        final String side = request.param("order_side");
        final String productType = request.param("product_type");
        final Instant start = instant(request, "start_date");
        final Instant end = instant(request, "end_date");
        final Predicate<EmulatedOrder> wanted = o -> (ids.isEmpty() || ids.contains(o.orderId)) &&
            (products.isEmpty() || products.contains(o.productId)) &&
            (statuses.isEmpty() || statuses.contains(o.status)) &&
            (types.isEmpty() || types.contains(String.valueOf(o.toRestJson().get("order_type")))) &&
            (tifs.isEmpty() || tifs.contains(o.timeInForce())) &&
            (side == null || side.equals(o.side)) &&
            (productType == null || "UNKNOWN_PRODUCT_TYPE".equals(productType) || productType.equals(o.productType())) &&
            (start == null || !Instant.parse(o.creationTime).isBefore(start)) &&
            (end == null || Instant.parse(o.creationTime).isBefore(end));
        final List<EmulatedOrder> matching = new ArrayList<>();
        for (final EmulatedOrder order : venue.ledger().orders())
        {
            if (wanted.test(order))
            {
                matching.add(0, order); // newest first
            }
        }
        final List<Object> page = new ArrayList<>();
        final String next = page(request, matching, Math.min(listPageSize, MAX_PAGE), o -> page.add(o.toRestJson()));
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("orders", page);
        answer.put("sequence", "0");
        answer.put("has_next", !next.isEmpty());
        answer.put("cursor", next);
        return EmulatorReply.json(200, answer);
    }

    /**
     * Filters: {@code order_ids} (or the older {@code order_id}), {@code trade_ids}, {@code product_ids} (or
     * {@code product_id}), {@code start_sequence_timestamp}, {@code end_sequence_timestamp}; {@code limit},
     * {@code cursor}.
     */
    EmulatorReply listFills(final EmulatorRequest request)
    {
        final List<String> orders = new ArrayList<>(request.params("order_ids"));
        orders.addAll(request.params("order_id"));
        final List<String> trades = request.params("trade_ids");
        final List<String> products = new ArrayList<>(request.params("product_ids"));
        products.addAll(request.params("product_id"));
        final Instant start = instant(request, "start_sequence_timestamp");
        final Instant end = instant(request, "end_sequence_timestamp");
        final List<EmulatedFill> matching = new ArrayList<>();
        for (final EmulatedFill fill : venue.ledger().fills())
        {
            final Instant at = Instant.parse(fill.tradeTime());
            if ((orders.isEmpty() || orders.contains(fill.order().orderId)) && (trades.isEmpty() || trades.contains(fill.tradeId())) &&
                (products.isEmpty() || products.contains(fill.order().productId)) &&
                (start == null || !at.isBefore(start)) && (end == null || at.isBefore(end)))
            {
                matching.add(0, fill); // newest first
            }
        }
        final List<Object> page = new ArrayList<>();
        final String next = page(request, matching, MAX_PAGE, f -> page.add(f.toJson()));
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("fills", page);
        answer.put("cursor", next);
        return EmulatorReply.json(200, answer);
    }

    /** Adds one page of {@code all} from the request's cursor; returns the next page's cursor, "" after the last. */
    private static <T> String page(final EmulatorRequest request, final List<T> all, final int cap,
        final java.util.function.Consumer<T> add)
    {
        final long limit = request.longParam("limit", cap);
        final long from = request.longParam("cursor", 0);
        if (limit < 1 || from < 0)
        {
            throw new IllegalArgumentException("limit must be at least 1 and cursor a cursor this venue gave");
        }
        final int to = (int)Math.min(all.size(), from + Math.min(limit, cap));
        for (int i = (int)Math.min(from, all.size()); i < to; i++)
        {
            add.accept(all.get(i));
        }
        return to < all.size() ? Integer.toString(to) : "";
    }

    private static Instant instant(final EmulatorRequest request, final String name)
    {
        final String text = request.param(name);
        try
        {
            return text == null ? null : Instant.parse(text);
        }
        catch (final DateTimeParseException ex)
        {
            throw new IllegalArgumentException(name + " must be an RFC 3339 UTC time such as 2024-01-01T00:00:00Z, was '" + text + "'");
        }
    }
}
