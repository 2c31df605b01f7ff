package dev.fracture.market;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * A Curve StableSwap pool of 2 to 8 coins.
 *
 * <p>Sources: the StableSwap whitepaper (Egorov, 2019) for the invariant; curvefi/curve-contract
 * {@code contracts/pools/3pool/StableSwap3Pool.vy} for {@code get_D}, {@code get_y}, {@code get_dy} and
 * {@code exchange}; the reference model {@code tests/simulation.py} (class {@code Curve}) of the same repository,
 * whose {@code D()} and {@code y()} the integer mode reproduces to the unit (see {@link StableSwapMath}).
 *
 * <p><b>Exact mode.</b> Balances are integer coin units; {@code rates[i] = 10^(36 − decimals[i])} scales them to
 * 18 decimals ({@code xp = balance·rate/10^18}, floored) as the contracts' {@code RATES} / {@code PRECISION_MUL}
 * do. An exchange of dx units of coin i computes, as {@code exchange} does,
 * {@code dy = xp[j] − get_y(i, j, xp[i] + dx·rate_i/10^18) − 1}, charges {@code dy_fee = dy·fee/10^10} on the
 * output and pays {@code (dy − dy_fee)·10^18/rate_j}. The contract's {@code −1} ("just in case there were some
 * rounding errors") is kept; the simulation model's {@code exchange} omits it, so this mode pays one 18-decimal
 * unit less than {@code Curve.exchange} before the fee, as the deployed pools do. The admin fee is not modelled:
 * the whole fee stays in the pool (as with {@code admin_fee = 0}); with a non-zero admin fee the contract would
 * also remove {@code dy_fee·admin_fee/10^10} from the balance, which changes later quotes, not this one.
 * Amplification is the pre-{@code A_PRECISION} form (Ann = A·n); pools with {@code A_PRECISION = 100} round a few
 * units differently. A ramp of A is not modelled.
 *
 * <p><b>Exact-out.</b> The plain pools have no {@code get_dx}; like the StableSwap-NG views contract's
 * {@code get_dx} this inverts the invariant: the gross output {@code dy} that leaves the requested amount after
 * the fee, then {@code get_y(j, i, xp[j] − dy)} for the input. Because every step floors, that estimate is then
 * corrected by bracketing to the smallest dx whose forward {@code exchange} pays at least the requested output
 * (rounded up to integer units). The quote reports what {@code exchange(dx)} pays, which can exceed the request
 * by the rounding.
 *
 * <p><b>Fast mode.</b> Balances are doubles in token units and the same Newton iterations run in doubles (to a
 * relative change of 1e-15), without the {@code −1} and without flooring. A trade smaller than the rounding of y
 * (about 1e-16 of the balance), where the difference of two balances would come out zero or negative, is priced
 * at the spot price instead, which is the limit the curve tends to. Outputs agree with the exact mode to
 * within a relative 1e-9, plus 1e-12 of the pool's D, plus the exact mode's rounding to integer units (the tests
 * hold them to that on seeded random pools).
 *
 * <p>Spot prices, depth and profiles are computed in doubles in both modes from the analytic derivative of the
 * invariant ({@link StableSwapMath#spotPrice}). A trade the contract would revert (output of zero units, output
 * at or above the balance) fills nothing and is {@code complete == false}.
 *
 * <p>{@link IntegerQuoting}: in EXACT mode {@link #quoteExactInUnits} and {@link #quoteExactOutUnits} take and return
 * integer units with no double on the way; they equal {@link #getDy} and {@link #getDx}, and the double-amount
 * methods convert and run the same integer code. A FAST pool keeps no integer balances and refuses integer quotes.
 */
public final class StableSwapPool implements Venue, IntegerQuoting {
    /** Committed trades and withdrawals so far ({@link Venue#version()}). */
    private long version;

    private static final BigInteger PRECISION = BigInteger.TEN.pow(18);
    private static final long FEE_DENOMINATOR = 10_000_000_000L;
    private static final BigInteger FEE_DENOMINATOR_BIG = BigInteger.valueOf(FEE_DENOMINATOR);
    /** {@code MAX_A} of the contracts. */
    private static final long MAX_A = 1_000_000L;
    /** {@code MAX_FEE} of the contracts: 50%. */
    private static final long MAX_FEE = 5_000_000_000L;
    /** Inputs above a uint256 could never be sent; the exact-out search gives up there. */
    private static final BigInteger UINT256_LIMIT = BigInteger.ONE.shiftLeft(256);

    private final VenueId id;
    private final ChainId chain;
    private final List<AssetId> coins;
    private final int[] decimals;
    private final long amp;
    private final long fee;
    private final double feeFraction;
    private final MathMode mode;
    private final BigInteger[] rates;
    /** Integer balances; the truth in EXACT mode, null in FAST mode. */
    private final BigInteger[] units;
    /** Balances in token units; the truth in FAST mode, derived from {@link #units} in EXACT mode. */
    private final double[] balances;
    /** D of {@link #balances} in doubles, kept current for spot prices. */
    private double dFast;

    private StableSwapPool(VenueId id, ChainId chain, List<AssetId> coins, int[] decimals, long amp, long fee,
                           MathMode mode, BigInteger[] rates, BigInteger[] units, double[] balances) {
        this.id = id;
        this.chain = chain;
        this.coins = coins;
        this.decimals = decimals;
        this.amp = amp;
        this.fee = fee;
        this.feeFraction = fee / (double) FEE_DENOMINATOR;
        this.mode = mode;
        this.rates = rates;
        this.units = units;
        this.balances = balances;
        this.dFast = StableSwapMath.getD(balances, amp);
    }

    /**
     * A pool in the state {@code spec} describes; {@code coins} supply the decimals and must be the spec's coins in
     * its order.
     */
    public static StableSwapPool of(VenueSpec.StableSwap spec, List<Asset> coins, MathMode mode) {
        VenueId id = spec.id();
        if (spec.coins() == null || spec.balances() == null) {
            throw VenueChecks.fail(id, "coins and balances are required");
        }
        int n = spec.coins().size();
        if (n < 2 || n > 8) {
            throw VenueChecks.fail(id, "a StableSwap pool has 2 to 8 coins, got " + n);
        }
        if (spec.balances().size() != n) {
            throw VenueChecks.fail(id, "needs one balance per coin: " + n + " coins, " + spec.balances().size()
                    + " balances");
        }
        List<AssetId> given = new ArrayList<>();
        coins.forEach(a -> given.add(a.id()));
        if (!given.equals(spec.coins())) {
            throw VenueChecks.fail(id, "assets must be the coins " + spec.coins() + " in that order, got " + given);
        }
        if (spec.coins().stream().distinct().count() != n) {
            throw VenueChecks.fail(id, "coins must be distinct, got " + spec.coins());
        }
        if (spec.amplification() < 1 || spec.amplification() >= MAX_A) {
            throw VenueChecks.fail(id, "amplification must be in [1, " + MAX_A + "), got " + spec.amplification());
        }
        if (spec.fee() < 0 || spec.fee() > MAX_FEE) {
            throw VenueChecks.fail(id, "fee must be in [0, " + MAX_FEE + "] (1e10 = 100%), got " + spec.fee());
        }
        int[] decimals = new int[n];
        BigInteger[] rates = new BigInteger[n];
        BigInteger[] units = new BigInteger[n];
        double[] balances = new double[n];
        for (int k = 0; k < n; k++) {
            Asset coin = coins.get(k);
            decimals[k] = coin.decimals();
            if (decimals[k] < 0 || decimals[k] > 36) {
                throw VenueChecks.fail(id, "decimals of " + coin.id() + " must be in [0, 36], got " + decimals[k]);
            }
            rates[k] = BigInteger.TEN.pow(36 - decimals[k]);
            try {
                units[k] = TokenUnits.exact(spec.balances().get(k), decimals[k]);
            } catch (IllegalArgumentException e) {
                throw VenueChecks.fail(id, "balance of " + coin.id() + " " + e.getMessage());
            }
            if (units[k].multiply(rates[k]).divide(PRECISION).signum() <= 0) {
                throw VenueChecks.fail(id, "balance of " + coin.id() + " must be positive at 18-decimal precision, got "
                        + spec.balances().get(k));
            }
            balances[k] = TokenUnits.toTokens(units[k], decimals[k]);
        }
        return new StableSwapPool(id, spec.chain(), List.copyOf(spec.coins()), decimals, spec.amplification(),
                spec.fee(), mode, rates, mode == MathMode.EXACT ? units : null, balances);
    }

    @Override
    public VenueId id() {
        return id;
    }

    @Override
    public ChainId chain() {
        return chain;
    }

    @Override
    public List<AssetId> assets() {
        return coins;
    }

    public MathMode mode() {
        return mode;
    }

    /** A as the contract's {@code A()} returns it (A·n^(n−1) in the whitepaper's terms). */
    public long amplification() {
        return amp;
    }

    /** Fee in 1e10 units. */
    public long fee() {
        return fee;
    }

    /** Balance of {@code coin} in token units. */
    public double balance(AssetId coin) {
        return balances[VenueChecks.indexOf(id, coins, coin)];
    }

    /** Balance of {@code coin} in integer units; only an EXACT pool keeps them. */
    public BigInteger balanceUnits(AssetId coin) {
        if (mode != MathMode.EXACT) {
            throw new IllegalStateException("venue " + id + ": a FAST pool keeps no integer balances");
        }
        return units[VenueChecks.indexOf(id, coins, coin)];
    }

    /** D of the current balances in token units, computed in doubles (both modes). */
    public double invariantTokens() {
        return dFast;
    }

    /** Balances scaled to 18 decimals, as {@code _xp()} returns them; EXACT mode only. */
    public BigInteger[] xp() {
        if (mode != MathMode.EXACT) {
            throw new IllegalStateException("venue " + id + ": a FAST pool keeps no integer balances");
        }
        return xp(units);
    }

    /**
     * The contract's {@code get_dy(i, j, dx)}: what {@code exchange} pays, in integer units of {@code tokenOut},
     * for {@code dx} integer units of {@code tokenIn}, fee deducted; zero where the contract would revert.
     * EXACT mode only.
     */
    public BigInteger getDy(AssetId tokenIn, AssetId tokenOut, BigInteger dx) {
        int[] ij = exactPair(tokenIn, tokenOut);
        if (dx.signum() < 0) {
            throw VenueChecks.fail(id, "dx must be non-negative, got " + dx);
        }
        BigInteger[] xp = xp(units);
        return exchange(ij[0], ij[1], dx, xp, StableSwapMath.getD(xp, amp))[0];
    }

    /**
     * The smallest input, in integer units of {@code tokenIn}, whose {@code exchange} pays at least {@code dy}
     * integer units of {@code tokenOut} (see the class notes on exact-out), or null when no input can.
     * EXACT mode only.
     */
    public BigInteger getDx(AssetId tokenIn, AssetId tokenOut, BigInteger dy) {
        int[] ij = exactPair(tokenIn, tokenOut);
        if (dy.signum() <= 0) {
            throw VenueChecks.fail(id, "dy must be positive, got " + dy);
        }
        if (dy.compareTo(units[ij[1]]) >= 0) {
            return null;
        }
        BigInteger[] xp = xp(units);
        return smallestInputFor(ij[0], ij[1], dy, xp, StableSwapMath.getD(xp, amp));
    }

    private int[] exactPair(AssetId tokenIn, AssetId tokenOut) {
        if (mode != MathMode.EXACT) {
            throw new IllegalStateException("venue " + id + ": a FAST pool keeps no integer balances");
        }
        int i = VenueChecks.indexOf(id, coins, tokenIn);
        int j = VenueChecks.indexOf(id, coins, tokenOut);
        if (i == j) {
            VenueChecks.requireDistinct(id, tokenIn, tokenOut);
        }
        return new int[] {i, j};
    }

    private BigInteger[] xp(BigInteger[] u) {
        BigInteger[] xp = new BigInteger[u.length];
        for (int k = 0; k < u.length; k++) {
            xp[k] = u[k].multiply(rates[k]).divide(PRECISION);
        }
        return xp;
    }

    @Override
    public Quote trade(AssetId tokenIn, AssetId tokenOut, double amount, Exact fixed, boolean apply) {
        if (apply) {
            version++;
        }
        boolean exactIn = fixed == Exact.IN;
        int i = VenueChecks.indexOf(id, coins, tokenIn);
        int j = VenueChecks.indexOf(id, coins, tokenOut);
        if (i == j) {
            VenueChecks.requireDistinct(id, tokenIn, tokenOut);
        }
        VenueChecks.requireAmount(id, exactIn ? "amountIn" : "amountOut", amount);
        return mode == MathMode.EXACT ? tradeExact(i, j, amount, exactIn, apply) : tradeFast(i, j, amount, exactIn, apply);
    }

    // ---------------------------------------------------------------- exact

    /** One {@code exchange} of {@code dx} units at balances {@code xp} with invariant {@code d}: {output, fee}. */
    private BigInteger[] exchange(int i, int j, BigInteger dx, BigInteger[] xp, BigInteger d) {
        BigInteger x = xp[i].add(dx.multiply(rates[i]).divide(PRECISION));
        BigInteger y = StableSwapMath.getY(i, j, x, xp, amp, d);
        BigInteger dy = xp[j].subtract(y).subtract(BigInteger.ONE);
        if (dy.signum() <= 0) {
            return new BigInteger[] {BigInteger.ZERO, BigInteger.ZERO};
        }
        BigInteger dyFee = dy.multiply(BigInteger.valueOf(fee)).divide(FEE_DENOMINATOR_BIG);
        BigInteger out = dy.subtract(dyFee).multiply(PRECISION).divide(rates[j]);
        return new BigInteger[] {out, dyFee.multiply(PRECISION).divide(rates[j])};
    }

    /**
     * The exact double-amount trade: the amount converts to integer units with {@link TokenUnits} (exact-in floors,
     * exact-out rounds up) and then runs through {@link #fillExact}, the same code as the integer quotes.
     */
    private Quote tradeExact(int i, int j, double amount, boolean exactIn, boolean apply) {
        double spotBefore = StableSwapMath.spotPrice(i, j, balances, amp, dFast);
        BigInteger requested = exactIn ? TokenUnits.floor(amount, decimals[i]) : TokenUnits.ceil(amount, decimals[j]);
        if (requested.signum() == 0) {
            // Only a zero request is complete: a positive input below one unit is an input the pool never sees.
            return unfilled(i, j, spotBefore, amount == 0);
        }
        Fill fill = fillExact(i, j, requested, exactIn);
        if (!fill.complete()) {
            return unfilled(i, j, spotBefore, false);
        }
        BigInteger dx = fill.in();
        BigInteger out = fill.out();
        double[] after = balances.clone();
        after[i] = TokenUnits.toTokens(units[i].add(dx), decimals[i]);
        after[j] = TokenUnits.toTokens(units[j].subtract(out), decimals[j]);
        double dAfter = StableSwapMath.getD(after, amp);
        if (apply) {
            units[i] = units[i].add(dx);
            units[j] = units[j].subtract(out);
            System.arraycopy(after, 0, balances, 0, after.length);
            dFast = dAfter;
        }
        return new Quote(id, coins.get(i), coins.get(j), TokenUnits.toTokens(dx, decimals[i]),
                TokenUnits.toTokens(out, decimals[j]), TokenUnits.toTokens(fill.fee(), decimals[j]), spotBefore,
                StableSwapMath.spotPrice(i, j, after, amp, dAfter), true);
    }

    /**
     * The pool's integer trade without changing it: {@code exchange} of an exact input, or of the smallest input
     * that pays at least an exact output. A trade the contract would revert (nothing paid, an output at or above the
     * balance, no input large enough) is an empty, incomplete fill; a zero amount is an empty, complete one.
     */
    private Fill fillExact(int i, int j, BigInteger amount, boolean exactIn) {
        if (amount.signum() == 0) {
            return Fill.NONE_ASKED;
        }
        BigInteger[] xp = xp(units);
        BigInteger d = StableSwapMath.getD(xp, amp);
        BigInteger dx;
        if (exactIn) {
            dx = amount;
        } else {
            if (amount.compareTo(units[j]) >= 0) {
                return Fill.REVERTED;
            }
            dx = smallestInputFor(i, j, amount, xp, d);
            if (dx == null) {
                return Fill.REVERTED;
            }
        }
        BigInteger[] outAndFee = exchange(i, j, dx, xp, d);
        if (outAndFee[0].signum() == 0) {
            return Fill.REVERTED;
        }
        return new Fill(dx, outAndFee[0], outAndFee[1], true);
    }

    /** An integer fill: input taken, output paid, fee (in the output coin), and whether it filled. */
    private record Fill(BigInteger in, BigInteger out, BigInteger fee, boolean complete) {
        static final Fill NONE_ASKED = new Fill(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, true);
        static final Fill REVERTED = new Fill(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, false);
    }

    // ---------------------------------------------------------------- IntegerQuoting

    @Override
    public int decimals(AssetId token) {
        return decimals[VenueChecks.indexOf(id, coins, token)];
    }

    /** EXACT mode only: a FAST venue keeps no integer state to quote from. */
    @Override
    public UnitQuote quoteUnits(AssetId tokenIn, AssetId tokenOut, BigInteger amount, Exact fixed) {
        boolean exactIn = fixed == Exact.IN;
        int i = VenueChecks.indexOf(id, coins, tokenIn);
        int j = VenueChecks.indexOf(id, coins, tokenOut);
        if (i == j) {
            VenueChecks.requireDistinct(id, tokenIn, tokenOut);
        }
        VenueChecks.requireUnits(id, exactIn ? "amountIn" : "amountOut", amount);
        VenueChecks.requireExactForUnits(id, mode);
        Fill fill = fillExact(i, j, amount, exactIn);
        return new UnitQuote(id, tokenIn, tokenOut, fill.in(), fill.out(), fill.fee(), tokenOut, fill.complete(),
                decimals[i], decimals[j]);
    }

    /** Smallest dx whose exchange pays at least {@code want} units of coin j, or null when none can. */
    private BigInteger smallestInputFor(int i, int j, BigInteger want, BigInteger[] xp, BigInteger d) {
        BigInteger netXp = ceilDiv(want.multiply(rates[j]), PRECISION);
        BigInteger grossXp = ceilDiv(netXp.multiply(FEE_DENOMINATOR_BIG), BigInteger.valueOf(FEE_DENOMINATOR - fee))
                .add(BigInteger.ONE);
        BigInteger newXj = xp[j].subtract(grossXp);
        if (newXj.signum() <= 0) {
            return null;
        }
        BigInteger xi = StableSwapMath.getY(j, i, newXj, xp, amp, d);
        BigInteger estimate = ceilDiv(xi.subtract(xp[i]).max(BigInteger.ZERO).multiply(PRECISION), rates[i])
                .max(BigInteger.ONE);
        BigInteger lo;
        BigInteger hi;
        if (pays(i, j, estimate, want, xp, d)) {
            hi = estimate;
            BigInteger step = BigInteger.ONE;
            lo = hi.subtract(step);
            while (lo.signum() > 0 && pays(i, j, lo, want, xp, d)) {
                hi = lo;
                step = step.shiftLeft(1);
                lo = hi.subtract(step);
            }
            lo = lo.max(BigInteger.ZERO);
        } else {
            lo = estimate;
            BigInteger step = BigInteger.ONE;
            hi = lo.add(step);
            while (!pays(i, j, hi, want, xp, d)) {
                lo = hi;
                step = step.shiftLeft(1);
                hi = lo.add(step);
                if (hi.compareTo(UINT256_LIMIT) > 0) {
                    return null;
                }
            }
        }
        while (hi.subtract(lo).compareTo(BigInteger.ONE) > 0) {
            BigInteger mid = lo.add(hi).shiftRight(1);
            if (pays(i, j, mid, want, xp, d)) {
                hi = mid;
            } else {
                lo = mid;
            }
        }
        return hi;
    }

    private boolean pays(int i, int j, BigInteger dx, BigInteger want, BigInteger[] xp, BigInteger d) {
        return exchange(i, j, dx, xp, d)[0].compareTo(want) >= 0;
    }

    private static BigInteger ceilDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() > 0 ? qr[0].add(BigInteger.ONE) : qr[0];
    }

    // ---------------------------------------------------------------- fast

    private Quote tradeFast(int i, int j, double amount, boolean exactIn, boolean apply) {
        double spotBefore = StableSwapMath.spotPrice(i, j, balances, amp, dFast);
        if (amount == 0) {
            return unfilled(i, j, spotBefore, true);
        }
        double dx;
        double out;
        double dy;
        if (exactIn) {
            dx = amount;
            dy = balances[j] - StableSwapMath.getY(i, j, balances[i] + dx, balances, amp, dFast);
            if (!(dy > 0)) {
                // The trade is below the rounding of y (a relative 1e-16 of the balance): first order is exact.
                dy = dx * spotBefore;
            }
            out = dy * (1 - feeFraction);
        } else {
            out = amount;
            dy = out / (1 - feeFraction);
            if (dy >= balances[j]) {
                return unfilled(i, j, spotBefore, false);
            }
            dx = StableSwapMath.getY(j, i, balances[j] - dy, balances, amp, dFast) - balances[i];
            if (!(dx > 0)) {
                dx = dy / spotBefore;
            }
        }
        double[] after = balances.clone();
        after[i] += dx;
        after[j] -= out;
        double dAfter = StableSwapMath.getD(after, amp);
        if (apply) {
            System.arraycopy(after, 0, balances, 0, after.length);
            dFast = dAfter;
        }
        return new Quote(id, coins.get(i), coins.get(j), dx, out, dy - out, spotBefore,
                StableSwapMath.spotPrice(i, j, after, amp, dAfter), true);
    }

    private Quote unfilled(int i, int j, double spot, boolean complete) {
        return new Quote(id, coins.get(i), coins.get(j), 0, 0, 0, spot, spot, complete);
    }

    // ---------------------------------------------------------------- analytics (doubles in both modes)

    @Override
    public double spotPrice(AssetId base, AssetId quote) {
        int i = VenueChecks.indexOf(id, coins, base);
        int j = VenueChecks.indexOf(id, coins, quote);
        if (i == j) {
            VenueChecks.requireDistinct(id, base, quote);
        }
        return StableSwapMath.spotPrice(i, j, balances, amp, dFast);
    }

    @Override
    public double marginalRate(AssetId tokenIn, AssetId tokenOut) {
        return spotPrice(tokenIn, tokenOut) * (1 - feeFraction);
    }

    /**
     * By bisection on a fast-mode sale of tokenIn (fee charged and left in the pool, as {@code exchange} does)
     * until the spot price has fallen by the fraction; the StableSwap curve reaches any positive price, so the
     * search cap of 10^9·D is never the answer for pools of sane size.
     */
    @Override
    public double depth(AssetId tokenIn, AssetId tokenOut, double priceMoveFraction) {
        int i = VenueChecks.indexOf(id, coins, tokenIn);
        int j = VenueChecks.indexOf(id, coins, tokenOut);
        if (i == j) {
            VenueChecks.requireDistinct(id, tokenIn, tokenOut);
        }
        VenueChecks.requireMoveFraction(id, priceMoveFraction);
        if (priceMoveFraction == 0) {
            return 0;
        }
        double target = StableSwapMath.spotPrice(i, j, balances, amp, dFast) * (1 - priceMoveFraction);
        double[] after = new double[balances.length];
        return PriceBands.firstReaching(dx -> {
            System.arraycopy(balances, 0, after, 0, balances.length);
            double dy = balances[j] - StableSwapMath.getY(i, j, balances[i] + dx, balances, amp, dFast);
            after[i] += dx;
            after[j] -= dy * (1 - feeFraction);
            return StableSwapMath.spotPrice(i, j, after, amp, StableSwapMath.getD(after, amp)) <= target;
        }, balances[i] * 1e-6, dFast * 1e9);
    }

    /** Fee-free moves along the invariant at fixed D, the other coins held. */
    @Override
    public LiquidityProfile liquidityProfile(AssetId base, AssetId quote, int buckets, double rangeFraction) {
        int i = VenueChecks.indexOf(id, coins, base);
        int j = VenueChecks.indexOf(id, coins, quote);
        if (i == j) {
            VenueChecks.requireDistinct(id, base, quote);
        }
        VenueChecks.requireProfile(id, buckets, rangeFraction);
        double spot = StableSwapMath.spotPrice(i, j, balances, amp, dFast);
        return PriceBands.build(base, quote, spot, buckets, rangeFraction,
                p -> PriceBands.firstReaching(dx -> priceAfterFeeFree(i, j, dx, i, j) <= p, balances[i] * 1e-6,
                        dFast * 1e9),
                p -> {
                    double dq = PriceBands.firstReaching(dy -> priceAfterFeeFree(j, i, dy, i, j) >= p,
                            balances[j] * 1e-6, dFast * 1e9);
                    return balances[i] - StableSwapMath.getY(j, i, balances[j] + dq, balances, amp, dFast);
                });
    }

    /** Spot of coin {@code base} in {@code quote} after {@code amount} of coin {@code in} goes in fee-free. */
    private double priceAfterFeeFree(int in, int out, double amount, int base, int quote) {
        double[] after = balances.clone();
        after[in] += amount;
        after[out] = StableSwapMath.getY(in, out, after[in], balances, amp, dFast);
        return StableSwapMath.spotPrice(base, quote, after, amp, dFast);
    }

    /**
     * Curve {@code remove_liquidity}: burning a share of the LP supply pays that share of every balance, floored in
     * integer units, with no fee (a balanced withdrawal); D falls in proportion, the price stays.
     */
    @Override
    public long version() {
        return version;
    }

    @Override
    public double[] withdrawLiquidity(double fraction) {
        version++;
        VenueChecks.requireWithdrawFraction(id, fraction);
        double[] taken = new double[coins.size()];
        BigDecimal f = new BigDecimal(fraction);
        for (int k = 0; k < taken.length; k++) {
            double before = balances[k];
            if (units != null) {
                units[k] = units[k].subtract(new BigDecimal(units[k]).multiply(f).toBigInteger());
                balances[k] = TokenUnits.toTokens(units[k], decimals[k]);
            } else {
                balances[k] *= 1 - fraction;
            }
            taken[k] = before - balances[k];
        }
        dFast = StableSwapMath.getD(balances, amp);
        return taken;
    }

    @Override
    public StableSwapPool copy() {
        return new StableSwapPool(id, chain, coins, decimals, amp, fee, mode, rates,
                units == null ? null : units.clone(), balances.clone());
    }

    @Override
    public String toString() {
        return "StableSwapPool[" + id + ", " + coins + ", A " + amp + ", fee " + fee + ", " + mode + "]";
    }
}
