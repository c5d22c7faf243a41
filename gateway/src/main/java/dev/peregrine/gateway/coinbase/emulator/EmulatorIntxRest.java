package dev.peregrine.gateway.coinbase.emulator;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulator's INTX perpetuals endpoints, in the documented shapes: List Perpetuals Positions
 * ({@code GET /intx/positions/{portfolio_uuid}}), Get Perpetuals Position ({@code .../{portfolio_uuid}/{symbol}}),
 * Get Perpetuals Portfolio Summary ({@code /intx/portfolio/{portfolio_uuid}}) and Get Portfolio Balances
 * ({@code /intx/balances/{portfolio_uuid}}), from {@link EmulatorIntxPortfolio}. Amounts are
 * {@code {value, currency}} objects in USDC as the venue writes them. The INTX portfolio's id and the emulator's
 * default portfolio's both name the one portfolio. Called under the emulator's lock.
 */
final class EmulatorIntxRest
{
    static final String POSITIONS = EmulatorRoutes.BASE + "/intx/positions/";
    static final String PORTFOLIO = EmulatorRoutes.BASE + "/intx/portfolio/";
    static final String BALANCES = EmulatorRoutes.BASE + "/intx/balances/";
    private static final String USDC = "USDC";

    private final EmulatorIntxPortfolio portfolio;

    EmulatorIntxRest(final EmulatorIntxPortfolio portfolio)
    {
        this.portfolio = portfolio;
    }

    /** Whether a GET of {@code path} is one of these endpoints (a portfolio, and for positions maybe a symbol). */
    static boolean serves(final String path)
    {
        return oneSegment(path, PORTFOLIO) || oneSegment(path, BALANCES) ||
            (path.startsWith(POSITIONS) && path.substring(POSITIONS.length()).split("/", -1).length <= 2);
    }

    private static boolean oneSegment(final String path, final String prefix)
    {
        return path.startsWith(prefix) && !path.substring(prefix.length()).contains("/");
    }

    /** The answer for a GET under {@code /intx/}, or null when the path names none. */
    EmulatorReply answer(final String path)
    {
        if (path.startsWith(POSITIONS))
        {
            final String[] parts = path.substring(POSITIONS.length()).split("/", -1);
            if (parts.length > 2 || !known(parts[0]))
            {
                return parts.length > 2 ? null : unknownPortfolio(parts[0]);
            }
            return parts.length == 1 ? positions() : position(parts[1]);
        }
        if (path.startsWith(PORTFOLIO))
        {
            final String id = path.substring(PORTFOLIO.length());
            return id.contains("/") ? null : known(id) ? summary() : unknownPortfolio(id);
        }
        if (path.startsWith(BALANCES))
        {
            final String id = path.substring(BALANCES.length());
            return id.contains("/") ? null : known(id) ? balances() : unknownPortfolio(id);
        }
        return null;
    }

    private static boolean known(final String id)
    {
        return EmulatorIntxPortfolio.PORTFOLIO_UUID.equals(id) || EmulatedOrder.PORTFOLIO_ID.equals(id);
    }

    private static EmulatorReply unknownPortfolio(final String id)
    {
        return EmulatorReply.error(404, "NOT_FOUND", "portfolio " + id + " not found");
    }

    private EmulatorReply positions()
    {
        final List<Object> list = new ArrayList<>();
        BigDecimal pnl = BigDecimal.ZERO;
        for (final Map.Entry<String, EmulatorIntxPortfolio.Position> entry : portfolio.positions().entrySet())
        {
            if (entry.getValue().netSize.signum() != 0)
            {
                list.add(positionJson(entry.getKey(), entry.getValue()));
                pnl = pnl.add(portfolio.unrealized(entry.getKey()));
            }
        }
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("positions", list);
        answer.put("summary", Map.of("aggregated_pnl", amount(pnl)));
        return EmulatorReply.json(200, answer);
    }

    private EmulatorReply position(final String symbol)
    {
        final EmulatorIntxPortfolio.Position p = portfolio.position(symbol);
        if (!portfolio.trades(symbol))
        {
            return EmulatorReply.error(404, "NOT_FOUND", "no perpetual " + symbol);
        }
        return EmulatorReply.json(200, Map.of("position", positionJson(symbol, p == null ? new EmulatorIntxPortfolio.Position() : p)));
    }

    private Map<String, Object> positionJson(final String symbol, final EmulatorIntxPortfolio.Position p)
    {
        final BigDecimal markPrice = portfolio.markOf(symbol);
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("product_id", symbol);
        m.put("product_uuid", java.util.UUID.nameUUIDFromBytes(symbol.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        m.put("portfolio_uuid", EmulatorIntxPortfolio.PORTFOLIO_UUID);
        m.put("symbol", symbol.endsWith("-INTX") ? symbol.substring(0, symbol.length() - "-INTX".length()) : symbol);
        m.put("vwap", amount(p.entry));
        m.put("entry_vwap", amount(p.entry));
        m.put("position_side", p.netSize.signum() > 0 ? "POSITION_SIDE_LONG" : p.netSize.signum() < 0 ? "POSITION_SIDE_SHORT" :
            "POSITION_SIDE_UNKNOWN");
        m.put("margin_type", "MARGIN_TYPE_" + p.marginType);
        m.put("net_size", plain(p.netSize));
        m.put("buy_order_size", "0");
        m.put("sell_order_size", "0");
        m.put("im_contribution", plain(p.netSize.signum() == 0 ? BigDecimal.ZERO : BigDecimal.ONE.divide(
            p.leverage != null ? p.leverage : BigDecimal.ONE, 8, RoundingMode.HALF_UP)));
        m.put("unrealized_pnl", amount(portfolio.unrealized(symbol)));
        m.put("mark_price", amount(markPrice == null ? BigDecimal.ZERO : markPrice));
        m.put("liquidation_price", amount(portfolio.liquidationPrice(symbol)));
        m.put("leverage", plain(p.leverage != null ? p.leverage : BigDecimal.ONE));
        m.put("im_notional", amount(p.netSize.signum() == 0 ? BigDecimal.ZERO : portfolio.initialMargin(symbol, p)));
        m.put("mm_notional", amount(portfolio.notional(symbol).multiply(portfolio.maintenanceRate(symbol))));
        m.put("position_notional", amount(portfolio.notional(symbol)));
        m.put("aggregated_pnl", amount(p.realized.add(portfolio.unrealized(symbol)).subtract(p.funding)));
        return m;
    }

    private EmulatorReply summary()
    {
        BigDecimal notional = BigDecimal.ZERO;
        BigDecimal initial = BigDecimal.ZERO;
        BigDecimal pnl = BigDecimal.ZERO;
        for (final Map.Entry<String, EmulatorIntxPortfolio.Position> entry : portfolio.positions().entrySet())
        {
            notional = notional.add(portfolio.notional(entry.getKey()));
            initial = initial.add(portfolio.initialMargin(entry.getKey(), entry.getValue()));
            pnl = pnl.add(portfolio.unrealized(entry.getKey()));
        }
        final BigDecimal equity = portfolio.equity();
        final BigDecimal maintenance = portfolio.maintenanceMargin();
        final Map<String, Object> one = new LinkedHashMap<>();
        one.put("portfolio_uuid", EmulatorIntxPortfolio.PORTFOLIO_UUID);
        one.put("collateral", plain(portfolio.collateral()));
        one.put("position_notional", plain(notional));
        one.put("open_position_notional", plain(notional));
        one.put("pending_fees", "0");
        one.put("borrow", "0");
        one.put("accrued_interest", "0");
        one.put("rolling_debt", "0");
        one.put("portfolio_initial_margin", plain(ratio(initial, equity)));
        one.put("portfolio_im_notional", amount(initial));
        one.put("portfolio_maintenance_margin", plain(ratio(maintenance, equity)));
        one.put("portfolio_mm_notional", amount(maintenance));
        one.put("liquidation_percentage", plain(ratio(maintenance, equity)));
        one.put("liquidation_buffer", plain(equity.subtract(maintenance)));
        one.put("margin_type", "MARGIN_TYPE_CROSS");
        one.put("margin_flags", "PORTFOLIO_MARGIN_FLAGS_UNSPECIFIED");
        one.put("liquidation_status", portfolio.liquidations() > 0 ? "PORTFOLIO_LIQUIDATION_STATUS_AUTO_LIQUIDATING" :
            "PORTFOLIO_LIQUIDATION_STATUS_NOT_LIQUIDATING");
        one.put("unrealized_pnl", amount(pnl));
        one.put("total_balance", amount(equity));
        final Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("unrealized_pnl", amount(pnl));
        summary.put("buying_power", amount(equity.subtract(initial).max(BigDecimal.ZERO)));
        summary.put("total_balance", amount(equity));
        summary.put("max_withdrawal_amount", amount(equity.subtract(initial).max(BigDecimal.ZERO)));
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("portfolios", List.of(one));
        answer.put("summary", summary);
        return EmulatorReply.json(200, answer);
    }

    private EmulatorReply balances()
    {
        final Map<String, Object> asset = new LinkedHashMap<>();
        asset.put("asset_id", "USDC");
        asset.put("asset_uuid", java.util.UUID.nameUUIDFromBytes(USDC.getBytes(java.nio.charset.StandardCharsets.UTF_8)).toString());
        asset.put("asset_name", USDC);
        asset.put("status", "ACTIVE");
        asset.put("collateral_weight", "1");
        asset.put("account_collateral_limit", "0");
        asset.put("ecosystem_collateral_limit_breached", false);
        asset.put("asset_icon_url", "");
        asset.put("supported_networks_enabled", true);
        final Map<String, Object> balance = new LinkedHashMap<>();
        balance.put("asset", asset);
        balance.put("quantity", plain(portfolio.collateral()));
        balance.put("hold", "0");
        balance.put("transfer_hold", "0");
        balance.put("collateral_value", plain(portfolio.collateral()));
        balance.put("collateral_weight", "1");
        balance.put("max_withdraw_amount", plain(portfolio.collateral().max(BigDecimal.ZERO)));
        balance.put("loan", "0");
        balance.put("loan_collateral_requirement_usd", "0");
        balance.put("pledged_quantity", "0");
        final Map<String, Object> one = new LinkedHashMap<>();
        one.put("portfolio_uuid", EmulatorIntxPortfolio.PORTFOLIO_UUID);
        one.put("balances", List.of(balance));
        one.put("is_margin_limit_reached", false);
        return EmulatorReply.json(200, Map.of("portfolio_balances", List.of(one)));
    }

    private static BigDecimal ratio(final BigDecimal part, final BigDecimal whole)
    {
        return whole.signum() <= 0 ? BigDecimal.ZERO : part.divide(whole, 8, RoundingMode.HALF_UP);
    }

    private static Map<String, Object> amount(final BigDecimal value)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", plain(value));
        m.put("currency", USDC);
        return m;
    }

    private static String plain(final BigDecimal value)
    {
        return value.setScale(8, RoundingMode.HALF_EVEN).stripTrailingZeros().toPlainString();
    }
}
