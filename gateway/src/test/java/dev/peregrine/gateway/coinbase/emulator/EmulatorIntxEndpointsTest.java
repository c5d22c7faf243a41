package dev.peregrine.gateway.coinbase.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * INTX perpetuals on the emulator over real HTTP: the perpetual product answers, orders with {@code leverage} and
 * {@code margin_type} moving the portfolio, and the positions, portfolio and balances endpoints in their documented
 * shapes. BTC-PERP-INTX fills at 50,000 with the emulator's 0.6% fee; the portfolio holds 100,000 USDC.
 */
class EmulatorIntxEndpointsTest
{
    private static final String B = "/api/v3/brokerage";
    private static final String UUID = EmulatorIntxPortfolio.PORTFOLIO_UUID;

    private EmulatorClient client;

    @BeforeEach
    void start()
    {
        client = new EmulatorClient();
        client.venue().fillPrice("BTC-PERP-INTX", "50000");
    }

    @AfterEach
    void stop()
    {
        client.close();
    }

    @Test
    void futureProductsAreThePerpetualsWithTheirFundingAndLeverage()
    {
        final JsonNode products = client.get(B + "/market/products?product_type=FUTURE").json().get("products");

        final List<String> ids = new ArrayList<>();
        products.forEach(p -> ids.add(p.get("product_id").asText()));
        assertThat(ids).containsExactly("BTC-PERP-INTX", "ETH-PERP-INTX");
        final JsonNode btc = products.get(0);
        assertThat(btc.get("product_type").asText()).isEqualTo("FUTURE");
        assertThat(btc.get("quote_min_size").asText()).isEqualTo("10");
        final JsonNode details = btc.get("future_product_details");
        assertThat(details.get("contract_expiry_type").asText()).isEqualTo("PERPETUAL");
        assertThat(details.get("contract_size").asText()).isEqualTo("1");
        assertThat(details.get("funding_interval").asText()).isEqualTo("3600s");
        assertThat(details.get("perpetual_details").get("max_leverage").asText()).isEqualTo("10");
        assertThat(details.get("perpetual_details").get("funding_time").asText()).endsWith(":00:00Z"); // on the hour
        assertThat(client.get(B + "/market/products?product_type=SPOT").json().get("products").toString())
            .doesNotContain("PERP-INTX");
    }

    @Test
    void anOrderWithLeverageOpensAPositionTheEndpointsReport()
    {
        final JsonNode created = client.signedPost(B + "/orders", Map.of("client_order_id", "p-1", "product_id", "BTC-PERP-INTX",
            "side", "BUY", "leverage", "5", "margin_type", "CROSS",
            "order_configuration", Map.of("market_market_ioc", Map.of("base_size", "0.1")))).json();
        assertThat(created.get("success").asBoolean()).as(created.toString()).isTrue();
        final String orderId = created.get("success_response").get("order_id").asText();
        assertThat(client.signedGet(B + "/orders/historical/" + orderId).json().get("order").get("product_type").asText())
            .isEqualTo("FUTURE");

        final JsonNode positions = client.signedGet(B + "/intx/positions/" + UUID).json().get("positions");
        assertThat(positions).hasSize(1);
        final JsonNode position = positions.get(0);
        assertThat(position.get("product_id").asText()).isEqualTo("BTC-PERP-INTX");
        assertThat(position.get("symbol").asText()).isEqualTo("BTC-PERP");
        assertThat(position.get("net_size").asText()).isEqualTo("0.1");
        assertThat(position.get("position_side").asText()).isEqualTo("POSITION_SIDE_LONG");
        assertThat(position.get("margin_type").asText()).isEqualTo("MARGIN_TYPE_CROSS");
        assertThat(position.get("leverage").asText()).isEqualTo("5");
        assertThat(position.get("entry_vwap").get("value").asText()).isEqualTo("50000");
        assertThat(position.get("entry_vwap").get("currency").asText()).isEqualTo("USDC");
        assertThat(client.signedGet(B + "/intx/positions/" + UUID + "/BTC-PERP-INTX").json().get("position").get("net_size")
            .asText()).isEqualTo("0.1");

        // Collateral: 100,000 - fee 0.1 x 50,000 x 0.006 = 30 -> 99,970.
        final JsonNode balance = client.signedGet(B + "/intx/balances/" + UUID).json().get("portfolio_balances").get(0)
            .get("balances").get(0);
        assertThat(balance.get("asset").get("asset_name").asText()).isEqualTo("USDC");
        assertThat(balance.get("quantity").asText()).isEqualTo("99970");
        final JsonNode summary = client.signedGet(B + "/intx/portfolio/" + UUID).json().get("portfolios").get(0);
        assertThat(summary.get("collateral").asText()).isEqualTo("99970");
        assertThat(client.venue().intxNetSize("BTC-PERP-INTX")).isEqualTo("0.1");
    }

    @Test
    void anOrderPastTheMarginIsRefusedAndAnUnknownPortfolioIsNotFound()
    {
        // 100 BTC at 50,000 with leverage 1: 5,000,000 USDC of initial margin against 100,000.
        final JsonNode refused = client.signedPost(B + "/orders", Map.of("client_order_id", "p-2", "product_id", "BTC-PERP-INTX",
            "side", "BUY", "leverage", "1",
            "order_configuration", Map.of("market_market_ioc", Map.of("base_size", "100")))).json();
        assertThat(refused.get("success").asBoolean()).isFalse();
        assertThat(refused.toString()).contains("INSUFFICIENT_FUND");
        assertThat(client.signedGet(B + "/intx/positions/" + UUID).json().get("positions")).isEmpty();

        assertThat(client.signedGet(B + "/intx/portfolio/not-a-portfolio").status()).isEqualTo(404);
    }
}
