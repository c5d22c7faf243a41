package dev.peregrine.gateway.coinbase.emulator;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * The account endpoints: List Accounts and Get Account (a wallet per currency, its available balance and
 * hold from {@link EmulatorBalances}), List Portfolios (the one default portfolio) and Get Transaction Summary
 * (the filled volume and fees, at the emulator's one fee rate). Called under the emulator's lock.
 */
final class EmulatorAccounts
{
    /** List Accounts' default and largest page, as documented. */
    static final int DEFAULT_PAGE = 49;
    static final int MAX_PAGE = 250;
    /** When every wallet was opened, as far as the emulator is concerned. */
    private static final String OPENED_AT = "2021-01-01T00:00:00Z";

    private final CoinbaseVenueEmulator venue;
    private final EmulatorBalances balances;

    EmulatorAccounts(final CoinbaseVenueEmulator venue, final EmulatorBalances balances)
    {
        this.venue = venue;
        this.balances = balances;
    }

    /** A wallet's uuid: the same for a currency every run. */
    static String uuidOf(final String currency)
    {
        return UUID.nameUUIDFromBytes(("peregrine-emulator-wallet-" + currency).getBytes(StandardCharsets.UTF_8)).toString();
    }

    EmulatorReply accounts(final EmulatorRequest request)
    {
        final long limit = request.longParam("limit", DEFAULT_PAGE);
        final long from = request.longParam("cursor", 0);
        if (limit < 1 || limit > MAX_PAGE || from < 0)
        {
            return EmulatorReply.error(400, "INVALID_ARGUMENT", "limit must be 1.." + MAX_PAGE + " and cursor one this venue gave");
        }
        final List<String> currencies = new ArrayList<>(balances.currencies());
        final int to = (int)Math.min(currencies.size(), from + limit);
        final List<Object> page = new ArrayList<>();
        for (int i = (int)Math.min(from, currencies.size()); i < to; i++)
        {
            page.add(wallet(currencies.get(i)));
        }
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("accounts", page);
        answer.put("has_next", to < currencies.size());
        answer.put("cursor", to < currencies.size() ? Integer.toString(to) : "");
        answer.put("size", page.size());
        return EmulatorReply.json(200, answer);
    }

    EmulatorReply account(final String uuid)
    {
        for (final String currency : balances.currencies())
        {
            if (uuidOf(currency).equals(uuid))
            {
                return EmulatorReply.json(200, Map.of("account", wallet(currency)));
            }
        }
        return EmulatorReply.error(404, "NOT_FOUND", "account " + uuid + " not found");
    }

    EmulatorReply portfolios(final EmulatorRequest request)
    {
        final String type = request.param("portfolio_type");
        final Map<String, Object> portfolio = new LinkedHashMap<>();
        portfolio.put("name", "Default");
        portfolio.put("uuid", EmulatedOrder.PORTFOLIO_ID);
        portfolio.put("type", "DEFAULT");
        portfolio.put("deleted", false);
        final boolean listed = type == null || "DEFAULT".equals(type) || "UNDEFINED".equals(type);
        return EmulatorReply.json(200, Map.of("portfolios", listed ? List.of(portfolio) : List.of()));
    }

    /** Filled value and fees over every order, with the emulator's fee tier. */
    EmulatorReply transactionSummary()
    {
        BigDecimal volume = BigDecimal.ZERO;
        BigDecimal fees = BigDecimal.ZERO;
        for (final EmulatedOrder order : venue.ledger().orders())
        {
            volume = volume.add(order.filledValue);
            fees = fees.add(order.totalFees);
        }
        final Map<String, Object> tier = new LinkedHashMap<>();
        tier.put("pricing_tier", "Intro 1");
        tier.put("usd_from", "0");
        tier.put("usd_to", "1000");
        tier.put("taker_fee_rate", EmulatedOrder.FEE_RATE.toPlainString());
        tier.put("maker_fee_rate", EmulatedOrder.FEE_RATE.toPlainString());
        tier.put("aop_from", "");
        tier.put("aop_to", "");
        final Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("total_volume", volume.doubleValue());
        answer.put("total_fees", fees.doubleValue());
        answer.put("fee_tier", tier);
        answer.put("margin_rate", null);
        answer.put("goods_and_services_tax", null);
        answer.put("advanced_trade_only_volume", volume.doubleValue());
        answer.put("advanced_trade_only_fees", fees.doubleValue());
        answer.put("coinbase_pro_volume", 0.0);
        answer.put("coinbase_pro_fees", 0.0);
        answer.put("total_balance", "");
        answer.put("has_promo_fee", false);
        return EmulatorReply.json(200, answer);
    }

    /** Every documented field of an account. */
    private Map<String, Object> wallet(final String currency)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("uuid", uuidOf(currency));
        m.put("name", currency + " Wallet");
        m.put("currency", currency);
        m.put("available_balance", amount(balances.available(currency, venue.ledger().orders()), currency));
        m.put("default", true);
        m.put("active", true);
        m.put("created_at", OPENED_AT);
        m.put("updated_at", venue.now());
        m.put("deleted_at", null);
        m.put("type", EmulatorBalances.fiat(currency) ? "ACCOUNT_TYPE_FIAT" : "ACCOUNT_TYPE_CRYPTO");
        m.put("ready", true);
        m.put("hold", amount(EmulatorBalances.held(currency, venue.ledger().orders()), currency));
        m.put("retail_portfolio_id", EmulatedOrder.PORTFOLIO_ID);
        m.put("platform", "ACCOUNT_PLATFORM_CONSUMER");
        return m;
    }

    private static Map<String, Object> amount(final BigDecimal value, final String currency)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("value", EmulatedOrder.plain(value));
        m.put("currency", currency);
        return m;
    }
}
