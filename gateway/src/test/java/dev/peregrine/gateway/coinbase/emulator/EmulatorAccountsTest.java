package dev.peregrine.gateway.coinbase.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Accounts, portfolios, the transaction summary and the opt-in rate limits, over real HTTP. */
class EmulatorAccountsTest
{
    private static final String B = "/api/v3/brokerage";
    private static final List<String> ACCOUNT_FIELDS = List.of("uuid", "name", "currency", "available_balance", "default",
        "active", "created_at", "updated_at", "deleted_at", "type", "ready", "hold", "retail_portfolio_id", "platform");

    @RegisterExtension
    final EmulatorClient client = new EmulatorClient();

    @BeforeEach
    void start()
    {
        client.venue().balance("USD", "100000");
    }

    private JsonNode wallet(final String currency)
    {
        for (final JsonNode account : client.signedGet(B + "/accounts?limit=250").json().get("accounts"))
        {
            if (currency.equals(account.get("currency").asText()))
            {
                return account;
            }
        }
        throw new AssertionError("no " + currency + " wallet");
    }

    @Test
    void walletsHaveEveryDocumentedFieldAndHoldWhatOpenOrdersMaySpend()
    {
        final JsonNode usd = wallet("USD");
        assertThat(usd.fieldNames()).toIterable().containsAll(ACCOUNT_FIELDS);
        assertThat(usd.get("type").asText()).isEqualTo("ACCOUNT_TYPE_FIAT");
        assertThat(wallet("BTC").get("type").asText()).isEqualTo("ACCOUNT_TYPE_CRYPTO");
        assertThat(usd.get("available_balance").get("value").asText()).isEqualTo("100000");
        client.signedPost(B + "/orders", Map.of("client_order_id", "a-1", "product_id", "BTC-USD", "side", "BUY",
            "order_configuration", Map.of("limit_limit_gtc", Map.of("base_size", "1", "limit_price", "50000"))));
        final JsonNode held = wallet("USD");
        assertThat(new BigDecimal(held.get("hold").get("value").asText())).isEqualByComparingTo("50300");
        assertThat(new BigDecimal(held.get("available_balance").get("value").asText())).isEqualByComparingTo("49700");
        final EmulatorClient.Answer one = client.signedGet(B + "/accounts/" + usd.get("uuid").asText());
        assertThat(one.status()).isEqualTo(200);
        assertThat(one.json().get("account").get("currency").asText()).isEqualTo("USD");
        assertThat(client.signedGet(B + "/accounts/not-a-wallet").status()).isEqualTo(404);
    }

    @Test
    void accountsPageByCursor()
    {
        final JsonNode first = client.signedGet(B + "/accounts?limit=2").json();
        assertThat(first.get("accounts")).hasSize(2);
        assertThat(first.get("size").asInt()).isEqualTo(2);
        assertThat(first.get("has_next").asBoolean()).isTrue();
        final JsonNode second = client.signedGet(B + "/accounts?limit=2&cursor=" + first.get("cursor").asText()).json();
        assertThat(second.get("accounts").get(0).get("uuid").asText()).isNotEqualTo(first.get("accounts").get(0).get("uuid").asText());
        assertThat(client.signedGet(B + "/accounts?limit=251").status()).isEqualTo(400);
    }

    @Test
    void portfoliosAndTransactionSummaryReportTheOneUserAndItsFees()
    {
        final JsonNode portfolios = client.signedGet(B + "/portfolios").json().get("portfolios");
        assertThat(portfolios).hasSize(1);
        assertThat(portfolios.get(0).get("type").asText()).isEqualTo("DEFAULT");
        client.signedPost(B + "/orders", Map.of("client_order_id", "a-2", "product_id", "BTC-USD", "side", "BUY",
            "order_configuration", Map.of("market_market_ioc", Map.of("base_size", "0.1"))));
        final JsonNode summary = client.signedGet(B + "/transaction_summary").json();
        assertThat(summary.get("total_volume").asDouble()).isEqualTo(6500.0);
        assertThat(summary.get("total_fees").asDouble()).isEqualTo(39.0);
        assertThat(summary.get("fee_tier").get("taker_fee_rate").asText()).isEqualTo("0.006");
    }

    @Test
    void rateLimitsWhenTurnedOnAnswer429WithTheHeaders()
    {
        assertThat(client.get(B + "/time").status()).as("warm: the client's first answer may take a while").isEqualTo(200);
        client.venue().rateLimits(2, 0);
        assertThat(client.get(B + "/time").status()).isEqualTo(200);
        assertThat(client.get(B + "/time").status()).isEqualTo(200);
        final EmulatorClient.Answer limited = client.get(B + "/time");
        assertThat(limited.status()).isEqualTo(429);
        assertThat(limited.json().get("error").asText()).isEqualTo("RATE_LIMIT_EXCEEDED");
        assertThat(limited.headers().firstValue("x-ratelimit-limit")).contains("2");
        assertThat(limited.headers().firstValue("x-ratelimit-remaining")).contains("0");
        assertThat(client.signedGet(B + "/accounts").status()).as("private requests are counted apart").isEqualTo(200);
    }
}
