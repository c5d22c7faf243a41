package dev.peregrine.gateway.coinbase.intx;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.core.instrument.MarginTier;
import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.gateway.coinbase.CoinbaseCatalogSource;
import dev.peregrine.gateway.venue.CatalogFields;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** An INTX perpetual's product answer, in Advanced Trade's documented shape, read into terms and a funding quote. */
class IntxProductFieldsTest
{
    /** Get Product of BTC-PERP-INTX as the documentation shows it (fields Peregrine does not read trimmed). */
    private static final String BTC_PERP = """
        {"product_id":"BTC-PERP-INTX","price":"64000.5","base_increment":"0.0001","quote_increment":"0.1",
         "price_increment":"0.1","quote_min_size":"10","status":"online","product_type":"FUTURE",
         "mid_market_price":"64001.25","quote_currency_id":"USDC","base_currency_id":"BTC",
         "future_product_details":{"venue":"intx","contract_code":"BTC","contract_expiry":null,"contract_size":"1",
           "contract_root_unit":"BTC","contract_expiry_type":"PERPETUAL","funding_interval":"3600s",
           "perpetual_details":{"open_interest":"1234.5","funding_rate":"0.000011","funding_time":"2026-12-07T01:00:00Z",
             "max_leverage":"20","base_asset_uuid":"5b71fc48-3dd3-540c-809b-f8c94d0e68b5","underlying_type":"SPOT"}}}
        """;

    @Test
    void termsFollowTheMaxLeverageAndInternationalExchangesTwoThirdsMaintenance()
    {
        final PerpetualTerms terms = IntxProductFields.terms(product(BTC_PERP), "test", "BTC-PERP-INTX");

        // max_leverage 20: initial rate 1/20 = 0.05; maintenance 0.05 x 2/3 = 0.0333333333 -> 0.03333333 (8 places, down).
        assertThat(terms.contractSize()).isEqualTo(100_000_000L);
        assertThat(terms.maxLeverage()).isEqualTo(2_000_000_000L);
        assertThat(IntxMarginRates.initialRate(terms.maxLeverage())).isEqualTo(5_000_000L);
        assertThat(terms.tiers()).containsExactly(new MarginTier(0, Long.MAX_VALUE, 2_000_000_000L, 3_333_333L, 0));
        assertThat(terms.fundingIntervalNanos()).isEqualTo(3_600_000_000_000L);
        assertThat(terms.settlementCurrency()).isEqualTo("USDC");
    }

    @Test
    void quoteReadsMarkIndexRateAndFundingTime()
    {
        final IntxFundingQuote quote = IntxProductFields.quote(product(BTC_PERP), "test", "BTC-PERP-INTX");

        assertThat(quote.mark()).isEqualTo(6_400_125_000_000L);
        assertThat(quote.index()).isEqualTo(6_400_050_000_000L);
        assertThat(quote.fundingRate()).isEqualTo(1_100L); // 0.000011
        // 2026-12-07T01:00:00Z = 1796605200 s since the epoch.
        assertThat(quote.fundingTimeNanos()).isEqualTo(1_796_605_200_000_000_000L);
    }

    @Test
    void theCatalogSourceGivesAPerpetualItsTermsAndSpotNone()
    {
        final String listing = "{\"products\":[" + BTC_PERP + ",{\"product_id\":\"BTC-USD\",\"price\":\"64000\"," +
            "\"base_increment\":\"0.00000001\",\"quote_increment\":\"0.01\",\"quote_min_size\":\"1\",\"status\":\"online\"," +
            "\"product_type\":\"SPOT\"}]}";

        final ProductCatalog catalog = CoinbaseCatalogSource.parse(listing, "listing", List.of());

        assertThat(catalog.find("BTC-PERP-INTX").perpetual().maxLeverage()).isEqualTo(2_000_000_000L);
        assertThat(catalog.find("BTC-PERP-INTX").minNotional()).isEqualTo(1_000_000_000L);
        assertThat(catalog.find("BTC-USD").perpetual()).isNull();
    }

    @Test
    void aPerpetualTheListingLeavesOutIsReadFromItsOwnProductAnswer() throws Exception
    {
        final java.util.Map<String, String> answers = java.util.Map.of(
            "http://venue/api/v3/brokerage/market/products?product_ids=BTC-PERP-INTX", "{\"products\":[]}",
            "http://venue/api/v3/brokerage/market/products/BTC-PERP-INTX", BTC_PERP);

        final ProductCatalog catalog = new CoinbaseCatalogSource().read(url -> answers.get(url.toString()), java.net.URI.create("http://venue"),
            List.of("BTC-PERP-INTX"));

        assertThat(catalog.symbols()).containsExactly("BTC-PERP-INTX");
        assertThat(catalog.find("BTC-PERP-INTX").perpetual().maxLeverage()).isEqualTo(2_000_000_000L);
    }

    @Test
    void aShortFundingIntervalIsReadInSeconds()
    {
        final PerpetualTerms terms = IntxProductFields.terms(product(BTC_PERP.replace("\"3600s\"", "\"10s\"")), "test", "X");

        assertThat(terms.fundingIntervalNanos()).isEqualTo(10_000_000_000L);
    }

    @Test
    void badFieldsAreNamedWithTheSourceAndProduct()
    {
        assertThatThrownBy(() -> IntxProductFields.terms(product(BTC_PERP.replace("\"max_leverage\":\"20\"", "\"max_leverage\":\"x\"")),
            "http://venue/products", "BTC-PERP-INTX"))
            .hasMessageContaining("http://venue/products").hasMessageContaining("BTC-PERP-INTX").hasMessageContaining("max_leverage");
        assertThatThrownBy(() -> IntxProductFields.quote(product(BTC_PERP.replace("2026-12-07T01:00:00Z", "soon")),
            "src", "BTC-PERP-INTX"))
            .hasMessage("src: product BTC-PERP-INTX has funding_time 'soon', not an RFC 3339 time");
        assertThatThrownBy(() -> IntxProductFields.terms(product(BTC_PERP.replace("\"3600s\"", "\"an hour\"")), "src", "P"))
            .hasMessageContaining("funding_interval 'an hour'");
    }

    @Test
    void onlyFuturesWithPerpetualDetailsArePerpetuals()
    {
        assertThat(IntxProductFields.isPerpetual(product(BTC_PERP))).isTrue();
        assertThat(IntxProductFields.isPerpetual(product(BTC_PERP.replace("\"FUTURE\"", "\"SPOT\"")))).isFalse();
    }

    private static JsonNode product(final String json)
    {
        return CatalogFields.json(json, "test");
    }
}
