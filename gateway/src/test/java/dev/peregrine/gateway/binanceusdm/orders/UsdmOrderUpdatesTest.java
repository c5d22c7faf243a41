package dev.peregrine.gateway.binanceusdm.orders;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.gateway.binance.orders.ExecutionReport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The futures user data stream's events in the documented shapes, read into the order path's reports. */
class UsdmOrderUpdatesTest
{
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(final String text) throws Exception
    {
        return JSON.readTree(text);
    }

    @Test
    void aTradeUpdateBecomesAnExecutionReportWithItsCommission() throws Exception
    {
        final ExecutionReport report = UsdmOrderUpdates.of(json("{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1568879465651," +
            "\"T\":1568879465650,\"o\":{\"s\":\"BTCUSDT\",\"c\":\"prg-1a-7\",\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"GTC\"," +
            "\"q\":\"0.002\",\"p\":\"7103.04\",\"ap\":\"7103.04\",\"sp\":\"0\",\"x\":\"TRADE\",\"X\":\"PARTIALLY_FILLED\"," +
            "\"i\":8886774,\"l\":\"0.001\",\"z\":\"0.001\",\"L\":\"7103.04\",\"N\":\"USDT\",\"n\":\"0.00142060\"," +
            "\"T\":1568879465650,\"t\":17,\"b\":\"0\",\"a\":\"9.91\",\"m\":true,\"R\":false,\"wt\":\"CONTRACT_PRICE\"," +
            "\"ot\":\"LIMIT\",\"ps\":\"BOTH\",\"cp\":false,\"rp\":\"0\"}}"));

        assertThat(report.orderClientId()).isEqualTo("prg-1a-7");
        assertThat(report.isTrade()).isTrue();
        assertThat(report.tradeId()).isEqualTo(17);
        assertThat(report.venueOrderId()).isEqualTo(8886774);
        assertThat(report.lastQuantity()).isEqualTo("0.001");
        assertThat(report.commission()).isEqualTo("0.00142060");
        assertThat(report.commissionAsset()).isEqualTo("USDT");
        assertThat(report.maker()).isTrue();
        assertThat(UsdmOrderUpdates.venueClose(report)).isFalse();
    }

    @Test
    void aLiquidationFillIsATradeOfTheVenuesOwnOrder() throws Exception
    {
        final ExecutionReport report = UsdmOrderUpdates.of(json("{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1,\"T\":1,\"o\":{" +
            "\"s\":\"BTCUSDT\",\"c\":\"autoclose-1767225600000\",\"S\":\"SELL\",\"o\":\"LIQUIDATION\",\"f\":\"IOC\"," +
            "\"q\":\"1.5\",\"p\":\"64600\",\"x\":\"CALCULATED\",\"X\":\"FILLED\",\"i\":9,\"l\":\"1.5\",\"z\":\"1.5\"," +
            "\"L\":\"64600\",\"N\":\"USDT\",\"n\":\"48.45\",\"t\":4,\"m\":false,\"R\":true}}"));

        assertThat(report.isTrade()).isTrue();
        assertThat(report.orderType()).isEqualTo("LIQUIDATION");
        assertThat(UsdmOrderUpdates.venueClose(report)).isTrue();
    }

    @Test
    void anAccountUpdateIsNoOrderReportButNamesItsReason() throws Exception
    {
        final JsonNode funding = json("{\"e\":\"ACCOUNT_UPDATE\",\"E\":1,\"T\":1,\"a\":{\"m\":\"FUNDING_FEE\"," +
            "\"B\":[{\"a\":\"USDT\",\"wb\":\"9996.109\",\"cw\":\"9996.109\",\"bc\":\"-0.641\"}],\"P\":[]}}");
        assertThat(UsdmOrderUpdates.of(funding)).isNull();
        assertThat(UsdmOrderUpdates.accountUpdateReason(funding)).isEqualTo("FUNDING_FEE");
        assertThat(UsdmOrderUpdates.accountUpdateReason(json("{\"e\":\"listenKeyExpired\",\"E\":1}"))).isNull();
    }
}
