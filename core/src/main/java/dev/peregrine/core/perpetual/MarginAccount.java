package dev.peregrine.core.perpetual;

import dev.peregrine.core.event.Side;
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
 * Spot instruments (no {@link PerpetualTerms}) take no part. Contracts are the engine's order quantities (scaled); a
 * contract is {@code contractSize} base units. Money is in the settlement currency as doubles, like every PnL figure
 * in the core (exact enough, and replay reproduces them bit for bit). Instruments are valued at their latest mark,
 * or at the entry price before any mark arrived. Core thread only; no allocation.
 */
public final class MarginAccount
{
    private final PerpetualTerms[] terms;
    private final double[] contractSize;
    private final double[] leverage;
    private final double collateral;

    private final long[] contracts;
    private final double[] entryPrice;
    private final long[] mark;
    private double realizedPnl;
    private double fees;
    private double fundingPaid;

    /**
     * @param collateral the account's starting wallet balance, settlement currency.
     * @param leverage   per instrument (FixedPoint, 1x = 1.0), in registry order.
     */
    public MarginAccount(final InstrumentRegistry instruments, final double collateral, final long[] leverage)
    {
        final int n = instruments.size();
        if (leverage.length != n)
        {
            throw new IllegalArgumentException("leverage has " + leverage.length + " values for " + n + " instruments");
        }
        this.terms = new PerpetualTerms[n];
        this.contractSize = new double[n];
        this.leverage = new double[n];
        for (int i = 0; i < n; i++)
        {
            terms[i] = instruments.perpetual(i);
            contractSize[i] = terms[i] == null ? 0.0 : FixedPoint.toDouble(terms[i].contractSize());
            this.leverage[i] = FixedPoint.toDouble(leverage[i]);
        }
        this.collateral = collateral;
        this.contracts = new long[n];
        this.entryPrice = new double[n];
        this.mark = new long[n];
    }

    /** A copy of {@code other}'s terms and state, for projections ({@link #copy}). */
    private MarginAccount(final MarginAccount other)
    {
        this.terms = other.terms;
        this.contractSize = other.contractSize;
        this.leverage = other.leverage;
        this.collateral = other.collateral;
        this.contracts = new long[other.contracts.length];
        this.entryPrice = new double[other.entryPrice.length];
        this.mark = new long[other.mark.length];
        copyStateFrom(other);
    }

    /**
     * A scratch account with this one's terms, collateral and leverage, and its state now: the risk checks project
     * an order on it ({@code MarginProjection}). Allocates: build time only.
     */
    public MarginAccount copy()
    {
        return new MarginAccount(this);
    }

    /** Makes this account's positions, marks and balances those of {@code other} (same instruments); no allocation. */
    public void copyStateFrom(final MarginAccount other)
    {
        System.arraycopy(other.contracts, 0, contracts, 0, contracts.length);
        System.arraycopy(other.entryPrice, 0, entryPrice, 0, entryPrice.length);
        System.arraycopy(other.mark, 0, mark, 0, mark.length);
        realizedPnl = other.realizedPnl;
        fees = other.fees;
        fundingPaid = other.fundingPaid;
    }

    /** Whether the instrument is a perpetual this account margins. */
    public boolean isPerpetual(final int instrumentId)
    {
        return terms[instrumentId] != null;
    }

    /**
     * A fill of ours: moves the instrument's contracts and entry price (averaging in, realizing what it closes at
     * {@code (price - entry) x closed x contractSize}) and takes the fee from the wallet. Ignored for spot.
     */
    public void applyFill(final int instrumentId, final int side, final long quantity, final long price, final double fee)
    {
        if (terms[instrumentId] == null)
        {
            return;
        }
        fees += fee;
        final long position = contracts[instrumentId];
        final long signedFill = Side.sign(side) * quantity;
        final double fillPrice = FixedPoint.toDouble(price);
        if (position == 0 || Long.signum(position) == Long.signum(signedFill))
        {
            final double held = Math.abs(FixedPoint.toDouble(position));
            final double added = FixedPoint.toDouble(quantity);
            entryPrice[instrumentId] = (entryPrice[instrumentId] * held + fillPrice * added) / (held + added);
            contracts[instrumentId] = position + signedFill;
            return;
        }
        final long closed = Math.min(Math.abs(position), quantity);
        final double direction = position > 0 ? 1.0 : -1.0;
        realizedPnl += (fillPrice - entryPrice[instrumentId]) * FixedPoint.toDouble(closed) * direction *
            contractSize[instrumentId];
        final long after = position + signedFill;
        contracts[instrumentId] = after;
        if (after == 0)
        {
            entryPrice[instrumentId] = 0.0;
        }
        else if (Long.signum(after) != Long.signum(position))
        {
            entryPrice[instrumentId] = fillPrice; // flipped: the rest opens at the fill's price
        }
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

    /** Signed contracts held (scaled): positive long, negative short. */
    public long contracts(final int instrumentId)
    {
        return contracts[instrumentId];
    }

    /** The average entry price of the position, 0 when flat. */
    public double entryPrice(final int instrumentId)
    {
        return entryPrice[instrumentId];
    }

    /** The price the instrument is valued at: its latest mark, else the entry price. */
    public double valuationPrice(final int instrumentId)
    {
        return mark[instrumentId] > 0 ? FixedPoint.toDouble(mark[instrumentId]) : entryPrice[instrumentId];
    }

    /** The position's size in base units, signed: contracts x contractSize. */
    public double size(final int instrumentId)
    {
        return FixedPoint.toDouble(contracts[instrumentId]) * contractSize[instrumentId];
    }

    /** |contracts| x contractSize x mark. */
    public double notional(final int instrumentId)
    {
        return Math.abs(size(instrumentId)) * valuationPrice(instrumentId);
    }

    /** contracts x contractSize x (mark - entry). */
    public double unrealizedPnl(final int instrumentId)
    {
        return contracts[instrumentId] == 0 ? 0.0 : size(instrumentId) * (valuationPrice(instrumentId) - entryPrice[instrumentId]);
    }

    /** notional / leverage. */
    public double initialMargin(final int instrumentId)
    {
        return terms[instrumentId] == null ? 0.0 : notional(instrumentId) / leverage[instrumentId];
    }

    /** notional x maintenance rate - maintenance amount, of the bracket the notional falls in; never below 0. */
    public double maintenanceMargin(final int instrumentId)
    {
        if (terms[instrumentId] == null || contracts[instrumentId] == 0)
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

    public double realizedPnl()
    {
        return realizedPnl;
    }

    public double fees()
    {
        return fees;
    }

    public double fundingPaid()
    {
        return fundingPaid;
    }

    /** collateral + realized PnL - fees - funding paid. */
    public double walletBalance()
    {
        return collateral + realizedPnl - fees - fundingPaid;
    }

    /** Wallet balance plus every perpetual's unrealized PnL: the account's equity. */
    public double marginBalance()
    {
        double balance = walletBalance();
        for (int i = 0; i < contracts.length; i++)
        {
            if (terms[i] != null)
            {
                balance += unrealizedPnl(i);
            }
        }
        return balance;
    }

    /** Initial margin of every position. */
    public double marginUsed()
    {
        double used = 0.0;
        for (int i = 0; i < contracts.length; i++)
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
        for (int i = 0; i < contracts.length; i++)
        {
            total += maintenanceMargin(i);
        }
        return total;
    }

    public double notional()
    {
        double total = 0.0;
        for (int i = 0; i < contracts.length; i++)
        {
            if (terms[i] != null)
            {
                total += notional(i);
            }
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
     * The mark at which the instrument's one-way cross position is liquidated, as Binance USD-M documents it,
     * holding the other positions' PnL and maintenance at their current values:
     * <pre>
     *   LP = (WB - TMM1 + UPNL1 + cum - side x size x entry) / (size x MMR - side x size)
     * </pre>
     * WB wallet balance, TMM1 and UPNL1 the maintenance margin and unrealized PnL of every other position, cum and
     * MMR the maintenance amount and rate of the bracket, side 1 long / -1 short, size |contracts| x contractSize.
     * The bracket is the one whose notional range holds the notional at the price found (tried from the lowest).
     * 0 when flat, spot, or when the account could not be liquidated by this position (a price at or below 0).
     */
    public double liquidationPrice(final int instrumentId)
    {
        final PerpetualTerms t = terms[instrumentId];
        final long position = contracts[instrumentId];
        if (t == null || position == 0)
        {
            return 0.0;
        }
        double otherMaintenance = 0.0;
        double otherUnrealized = 0.0;
        for (int i = 0; i < contracts.length; i++)
        {
            if (i != instrumentId && terms[i] != null)
            {
                otherMaintenance += maintenanceMargin(i);
                otherUnrealized += unrealizedPnl(i);
            }
        }
        final double side = position > 0 ? 1.0 : -1.0;
        final double size = Math.abs(size(instrumentId));
        final double entry = entryPrice[instrumentId];
        final double free = walletBalance() - otherMaintenance + otherUnrealized;
        double fallback = 0.0;
        for (int k = 0; k < t.tiers().size(); k++)
        {
            final MarginTier tier = t.tiers().get(k);
            final double rate = FixedPoint.toDouble(tier.maintenanceRate());
            final double cum = FixedPoint.toDouble(tier.maintenanceAmount());
            final double price = (free + cum - side * size * entry) / (size * rate - side * size);
            if (k == 0)
            {
                fallback = price;
            }
            if (price > 0 && tier.holds(FixedPoint.fromDouble(size * price)))
            {
                return price;
            }
        }
        return Math.max(fallback, 0.0);
    }

    /** Mixes the account's state into {@code seed}, for the core's state hash. */
    public long hash(final long seed)
    {
        long h = seed;
        for (int i = 0; i < contracts.length; i++)
        {
            h = Hash64.mix(h, contracts[i]);
            h = Hash64.mix(h, Double.doubleToLongBits(entryPrice[i]));
            h = Hash64.mix(h, mark[i]);
        }
        h = Hash64.mix(h, Double.doubleToLongBits(realizedPnl));
        h = Hash64.mix(h, Double.doubleToLongBits(fees));
        return Hash64.mix(h, Double.doubleToLongBits(fundingPaid));
    }
}
