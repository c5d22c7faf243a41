package dev.peregrine.gateway.coinbase.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Get Order, List Orders and List Fills over real HTTP, signed, against orders the emulator made. */
class EmulatorOrderQueriesTest
{
    private static final String B = "/api/v3/brokerage";
    private static final List<String> ORDER_FIELDS = List.of("order_id", "product_id", "user_id", "order_configuration",
        "side", "client_order_id", "status", "time_in_force", "created_time", "completion_percentage", "filled_size",
        "average_filled_price", "number_of_fills", "filled_value", "pending_cancel", "size_in_quote", "total_fees",
        "size_inclusive_of_fees", "total_value_after_fees", "trigger_status", "order_type", "reject_reason", "settled",
        "product_type", "reject_message", "cancel_message", "order_placement_source", "outstanding_hold_amount",
        "is_liquidation", "last_fill_time", "edit_history", "leverage", "margin_type", "retail_portfolio_id");
    private static final List<String> FILL_FIELDS = List.of("entry_id", "trade_id", "order_id", "trade_time", "trade_type",
        "price", "size", "commission", "product_id", "sequence_timestamp", "liquidity_indicator", "size_in_quote",
        "user_id", "side", "retail_portfolio_id");

    @RegisterExtension
    final EmulatorClient client = new EmulatorClient();

    private String create(final String clientId, final String side, final Map<String, Object> configuration)
    {
        final EmulatorClient.Answer answer = client.signedPost(B + "/orders", Map.of("client_order_id", clientId,
            "product_id", "BTC-USD", "side", side, "order_configuration", configuration));
        assertThat(answer.json().get("success").asBoolean()).as(answer.body()).isTrue();
        return answer.json().get("order_id").asText();
    }

    private static Map<String, Object> market(final String baseSize)
    {
        return Map.of("market_market_ioc", Map.of("base_size", baseSize));
    }

    private static Map<String, Object> limit(final String baseSize, final String price)
    {
        return Map.of("limit_limit_gtc", Map.of("base_size", baseSize, "limit_price", price, "post_only", false));
    }

    @Test
    void getOrderAnswersEveryDocumentedFieldAndEchoesTheConfiguration()
    {
        final String id = create("q-1", "BUY", market("0.01"));
        final EmulatorClient.Answer answer = client.signedGet(B + "/orders/historical/" + id);
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        final JsonNode order = answer.json().get("order");
        assertThat(order.fieldNames()).toIterable().containsAll(ORDER_FIELDS);
        assertThat(order.get("status").asText()).isEqualTo("FILLED");
        assertThat(order.get("client_order_id").asText()).isEqualTo("q-1");
        assertThat(order.get("filled_size").asText()).isEqualTo("0.01");
        assertThat(order.get("average_filled_price").asText()).isEqualTo("65000");
        assertThat(order.get("order_configuration").get("market_market_ioc").get("base_size").asText()).isEqualTo("0.01");
        assertThat(order.get("completion_percentage").asText()).isEqualTo("100");
        final EmulatorClient.Answer unknown = client.signedGet(B + "/orders/historical/00000000-0000-0000-0000-000000000000");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().get("error").asText()).isEqualTo("NOT_FOUND");
        assertThat(client.get(B + "/orders/historical/" + id).status()).isEqualTo(401);
    }

    @Test
    void fillsListTakerAndMakerFillsNewestFirstFilteredByOrder()
    {
        final String taker = create("q-2", "BUY", market("0.02"));
        final String maker = create("q-3", "SELL", limit("0.03", "66000"));
        client.venue().fillResting(maker, "0.01");
        final EmulatorClient.Answer all = client.signedGet(B + "/orders/historical/fills");
        assertThat(all.status()).as(all.body()).isEqualTo(200);
        final JsonNode fills = all.json().get("fills");
        assertThat(fills).hasSize(2);
        assertThat(fills.get(0).fieldNames()).toIterable().containsAll(FILL_FIELDS);
        assertThat(fills.findValuesAsText("order_id")).containsExactly(maker, taker);
        assertThat(fills.get(0).get("liquidity_indicator").asText()).isEqualTo("MAKER");
        assertThat(fills.get(0).get("price").asText()).isEqualTo("66000");
        assertThat(fills.get(0).get("commission").asText()).isEqualTo("3.96"); // 0.01 x 66000 x 0.6%
        assertThat(fills.get(1).get("liquidity_indicator").asText()).isEqualTo("TAKER");
        final JsonNode one = client.signedGet(B + "/orders/historical/fills?order_ids=" + taker).json().get("fills");
        assertThat(one.findValuesAsText("order_id")).containsExactly(taker);
        assertThat(one.get(0).get("size").asText()).isEqualTo("0.02");
        final JsonNode paged = client.signedGet(B + "/orders/historical/fills?limit=1").json();
        assertThat(paged.get("fills")).hasSize(1);
        assertThat(paged.get("cursor").asText()).isEqualTo("1");
        assertThat(client.signedGet(B + "/orders/historical/fills?limit=1&cursor=1").json().get("fills")
            .findValuesAsText("order_id")).containsExactly(taker);
    }

    @Test
    void listOrdersFiltersByStatusProductAndDatesAndPagesByCursor()
    {
        final String filled = create("q-4", "BUY", market("0.01"));
        final String open = create("q-5", "BUY", limit("0.01", "60000"));
        final JsonNode openOnly = client.signedGet(B + "/orders/historical/batch?order_status=OPEN").json();
        assertThat(openOnly.get("orders").findValuesAsText("order_id")).containsExactly(open);
        assertThat(client.signedGet(B + "/orders/historical/batch?order_status=FILLED&order_status=CANCELLED").json()
            .get("orders").findValuesAsText("order_id")).containsExactly(filled);
        assertThat(client.signedGet(B + "/orders/historical/batch?order_status=OPEN&order_status=FILLED").status()).isEqualTo(400);
        assertThat(client.signedGet(B + "/orders/historical/batch?product_ids=ETH-USD").json().get("orders")).isEmpty();
        assertThat(client.signedGet(B + "/orders/historical/batch?start_date=2100-01-01T00:00:00Z").json().get("orders")).isEmpty();
        assertThat(client.signedGet(B + "/orders/historical/batch?end_date=2000-01-01T00:00:00Z").json().get("orders")).isEmpty();
        final EmulatorClient.Answer badDate = client.signedGet(B + "/orders/historical/batch?start_date=yesterday");
        assertThat(badDate.status()).isEqualTo(400);
        assertThat(badDate.json().get("message").asText()).contains("start_date");
        final JsonNode first = client.signedGet(B + "/orders/historical/batch?limit=1").json();
        assertThat(first.get("orders").findValuesAsText("order_id")).containsExactly(open); // newest first
        assertThat(first.get("has_next").asBoolean()).isTrue();
        final JsonNode second = client.signedGet(B + "/orders/historical/batch?limit=1&cursor=" + first.get("cursor").asText()).json();
        assertThat(second.get("orders").findValuesAsText("order_id")).containsExactly(filled);
        assertThat(second.get("has_next").asBoolean()).isFalse();
        assertThat(second.get("orders").get(0).get("order_configuration").has("market_market_ioc")).isTrue();
    }
}
