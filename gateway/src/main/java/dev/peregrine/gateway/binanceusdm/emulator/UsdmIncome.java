package dev.peregrine.gateway.binanceusdm.emulator;

import dev.peregrine.gateway.binance.emulator.EmulatorJson;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The account's income history, as {@code GET /fapi/v1/income} lists it: {@code REALIZED_PNL} and {@code COMMISSION}
 * of each fill and {@code FUNDING_FEE} of each funding time (positive = received). The only place a client learns
 * which symbol a cross position's funding fee was for: the stream's {@code ACCOUNT_UPDATE} names none.
 */
final class UsdmIncome
{
    private final List<Map<String, Object>> rows = new ArrayList<>();
    private long nextTranId = 1;

    void fill(final UsdmTrade trade, final long now)
    {
        if (trade.realizedPnl().signum() != 0)
        {
            add(trade.symbol(), "REALIZED_PNL", trade.realizedPnl(), trade.commissionAsset(), "", now, Long.toString(trade.id()));
        }
        add(trade.symbol(), "COMMISSION", trade.commission().negate(), trade.commissionAsset(), "", now, Long.toString(trade.id()));
    }

    void add(final String symbol, final String type, final BigDecimal amount, final String asset, final String info,
        final long now, final String tradeId)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("symbol", symbol);
        m.put("incomeType", type);
        m.put("income", EmulatorJson.amount(amount));
        m.put("asset", asset);
        m.put("info", info);
        m.put("time", now);
        m.put("tranId", nextTranId++);
        m.put("tradeId", tradeId);
        rows.add(m);
    }

    /** Rows matching the filters (null or -1 for none), oldest first, at most {@code limit}. */
    List<Map<String, Object>> list(final String symbol, final String type, final long startTime, final long endTime,
        final int limit)
    {
        final List<Map<String, Object>> list = new ArrayList<>();
        for (final Map<String, Object> m : rows)
        {
            final long time = (Long)m.get("time");
            if ((symbol == null || symbol.equals(m.get("symbol"))) && (type == null || type.equals(m.get("incomeType"))) &&
                (startTime < 0 || time >= startTime) && (endTime < 0 || time <= endTime) && list.size() < limit)
            {
                list.add(m);
            }
        }
        return list;
    }

    /** Total of one income type, for tests and the demo's checks. */
    BigDecimal total(final String type)
    {
        BigDecimal sum = BigDecimal.ZERO;
        for (final Map<String, Object> m : rows)
        {
            if (type.equals(m.get("incomeType")))
            {
                sum = sum.add(new BigDecimal((String)m.get("income")));
            }
        }
        return sum;
    }
}
