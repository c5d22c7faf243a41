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

    @Test
    void theLeverageIsTheEnginesSettingForTheInstrument()
    {
        // instrument 0 at 1x, instrument 1 at 5x; an instrument beyond the settings gets 1x
        final IntxOrderTerms terms = new IntxOrderTerms(new long[] {100_000_000L, 500_000_000L});
        final CoinbaseOrderRequest order = CoinbaseOrderRequest.market("c-3", "BTC-PERP-INTX", Side.BUY, 1_000_000L);

        assertThat(terms.apply(order, 1).toJson(true)).contains("\"leverage\":\"5\",\"margin_type\":\"CROSS\"");
        assertThat(terms.apply(order, 0).toJson(true)).contains("\"leverage\":\"1\"");
        assertThat(terms.apply(order, 7).toJson(true)).contains("\"leverage\":\"1\"");
        assertThat(terms.leverage(1)).isEqualTo(500_000_000L);
    }

    @Test
    void anIsolatedInstrumentSaysIsolatedAsAdvancedTradeSpellsIt()
    {
        // instrument 0 at 5x isolated, instrument 1 at 2x cross
        final IntxOrderTerms terms = new IntxOrderTerms(new dev.peregrine.gateway.venue.PerpetualAccountTerms(
            new long[] {500_000_000L, 200_000_000L}, new boolean[] {true, false}));
        final CoinbaseOrderRequest order = CoinbaseOrderRequest.market("c-4", "BTC-PERP-INTX", Side.BUY, 1_000_000L);

        assertThat(terms.apply(order, 0).toJson(true)).contains("\"leverage\":\"5\",\"margin_type\":\"ISOLATED\"");
        assertThat(terms.apply(order, 1).toJson(true)).contains("\"leverage\":\"2\",\"margin_type\":\"CROSS\"");
        assertThat(terms.marginType(7)).isEqualTo("CROSS");
    }

    @Test
    void aLeverageBelowOneIsRefusedNamingTheInstrument()
    {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new IntxOrderTerms(new long[] {100_000_000L, 50_000_000L}))
            .hasMessage("leverage of instrument 1 is below 1x: 0.5");
    }
}
