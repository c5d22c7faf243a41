package dev.peregrine.gateway.coinbase.emulator;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.peregrine.gateway.coinbase.CoinbaseProducts;
import dev.peregrine.gateway.coinbase.intx.IntxFundingProcess;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The emulated INTX portfolio against hand-computed cases. BTC-PERP-INTX: contract size 1, max leverage 10, so the
 * maintenance rate is 1/10 x 2/3 = 0.06666666 (8 places); collateral 10,000 USDC.
 */
class EmulatorIntxPortfolioTest
{
    private static final String BTC = "BTC-PERP-INTX";
    private static final long TEN_SECONDS = 10_000_000_000L;

    private final Map<String, BigDecimal> marks = new HashMap<>();
    private final IntxFundingProcess funding = new IntxFundingProcess(7, TEN_SECONDS);
    private EmulatorIntxPortfolio portfolio;

    @BeforeEach
    void tenThousandUsdc()
    {
        portfolio = new EmulatorIntxPortfolio(CoinbaseProducts.CATALOG, funding, marks::get, 0);
        portfolio.collateral(new BigDecimal("10000"));
        marks.put(BTC, new BigDecimal("50000"));
    }

    @Test
    void initialMarginIsNotionalOverTheOrdersLeverage() throws Exception
    {
        // 1 BTC at 50,000 with leverage 5: 50,000 / 5 = 10,000 USDC, exactly the equity: accepted.
        assertThat(portfolio.check(spec("BUY", "5"), new BigDecimal("1"), new BigDecimal("50000"))).isNull();
        // 1.0001 BTC: 50,005 / 5 = 10,001 > 10,000: refused.
        final EmulatorOrderChecks.Refusal refusal = portfolio.check(spec("BUY", "5"), new BigDecimal("1.0001"), new BigDecimal("50000"));
        assertThat(refusal.error()).isEqualTo("INSUFFICIENT_FUND");
        assertThat(refusal.message()).isEqualTo("needs 10001.00 USDC initial margin, equity 10000.00 USDC");
        // Leverage 11 is past the product's max_leverage of 10.
        assertThat(portfolio.check(spec("BUY", "11"), new BigDecimal("0.01"), new BigDecimal("50000")).previewReason())
            .isEqualTo("PREVIEW_INVALID_LEVERAGE");
    }

    @Test
    void fillsMoveEntryRealizedPnlAndCollateral()
    {
        portfolio.settle(order("BUY", "5"), new BigDecimal("1"), new BigDecimal("50000"), new BigDecimal("30"));
        // 10,000 - fee 30 = 9,970; long 1 at 50,000.
        assertThat(portfolio.collateral()).isEqualByComparingTo("9970");
        assertThat(portfolio.position(BTC).entry).isEqualByComparingTo("50000");

        portfolio.settle(order("SELL", null), new BigDecimal("0.4"), new BigDecimal("51000"), BigDecimal.ZERO);
        // Closes 0.4: (51,000 - 50,000) x 0.4 = +400; 0.6 left at 50,000.
        assertThat(portfolio.collateral()).isEqualByComparingTo("10370");
        assertThat(portfolio.position(BTC).netSize).isEqualByComparingTo("0.6");

        portfolio.settle(order("SELL", null), new BigDecimal("1"), new BigDecimal("52000"), BigDecimal.ZERO);
        // Closes 0.6: (52,000 - 50,000) x 0.6 = +1,200; flips to short 0.4 at 52,000.
        assertThat(portfolio.collateral()).isEqualByComparingTo("11570");
        assertThat(portfolio.position(BTC).netSize).isEqualByComparingTo("-0.4");
        assertThat(portfolio.position(BTC).entry).isEqualByComparingTo("52000");
        // Unrealized on the mark of 50,000: (50,000 - 52,000) x -0.4 = +800.
        assertThat(portfolio.unrealized(BTC)).isEqualByComparingTo("800");
    }

    @Test
    void aReducingOrderPassesWhateverTheMargin() throws Exception
    {
        portfolio.settle(order("BUY", "10"), new BigDecimal("1"), new BigDecimal("50000"), BigDecimal.ZERO);
        portfolio.collateral(new BigDecimal("1"));

        assertThat(portfolio.check(spec("SELL", null), new BigDecimal("0.5"), new BigDecimal("50000"))).isNull();
        assertThat(portfolio.check(spec("BUY", null), new BigDecimal("0.5"), new BigDecimal("50000"))).isNotNull();
    }

    @Test
    void fundingChargesNetSizeTimesMarkTimesRateAtEachFundingTime()
    {
        portfolio.settle(order("BUY", "5"), new BigDecimal("1"), new BigDecimal("50000"), new BigDecimal("30"));
        final BigDecimal rate = BigDecimal.valueOf(funding.rate(BTC, TEN_SECONDS), 8);

        assertThat(portfolio.advance(TEN_SECONDS - 1)).isZero();
        assertThat(portfolio.advance(TEN_SECONDS)).isEqualTo(1);

        // A long of 1 contract of 1 BTC at a mark of 50,000 pays 1 x 1 x 50,000 x rate.
        assertThat(portfolio.collateral()).isEqualByComparingTo(new BigDecimal("9970").subtract(new BigDecimal("50000").multiply(rate)));
        assertThat(portfolio.position(BTC).funding).isEqualByComparingTo(new BigDecimal("50000").multiply(rate));
        assertThat(portfolio.fundings()).isEqualTo(1);
    }

    @Test
    void aLongIsLiquidatedAtTheMarkOnceEquityFallsBelowMaintenance()
    {
        portfolio.settle(order("BUY", "5"), new BigDecimal("1"), new BigDecimal("50000"), new BigDecimal("30"));
        // Equity at mark L: 9,970 + (L - 50,000) = maintenance L x 0.06666666
        //   => L = (50,000 - 9,970) / (1 - 0.06666666) = 40,030 / 0.93333334 = 42,889.285... -> 42889.29
        assertThat(portfolio.liquidationPrice(BTC)).isEqualByComparingTo("42889.29");

        marks.put(BTC, new BigDecimal("42900"));
        portfolio.advance(1);
        assertThat(portfolio.liquidations()).isZero();

        marks.put(BTC, new BigDecimal("42800"));
        portfolio.advance(1);
        // Closed at the mark: (42,800 - 50,000) x 1 = -7,200; 9,970 - 7,200 = 2,770.
        assertThat(portfolio.liquidations()).isEqualTo(1);
        assertThat(portfolio.position(BTC).netSize).isEqualByComparingTo("0");
        assertThat(portfolio.collateral()).isEqualByComparingTo("2770");
    }

    private static EmulatorOrderSpec spec(final String side, final String leverage) throws Exception
    {
        final String json = "{\"product_id\":\"" + BTC + "\",\"side\":\"" + side + "\"," +
            (leverage == null ? "" : "\"leverage\":\"" + leverage + "\",\"margin_type\":\"CROSS\",") +
            "\"order_configuration\":{\"market_market_ioc\":{\"base_size\":\"0.01\"}}}";
        final EmulatorOrderSpec spec = EmulatorOrderSpec.parse(new ObjectMapper().readTree(json));
        assertThat(spec.problem).isNull();
        return spec;
    }

    private static EmulatedOrder order(final String side, final String leverage)
    {
        final EmulatedOrder order = new EmulatedOrder("id", "client", BTC, side, "MARKET_IOC", BigDecimal.ONE, null, false, "now");
        order.leverage = leverage == null ? null : new BigDecimal(leverage);
        return order;
    }
}
