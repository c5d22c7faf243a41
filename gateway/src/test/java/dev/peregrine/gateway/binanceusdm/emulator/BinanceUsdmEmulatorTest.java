package dev.peregrine.gateway.binanceusdm.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulated USD-M account against hand-computed figures from the venue's documented formulas: fills, commission,
 * margin checks and their error codes, reduce-only, leverage and margin type, funding and liquidation.
 */
class BinanceUsdmEmulatorTest
{
    private final UsdmEmulatorFixture f = new UsdmEmulatorFixture();

    @Test
    void aMarketBuyOpensALongAtTheAskAndPaysTakerCommission()
    {
        final UsdmEmulatorFixture.Events events = f.listen();

        final JsonNode placed = f.order("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.1",
            "newClientOrderId", "prg-1-1");

        assertThat(placed.get("status").asText()).isEqualTo("FILLED");
        assertThat(placed.get("avgPrice").asText()).isEqualTo("65000.00000000");
        // 0.1 x 65,000 = 6,500 notional; taker 0.05% = 3.25; wallet 10,000 - 3.25
        assertThat(f.emulator.walletBalance()).isEqualByComparingTo("9996.75");
        final JsonNode position = f.position("BTCUSDT");
        assertThat(position.get("positionAmt").asText()).isEqualTo("0.1");
        assertThat(position.get("entryPrice").asText()).isEqualTo("65000");
        assertThat(position.get("leverage").asText()).isEqualTo("20");
        assertThat(events.types()).containsExactly("ORDER_TRADE_UPDATE:NEW:NEW", "ORDER_TRADE_UPDATE:TRADE:FILLED",
            "ACCOUNT_UPDATE:ORDER");
        final JsonNode trade = events.last("ORDER_TRADE_UPDATE").get("o");
        assertThat(trade.get("c").asText()).isEqualTo("prg-1-1");
        assertThat(trade.get("n").asText()).isEqualTo("3.25000000");
        assertThat(trade.get("N").asText()).isEqualTo("USDT");
        assertThat(trade.get("R").asBoolean()).isFalse();
        assertThat(events.last("ACCOUNT_UPDATE").at("/a/P/0/pa").asText()).isEqualTo("0.1");
    }

    @Test
    void aSellRealizesAgainstTheEntryAndTheAccountShowsItOnTheMark()
    {
        f.order("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.1");
        f.market.set("BTCUSDT", "65999.90", "66000.00", "66000.00");
        f.emulator.onMark("BTCUSDT", new BigDecimal("66000"), new BigDecimal("0.0001"), f.clock.get() + 60_000);

        // unrealized on the mark: 0.1 x (66,000 - 65,000) = 100
        final JsonNode account = f.ok(f.client.query("GET", "/fapi/v2/account"));
        assertThat(account.get("totalUnrealizedProfit").asText()).isEqualTo("100.00000000");
        // initial margin 6,600 / 20 = 330; maintenance 6,600 x 0.4% = 26.4
        assertThat(account.get("totalPositionInitialMargin").asText()).isEqualTo("330.00000000");
        assertThat(account.get("totalMaintMargin").asText()).isEqualTo("26.40000000");
        // 9,996.75 + 100 - 330
        assertThat(account.get("availableBalance").asText()).isEqualTo("9766.75000000");

        final JsonNode sold = f.order("symbol", "BTCUSDT", "side", "SELL", "type", "MARKET", "quantity", "0.04");
        assertThat(sold.get("avgPrice").asText()).isEqualTo("65999.90000000");
        // realized 0.04 x (65,999.9 - 65,000) = 39.996; commission 0.04 x 65,999.9 x 0.05% = 1.319998
        assertThat(f.emulator.walletBalance()).isEqualByComparingTo("10035.426002");
        final JsonNode trades = f.ok(f.client.query("GET", "/fapi/v1/userTrades", "symbol", "BTCUSDT"));
        assertThat(trades).hasSize(2);
        assertThat(trades.get(1).get("realizedPnl").asText()).isEqualTo("39.99600000");
        assertThat(trades.get(1).get("maker").asBoolean()).isFalse();
        assertThat(f.position("BTCUSDT").get("positionAmt").asText()).isEqualTo("0.06");
    }

    @Test
    void refusalsCarryTheVenuesCodes()
    {
        // 10 x 65,000 / 20 = 32,500 of initial margin against 10,000
        assertThat(f.refused(f.client.body("POST", "/fapi/v1/order", "symbol", "BTCUSDT", "side", "BUY", "type",
            "MARKET", "quantity", "10"))).isEqualTo(-2019);
        assertThat(f.refused(f.client.body("POST", "/fapi/v1/order", "symbol", "BTCUSDT", "side", "SELL", "type",
            "MARKET", "quantity", "0.01", "reduceOnly", "true"))).isEqualTo(-2022);
        assertThat(f.refused(f.client.body("POST", "/fapi/v1/order", "symbol", "BTCUSDT", "side", "BUY", "type",
            "LIMIT", "timeInForce", "GTX", "quantity", "0.01", "price", "65000.0"))).isEqualTo(-5022);
        assertThat(f.refused(f.client.body("POST", "/fapi/v1/order", "symbol", "BTCUSDT", "side", "BUY", "type",
            "LIMIT", "timeInForce", "GTC", "quantity", "0.001", "price", "60000.0"))).isEqualTo(-4164);
        assertThat(f.refused(f.client.body("POST", "/fapi/v1/order", "symbol", "BTCUSDT", "side", "BUY", "type",
            "LIMIT", "timeInForce", "GTC", "quantity", "0.01", "price", "60000.05"))).isEqualTo(-4014);
        assertThat(f.refused(f.client.body("POST", "/fapi/v1/leverage", "symbol", "BTCUSDT", "leverage", "126"))).isEqualTo(-4028);
        assertThat(f.refused(f.client.body("POST", "/fapi/v1/marginType", "symbol", "BTCUSDT", "marginType", "CROSSED"))).isEqualTo(-4046);
        assertThat(f.refused(f.client.query("GET", "/fapi/v1/order", "symbol", "BTCUSDT", "origClientOrderId", "none"))).isEqualTo(-2013);
        assertThat(f.refused(f.client.body("DELETE", "/fapi/v1/order", "symbol", "BTCUSDT", "origClientOrderId", "none"))).isEqualTo(-2011);
        f.order("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.01");
        assertThat(f.refused(f.client.body("POST", "/fapi/v1/marginType", "symbol", "BTCUSDT", "marginType", "ISOLATED"))).isEqualTo(-4048);
        assertThat(f.emulator.authFailures()).isZero();
    }

    @Test
    void aReduceOnlyOrderClosesAtMostThePositionAndTheRestExpires()
    {
        f.order("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.1");
        final JsonNode closed = f.order("symbol", "BTCUSDT", "side", "SELL", "type", "MARKET", "quantity", "0.3",
            "reduceOnly", "true", "newClientOrderId", "close-1");
        assertThat(closed.get("status").asText()).isEqualTo("EXPIRED");
        assertThat(closed.get("executedQty").asText()).isEqualTo("0.1");
        assertThat(closed.get("reduceOnly").asBoolean()).isTrue();
        assertThat(f.position("BTCUSDT").get("positionAmt").asText()).isEqualTo("0");
    }

    @Test
    void leverageSetsInitialMarginAndARestingLimitFillsAsAMaker()
    {
        final JsonNode leverage = f.ok(f.client.body("POST", "/fapi/v1/leverage", "symbol", "BTCUSDT", "leverage", "5"));
        assertThat(leverage.get("leverage").asInt()).isEqualTo(5);
        f.order("symbol", "BTCUSDT", "side", "BUY", "type", "LIMIT", "timeInForce", "GTC", "quantity", "0.2",
            "price", "64000.0", "newClientOrderId", "rest-1");
        // open order margin 0.2 x 64,000 / 5 = 2,560
        assertThat(f.ok(f.client.query("GET", "/fapi/v2/account")).get("totalOpenOrderInitialMargin").asText())
            .isEqualTo("2560.00000000");
        assertThat(f.ok(f.client.query("GET", "/fapi/v1/openOrders", "symbol", "BTCUSDT"))).hasSize(1);

        f.market.set("BTCUSDT", "63999.90", "64000.00", "64000.00");
        f.emulator.onMarket("BTCUSDT", f.market);

        assertThat(f.emulator.statusOf("BTCUSDT", "rest-1")).isEqualTo("FILLED");
        // maker 0.02% of 12,800 = 2.56
        assertThat(f.emulator.walletBalance()).isEqualByComparingTo("9997.44");
        assertThat(f.ok(f.client.query("GET", "/fapi/v1/userTrades", "symbol", "BTCUSDT")).get(0).get("maker").asBoolean()).isTrue();
    }

    @Test
    void fundingIsSettledAtTheAnnouncedTimeAndRateOnTheMarkThen()
    {
        f.order("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "0.1");
        final UsdmEmulatorFixture.Events events = f.listen();
        final long fundingTime = f.clock.get() + 1_000;
        f.emulator.onMark("BTCUSDT", new BigDecimal("64000"), new BigDecimal("0.0001"), fundingTime);
        f.clock.addAndGet(999);
        f.emulator.onMark("BTCUSDT", new BigDecimal("64050"), new BigDecimal("0.0001"), fundingTime);
        assertThat(f.emulator.incomeTotal("FUNDING_FEE")).isZero();

        f.clock.addAndGet(1);
        f.emulator.onMark("BTCUSDT", new BigDecimal("64100"), new BigDecimal("0.0003"), fundingTime + 8 * 3_600_000L);

        // the long pays 0.1 x 64,100 x 0.0001 = 0.641
        assertThat(f.emulator.incomeTotal("FUNDING_FEE")).isEqualByComparingTo("-0.641");
        assertThat(f.emulator.walletBalance()).isEqualByComparingTo("9996.109");
        final JsonNode update = events.last("ACCOUNT_UPDATE");
        assertThat(update.at("/a/m").asText()).isEqualTo("FUNDING_FEE");
        assertThat(update.at("/a/B/0/bc").asText()).isEqualTo("-0.64100000");
        assertThat(update.at("/a/P")).isEmpty();
        final JsonNode income = f.ok(f.client.query("GET", "/fapi/v1/income", "incomeType", "FUNDING_FEE"));
        assertThat(income).hasSize(1);
        assertThat(income.get(0).get("symbol").asText()).isEqualTo("BTCUSDT");
        assertThat(income.get(0).get("income").asText()).isEqualTo("-0.64100000");
    }

    @Test
    void aMarginRatioOfOneLiquidatesAtTheMarkWithAnAutocloseOrder()
    {
        final UsdmEmulatorFixture g = new UsdmEmulatorFixture(new BigDecimal("1000"));
        g.ok(g.client.body("POST", "/fapi/v1/leverage", "symbol", "BTCUSDT", "leverage", "125"));
        g.order("symbol", "BTCUSDT", "side", "BUY", "type", "MARKET", "quantity", "1.5");
        // notional 97,500 is in bracket 2 (0.5%, cum 50); wallet 1,000 - 48.75 commission = 951.25:
        // liquidation price (951.25 + 50 - 1.5 x 65,000) / (1.5 x 0.005 - 1.5) = 64,655.77889447
        assertThat(g.position("BTCUSDT").get("liquidationPrice").asText()).isEqualTo("64655.77889447");
        final UsdmEmulatorFixture.Events events = g.listen();

        // at 64,700: margin balance 951.25 - 450 = 501.25, maintenance 97,050 x 0.5% - 50 = 435.25: ratio 435.25 / 501.25
        g.emulator.onMark("BTCUSDT", new BigDecimal("64700"), BigDecimal.ZERO, g.clock.get() + 60_000);
        assertThat(g.emulator.liquidations()).isZero();
        assertThat(g.emulator.marginRatio()).isEqualByComparingTo("0.86832918");

        // at 64,600: 951.25 - 600 = 351.25 against 96,900 x 0.5% - 50 = 434.5: liquidated
        g.emulator.onMark("BTCUSDT", new BigDecimal("64600"), BigDecimal.ZERO, g.clock.get() + 60_000);

        assertThat(g.emulator.liquidations()).isEqualTo(1);
        assertThat(g.emulator.positionAmount("BTCUSDT")).isEqualTo("0");
        final JsonNode fill = events.last("ORDER_TRADE_UPDATE").get("o");
        assertThat(fill.get("c").asText()).startsWith("autoclose-");
        assertThat(fill.get("o").asText()).isEqualTo("LIQUIDATION");
        assertThat(fill.get("x").asText()).isEqualTo("CALCULATED");
        assertThat(fill.get("L").asText()).isEqualTo("64600");
        // 951.25 - 600 realized - 1.5 x 64,600 x 0.05% (48.45)
        assertThat(g.emulator.walletBalance()).isEqualByComparingTo("302.80");
    }
}
