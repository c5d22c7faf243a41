package dev.peregrine.gateway.coinbase.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.testing.Await;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Create, preview and edit with every spot configuration and their documented refusals, over real HTTP. */
class EmulatorOrderEntryTest
{
    private static final String B = "/api/v3/brokerage";

    @RegisterExtension
    final EmulatorClient client = new EmulatorClient();
    private int ids;

    private JsonNode create(final String side, final String configuration, final Map<String, Object> fields)
    {
        final EmulatorClient.Answer answer = client.signedPost(B + "/orders", Map.of("client_order_id", "e-" + ++ids,
            "product_id", "BTC-USD", "side", side, "order_configuration", Map.of(configuration, fields)));
        assertThat(answer.status()).as(answer.body()).isEqualTo(200);
        return answer.json();
    }

    private JsonNode order(final JsonNode created)
    {
        return client.signedGet(B + "/orders/historical/" + created.get("order_id").asText()).json().get("order");
    }

    private static Map<String, Object> fields(final Object... pairs)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2)
        {
            m.put((String)pairs[i], pairs[i + 1]);
        }
        return m;
    }

    private BigDecimal available(final String currency)
    {
        for (final JsonNode account : client.signedGet(B + "/accounts?limit=250").json().get("accounts"))
        {
            if (currency.equals(account.get("currency").asText()))
            {
                return new BigDecimal(account.get("available_balance").get("value").asText());
            }
        }
        throw new AssertionError("no " + currency + " wallet");
    }

    private static String refusal(final JsonNode created)
    {
        assertThat(created.get("success").asBoolean()).as(created.toString()).isFalse();
        final JsonNode error = created.get("error_response");
        return error.get("new_order_failure_reason").asText() + "/" + error.get("preview_failure_reason").asText();
    }

    @Test
    void marketBuyByQuoteSizeSpendsItFeeIncludedAndMovesBothWallets()
    {
        final BigDecimal usd = available("USD");
        final BigDecimal btc = available("BTC");
        final JsonNode order = order(create("BUY", "market_market_ioc", fields("quote_size", "1006")));
        assertThat(order.get("status").asText()).isEqualTo("FILLED");
        assertThat(order.get("size_in_quote").asBoolean()).isTrue();
        assertThat(order.get("filled_size").asText()).isEqualTo("0.01538461"); // 1006 / 1.006 / 65000, floored to 1e-8
        final BigDecimal spent = new BigDecimal(order.get("total_value_after_fees").asText());
        assertThat(spent).isLessThanOrEqualTo(new BigDecimal("1006"));
        assertThat(available("USD")).isEqualByComparingTo(usd.subtract(spent));
        assertThat(available("BTC")).isEqualByComparingTo(btc.add(new BigDecimal("0.01538461")));
    }

    @Test
    void fokAndIocFillWholeWhenTheLimitAllowsAndAreCancelledOtherwise()
    {
        assertThat(order(create("BUY", "limit_limit_fok", fields("base_size", "0.1", "limit_price", "65000"))).get("status").asText())
            .isEqualTo("FILLED");
        final JsonNode missed = order(create("BUY", "limit_limit_fok", fields("base_size", "0.1", "limit_price", "64000")));
        assertThat(missed.get("status").asText()).isEqualTo("CANCELLED");
        assertThat(missed.get("time_in_force").asText()).isEqualTo("FILL_OR_KILL");
        assertThat(order(create("SELL", "sor_limit_ioc", fields("base_size", "0.1", "limit_price", "64000"))).get("status").asText())
            .isEqualTo("FILLED");
    }

    @Test
    void gtdLimitRestsAndHoldsFundsUntilItsEndTime()
    {
        final BigDecimal usd = available("USD");
        final String end = Instant.now().plusSeconds(2).toString();
        final JsonNode created = create("BUY", "limit_limit_gtd", fields("base_size", "1", "limit_price", "60000", "end_time", end,
            "post_only", true));
        assertThat(order(created).get("status").asText()).isEqualTo("OPEN");
        assertThat(order(created).get("time_in_force").asText()).isEqualTo("GOOD_UNTIL_DATE_TIME");
        assertThat(available("USD")).isEqualByComparingTo(usd.subtract(new BigDecimal("60360"))); // 60000 + 0.6%
        Await.until("GTD order expired", Duration.ofSeconds(10), () -> "EXPIRED".equals(order(created).get("status").asText()));
        assertThat(available("USD")).isEqualByComparingTo(usd);
    }

    @Test
    void stopLimitWaitsForItsStopThenFillsAtItsLimit()
    {
        final JsonNode created = create("BUY", "stop_limit_stop_limit_gtc", fields("base_size", "0.5", "limit_price", "66100",
            "stop_price", "66000", "stop_direction", "STOP_DIRECTION_STOP_UP"));
        assertThat(order(created).get("trigger_status").asText()).isEqualTo("STOP_PENDING");
        assertThat(client.venue().tradeAt("BTC-USD", "65900")).isZero();
        assertThat(client.venue().tradeAt("BTC-USD", "66050")).isEqualTo(1);
        final JsonNode filled = order(created);
        assertThat(filled.get("status").asText()).isEqualTo("FILLED");
        assertThat(filled.get("trigger_status").asText()).isEqualTo("STOP_TRIGGERED");
        assertThat(filled.get("order_type").asText()).isEqualTo("STOP_LIMIT");
        assertThat(filled.get("average_filled_price").asText()).isEqualTo("66100");
    }

    @Test
    void refusalsNameTheDocumentedReasons()
    {
        assertThat(refusal(create("BUY", "market_market_ioc", fields("base_size", "0.000000001"))))
            .isEqualTo("INVALID_SIZE_PRECISION/PREVIEW_INVALID_SIZE_PRECISION");
        assertThat(refusal(create("BUY", "limit_limit_gtc", fields("base_size", "0.1", "limit_price", "65000.001"))))
            .isEqualTo("INVALID_PRICE_PRECISION/PREVIEW_INVALID_PRICE_PRECISION");
        assertThat(refusal(create("BUY", "limit_limit_gtc", fields("base_size", "0.1", "limit_price", "65100", "post_only", true))))
            .isEqualTo("INVALID_LIMIT_PRICE_POST_ONLY/PREVIEW_INVALID_LIMIT_PRICE_POST_ONLY");
        assertThat(refusal(create("BUY", "trigger_bracket_gtc", fields("base_size", "0.1"))))
            .isEqualTo("UNSUPPORTED_ORDER_CONFIGURATION/PREVIEW_INVALID_ORDER_CONFIG");
        assertThat(refusal(create("BUY", "limit_limit_gtd", fields("base_size", "0.1", "limit_price", "60000",
            "end_time", "2020-01-01T00:00:00Z")))).isEqualTo("UNKNOWN_FAILURE_REASON/PREVIEW_INVALID_END_TIME");
        assertThat(refusal(create("SELL", "stop_limit_stop_limit_gtc", fields("base_size", "0.1", "limit_price", "65000",
            "stop_price", "66000", "stop_direction", "STOP_DIRECTION_STOP_DOWN")))).isEqualTo("UNKNOWN_FAILURE_REASON/PREVIEW_INVALID_STOP_PRICE");
        assertThat(refusal(create("BUY", "market_market_ioc", fields("quote_size", "0.5"))))
            .isEqualTo("UNKNOWN_FAILURE_REASON/PREVIEW_INVALID_QUOTE_SIZE_TOO_SMALL");
        client.venue().balance("USD", "100");
        assertThat(refusal(create("BUY", "market_market_ioc", fields("base_size", "1")))).isEqualTo("INSUFFICIENT_FUND/PREVIEW_INSUFFICIENT_FUND");
        final EmulatorClient.Answer preview = client.signedPost(B + "/orders/preview", Map.of("product_id", "BTC-USD", "side", "BUY",
            "order_configuration", Map.of("market_market_ioc", Map.of("base_size", "1"))));
        assertThat(preview.json().get("errs").get(0).asText()).isEqualTo("PREVIEW_INSUFFICIENT_FUND");
        assertThat(preview.json().get("commission_total").asText()).isEqualTo("390");
        final EmulatorClient.Answer malformed = client.signedPost(B + "/orders", Map.of("client_order_id", "x", "product_id", "BTC-USD",
            "side", "BUY", "order_configuration", Map.of("limit_limit_gtc", Map.of("base_size", "1"))));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.json().get("error").asText()).isEqualTo("INVALID_ARGUMENT");
        assertThat(malformed.json().get("code").asInt()).isEqualTo(3);
        assertThat(malformed.json().get("message").asText()).contains("limit_price");
    }

    @Test
    void editChangesAnOpenGtcLimitAndRefusesWhatCannotBeEdited()
    {
        final JsonNode created = create("SELL", "limit_limit_gtc", fields("base_size", "0.3", "limit_price", "70000"));
        final String id = created.get("order_id").asText();
        final EmulatorClient.Answer edited = client.signedPost(B + "/orders/edit", Map.of("order_id", id, "price", "69000", "size", "0.2"));
        assertThat(edited.json().get("success").asBoolean()).as(edited.body()).isTrue();
        final JsonNode order = order(created);
        assertThat(order.get("order_configuration").get("limit_limit_gtc").get("limit_price").asText()).isEqualTo("69000");
        assertThat(order.get("edit_history")).hasSize(1);
        assertThat(client.venue().tradeAt("BTC-USD", "69500")).isEqualTo(1);
        assertThat(order(created).get("filled_size").asText()).isEqualTo("0.2");
        assertThat(editFailure(id, "68000", "0.2")).isEqualTo("ONLY_OPEN_ORDERS_CAN_BE_EDITED");
        assertThat(editFailure("no-such-order", "68000", "0.2")).isEqualTo("ORDER_NOT_FOUND");
        final String market = create("BUY", "market_market_ioc", fields("base_size", "0.1")).get("order_id").asText();
        assertThat(editFailure(market, "1", "1")).isEqualTo("ONLY_OPEN_ORDERS_CAN_BE_EDITED");
        final String rest = create("BUY", "limit_limit_gtc", fields("base_size", "0.1", "limit_price", "60000")).get("order_id").asText();
        assertThat(editFailure(rest, "60000", "0.1")).isEqualTo("EDIT_REQUEST_EQUAL_TO_ORIGINAL_REQUEST");
        assertThat(editFailure(rest, "60000.001", "0.1")).isEqualTo("INVALID_EDITED_PRICE");
    }

    private String editFailure(final String id, final String price, final String size)
    {
        final JsonNode answer = client.signedPost(B + "/orders/edit", Map.of("order_id", id, "price", price, "size", size)).json();
        assertThat(answer.get("success").asBoolean()).as(answer.toString()).isFalse();
        return answer.get("errors").get(0).get("edit_failure_reason").asText();
    }
}
