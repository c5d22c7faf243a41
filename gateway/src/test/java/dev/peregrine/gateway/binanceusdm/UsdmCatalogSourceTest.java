package dev.peregrine.gateway.binanceusdm;

import dev.peregrine.core.instrument.MarginTier;
import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.instrument.ProductCatalog;
import dev.peregrine.core.instrument.ProductCatalog.Product;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.testing.TestJson;
import dev.peregrine.gateway.venue.CatalogFields;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The contracts of the real venue's {@code /fapi/v1/exchangeInfo} (the shared capture), and the tier and bad-input rules. */
class UsdmCatalogSourceTest
{
    private static final String URL = "https://fapi.example/fapi/v1/exchangeInfo";

    @Test
    @SuppressWarnings("unchecked")
    void readsEveryPerpetualOfTheRealExchangeInfoAndNoDelivery()
    {
        final String body = UsdmCapture.read().exchangeInfo;
        final List<Map<String, Object>> symbols = (List<Map<String, Object>>)TestJson.object(body).get("symbols");
        final long perpetuals = symbols.stream().filter(s -> "PERPETUAL".equals(s.get("contractType"))).count();

        final ProductCatalog catalog = UsdmCatalogSource.parse(body, URL, List.of());

        assertThat(catalog.products()).hasSize((int)perpetuals).hasSizeLessThan(symbols.size());
        final String quarterly = (String)symbols.stream().filter(s -> "CURRENT_QUARTER".equals(s.get("contractType")))
            .findFirst().orElseThrow().get("symbol");
        assertThat(catalog.find(quarterly)).as("a quarterly delivery is no perpetual").isNull();
        // SUSHIUSDT in the capture: tickSize 0.0010, LOT_SIZE and MARKET_LOT_SIZE stepSize 1, MIN_NOTIONAL notional 5,
        // maintMarginPercent 2.5000 (rate 0.025), requiredMarginPercent 5.0000 (100 / 5 = 20x), marginAsset USDT.
        final Product sushi = catalog.find("SUSHIUSDT");
        assertThat(sushi.priceIncrement()).isEqualTo(FixedPoint.parse("0.001"));
        assertThat(sushi.sizeIncrement()).isEqualTo(FixedPoint.parse("1"));
        assertThat(sushi.minNotional()).isEqualTo(FixedPoint.parse("5"));
        assertThat(sushi.status()).isEqualTo("TRADING");
        assertThat(sushi.referencePrice()).as("exchangeInfo carries no price; the built-in list does not know it").isZero();
        assertThat(sushi.perpetual()).isEqualTo(new PerpetualTerms(FixedPoint.parse("1"), FixedPoint.parse("20"),
            List.of(MarginTier.single(FixedPoint.parse("20"), FixedPoint.parse("0.025"))), PerpetualTerms.EIGHT_HOURS_NANOS,
            "USDT"));
        final Product btc = UsdmCatalogSource.parse(body, URL, List.of("BTCUSDT")).find("BTCUSDT");
        assertThat(btc.priceIncrement()).isEqualTo(FixedPoint.parse("0.01"));
        assertThat(btc.sizeIncrement()).isEqualTo(FixedPoint.parse("0.001"));
        assertThat(btc.referencePrice()).as("the built-in list's").isEqualTo(FixedPoint.parse("60000"));
    }

    @Test
    void aContractWithoutItsMarginPercentIsRefusedNamingItAndTheField()
    {
        final String body = "{\"symbols\":[{\"symbol\":\"BTCUSDT\",\"contractType\":\"PERPETUAL\",\"status\":\"TRADING\"," +
            "\"requiredMarginPercent\":\"5\",\"marginAsset\":\"USDT\",\"filters\":[{\"filterType\":\"PRICE_FILTER\"," +
            "\"tickSize\":\"0.1\"},{\"filterType\":\"LOT_SIZE\",\"stepSize\":\"0.001\"}]}]}";

        assertThatThrownBy(() -> UsdmCatalogSource.parse(body, URL, List.of()))
            .isInstanceOf(IllegalArgumentException.class)
            .hasMessage(URL + ": product BTCUSDT has no maintMarginPercent");
        assertThatThrownBy(() -> UsdmCatalogSource.parse("{\"rateLimits\":[]}", URL, List.of()))
            .hasMessageContaining("answered no symbols[]");
    }

    @Test
    void leverageBracketsBecomeTiersWithAnUnboundedLastOne()
    {
        // The documented answer's shape: JSON numbers, brackets ascending by notional.
        final String answer = "[{\"symbol\":\"ETHUSDT\",\"brackets\":[" +
            "{\"bracket\":1,\"initialLeverage\":75,\"notionalCap\":10000,\"notionalFloor\":0,\"maintMarginRatio\":0.0065,\"cum\":0}," +
            "{\"bracket\":2,\"initialLeverage\":50,\"notionalCap\":100000,\"notionalFloor\":10000,\"maintMarginRatio\":0.01,\"cum\":35}]}]";

        final List<MarginTier> tiers = UsdmLeverageBrackets.parse(CatalogFields.json(answer, "test"), "ETHUSDT", "test");

        // cum 35 = 10000 x (0.01 - 0.0065): maintenance margin continuous at the bracket boundary.
        assertThat(tiers).containsExactly(
            new MarginTier(0, FixedPoint.parse("10000"), FixedPoint.parse("75"), FixedPoint.parse("0.0065"), 0),
            new MarginTier(FixedPoint.parse("10000"), Long.MAX_VALUE, FixedPoint.parse("50"), FixedPoint.parse("0.01"),
                FixedPoint.parse("35")));
        assertThat(UsdmLeverageBrackets.parse(CatalogFields.json(answer, "test"), "BTCUSDT", "test")).isEmpty();
    }

    @Test
    void theBuiltInContractsArePerpetualsOfContractSizeOne()
    {
        for (final Product product : new UsdmProducts().load().products())
        {
            assertThat(product.perpetual().contractSize()).isEqualTo(FixedPoint.SCALE);
            assertThat(product.perpetual().settlementCurrency()).isEqualTo("USDT");
        }
        assertThat(new UsdmProducts().load().symbols()).containsExactly("BTCUSDT", "ETHUSDT");
    }
}
