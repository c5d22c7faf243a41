package dev.peregrine.core.perpetual;

import dev.peregrine.core.execution.PositionBook;
import dev.peregrine.core.instrument.InstrumentRegistry;
import dev.peregrine.core.instrument.MarginTier;
import dev.peregrine.core.instrument.PerpetualTerms;
import dev.peregrine.core.number.FixedPoint;
import dev.peregrine.core.output.Hash64;

/**
 * The engine's cross-margin account on a perpetual venue, one-way positions, by Binance USD-M's documented
 * formulas ("Margin and PnL", "Liquidation"):
 * <pre>
 *   notional            = |contracts| x contractSize x mark
 *   unrealized PnL      = contracts x contractSize x (mark - entry)           (signed contracts: short &lt; 0)
 *   initial margin      = notional / leverage
 *   maintenance margin  = notional x maintenanceRate - maintenanceAmount      (the notional's bracket)
 *   wallet balance      = collateral + realized PnL - fees - funding paid
 *   margin balance      = wallet balance + sum of unrealized PnL               (equity)
 *   available           = margin balance - sum of initial margin
 *   margin ratio        = sum of maintenance margin / margin balance
 *   effective leverage  = sum of notional / margin balance
 * </pre>
 * Spot instruments (no {@link PerpetualTerms}) take no part. Positions, entry prices, realized PnL and fees are the
 * engine's {@link PositionBook} (every fill, every strategy's and the engine's own), so whatever fills an order (the
 * paper venue, a live venue's reports, a replay) moves the account alike; contracts are the engine's order quantities
 * (scaled), a contract is {@code contractSize} base units. The account adds the collateral, the marks and the funding
 * paid. Money is in the settlement currency as doubles, like every PnL figure in the core (replay reproduces them bit
 * for bit). Instruments are valued at their latest mark, or at the entry price before any mark arrived. Core thread
 * only; no allocation.
 */
public final class MarginAccount
{
    private final PositionBook positions;
    private final PerpetualTerms[] terms;
    private final double[] contractSize;
    private final double[] leverage;
    private double collateral;

    private final long[] mark;
    private double fundingPaid;

    /**
     * @param positions  the engine's positions (all strategies and the engine's own orders).
     * @param collateral the account's starting wallet balance, settlement currency.
     * @param leverage   per instrument (FixedPoint, 1x = 1.0), in registry order.
     */
    public MarginAccount(final InstrumentRegistry instruments, final PositionBook positions, final double collateral,
        final long[] leverage)
    {
        final int n = instruments.size();
        this.positions = positions;
        this.terms = new PerpetualTerms[n];
        this.contractSize = new double[n];
        this.leverage = new double[n];
        for (int i = 0; i < n; i++)
        {
            terms[i] = instruments.perpetual(i);
            contractSize[i] = terms[i] == null ? 0.0 : FixedPoint.toDouble(terms[i].contractSize());
        }
        reconfigure(collateral, leverage);
        this.mark = new long[n];
    }

    /** New collateral (a deposit or withdrawal of the difference) and leverage per instrument: a settings change. */
    public void reconfigure(final double collateral, final long[] leverage)
    {
        if (leverage.length != terms.length)
        {
            throw new IllegalArgumentException("leverage has " + leverage.length + " values for " + terms.length + " instruments");
        }
        this.collateral = collateral;
        for (int i = 0; i < terms.length; i++)
        {
            this.leverage[i] = FixedPoint.toDouble(leverage[i]);
        }
    }

    /** An account with {@code other}'s terms and leverage over {@code positions} ({@link #copyOver}). */
    private MarginAccount(final MarginAccount other, final PositionBook positions)
    {
        this.positions = positions;
        this.terms = other.terms;
        this.contractSize = other.contractSize;
        this.leverage = other.leverage; // shared: a settings change reaches the copy too
        this.mark = new long[other.mark.length];
        copyStateFrom(other);
    }

    /**
     * A scratch account with this one's terms and leverage over {@code positions} (a scratch position book): the
     * risk checks project an order on it ({@code MarginProjection}). Allocates: build time only.
     */
    public MarginAccount copyOver(final PositionBook positions)
    {
        return new MarginAccount(this, positions);
    }

    /**
     * Makes this account's marks, collateral and funding those of {@code other} (same instruments); its positions are
     * its position book's, copied by the caller. No allocation.
     */
    public void copyStateFrom(final MarginAccount other)
    {
        System.arraycopy(other.mark, 0, mark, 0, mark.length);
        collateral = other.collateral;
        fundingPaid = other.fundingPaid;
    }

    /** Whether the instrument is a perpetual this account margins. */
    public boolean isPerpetual(final int instrumentId)
    {
        return terms[instrumentId] != null;
    }

    /** The instrument's terms, null for spot. */
    public PerpetualTerms terms(final int instrumentId)
    {
        return terms[instrumentId];
    }

    /** Funding the account paid (negative: received), out of the wallet. */
    public void applyFunding(final double payment)
    {
        fundingPaid += payment;
    }

    /** The instrument's latest mark (scaled), which values it from now on. */
    public void onMark(final int instrumentId, final long markPrice)
    {
        if (markPrice > 0)
        {
            mark[instrumentId] = markPrice;
        }
    }

    /** The latest mark (scaled); 0 before the first. */
    public long mark(final int instrumentId)
    {
        return mark[instrumentId];
    }

    /** Signed contracts held (scaled): positive long, negative short; 0 for spot. */
    public long contracts(final int instrumentId)
    {
        return terms[instrumentId] == null ? 0 : positions.quantity(instrumentId);
    }

    /** The average entry price of the position, 0 when flat. */
    public double entryPrice(final int instrumentId)
    {
        return contracts(instrumentId) == 0 ? 0.0 : positions.averagePrice(instrumentId);
    }

    /** The price the instrument is valued at: its latest mark, else the entry price. */
    public double valuationPrice(final int instrumentId)
    {
        return mark[instrumentId] > 0 ? FixedPoint.toDouble(mark[instrumentId]) : entryPrice(instrumentId);
    }

    /** The position's size in base units, signed: contracts x contractSize. */
    public double size(final int instrumentId)
    {
        return FixedPoint.toDouble(contracts(instrumentId)) * contractSize[instrumentId];
    }

    /** |contracts| x contractSize x mark. */
    public double notional(final int instrumentId)
    {
        return Math.abs(size(instrumentId)) * valuationPrice(instrumentId);
    }

    /** contracts x contractSize x (mark - entry). */
    public double unrealizedPnl(final int instrumentId)
    {
        return contracts(instrumentId) == 0 ? 0.0 : size(instrumentId) * (valuationPrice(instrumentId) - entryPrice(instrumentId));
    }

    /** notional / leverage. */
    public double initialMargin(final int instrumentId)
    {
        return terms[instrumentId] == null ? 0.0 : notional(instrumentId) / leverage[instrumentId];
    }

    /** notional x maintenance rate - maintenance amount, of the bracket the notional falls in; never below 0. */
    public double maintenanceMargin(final int instrumentId)
    {
        if (contracts(instrumentId) == 0)
        {
            return 0.0;
        }
        final double notional = notional(instrumentId);
        final MarginTier tier = terms[instrumentId].tierFor(FixedPoint.fromDouble(notional));
        return Math.max(0.0, notional * FixedPoint.toDouble(tier.maintenanceRate()) -
            FixedPoint.toDouble(tier.maintenanceAmount()));
    }

    /** The configured leverage of the instrument. */
    public double leverage(final int instrumentId)
    {
        return leverage[instrumentId];
    }

    public double collateral()
    {
        return collateral;
    }

    /** Realized PnL of the perpetuals, before fees: the position book's, times the contract size. */
    public double realizedPnl()
    {
        double total = 0.0;
        for (int i = 0; i < terms.length; i++)
        {
            if (terms[i] != null)
            {
                total += positions.realizedPnl(i) * contractSize[i];
            }
        }
        return total;
    }

    /** Fees paid on the perpetuals. */
    public double fees()
    {
        double total = 0.0;
        for (int i = 0; i < terms.length; i++)
        {
            if (terms[i] != null)
            {
                total += positions.fees(i);
            }
        }
        return total;
    }

    public double fundingPaid()
    {
        return fundingPaid;
    }

    /** collateral + realized PnL - fees - funding paid. */
    public double walletBalance()
    {
        return collateral + realizedPnl() - fees() - fundingPaid;
    }

    /** Wallet balance plus every perpetual's unrealized PnL: the account's equity. */
    public double marginBalance()
    {
        double balance = walletBalance();
        for (int i = 0; i < terms.length; i++)
        {
            balance += unrealizedPnl(i);
        }
        return balance;
    }

    /** Initial margin of every position. */
    public double marginUsed()
    {
        double used = 0.0;
        for (int i = 0; i < terms.length; i++)
        {
            used += initialMargin(i);
        }
        return used;
    }

    /** Margin balance less the margin in use: what new positions may take. */
    public double availableMargin()
    {
        return marginBalance() - marginUsed();
    }

    public double maintenanceMargin()
    {
        double total = 0.0;
        for (int i = 0; i < terms.length; i++)
        {
            total += maintenanceMargin(i);
        }
        return total;
    }

    public double notional()
    {
        double total = 0.0;
        for (int i = 0; i < terms.length; i++)
        {
            total += notional(i);
        }
        return total;
    }

    /**
     * Maintenance margin over margin balance: the venue liquidates at 1 (100%). 0 with no position; positive
     * infinity when positions are held on an equity of zero or less.
     */
    public double marginRatio()
    {
        final double maintenance = maintenanceMargin();
        if (maintenance == 0.0)
        {
            return 0.0;
        }
        final double balance = marginBalance();
        return balance <= 0.0 ? Double.POSITIVE_INFINITY : maintenance / balance;
    }

    /** Notional over margin balance; 0 with no position, positive infinity on an equity of zero or less. */
    public double effectiveLeverage()
    {
        final double notional = notional();
        if (notional == 0.0)
        {
            return 0.0;
        }
        final double balance = marginBalance();
        return balance <= 0.0 ? Double.POSITIVE_INFINITY : notional / balance;
    }

    /**
     * The mark at which the instrument's one-way cross position is liquidated, as Binance USD-M documents it
     * ("How to Calculate Liquidation Price of USDⓈ-M Futures Contracts"), holding the other positions' PnL and
     * maintenance at their current values:
     * <pre>
     *   LP = (WB - TMM1 + UPNL1 + cumB - side x size x entry) / (size x MMR - side x size)
     * </pre>
     * WB wallet balance, TMM1 and UPNL1 the maintenance margin and unrealized PnL of every other position, cumB and
     * MMR the maintenance amount and rate of the bracket, side 1 long / -1 short, size |contracts| x contractSize. As
     * the venue says, the bracket is the one the position's notional at the liquidation price falls in: tried from
     * the lowest, the first whose range holds {@code size x LP}; the lowest bracket's price when none does.
     * 0 when flat or spot, and when the price found is not above 0 (the venue shows "--": this position alone
     * cannot exhaust the margin).
     */
    public double liquidationPrice(final int instrumentId)
    {
        final long position = contracts(instrumentId);
        if (position == 0)
        {
            return 0.0;
        }
        final PerpetualTerms t = terms[instrumentId];
        double otherMaintenance = 0.0;
        double otherUnrealized = 0.0;
        for (int i = 0; i < terms.length; i++)
        {
            if (i != instrumentId)
            {
                otherMaintenance += maintenanceMargin(i);
                otherUnrealized += unrealizedPnl(i);
            }
        }
        final double side = position > 0 ? 1.0 : -1.0;
        final double size = Math.abs(size(instrumentId));
        final double entry = entryPrice(instrumentId);
        final double free = walletBalance() - otherMaintenance + otherUnrealized;
        double lowest = 0.0;
        for (int k = 0; k < t.tiers().size(); k++)
        {
            final MarginTier tier = t.tiers().get(k);
            final double rate = FixedPoint.toDouble(tier.maintenanceRate());
            final double cum = FixedPoint.toDouble(tier.maintenanceAmount());
            final double price = (free + cum - side * size * entry) / (size * rate - side * size);
            if (k == 0)
            {
                lowest = price;
            }
            if (price > 0 && tier.holds(FixedPoint.fromDouble(size * price)))
            {
                return price;
            }
        }
        return Math.max(lowest, 0.0);
    }

    /** Mixes the account's own state (marks, funding, collateral) into {@code seed}; positions hash in their book. */
    public long hash(final long seed)
    {
        long h = seed;
        for (final long m : mark)
        {
            h = Hash64.mix(h, m);
        }
        h = Hash64.mix(h, Double.doubleToLongBits(collateral));
        return Hash64.mix(h, Double.doubleToLongBits(fundingPaid));
    }
}
