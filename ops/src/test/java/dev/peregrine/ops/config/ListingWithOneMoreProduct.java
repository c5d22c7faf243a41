package dev.peregrine.ops.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpServer;
import dev.peregrine.gateway.coinbase.emulator.CoinbaseVenueEmulator;
import dev.peregrine.gateway.coinbase.orders.TestKeys;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.interfaces.ECPublicKey;

/**
 * The Coinbase emulator's List Public Products answer (every documented field, from the real emulator over loopback)
 * with one product more than the built-in lists know, {@code SUI-USD}, served on a loopback port of its own: a
 * venue that lists a product Peregrine does not ship. The emulator has no hook to add a product, so its own
 * answer is taken and BTC-USD's entry copied under the new id, price and increments.
 */
public final class ListingWithOneMoreProduct implements AutoCloseable
{
    public static final String PATH = "/api/v3/brokerage/market/products";

    private final HttpServer server;

    public ListingWithOneMoreProduct() throws IOException, InterruptedException
    {
        final String body;
        try (CoinbaseVenueEmulator emulator = new CoinbaseVenueEmulator((ECPublicKey)TestKeys.p256().getPublic(),
            TestKeys.KEY_NAME, "127.0.0.1").start())
        {
            body = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(emulator.baseUri() + PATH)).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        }
        final ObjectMapper json = new ObjectMapper();
        final ObjectNode listing = (ObjectNode)json.readTree(body);
        final ArrayNode products = (ArrayNode)listing.get("products");
        ObjectNode sol = null;
        for (int i = 0; i < products.size() && sol == null; i++)
        {
            if ("BTC-USD".equals(products.get(i).path("product_id").asText()))
            {
                sol = products.get(i).deepCopy();
            }
        }
        if (sol == null)
        {
            throw new IllegalStateException("the emulator's listing has no BTC-USD to copy: " + body);
        }
        sol.put("product_id", "SUI-USD").put("base_currency_id", "SUI").put("base_display_symbol", "SUI")
            .put("base_name", "Sui").put("price", "150.25").put("price_increment", "0.01")
            .put("quote_increment", "0.01").put("base_increment", "0.001").put("quote_min_size", "1");
        products.add(sol);
        listing.put("num_products", products.size());
        final byte[] answer = json.writeValueAsBytes(listing);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(PATH, exchange ->
        {
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, answer.length);
            try (OutputStream out = exchange.getResponseBody())
            {
                out.write(answer);
            }
        });
        server.start();
    }

    /** The REST base to configure as {@code venue.rest_url}. */
    public URI restUrl()
    {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    @Override
    public void close()
    {
        server.stop(0);
    }
}
