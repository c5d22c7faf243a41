package dev.peregrine.gateway.binance.emulator;

import dev.peregrine.gateway.sim.binance.BinanceHttpRequest;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** How a request's parameters and its signature payload are read from the query string and the form body. */
class RequestParametersTest
{
    private static RequestParameters read(final String method, final String query, final String body)
    {
        return new RequestParameters(new BinanceHttpRequest(method, "/api/v3/order", Map.of(), Map.of(), body, query, "127.0.0.1"));
    }

    @Test
    void thePayloadIsTheQueryThenTheBodyAsSentWithoutTheSignatureWhereverItIs()
    {
        final RequestParameters p = read("POST", "symbol=BTCUSDT&signature=ab%2Bc%3D&side=BUY", "type=LIMIT&price=1.5");

        assertThat(p.signaturePayload()).isEqualTo("symbol=BTCUSDT&side=BUYtype=LIMIT&price=1.5");
        assertThat(p.signature()).isEqualTo("ab+c=");
        assertThat(p.get("type")).isEqualTo("LIMIT");
    }

    @Test
    void anUnencodedPlusInABase64SignatureStaysAPlus()
    {
        assertThat(read("GET", "timestamp=1&signature=ab+cd", "").signature()).isEqualTo("ab+cd");
        assertThat(read("GET", "newClientOrderId=a+b", "").get("newClientOrderId")).as("elsewhere a form's + is a space").isEqualTo("a b");
    }

    @Test
    void theQueryWinsOverTheBodyAndAGetBodyIsIgnored()
    {
        assertThat(read("POST", "side=BUY", "side=SELL").get("side")).isEqualTo("BUY");
        assertThat(read("GET", "", "side=SELL").has("side")).isFalse();
    }

    @Test
    void duplicatesMalformedDecimalsAndTooMuchPrecisionAreTheVenuesErrors()
    {
        assertThatThrownBy(() -> read("GET", "side=BUY&side=SELL", "")).hasMessage("Duplicate values for a parameter detected.");
        assertThatThrownBy(() -> read("GET", "price=1e5", "").decimal("price"))
            .hasMessageContaining("Illegal characters found in parameter 'price'");
        assertThatThrownBy(() -> read("GET", "quantity=0.000000001", "").decimal("quantity"))
            .hasMessage("Parameter 'quantity' has too much precision.");
        assertThat(read("GET", "quantity=0.100000000", "").decimal("quantity")).isEqualByComparingTo("0.1");
        assertThatThrownBy(() -> read("GET", "", "").required("symbol"))
            .hasMessage("Mandatory parameter 'symbol' was not sent, was empty/null, or malformed.");
    }
}
