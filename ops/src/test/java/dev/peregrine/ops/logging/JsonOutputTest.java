package dev.peregrine.ops.logging;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The documents ops writes read as they did before Jackson wrote them: the layout and the number rules. */
class JsonOutputTest
{
    @Test
    void prettyDocumentsIndentTwoSpacesWithPlainDecimals()
    {
        final ObjectNode json = JsonOutput.object().put("report", "peregrine").put("capital", 10_000.0)
            .put("sum", 0.1 + 0.2).put("tiny", 1e-9).put("nan", Double.NaN).put("events", 42L);
        json.putArray("empty");
        json.putObject("none");
        json.putArray("products").add("BTC-USD").add("ETH-USD");
        assertThat(JsonOutput.prettyDecimals(json)).isEqualTo("{\n" +
            "  \"report\": \"peregrine\",\n" +
            "  \"capital\": 10000,\n" +
            "  \"sum\": 0.3,\n" +
            "  \"tiny\": 0,\n" +
            "  \"nan\": null,\n" +
            "  \"events\": 42,\n" +
            "  \"empty\": [],\n" +
            "  \"none\": {},\n" +
            "  \"products\": [\n" +
            "    \"BTC-USD\",\n" +
            "    \"ETH-USD\"\n" +
            "  ]\n" +
            "}\n");
    }

    @Test
    void compactDocumentsHaveNoSpacesAndLowerCaseEscapes()
    {
        final ObjectNode json = JsonOutput.object().put("event", "a\"b\\c\u001f").putNull("strategy")
            .putRawValue("quantity", JsonOutput.fixed(0.5, 8));
        assertThat(JsonOutput.compact(json))
            .isEqualTo("{\"event\":\"a\\\"b\\\\c\\u001f\",\"strategy\":null,\"quantity\":0.50000000}");
        assertThat(JsonOutput.error("no \"such\" thing")).isEqualTo("{\"error\":\"no \\\"such\\\" thing\"}");
    }

    @Test
    void logLinesKeepTheirFieldsAndNumbers()
    {
        final JsonLine line = new JsonLine().begin(1_700_000_000_123_456_789L, JsonLine.INFO, "order_filled")
            .field("order_id", 7).decimal("fill_price", 6_500_012_000_000L).number("fee", 0.0125)
            .number("pnl", -0.0).field("recovered", false);
        assertThat(line.text()).isEqualTo("{\"ts\":\"2023-11-14T22:13:20.123456789Z\",\"level\":\"INFO\"," +
            "\"event\":\"order_filled\",\"order_id\":7,\"fill_price\":" +
            dev.peregrine.core.number.FixedPoint.toString(6_500_012_000_000L) + ",\"fee\":0.0125,\"pnl\":0," +
            "\"recovered\":false}");
    }
}
