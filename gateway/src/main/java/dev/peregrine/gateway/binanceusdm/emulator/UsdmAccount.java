package dev.peregrine.gateway.binanceusdm.emulator;

import dev.peregrine.gateway.binance.emulator.EmulatorJson;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The futures account of the emulated venue: one margin asset's wallet balance, a one-way position per contract and
 * the latest mark price of each, and the figures the venue derives from them as its documentation defines them
 * (cross margin): unrealized PnL on the mark, margin balance = wallet + unrealized, initial margin = notional /
 * leverage (positions, and open orders that would add to a position), maintenance margin by bracket, available
 * balance = margin balance - initial margin, and the account's margin ratio = maintenance / margin balance, which
 * liquidates at 1.
 */
final class UsdmAccount
{
    final String asset;
    BigDecimal wallet;
    private final Map<String, UsdmPosition> positions = new LinkedHashMap<>();
    private final Map<String, BigDecimal> marks = new LinkedHashMap<>();
    long updateTime;

    UsdmAccount(final Collection<UsdmContract> contracts, final BigDecimal startingBalance, final long now)
    {
        this.asset = contracts.iterator().next().marginAsset();
        this.wallet = startingBalance;
        this.updateTime = now;
        for (final UsdmContract c : contracts)
        {
            positions.put(c.symbol(), new UsdmPosition(c));
        }
    }

    UsdmPosition position(final String symbol)
    {
        return positions.get(symbol);
    }

    Collection<UsdmPosition> positions()
    {
        return positions.values();
    }

    void mark(final String symbol, final BigDecimal price)
    {
        marks.put(symbol, price);
    }

    /** The mark of {@code symbol}, or null before the first. */
    BigDecimal markOf(final String symbol)
    {
        return marks.get(symbol);
    }

    BigDecimal unrealized()
    {
        BigDecimal sum = BigDecimal.ZERO;
        for (final UsdmPosition p : positions.values())
        {
            sum = sum.add(p.unrealized(markOf(p.contract.symbol())));
        }
        return sum;
    }

    BigDecimal marginBalance()
    {
        return wallet.add(unrealized());
    }

    BigDecimal positionInitialMargin()
    {
        BigDecimal sum = BigDecimal.ZERO;
        for (final UsdmPosition p : positions.values())
        {
            sum = sum.add(p.initialMargin(markOf(p.contract.symbol())));
        }
        return sum;
    }

    BigDecimal maintenanceMargin()
    {
        BigDecimal sum = BigDecimal.ZERO;
        for (final UsdmPosition p : positions.values())
        {
            sum = sum.add(p.maintenanceMargin(markOf(p.contract.symbol())));
        }
        return sum;
    }

    /** Margin balance less the initial margin of positions and of {@code openOrderMargin}. */
    BigDecimal available(final BigDecimal openOrderMargin)
    {
        return marginBalance().subtract(positionInitialMargin()).subtract(openOrderMargin);
    }

    /** Maintenance margin / margin balance; 0 without positions, and past 1 once margin balance is gone. */
    BigDecimal marginRatio()
    {
        final BigDecimal maintenance = maintenanceMargin();
        if (maintenance.signum() == 0)
        {
            return BigDecimal.ZERO;
        }
        final BigDecimal balance = marginBalance();
        return balance.signum() <= 0 ? BigDecimal.valueOf(Long.MAX_VALUE)
            : maintenance.divide(balance, EmulatorJson.DECIMALS, RoundingMode.HALF_UP);
    }

    /** {@code GET /fapi/v2/balance}: the margin asset's row. */
    List<Map<String, Object>> balanceView(final BigDecimal openOrderMargin, final String accountAlias)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("accountAlias", accountAlias);
        m.put("asset", asset);
        m.put("balance", EmulatorJson.amount(wallet));
        m.put("crossWalletBalance", EmulatorJson.amount(wallet));
        m.put("crossUnPnl", EmulatorJson.amount(unrealized()));
        m.put("availableBalance", EmulatorJson.amount(available(openOrderMargin)));
        m.put("maxWithdrawAmount", EmulatorJson.amount(available(openOrderMargin).max(BigDecimal.ZERO).min(wallet)));
        m.put("marginAvailable", true);
        m.put("updateTime", updateTime);
        return List.of(m);
    }

    /** {@code GET /fapi/v2/account} (and v3, which lists the same totals). */
    Map<String, Object> accountView(final BigDecimal openOrderMargin)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("feeTier", 0);
        m.put("canTrade", true);
        m.put("canDeposit", true);
        m.put("canWithdraw", true);
        m.put("updateTime", 0);
        m.put("multiAssetsMargin", false);
        m.put("tradeGroupId", -1);
        m.put("totalInitialMargin", EmulatorJson.amount(positionInitialMargin().add(openOrderMargin)));
        m.put("totalMaintMargin", EmulatorJson.amount(maintenanceMargin()));
        m.put("totalWalletBalance", EmulatorJson.amount(wallet));
        m.put("totalUnrealizedProfit", EmulatorJson.amount(unrealized()));
        m.put("totalMarginBalance", EmulatorJson.amount(marginBalance()));
        m.put("totalPositionInitialMargin", EmulatorJson.amount(positionInitialMargin()));
        m.put("totalOpenOrderInitialMargin", EmulatorJson.amount(openOrderMargin));
        m.put("totalCrossWalletBalance", EmulatorJson.amount(wallet));
        m.put("totalCrossUnPnl", EmulatorJson.amount(unrealized()));
        m.put("availableBalance", EmulatorJson.amount(available(openOrderMargin)));
        m.put("maxWithdrawAmount", EmulatorJson.amount(available(openOrderMargin).max(BigDecimal.ZERO).min(wallet)));
        final Map<String, Object> a = new LinkedHashMap<>();
        a.put("asset", asset);
        a.put("walletBalance", EmulatorJson.amount(wallet));
        a.put("unrealizedProfit", EmulatorJson.amount(unrealized()));
        a.put("marginBalance", EmulatorJson.amount(marginBalance()));
        a.put("maintMargin", EmulatorJson.amount(maintenanceMargin()));
        a.put("initialMargin", EmulatorJson.amount(positionInitialMargin().add(openOrderMargin)));
        a.put("positionInitialMargin", EmulatorJson.amount(positionInitialMargin()));
        a.put("openOrderInitialMargin", EmulatorJson.amount(openOrderMargin));
        a.put("crossWalletBalance", EmulatorJson.amount(wallet));
        a.put("crossUnPnl", EmulatorJson.amount(unrealized()));
        a.put("availableBalance", EmulatorJson.amount(available(openOrderMargin)));
        a.put("maxWithdrawAmount", EmulatorJson.amount(available(openOrderMargin).max(BigDecimal.ZERO).min(wallet)));
        a.put("marginAvailable", true);
        a.put("updateTime", updateTime);
        m.put("assets", List.of(a));
        final List<Map<String, Object>> rows = new ArrayList<>();
        for (final UsdmPosition p : positions.values())
        {
            final BigDecimal mark = markOf(p.contract.symbol());
            final Map<String, Object> r = new LinkedHashMap<>();
            r.put("symbol", p.contract.symbol());
            r.put("initialMargin", EmulatorJson.amount(p.initialMargin(mark)));
            r.put("maintMargin", EmulatorJson.amount(p.maintenanceMargin(mark)));
            r.put("unrealizedProfit", EmulatorJson.amount(p.unrealized(mark)));
            r.put("positionInitialMargin", EmulatorJson.amount(p.initialMargin(mark)));
            r.put("openOrderInitialMargin", "0");
            r.put("leverage", Integer.toString(p.leverage));
            r.put("isolated", "ISOLATED".equals(p.marginType));
            r.put("entryPrice", UsdmOrder.plain(p.entryPrice));
            r.put("maxNotional", UsdmOrder.plain(p.contract.bracketOf(p.notional(mark)).notionalCap()));
            r.put("positionSide", "BOTH");
            r.put("positionAmt", UsdmOrder.plain(p.amount));
            r.put("notional", EmulatorJson.amount(p.notional(mark)));
            r.put("updateTime", p.updateTime);
            rows.add(r);
        }
        m.put("positions", rows);
        return m;
    }

    /** {@code GET /fapi/v2/positionRisk} (v3 lists the same rows, only those with a position). */
    List<Map<String, Object>> positionRisk(final String symbol, final boolean openOnly)
    {
        final List<Map<String, Object>> rows = new ArrayList<>();
        for (final UsdmPosition p : positions.values())
        {
            if (symbol != null && !symbol.equals(p.contract.symbol()) || openOnly && p.amount.signum() == 0)
            {
                continue;
            }
            final BigDecimal mark = markOf(p.contract.symbol());
            final Map<String, Object> r = new LinkedHashMap<>();
            r.put("symbol", p.contract.symbol());
            r.put("positionAmt", UsdmOrder.plain(p.amount));
            r.put("entryPrice", UsdmOrder.plain(p.entryPrice));
            r.put("breakEvenPrice", UsdmOrder.plain(p.entryPrice));
            r.put("markPrice", EmulatorJson.amount(mark));
            r.put("unRealizedProfit", EmulatorJson.amount(p.unrealized(mark)));
            r.put("liquidationPrice", EmulatorJson.amount(p.liquidationPrice(wallet, mark)));
            r.put("leverage", Integer.toString(p.leverage));
            r.put("maxNotionalValue", UsdmOrder.plain(p.contract.bracketOf(p.notional(mark)).notionalCap()));
            r.put("marginType", "CROSSED".equals(p.marginType) ? "cross" : "isolated");
            r.put("isolatedMargin", "0.00000000");
            r.put("isAutoAddMargin", "false");
            r.put("positionSide", "BOTH");
            r.put("notional", EmulatorJson.amount(p.notional(mark)));
            r.put("isolatedWallet", "0");
            r.put("initialMargin", EmulatorJson.amount(p.initialMargin(mark)));
            r.put("maintMargin", EmulatorJson.amount(p.maintenanceMargin(mark)));
            r.put("updateTime", p.updateTime);
            rows.add(r);
        }
        return rows;
    }
}
