package dev.peregrine.gateway.binance.emulator;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulated account's balances, free and locked per asset: a resting order locks what it may spend (a buy its
 * price times quantity of the quote asset, a sell its quantity of the base asset), a fill moves both assets and
 * takes the commission from what was received, as the venue does for an account that does not pay in BNB.
 */
final class SpotAccount
{
    /** 0.1%, maker and taker: the venue's standard spot rate. */
    static final BigDecimal COMMISSION_RATE = new BigDecimal("0.001");

    private static final class Balance
    {
        BigDecimal free = BigDecimal.ZERO;
        BigDecimal locked = BigDecimal.ZERO;
    }

    private final Map<String, Balance> balances = new LinkedHashMap<>();
    private long updateTime;

    private Balance balance(final String asset)
    {
        return balances.computeIfAbsent(asset, a -> new Balance());
    }

    void deposit(final String asset, final BigDecimal amount, final long now)
    {
        final Balance balance = balance(asset);
        balance.free = balance.free.add(amount);
        updateTime = now;
    }

    BigDecimal free(final String asset)
    {
        final Balance balance = balances.get(asset);
        return balance == null ? BigDecimal.ZERO : balance.free;
    }

    BigDecimal locked(final String asset)
    {
        final Balance balance = balances.get(asset);
        return balance == null ? BigDecimal.ZERO : balance.locked;
    }

    /** @throws BinanceRejection -2010 when the free balance is short. */
    void requireFree(final String asset, final BigDecimal amount)
    {
        if (free(asset).compareTo(amount) < 0)
        {
            throw BinanceRejection.newOrderRejected("Account has insufficient balance for requested action.");
        }
    }

    void lock(final String asset, final BigDecimal amount, final long now)
    {
        requireFree(asset, amount);
        final Balance balance = balance(asset);
        balance.free = balance.free.subtract(amount);
        balance.locked = balance.locked.add(amount);
        updateTime = now;
    }

    void unlock(final String asset, final BigDecimal amount, final long now)
    {
        final Balance balance = balance(asset);
        balance.locked = balance.locked.subtract(amount);
        balance.free = balance.free.add(amount);
        updateTime = now;
    }

    /**
     * Moves one fill: {@code paid} of {@code paidAsset} leaves (from the locked balance when the order had locked
     * it), {@code received} less {@code commission} of {@code receivedAsset} arrives.
     */
    void settle(final String paidAsset, final BigDecimal paid, final boolean fromLocked, final String receivedAsset,
        final BigDecimal received, final BigDecimal commission, final long now)
    {
        final Balance out = balance(paidAsset);
        if (fromLocked)
        {
            out.locked = out.locked.subtract(paid);
        }
        else
        {
            out.free = out.free.subtract(paid);
        }
        final Balance in = balance(receivedAsset);
        in.free = in.free.add(received.subtract(commission));
        updateTime = now;
    }

    /** Maker, taker, buyer and seller rates: the account's standard commission is {@code rate} on both sides. */
    static Map<String, Object> fourRates(final BigDecimal rate)
    {
        final Map<String, Object> m = new LinkedHashMap<>();
        m.put("maker", EmulatorJson.amount(rate));
        m.put("taker", EmulatorJson.amount(rate));
        m.put("buyer", EmulatorJson.amount(BigDecimal.ZERO));
        m.put("seller", EmulatorJson.amount(BigDecimal.ZERO));
        return m;
    }

    long updateTime()
    {
        return updateTime;
    }

    /** Every balance, or the non-zero ones, as {@code account} lists them. */
    List<Map<String, Object>> balances(final boolean omitZero)
    {
        final List<Map<String, Object>> list = new ArrayList<>();
        balances.forEach((asset, balance) ->
        {
            if (!omitZero || balance.free.signum() != 0 || balance.locked.signum() != 0)
            {
                final Map<String, Object> m = new LinkedHashMap<>();
                m.put("asset", asset);
                m.put("free", EmulatorJson.amount(balance.free));
                m.put("locked", EmulatorJson.amount(balance.locked));
                list.add(m);
            }
        });
        return list;
    }

    /** The {@code B} array of an {@code outboundAccountPosition}: the assets an event may have changed. */
    List<Map<String, Object>> positions(final List<String> assets)
    {
        final List<Map<String, Object>> list = new ArrayList<>();
        for (final String asset : assets)
        {
            final Map<String, Object> m = new LinkedHashMap<>();
            m.put("a", asset);
            m.put("f", EmulatorJson.amount(free(asset)));
            m.put("l", EmulatorJson.amount(locked(asset)));
            list.add(m);
        }
        return list;
    }
}
