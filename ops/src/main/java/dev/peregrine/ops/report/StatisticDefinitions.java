package dev.peregrine.ops.report;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One sentence per statistic, written into report.json ({@code definitions}) and shown as the tooltip of
 * each figure in report.html, so a reader never has to guess how a number was computed. The classes
 * named here hold the authoritative definitions.
 */
public final class StatisticDefinitions
{
    private static final Map<String, String> DEFINITIONS = new LinkedHashMap<>();

    static
    {
        // The figures below up to longest_underwater are the one statistics module's (EquityStatistics, in
        // journal): the backtest summary, sweeps, /admin and this report all print them from the same series.
        put("equity", "starting capital + PnL, PnL = realized PnL after fees + unrealized PnL of open positions at " +
            "the core's mark (mid of the top of book, else the last trade), measured after every event");
        put("total_return", "final PnL / capital");
        put("cagr", "(final equity / capital)^(1 / years) - 1, years = span / 365.25 days; null (cagr_unavailable " +
            "says why) for spans under a day");
        put("sharpe", "mean / sample standard deviation of period returns x sqrt(periods in 365 days), risk-free " +
            "rate 0; a period's return is its PnL change / capital (returns on the fixed capital, so the ratio does " +
            "not depend on the capital); UTC daily periods when there are at least 20, else hourly " +
            "(returns_period); periods without events count as 0; null (sharpe_unavailable says why) for spans " +
            "under a day");
        put("sortino", "mean period return / downside deviation (root mean square of the negative returns over " +
            "all periods, target 0) x sqrt(periods in 365 days), the same returns as sharpe; null when no period " +
            "lost or the span is under a day");
        put("calmar", "CAGR / max drawdown; null when either is undefined");
        put("max_drawdown", "the largest fall of PnL from its running peak (max_drawdown_quote, quote currency), " +
            "as a fraction of the equity at that peak, over the PnL after every event (the buy-and-hold column's over " +
            "its PnL at every hourly close)");
        put("max_drawdown_duration", "from the peak before the deepest trough until equity is back at that peak, " +
            "or until the end of the data when it never recovered");
        put("longest_underwater", "the longest time from any peak until equity was back at it (or the end)");
        put("trades", "round trips from flat to flat per product; adds and partial closes belong to the open " +
            "trade; a fill through zero closes the trade and opens a new one with the rest (its fee split by " +
            "quantity); a position open at the end is listed as open, not as a trade");
        put("win_rate", "trades with net PnL (after fees) > 0 / trades; a trade of exactly 0 is neither win nor loss");
        put("profit_factor", "sum of winning trades' net PnL / |sum of losing trades' net PnL|; null without losses");
        put("expectancy", "mean net PnL per trade, quote currency");
        put("exposure", "share of the event-time span during which any position was open");
        put("turnover", "traded notional (sum of price x quantity of every fill) / capital");
        put("fees", "fees of every fill, quote currency");
        put("slippage", "sum over fills of (fill price - mid at decision) x quantity for buys and (mid - fill " +
            "price) x quantity for sells, mid from the book the order's decision record saw; positive is a cost; " +
            "in bps over the notional of fills that had a mid");
        put("limit_fill_rate", "quantity filled on limit orders / quantity they asked for");
        put("fill_ratio", "quantity filled / quantity all orders asked for (limit orders priced at their limit, " +
            "market orders at the mid their decision saw, for the notionals)");
        put("average_trade_duration", "mean entry-to-exit event time of the trades");
        put("best_trade", "the trade with the highest net PnL");
        put("worst_trade", "the trade with the lowest net PnL");
        put("max_consecutive_wins", "longest run of winning trades, in exit order");
        put("max_consecutive_losses", "longest run of losing trades, in exit order");
        put("monthly_returns", "month's last equity / previous month's last equity (capital before the first) - 1, UTC months");
        // The tearsheet's figures (Tearsheet, ReturnStatistics): computed once, written to report.json and report.html.
        // Its total return, CAGR, sharpe, sortino and max drawdown are the ones above, not computed again.
        put("period_returns", "a period's PnL change / capital (returns on the fixed capital, not compounded, as sharpe's), " +
            "over the periods sharpe uses (tearsheet.returns_period: UTC days when there are at least 20, else UTC hours); " +
            "a period without events is 0");
        put("buy_and_hold", "the benchmark: the capital split equally between the traded products (every product with a " +
            "price when nothing traded), each part bought at the product's first mark and held to the end, no fees; its " +
            "total return, CAGR, sharpe, sortino and max drawdown are computed by the same statistics class on the same " +
            "capital, fed its PnL (its equity - capital) at the first event and at every UTC hour's close, so its max " +
            "drawdown is over hourly closes; its other figures come from its period returns exactly as the strategy's");
        put("excess_return", "total return - the benchmark's total return");
        put("beta", "sample covariance of the strategy's and the benchmark's period returns / sample variance of the " +
            "benchmark's; null when the benchmark never moved");
        put("alpha", "Jensen's alpha per year, risk-free rate 0: (mean period return - beta x mean benchmark period " +
            "return) x periods in 365 days (tearsheet.periods_per_year)");
        put("correlation", "Pearson correlation of the strategy's and the benchmark's period returns");
        put("volatility", "sample standard deviation of the period returns x sqrt(periods in 365 days), the annualization " +
            "sharpe uses");
        put("var_95", "historical value at risk, 95%: the loss of the k-th worst period return, k = ceil(5% of the " +
            "periods); positive is a loss");
        put("cvar_95", "historical conditional value at risk (expected shortfall), 95%: the mean loss of the k worst " +
            "period returns, k as for VaR");
        put("skew", "skewness of the period returns, m3 / m2^1.5 with population central moments m2, m3");
        put("kurtosis", "excess kurtosis of the period returns, m4 / m2^2 - 3 (0 for a normal distribution)");
        put("recovery_factor", "net profit (final equity - capital) / max drawdown in quote currency");
        put("sqn", "system quality number: sqrt(trades) x mean / sample standard deviation of the trades' net PnL");
        put("rolling_sharpe", "sharpe's formula (mean / sample standard deviation of the period returns x sqrt(periods in " +
            "365 days), computed by the same code) over the last 30 daily (or 24 hourly) period returns, at each period");
        put("rolling_volatility", "volatility over the last 30 daily (or 24 hourly) period returns, at each period");
        put("returns_histogram", "the period returns counted in 20 equal bins from the lowest to the highest");
        put("worst_drawdowns", "the ten deepest drawdowns of the equity after every event: start (the peak), trough, " +
            "recovery (back at the peak; null when not by the end), depth as a fraction of the peak and in quote currency");
        put("calendar_returns", "daily, weekly (ISO weeks), monthly and yearly returns: the period's last hourly close / " +
            "the previous period's (capital before the first) - 1, UTC; best and worst day among the daily ones");
        put("weekdays", "per UTC weekday: the mean daily return, the share of days with a positive return, the PnL");
        put("by_strategy", "per strategy: the PnL table's figures, net PnL / capital as its return, and the trades of " +
            "the strategy's own position per product (flat to flat), so strategies that net out are counted apart");
        put("by_product", "per product: the PnL of every strategy in it, the account's trades in it, and the product's " +
            "buy-and-hold return (last mark / first mark - 1)");
        put("entry_signal", "the decision signal of the order that opened a strategy's trade");
        put("exit_reason", "the decision signal of the order whose fill closed a strategy's trade (liquidation: the " +
            "venue's; none: an order without a decision record)");
    }

    private StatisticDefinitions()
    {
    }

    private static void put(final String name, final String text)
    {
        DEFINITIONS.put(name, text);
    }

    public static Map<String, String> all()
    {
        return DEFINITIONS;
    }

    public static String of(final String name)
    {
        return DEFINITIONS.getOrDefault(name, "");
    }
}
