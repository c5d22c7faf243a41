package dev.peregrine.gateway.coinbase.sim;

import com.fasterxml.jackson.databind.JsonNode;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.gateway.coinbase.orders.CoinbaseJson;
import dev.peregrine.gateway.sim.MarketSnapshot;
import dev.peregrine.gateway.sim.SimulatedExchange;
import dev.peregrine.gateway.sim.SimulatedExchangeConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** In {@code peregrine sim} the emulator's public market endpoints quote the simulated market, with no key. */
class SimVenueMarketTest
{
    @TempDir
    Path credentials;

    @Test
    void publicProductBookAndTickerAreTheSimulatedMarkets() throws Exception
    {
        final SimulatedExchange market = new SimulatedExchange(SimulatedExchangeConfig.forProducts(List.of("BTC-USD"))
            .withTradesPerSecond(1));
        try (SimVenue venue = new SimVenue(market, SimCredentials.generatedIn("organizations/o/apiKeys/k", credentials),
            List.of("BTC-USD"), "127.0.0.1", "127.0.0.1"))
        {
            venue.start(0);
            final MarketSnapshot before = market.snapshots(1).get("BTC-USD");
            venue.syncFillPrices();
            final MarketSnapshot after = market.snapshots(1).get("BTC-USD");
            final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
            final JsonNode book = get(http, venue.restUrl() + "/api/v3/brokerage/market/product_book?product_id=BTC-USD&limit=3");
            final long bestBid = FixedPoint.parse(book.get("pricebook").get("bids").get(0).get("price").asText());
            assertThat(bestBid).isIn(before.bid(), after.bid());
            assertThat(book.get("pricebook").get("bids")).hasSize(3);
            final JsonNode ticker = get(http, venue.restUrl() + "/api/v3/brokerage/market/products/BTC-USD/ticker?limit=2");
            assertThat(ticker.get("trades")).hasSize(2);
            assertThat(Long.parseLong(ticker.get("trades").get(0).get("trade_id").asText()))
                .isIn(before.trades().get(0).tradeId(), after.trades().get(0).tradeId());
        }
    }

    private static JsonNode get(final HttpClient http, final String url) throws Exception
    {
        final HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
            HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return CoinbaseJson.MAPPER.readTree(response.body());
    }
}
