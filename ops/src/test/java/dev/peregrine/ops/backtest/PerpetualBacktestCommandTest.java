package dev.peregrine.ops.backtest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * {@code peregrine backtest --venue binance-usdm --marks --funding} as a user runs it, on generated files in Binance's
 * archive formats: the report shows the funding the run paid (worked out by hand from the venue's formula), margin
 * and leverage over time; its journal replays to the printed digest; a spot run's report has no perpetuals part.
 */
class PerpetualBacktestCommandTest
{
    private static final long T0_MS = 1_704_067_200_000L; // 2024-01-01T00:00:00Z

    @TempDir
    Path dir;

    /**
     * Trades every 10 s for 40 minutes: closes 50000, 50000, 49000, 51000, then rising, so trend-following with fast 1
     * and slow 2 buys 0.1 at the close of the fourth minute and holds it to the end.
     */
    private Path trades(final String name) throws IOException
    {
        final StringBuilder sb = new StringBuilder("timestamp,price,quantity\n");
        for (int s = 0; s < 40 * 60; s += 10)
        {
            final int minute = s / 60;
            sb.append(T0_MS + s * 1000L).append(',')
                .append(minute < 2 ? 50_000 : minute == 2 ? 49_000 : 51_000 + 10 * (minute - 3)).append(",5\n");
        }
        return Files.writeString(dir.resolve(name), sb.toString());
    }

    private Path marks() throws IOException
    {
        return marks("51100.5", "51200", "51300");
    }

    /** 1m mark klines ending at 00:09:59.999, 00:19:59.999 and 00:29:59.999 with these closes. */
    private Path marks(final String... closes) throws IOException
    {
        final StringBuilder sb = new StringBuilder("open_time,open,high,low,close,volume,close_time,quote_volume,count," +
            "taker_buy_volume,taker_buy_quote_volume,ignore\n");
        for (int k = 0; k < 3; k++)
        {
            final long open = T0_MS + (9 + 10 * k) * 60_000L;
            final String c = closes[k];
            sb.append(open).append(',').append(c).append(',').append(c).append(',').append(c).append(',').append(c)
                .append(",0,").append(open + 59_999).append(",0,0,0,0,0\n");
        }
        return Files.writeString(dir.resolve("BTCUSDT-1m-2024-01-01.csv"), sb.toString());
    }

    private Path funding(final String lastRate) throws IOException
    {
        return Files.writeString(dir.resolve("BTCUSDT-fundingRate-2024-01.csv"),
            "calc_time,funding_interval_hours,last_funding_rate\n" + (T0_MS + 600_000) + ",8,0.0001\n" +
                (T0_MS + 1_200_000) + ",8,-0.0002\n" + (T0_MS + 1_800_000) + ",8," + lastRate + "\n");
    }

    @Test
    void theReportShowsTheFundingPaidAndMarginOverTimeAndTheJournalReplays() throws IOException
    {
        final Path report = dir.resolve("report");
        final CliRun run = CliRun.of("backtest", "--venue", "binance-usdm", "--data", trades("BTCUSDT-trades.csv").toString(),
            "--marks", marks().toString(), "--funding", funding("0.0003").toString(),
            "--strategy", "trend-following:bar=1m,fast=1,slow=2,quantity=0.1", "--order-notional", "100000",
            "--report", report.toString());
        assertEquals(0, run.exit(), run.err() + run.out());
        assertTrue(run.out().contains("funding: each row of BTCUSDT-fundingRate-2024-01.csv is a FUNDING_SETTLEMENT"), run.out());

        final JsonNode json = new ObjectMapper().readTree(report.resolve("report.json").toFile());
        final JsonNode perpetual = json.get("perpetual");
        // Binance USD-M funding = position size x mark x rate, a long paying a positive rate:
        //   0.1 x 51100.5 x 0.0001 = 0.511005;  0.1 x 51200 x -0.0002 = -1.024;  0.1 x 51300 x 0.0003 = 1.539
        //   paid in all 1.026005
        assertEquals(3, perpetual.get("funding_settlements").asLong());
        assertEquals(1.026005, perpetual.get("funding_paid").asDouble(), 1e-9);
        final JsonNode settlements = perpetual.get("settlements");
        assertEquals(0.511005, settlements.get(0).get("paid").asDouble(), 1e-9);
        assertEquals(51100.5, settlements.get(0).get("mark_price").asDouble(), 0);
        assertEquals(-1.024, settlements.get(1).get("paid").asDouble(), 1e-9);
        assertEquals(-0.512995, settlements.get(1).get("paid_so_far").asDouble(), 1e-9); // 0.511005 - 1.024
        assertEquals(1.539, settlements.get(2).get("paid").asDouble(), 1e-9);
        // The PnL tables split funding out, per strategy and product, and it is the same figure.
        final JsonNode total = json.get("pnl_total");
        assertEquals(1.026005, total.get("funding_paid").asDouble(), 1e-9);
        assertEquals(total.get("realized_pnl_before_fees").asDouble() - total.get("fees").asDouble() +
            total.get("unrealized_pnl").asDouble() - 1.026005, total.get("net_pnl").asDouble(), 1e-6);
        assertEquals(1.026005, json.get("pnl_by_strategy_and_product").get(0).get("funding_paid").asDouble(), 1e-9);
        // --venue binance-usdm charges USD-M's base tier, as its demo does: taker 5 bps (maker 2), not Coinbase's 60.
        assertTrue(json.get("fills").size() > 0, "fills");
        for (final JsonNode fill : json.get("fills"))
        {
            final double notional = fill.get("quantity").asDouble() * fill.get("price").asDouble();
            final double bps = fill.get("fee").asDouble() / notional * 10_000;
            assertTrue(Math.abs(bps - 5.0) < 1e-6 || Math.abs(bps - 2.0) < 1e-6, "fee of " + fill + ": " + bps + " bps");
        }
        assertTrue(run.out().contains("funding +1.03"), run.out());
        assertTrue(run.out().contains(" - funding 1.03\n"), run.out()); // the headline net is after funding too
        assertEquals(total.get("net_pnl").asDouble(), json.get("statistics").get("final_equity").asDouble() -
            json.get("capital").asDouble(), 1e-6, "the equity curve is after funding");
        assertEquals("BTCUSDT", perpetual.get("positions").get(0).get("product").asText());
        assertEquals(0.1, perpetual.get("positions").get(0).get("size").asDouble(), 1e-12);
        assertTrue(perpetual.get("max_margin_ratio").asDouble() > 0, perpetual.toString());
        assertTrue(perpetual.get("max_effective_leverage").asDouble() > 0, perpetual.toString());
        final String html = Files.readString(report.resolve("report.html"));
        for (final String id : new String[] {"id=\"perpetuals\"", "id=\"funding-chart\"", "id=\"margin-ratio-chart\"",
            "id=\"leverage-chart\"", "id=\"funding-settlements\"", "id=\"perpetual-positions\"", "<th>funding paid</th>"})
        {
            assertTrue(html.contains(id), id);
        }

        final CliRun replay = CliRun.of("replay", "--journal", report.resolve("journal").toString());
        assertEquals(0, replay.exit(), replay.err());
        assertEquals(run.value("output-digest"), replay.value("output-digest"));
        assertEquals(run.value("state-hash"), replay.value("state-hash"));
    }

    @Test
    void atTwentyTimesLeverageAMarkBelowTheLiquidationPriceLiquidatesThePositionAndTheReportListsIt() throws IOException
    {
        // 0.3 BTC long near 51,010 on 1,000 USDT at 20x (binance-usdm BTCUSDT: maintenance 2.5 %): the liquidation
        // price is (wallet - 0.3 x entry) / (0.3 x 0.025 - 0.3), about 48,950; the mark of 00:19:59.999 is 48,000.
        final Path report = dir.resolve("report");
        final CliRun run = CliRun.of("backtest", "--venue", "binance-usdm", "--data", trades("BTCUSDT-trades.csv").toString(),
            "--marks", marks("51100.5", "48000", "51300").toString(), "--leverage", "20", "--collateral", "1000",
            "--strategy", "trend-following:bar=1m,fast=1,slow=2,quantity=0.3", "--order-notional", "100000",
            "--report", report.toString());
        assertEquals(0, run.exit(), run.err() + run.out());
        assertTrue(run.out().contains("margin account: collateral 1000 USDT, leverage 20x on BTCUSDT"), run.out());
        final JsonNode perpetual = new ObjectMapper().readTree(report.resolve("report.json").toFile()).get("perpetual");
        assertEquals(1, perpetual.get("liquidations").asLong(), perpetual.toString());
        final JsonNode liquidation = perpetual.get("liquidations_listed").get(0);
        assertEquals("SELL", liquidation.get("side").asText());
        assertEquals(0.3, liquidation.get("quantity").asDouble(), 1e-12);
        assertEquals(48000, liquidation.get("price").asDouble(), 0);
        assertEquals(0, perpetual.get("positions").get(0).get("size").asDouble(), 0);
        assertTrue(perpetual.get("max_effective_leverage").asDouble() > 14, perpetual.toString()); // 0.3 x 51,000 / ~1,000
        assertTrue(Files.readString(report.resolve("report.html")).contains("id=\"liquidations\""));

        final CliRun tooMuch = CliRun.of("backtest", "--venue", "binance-usdm", "--data", dir.resolve("BTCUSDT-trades.csv").toString(),
            "--leverage", "125", "--strategy", "trend-following:bar=1m");
        assertEquals(2, tooMuch.exit());
        assertTrue(tooMuch.err().contains("--leverage 125 is outside 1 to BTCUSDT's maximum of 20"), tooMuch.err());
    }

    @Test
    void aBadFundingRowExitsWithTwoNamingFileLineAndFieldAndASpotReportHasNoPerpetualPart() throws IOException
    {
        final Path trades = trades("BTCUSDT-trades.csv");
        final Path funding = funding("0.03%");
        final CliRun bad = CliRun.of("backtest", "--venue", "binance-usdm", "--data", trades.toString(), "--funding",
            funding.toString(), "--strategy", "trend-following:bar=1m", "--report", dir.resolve("bad").toString());
        assertEquals(2, bad.exit());
        assertEquals("peregrine: " + funding + ":4: last_funding_rate: '0.03%' is not a number", bad.err().trim());
        assertFalse(Files.exists(dir.resolve("bad").resolve("journal")));

        final Path spot = Files.copy(trades, dir.resolve("BTC-USD-trades.csv"));
        final CliRun spotRun = CliRun.of("backtest", "--data", spot.toString(), "--strategy",
            "trend-following:bar=1m,fast=1,slow=2", "--report", dir.resolve("spot").toString());
        assertEquals(0, spotRun.exit(), spotRun.err());
        assertFalse(Files.readString(dir.resolve("spot").resolve("report.json")).contains("\"perpetual\""));
        assertFalse(Files.readString(dir.resolve("spot").resolve("report.html")).contains("id=\"perpetuals\""));
    }
}
