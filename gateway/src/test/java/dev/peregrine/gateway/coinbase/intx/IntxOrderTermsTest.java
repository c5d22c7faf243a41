package dev.peregrine.gateway.coinbase.intx;

import dev.peregrine.core.event.Side;
import dev.peregrine.gateway.coinbase.orders.CoinbaseOrderRequest;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A perpetual order's create body names its leverage and margin type; a spot order's names neither. */
class IntxOrderTermsTest
{
    @Test
    void aPerpetualOrderCarriesLeverageAndMarginType()
    {
        final CoinbaseOrderRequest spot = CoinbaseOrderRequest.limit("c-1", "BTC-USD", Side.BUY, 1_000_000L, 6_500_000_000_000L, false);
        final CoinbaseOrderRequest perpetual = IntxOrderTerms.apply(
            CoinbaseOrderRequest.market("c-2", "BTC-PERP-INTX", Side.SELL, 1_000_000L));

        assertThat(spot.toJson(true)).doesNotContain("leverage").doesNotContain("margin_type");
        assertThat(perpetual.toJson(true)).isEqualTo("{\"client_order_id\":\"c-2\",\"product_id\":\"BTC-PERP-INTX\"," +
            "\"side\":\"SELL\",\"leverage\":\"1\",\"margin_type\":\"CROSS\"," +
            "\"order_configuration\":{\"market_market_ioc\":{\"base_size\":\"0.01\"}}}");
    }
}
