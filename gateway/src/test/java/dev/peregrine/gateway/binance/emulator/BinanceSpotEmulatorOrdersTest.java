package dev.peregrine.gateway.binance.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.gateway.sim.binance.BinanceHttpAnswer;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Orders through {@code answer(...)}: placement, fills against the market, cancels, queries, the user stream. */
class BinanceSpotEmulatorOrdersTest
{
    private final EmulatorFixture f = new EmulatorFixture();

    @Test
    void marketBuyByQuantityFillsAtTheAskAndMovesTheAccount()
    {
        final EmulatorFixture.RecordingSink stream = f.listen();
        final JsonNode full = f.ok(f.client.body("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
            "quantity", "0.01", "newClientOrderId", "buy-1"));

        assertThat(full.get("status").asText()).isEqualTo("FILLED");
        assertThat(full.get("clientOrderId").asText()).isEqualTo("buy-1");
        assertThat(full.get("executedQty").asText()).isEqualTo("0.01000000");
        assertThat(full.get("cummulativeQuoteQty").asText()).isEqualTo("650.00000000");
        final JsonNode fill = full.get("fills").get(0);
        assertThat(fill.get("price").asText()).isEqualTo("65000.00000000");
        assertThat(fill.get("commission").asText()).isEqualTo("0.00001000");
        assertThat(fill.get("commissionAsset").asText()).isEqualTo("BTC");
        assertThat(f.emulator.free("USDT")).isEqualByComparingTo("99350");
        assertThat(f.emulator.free("BTC")).isEqualByComparingTo("1.00999");
        assertThat(stream.types()).containsExactly("executionReport:NEW", "executionReport:TRADE", "outboundAccountPosition");
        final JsonNode trade = stream.events.get(1);
        assertThat(trade.get("X").asText()).isEqualTo("FILLED");
        assertThat(trade.get("l").asText()).isEqualTo("0.01000000");
        assertThat(trade.get("L").asText()).isEqualTo("65000.00000000");
        assertThat(trade.get("n").asText()).isEqualTo("0.00001000");
        assertThat(trade.get("N").asText()).isEqualTo("BTC");
        assertThat(trade.get("m").asBoolean()).isFalse();
        assertThat(trade.get("t").asLong()).isEqualTo(fill.get("tradeId").asLong());
        assertThat(stream.events.get(2).get("B").toString()).contains("\"a\":\"BTC\",\"f\":\"1.00999000\"");
        assertThat(f.emulator.createsFor("buy-1")).isEqualTo(1);
    }

    @Test
    void marketSellByQuoteQuantitySellsWhatTheQuoteBuysOnTheStepGrid()
    {
        final JsonNode full = f.ok(f.client.query("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "SELL", "type", "MARKET",
            "quoteOrderQty", "100"));

        // 100 / 64999.99 = 0.0015384..., floored to the 0.00001 step
        assertThat(full.get("origQty").asText()).isEqualTo("0.00153000");
        assertThat(full.get("origQuoteOrderQty").asText()).isEqualTo("100.00000000");
        assertThat(full.get("fills").get(0).get("commissionAsset").asText()).isEqualTo("USDT");
        assertThat(f.emulator.free("BTC")).isEqualByComparingTo("0.99847");
    }

    @Test
    void restingLimitLocksFundsAndFillsAsMakerWhenTheMarketReachesIt()
    {
        final EmulatorFixture.RecordingSink stream = f.listen();
        final JsonNode ack = f.ok(f.client.body("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
            "timeInForce", "GTC", "quantity", "0.1", "price", "60000", "newClientOrderId", "rest-1", "newOrderRespType", "ACK"));
        assertThat(ack.has("status")).isFalse();
        assertThat(f.emulator.locked("USDT")).isEqualByComparingTo("6000");

        final JsonNode open = f.ok(f.client.query("GET", "/api/v3/openOrders", "symbol", "BTCUSDT"));
        assertThat(open).hasSize(1);
        assertThat(open.get(0).get("isWorking").asBoolean()).isTrue();
        final JsonNode byClientId = f.ok(f.client.query("GET", "/api/v3/order", "symbol", "BTCUSDT", "origClientOrderId", "rest-1"));
        assertThat(byClientId.get("orderId").asLong()).isEqualTo(ack.get("orderId").asLong());
        assertThat(byClientId.get("status").asText()).isEqualTo("NEW");

        f.emulator.onMarket("BTCUSDT", f.market.set("BTCUSDT", "60500", "60500.01", "60600"));
        assertThat(f.emulator.statusOf("BTCUSDT", "rest-1")).isEqualTo("NEW");
        f.emulator.onMarket("BTCUSDT", f.market.set("BTCUSDT", "59999", "60000", "60000"));

        assertThat(f.emulator.statusOf("BTCUSDT", "rest-1")).isEqualTo("FILLED");
        assertThat(f.emulator.locked("USDT")).isEqualByComparingTo("0");
        assertThat(f.emulator.free("USDT")).isEqualByComparingTo("94000");
        assertThat(stream.types()).containsExactly("executionReport:NEW", "outboundAccountPosition", "executionReport:TRADE",
            "outboundAccountPosition");
        assertThat(stream.events.get(2).get("m").asBoolean()).isTrue();
        assertThat(stream.events.get(2).get("L").asText()).isEqualTo("60000.00000000");
        final JsonNode trades = f.ok(f.client.query("GET", "/api/v3/myTrades", "symbol", "BTCUSDT", "orderId", ack.get("orderId").asText()));
        assertThat(trades).hasSize(1);
        assertThat(trades.get(0).get("isMaker").asBoolean()).isTrue();
        assertThat(trades.get(0).get("isBuyer").asBoolean()).isTrue();
        assertThat(trades.get(0).get("quoteQty").asText()).isEqualTo("6000.00000000");
    }

    @Test
    void cancelUnlocksAndReportsTheCancelsOwnClientId()
    {
        final EmulatorFixture.RecordingSink stream = f.listen();
        f.ok(f.client.body("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "SELL", "type", "LIMIT", "timeInForce", "GTC",
            "quantity", "0.5", "price", "70000", "newClientOrderId", "sell-1"));
        assertThat(f.emulator.locked("BTC")).isEqualByComparingTo("0.5");

        final JsonNode canceled = f.ok(f.client.query("DELETE", "/api/v3/order", "symbol", "BTCUSDT", "origClientOrderId", "sell-1",
            "newClientOrderId", "cancel-1"));

        assertThat(canceled.get("status").asText()).isEqualTo("CANCELED");
        assertThat(canceled.get("origClientOrderId").asText()).isEqualTo("sell-1");
        assertThat(canceled.get("clientOrderId").asText()).isEqualTo("cancel-1");
        assertThat(f.emulator.locked("BTC")).isEqualByComparingTo("0");
        final JsonNode report = stream.events.get(2);
        assertThat(report.get("x").asText()).isEqualTo("CANCELED");
        assertThat(report.get("c").asText()).isEqualTo("cancel-1");
        assertThat(report.get("C").asText()).isEqualTo("sell-1");
        assertError(f.send(f.client.query("DELETE", "/api/v3/order", "symbol", "BTCUSDT", "origClientOrderId", "sell-1")), 400, -2011,
            "Unknown order sent.");
        assertError(f.send(f.client.query("GET", "/api/v3/order", "symbol", "BTCUSDT", "orderId", "999")), 400, -2013,
            "Order does not exist.");
        assertError(f.send(f.client.query("GET", "/api/v3/order", "symbol", "BTCUSDT")), 400, -1102,
            "Param 'origClientOrderId' or 'orderId' must be sent, but both were empty/null!");
    }

    @Test
    void makerOnlyIocAndFokFollowTheTimeInForce()
    {
        assertError(f.send(f.client.body("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT_MAKER",
            "quantity", "0.01", "price", "65000")), 400, -2010, "Order would immediately match and take.");
        final JsonNode maker = f.ok(f.client.body("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT_MAKER",
            "quantity", "0.01", "price", "64000"));
        assertThat(maker.has("status")).as("LIMIT_MAKER answers ACK by default").isFalse();

        final JsonNode ioc = f.ok(f.client.body("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
            "timeInForce", "IOC", "quantity", "0.01", "price", "64000"));
        assertThat(ioc.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(ioc.get("expiryReason").asText()).isEqualTo("UNFILLED_IOC_QUANTITY_EXPIRED");
        final JsonNode fok = f.ok(f.client.body("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "SELL", "type", "LIMIT",
            "timeInForce", "FOK", "quantity", "0.01", "price", "64999"));
        assertThat(fok.get("status").asText()).isEqualTo("FILLED");
        assertThat(fok.get("fills").get(0).get("price").asText()).as("a crossing limit fills at the touch").isEqualTo("64999.99000000");
    }

    @Test
    void filtersAndBalancesRejectAsTheVenueDoes()
    {
        assertError(order("quantity", "0.01", "price", "65000.000000001"), 400, -1111, "Parameter 'price' has too much precision.");
        assertError(order("quantity", "0.01", "price", "65000.005"), 400, -1013, "Filter failure: PRICE_FILTER");
        assertError(order("quantity", "0.000015", "price", "65000"), 400, -1013, "Filter failure: LOT_SIZE");
        assertError(order("quantity", "0.00001", "price", "65000"), 400, -1013, "Filter failure: NOTIONAL");
        assertError(order("quantity", "5", "price", "60000"), 400, -2010, "Account has insufficient balance for requested action.");
        assertError(order("quantity", "abc", "price", "60000"), 400, -1100,
            "Illegal characters found in parameter 'quantity'; legal range is '^([0-9]{1,20})(\\.[0-9]{1,20})?$'.");
        assertError(f.send(f.client.body("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT",
            "quantity", "0.01", "price", "60000")), 400, -1102, "Mandatory parameter 'timeInForce' was not sent, was empty/null, or malformed.");
        assertError(f.send(f.client.body("POST", "/api/v3/order", "symbol", "DOGEUSDT", "side", "BUY", "type", "MARKET",
            "quantity", "1")), 400, -1121, "Invalid symbol.");
        assertError(f.send(f.client.body("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
            "quantity", "0.01", "price", "1")), 400, -1106, "Parameter 'price' sent when not required.");
        f.ok(f.client.body("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
            "quantity", "0.01", "price", "60000", "newClientOrderId", "dup"));
        assertError(order("quantity", "0.01", "price", "60000", "newClientOrderId", "dup"), 400, -2010, "Duplicate order sent.");
        assertError(order("quantity", "0.01", "price", "60000", "newClientOrderId", "has space"), 400, -1100,
            "Illegal characters found in parameter 'newClientOrderId'; legal range is '^[a-zA-Z0-9-_]{1,36}$'.");
        assertThat(f.emulator.createsFor("dup")).isEqualTo(2);
        assertThat(f.emulator.orderCount()).isEqualTo(1);
    }

    @Test
    void testOrderValidatesWithoutPlacingAndComputesCommissionRates()
    {
        assertThat(f.ok(f.client.body("POST", "/api/v3/order/test", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
            "quantity", "0.01")).size()).isZero();
        final JsonNode rates = f.ok(f.client.body("POST", "/api/v3/order/test", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
            "quantity", "0.01", "computeCommissionRates", "true"));
        assertThat(rates.get("standardCommissionForOrder").get("taker").asText()).isEqualTo("0.00100000");
        assertThat(rates.get("discount").get("discountAsset").asText()).isEqualTo("BNB");
        assertError(f.send(f.client.body("POST", "/api/v3/order/test", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET",
            "quantity", "0.000001")), 400, -1013, "Filter failure: LOT_SIZE");
        assertThat(f.emulator.orderCount()).isZero();
    }

    @Test
    void accountListsBalancesCommissionAndPermissionsAndAllOrdersListsEveryStatus()
    {
        f.ok(f.client.body("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.01"));
        f.ok(f.client.body("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC",
            "quantity", "0.01", "price", "50000"));
        final JsonNode account = f.ok(f.client.query("GET", "/api/v3/account", "omitZeroBalances", "true"));
        assertThat(account.get("commissionRates").get("maker").asText()).isEqualTo("0.00100000");
        assertThat(account.get("makerCommission").asInt()).isEqualTo(10);
        assertThat(account.get("permissions").get(0).asText()).isEqualTo("SPOT");
        assertThat(account.get("accountType").asText()).isEqualTo("SPOT");
        assertThat(account.get("balances").toString()).contains("{\"asset\":\"USDT\",\"free\":\"98850.00000000\",\"locked\":\"500.00000000\"}");

        final JsonNode all = f.ok(f.client.query("GET", "/api/v3/allOrders", "symbol", "BTCUSDT"));
        assertThat(List.of(all.get(0).get("status").asText(), all.get(1).get("status").asText())).containsExactly("FILLED", "NEW");
        assertThat(f.ok(f.client.query("GET", "/api/v3/allOrders", "symbol", "BTCUSDT", "limit", "1")).get(0).get("status").asText())
            .as("without a start, the most recent").isEqualTo("NEW");
        final JsonNode canceled = f.ok(f.client.query("DELETE", "/api/v3/openOrders", "symbol", "BTCUSDT"));
        assertThat(canceled).hasSize(1);
        assertThat(f.emulator.netFilled("BTCUSDT")).isEqualTo("0.01");
        assertThat(f.emulator.locked("USDT")).isEqualByComparingTo(BigDecimal.ZERO);
    }

    @Test
    void aPartlyFilledOrderCancelsItsRemainderAndAnEmptyMarketExpiresAMarketOrder()
    {
        final JsonNode placed = f.ok(f.client.body("POST", "/api/v3/order", "symbol", "BTCUSDT", "side", "SELL", "type", "LIMIT",
            "timeInForce", "GTC", "quantity", "0.4", "price", "66000", "newClientOrderId", "part-1"));
        f.emulator.fillResting(placed.get("orderId").asLong(), "0.1");
        final JsonNode partial = f.ok(f.client.query("GET", "/api/v3/order", "symbol", "BTCUSDT", "orderId", placed.get("orderId").asText()));
        assertThat(partial.get("status").asText()).isEqualTo("PARTIALLY_FILLED");
        assertThat(partial.get("executedQty").asText()).isEqualTo("0.10000000");
        assertThat(f.emulator.locked("BTC")).isEqualByComparingTo("0.3");
        assertThat(f.emulator.free("USDT")).as("6600 less 0.1% commission").isEqualByComparingTo("106593.4");

        f.ok(f.client.query("DELETE", "/api/v3/order", "symbol", "BTCUSDT", "orderId", placed.get("orderId").asText()));
        assertThat(f.emulator.locked("BTC")).isEqualByComparingTo("0");
        assertThat(f.emulator.free("BTC")).isEqualByComparingTo("0.9");

        f.emulator.onMarket("ETHUSDT", f.market.set("ETHUSDT", null, null, null));
        final JsonNode expired = f.ok(f.client.body("POST", "/api/v3/order", "symbol", "ETHUSDT", "side", "BUY", "type", "MARKET",
            "quantity", "0.01"));
        assertThat(expired.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(expired.get("expiryReason").asText()).isEqualTo("INSUFFICIENT_LIQUIDITY");
        assertError(f.send(f.client.body("POST", "/api/v3/order", "symbol", "ETHUSDT", "side", "BUY", "type", "MARKET",
            "quoteOrderQty", "10")), 400, -2010, "Order book liquidity is less than symbol minimum quantity.");
    }

    private BinanceHttpAnswer order(final String... extra)
    {
        final String[] base = {"symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC"};
        final String[] all = new String[base.length + extra.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(extra, 0, all, base.length, extra.length);
        return f.send(f.client.body("POST", "/api/v3/order", all));
    }

    static void assertError(final BinanceHttpAnswer answer, final int status, final int code, final String msg)
    {
        final JsonNode body = EmulatorFixture.json(answer.body());
        assertThat(answer.status()).as(answer.body()).isEqualTo(status);
        assertThat(body.get("code").asInt()).as(answer.body()).isEqualTo(code);
        assertThat(body.get("msg").asText()).isEqualTo(msg);
    }
}
