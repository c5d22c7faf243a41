package dev.peregrine.gateway.binance.orders;

import dev.peregrine.core.event.Side;
import dev.peregrine.core.number.FixedPoint;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceOrderRequestTest
{
    /** The engine's ids: {@code prg-<journal creation nanos in hex>-<order id>}. */
    private static final String ID = "prg-" + Long.toHexString(Long.MAX_VALUE) + "-" + 123456789;

    @Test
    void eachOrderTypeIsWrittenAsBinanceTakesIt()
    {
        assertThat(BinanceOrderRequest.market(ID, "BTCUSDT", Side.BUY, FixedPoint.parse("0.015")).toQuery())
            .isEqualTo("symbol=BTCUSDT&side=BUY&type=MARKET&quantity=0.015&newClientOrderId=" + ID + "&newOrderRespType=ACK");
        assertThat(BinanceOrderRequest.limit(ID, "ETHUSDT", Side.SELL, FixedPoint.parse("2"), FixedPoint.parse("3150.5"), "GTC")
            .toQuery()).isEqualTo("symbol=ETHUSDT&side=SELL&type=LIMIT&timeInForce=GTC&quantity=2&price=3150.5" +
            "&newClientOrderId=" + ID + "&newOrderRespType=ACK");
        assertThat(BinanceOrderRequest.limit(ID, "ETHUSDT", Side.BUY, FixedPoint.parse("1"), FixedPoint.parse("3000"), "IOC")
            .toQuery()).contains("&type=LIMIT&timeInForce=IOC&quantity=1&price=3000&");
        assertThat(BinanceOrderRequest.limit(ID, "ETHUSDT", Side.BUY, FixedPoint.parse("1"), FixedPoint.parse("3000"), "FOK")
            .toQuery()).contains("&timeInForce=FOK&");
        assertThat(BinanceOrderRequest.limitMaker(ID, "ETHUSDT", Side.BUY, FixedPoint.parse("1"), FixedPoint.parse("3000"))
            .toQuery()).contains("&type=LIMIT_MAKER&quantity=1&price=3000&").doesNotContain("timeInForce");
    }

    @Test
    void onlyGoodTillCancelledLimitsAndLimitMakersRest()
    {
        assertThat(BinanceOrderRequest.limitMaker(ID, "BTCUSDT", Side.BUY, 1, 1).canRest()).isTrue();
        assertThat(BinanceOrderRequest.limit(ID, "BTCUSDT", Side.BUY, 1, 1, "GTC").canRest()).isTrue();
        assertThat(BinanceOrderRequest.limit(ID, "BTCUSDT", Side.BUY, 1, 1, "IOC").canRest()).isFalse();
        assertThat(BinanceOrderRequest.market(ID, "BTCUSDT", Side.BUY, 1).canRest()).isFalse();
    }

    @Test
    void aClientOrderIdBinanceWouldRefuseIsRefusedBeforeSending()
    {
        assertThat(ID.length()).isLessThanOrEqualTo(36);
        assertThatThrownBy(() -> BinanceOrderRequest.market(ID + "-and-more-than-36", "BTCUSDT", Side.BUY, 1))
            .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("^[a-zA-Z0-9-_]{1,36}$");
        assertThatThrownBy(() -> BinanceOrderRequest.market("prg.1", "BTCUSDT", Side.BUY, 1))
            .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> BinanceOrderRequest.market("prg-1", "BTCUSDT", Side.BUY, 0))
            .hasMessageContaining("quantity must be positive");
    }
}
