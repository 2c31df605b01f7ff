package dev.fracture.market;

import dev.fracture.market.clmm.ExactPoolState;
import dev.fracture.market.clmm.FastPoolState;
import dev.fracture.market.clmm.FastSwapResult;
import dev.fracture.market.clmm.FullMath;
import dev.fracture.market.clmm.SwapResult;
import dev.fracture.market.clmm.TickInfo;
import dev.fracture.market.clmm.TickMath;
import dev.fracture.market.clmm.TickTable;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Uniswap v3 pool (v3 whitepaper; v3-core {@code UniswapV3Pool.sol}): liquidity positions over tick ranges
 * [tickLower, tickUpper), a current sqrt price in Q64.96, and swaps that walk the initialized ticks.
 *
 * <p>In {@link MathMode#EXACT} the pool keeps the contract's integer state and its {@link #swapRaw} reproduces
 * {@code UniswapV3Pool.swap} to the last unit (see {@link ExactPoolState}); in {@link MathMode#FAST} it keeps a double
 * state (see {@link FastPoolState}) that agrees with the exact mode within 1e-9 relative on amounts of at least
 * 1e12 integer units. The raw API of one mode refuses to run in the other.
 *
 * <p>The {@link Venue} methods work in token units: an exact input converts to integer units rounding down (the
 * trader never pays more than stated), an exact output rounding up (never receives less than asked), and results
 * convert back with each token's decimals. They swap with the widest price limit the contract accepts
 * (MIN_SQRT_RATIO + 1 or MAX_SQRT_RATIO − 1). Where liquidity runs out the contract keeps walking empty ticks until
 * that limit and returns a partial fill (the v3-sdk's {@code Pool.swap} does the same; its trade helpers then reject
 * the partial trade); here that partial fill is a {@link Quote} with {@code complete == false}.
 */
public final class ConcentratedLiquidityPool implements Venue, IntegerQuoting {
    /** The venue's two assets, made once: the router and arbitrage ask for them in every block. */
    private List<AssetId> assets;

    /** Committed trades and withdrawals so far ({@link Venue#version()}). */
    private long version;

    private static final BigInteger MIN_LIMIT = TickMath.MIN_SQRT_RATIO.add(BigInteger.ONE);
    private static final BigInteger MAX_LIMIT = TickMath.MAX_SQRT_RATIO.subtract(BigInteger.ONE);
    private static final BigInteger MIN_INT256 = FullMath.MAX_INT256.negate().subtract(BigInteger.ONE);
    private static final double TWO_96 = 0x1p96;
    private static final double MIN_LIMIT_FAST = MIN_LIMIT.doubleValue() / TWO_96;
    private static final double MAX_LIMIT_FAST = Math.nextDown(MAX_LIMIT.doubleValue() / TWO_96);
    private static final double MIN_SQRT_FAST = TickMath.MIN_SQRT_RATIO.doubleValue() / TWO_96;
    private static final double MAX_SQRT_FAST = TickMath.MAX_SQRT_RATIO.doubleValue() / TWO_96;
    /** An exact input larger than any pool holds, for price-limited quotes (depth). */
    private static final double UNBOUNDED_FAST = 1e300;
    private static final int MAX_TICK_SPACING = 16383;

    private final VenueId id;
    private final ChainId chain;
    private final Asset asset0;
    private final Asset asset1;
    private final int feePips;
    private final int tickSpacing;
    private final MathMode mode;
    private final BigInteger maxLiquidityPerTick;
    private final double scale0;
    private final double scale1;
    private final TickTable table;
    private final ExactPoolState exact;
    private final FastPoolState fast;
    /** The positions added, by range [tickLower, tickUpper): what a pro-rata withdrawal burns from. */
    private final TreeMap<Long, BigInteger> positions = new TreeMap<>();

    private ConcentratedLiquidityPool(VenueSpec.ConcentratedLiquidity spec, Asset asset0, Asset asset1,
                                      MathMode mode) {
        this.id = spec.id();
        this.chain = spec.chain();
        this.asset0 = asset0;
        this.asset1 = asset1;
        this.feePips = spec.feePips();
        this.tickSpacing = spec.tickSpacing();
        this.mode = mode;
        this.maxLiquidityPerTick = TickTable.maxLiquidityPerTick(tickSpacing);
        this.scale0 = Math.pow(10, asset0.decimals());
        this.scale1 = Math.pow(10, asset1.decimals());
        this.table = new TickTable();
        if (mode == MathMode.EXACT) {
            this.exact = new ExactPoolState(feePips, tickSpacing, table, spec.sqrtPriceX96());
            this.fast = null;
        } else {
            this.exact = null;
            this.fast = new FastPoolState(feePips, table, spec.sqrtPriceX96().doubleValue() / TWO_96,
                    TickMath.getTickAtSqrtRatio(spec.sqrtPriceX96()));
        }
    }

    private ConcentratedLiquidityPool(ConcentratedLiquidityPool other) {
        this.id = other.id;
        this.chain = other.chain;
        this.asset0 = other.asset0;
        this.asset1 = other.asset1;
        this.feePips = other.feePips;
        this.tickSpacing = other.tickSpacing;
        this.mode = other.mode;
        this.maxLiquidityPerTick = other.maxLiquidityPerTick;
        this.scale0 = other.scale0;
        this.scale1 = other.scale1;
        this.table = other.table.copy();
        this.exact = other.exact == null ? null : other.exact.copyWith(table);
        this.fast = other.fast == null ? null : other.fast.copyWith(table);
        this.positions.putAll(other.positions);
    }

    /**
     * Builds the pool from its stored spec: initialized at the spec's sqrt price (tick from TickMath, as
     * {@code initialize} does), then each position added in order as {@link #addLiquidity} adds it.
     */
    public static ConcentratedLiquidityPool of(VenueSpec.ConcentratedLiquidity spec, Asset asset0, Asset asset1,
                                               MathMode mode) {
        if (spec == null) {
            throw new IllegalArgumentException("concentrated-liquidity pool: spec must not be null");
        }
        String venue = "venue " + spec.id() + ": ";
        if (asset0 == null || asset1 == null || mode == null) {
            throw new IllegalArgumentException(venue + "asset0, asset1 and mode must not be null");
        }
        if (spec.token0() == null || spec.token1() == null || spec.token0().equals(spec.token1())) {
            throw new IllegalArgumentException(venue + "token0 and token1 must be two different assets");
        }
        if (!asset0.id().equals(spec.token0()) || !asset1.id().equals(spec.token1())) {
            throw new IllegalArgumentException(venue + "assets " + asset0.id() + ", " + asset1.id()
                    + " do not match the pool's token0 " + spec.token0() + " and token1 " + spec.token1());
        }
        for (Asset a : List.of(asset0, asset1)) {
            if (a.decimals() < 0 || a.decimals() > 36) {
                throw new IllegalArgumentException(venue + "decimals of " + a.id() + " must be in [0, 36], got "
                        + a.decimals());
            }
        }
        if (spec.feePips() < 0 || spec.feePips() >= 1_000_000) {
            throw new IllegalArgumentException(venue + "feePips must be in [0, 1000000), got " + spec.feePips());
        }
        if (spec.tickSpacing() < 1 || spec.tickSpacing() > MAX_TICK_SPACING) {
            throw new IllegalArgumentException(venue + "tickSpacing must be in [1, " + MAX_TICK_SPACING + "], got "
                    + spec.tickSpacing());
        }
        BigInteger sqrtPrice = spec.sqrtPriceX96();
        if (sqrtPrice == null || sqrtPrice.compareTo(TickMath.MIN_SQRT_RATIO) < 0
                || sqrtPrice.compareTo(TickMath.MAX_SQRT_RATIO) >= 0) {
            throw new IllegalArgumentException(venue + "sqrtPriceX96 must be in [MIN_SQRT_RATIO, MAX_SQRT_RATIO), got "
                    + sqrtPrice);
        }
        if (spec.positions() == null) {
            throw new IllegalArgumentException(venue + "positions must not be null");
        }
        ConcentratedLiquidityPool pool = new ConcentratedLiquidityPool(spec, asset0, asset1, mode);
        for (int i = 0; i < spec.positions().size(); i++) {
            VenueSpec.LiquidityPosition p = spec.positions().get(i);
            if (p == null) {
                throw new IllegalArgumentException(venue + "positions[" + i + "] must not be null");
            }
            pool.addLiquidity(p.tickLower(), p.tickUpper(), p.liquidity());
        }
        return pool;
    }

    /**
     * Adds {@code liquidity} over [tickLower, tickUpper), as {@code mint} does to the ticks and the in-range liquidity
     * (no token transfer is modelled). Checks the contract's rules: tickLower &lt; tickUpper (TLU), tickLower ≥ MIN_TICK
     * (TLM), tickUpper ≤ MAX_TICK (TUM), ticks on the spacing, liquidity &gt; 0, and per-tick gross liquidity at most
     * tickSpacingToMaxLiquidityPerTick (LO). A rejected position changes nothing.
     */
    public void addLiquidity(int tickLower, int tickUpper, BigInteger liquidity) {
        if (tickLower >= tickUpper) {
            throw bad("tickLower " + tickLower + " must be below tickUpper " + tickUpper + " (TLU)");
        }
        if (tickLower < TickMath.MIN_TICK) {
            throw bad("tickLower " + tickLower + " is below MIN_TICK " + TickMath.MIN_TICK + " (TLM)");
        }
        if (tickUpper > TickMath.MAX_TICK) {
            throw bad("tickUpper " + tickUpper + " is above MAX_TICK " + TickMath.MAX_TICK + " (TUM)");
        }
        if (tickLower % tickSpacing != 0 || tickUpper % tickSpacing != 0) {
            throw bad("ticks " + tickLower + ", " + tickUpper + " must be multiples of tickSpacing " + tickSpacing);
        }
        if (liquidity == null || liquidity.signum() <= 0) {
            throw bad("liquidity must be > 0, got " + liquidity);
        }
        for (int t : new int[] {tickLower, tickUpper}) {
            if (table.grossOf(t).add(liquidity).compareTo(maxLiquidityPerTick) > 0) {
                throw bad("liquidity at tick " + t + " would exceed the per-tick maximum " + maxLiquidityPerTick
                        + " for tickSpacing " + tickSpacing + " (LO)");
            }
        }
        changeLiquidity(tickLower, tickUpper, liquidity);
        positions.merge(rangeKey(tickLower, tickUpper), liquidity, BigInteger::add);
    }

    private void changeLiquidity(int tickLower, int tickUpper, BigInteger delta) {
        table.update(tickLower, delta, false);
        table.update(tickUpper, delta, true);
        if (exact != null) {
            exact.addPositionLiquidity(tickLower, tickUpper, delta);
        } else {
            fast.resync();
        }
    }

    private static long rangeKey(int tickLower, int tickUpper) {
        return ((long) tickLower << 32) | (tickUpper & 0xffffffffL);
    }

    /**
     * v3 {@code burn} of the share {@code fraction} of every position (liquidity floored to an integer), each
     * paying out the tokens that liquidity holds at the current price: below the range all token0, above it all
     * token1, inside it L·(√Pu − √P)/(√P·√Pu) of token0 and L·(√P − √Pl) of token1 (v3-core
     * {@code Position}/{@code SqrtPriceMath} amounts, computed here in doubles). In-range liquidity falls by the same
     * share, so depth near the price does too.
     */
    @Override
    public long version() {
        return version;
    }

    @Override
    public double[] withdrawLiquidity(double fraction) {
        version++;
        VenueChecks.requireWithdrawFraction(id, fraction);
        BigDecimal f = new BigDecimal(fraction);
        double sqrtP = currentSqrtPrice();
        double out0 = 0;
        double out1 = 0;
        for (Map.Entry<Long, BigInteger> e : positions.entrySet()) {
            int lower = (int) (e.getKey() >> 32);
            int upper = (int) (long) e.getKey();
            BigInteger burn = new BigDecimal(e.getValue()).multiply(f).toBigInteger();
            if (burn.signum() == 0) {
                continue;
            }
            changeLiquidity(lower, upper, burn.negate());
            e.setValue(e.getValue().subtract(burn));
            double l = burn.doubleValue();
            double sa = TickMath.getSqrtRatioAtTick(lower).doubleValue() / TWO_96;
            double sb = TickMath.getSqrtRatioAtTick(upper).doubleValue() / TWO_96;
            double s = Math.min(Math.max(sqrtP, sa), sb);
            out0 += l * (sb - s) / (s * sb);
            out1 += l * (s - sa);
        }
        return new double[] {out0 / scale0, out1 / scale1};
    }

    // ---- raw integer API (the contract's own units and signs) ----

    /** UniswapV3Pool.swap without changing the pool. EXACT mode only. */
    public SwapResult quoteRaw(boolean zeroForOne, BigInteger amountSpecified, BigInteger sqrtPriceLimitX96) {
        return runRaw(zeroForOne, amountSpecified, sqrtPriceLimitX96, false);
    }

    /**
     * UniswapV3Pool.swap: {@code amountSpecified} &gt; 0 is an exact input, &lt; 0 an exact output; the price stops at
     * {@code sqrtPriceLimitX96}, which must lie strictly between the current price and MIN_SQRT_RATIO (zeroForOne) or
     * MAX_SQRT_RATIO (SPL). EXACT mode only.
     */
    public SwapResult swapRaw(boolean zeroForOne, BigInteger amountSpecified, BigInteger sqrtPriceLimitX96) {
        return runRaw(zeroForOne, amountSpecified, sqrtPriceLimitX96, true);
    }

    /** The fast twin of {@link #quoteRaw}: amounts in integer units and the sqrt price as sqrt(token1/token0). */
    public FastSwapResult quoteRawFast(boolean zeroForOne, double amountSpecified, double sqrtPriceLimit) {
        return runRawFast(zeroForOne, amountSpecified, sqrtPriceLimit, false);
    }

    /** The fast twin of {@link #swapRaw}. FAST mode only. */
    public FastSwapResult swapRawFast(boolean zeroForOne, double amountSpecified, double sqrtPriceLimit) {
        return runRawFast(zeroForOne, amountSpecified, sqrtPriceLimit, true);
    }

    private SwapResult runRaw(boolean zeroForOne, BigInteger amountSpecified, BigInteger limit, boolean commit) {
        if (exact == null) {
            throw new IllegalStateException("venue " + id + ": the raw integer API needs MathMode.EXACT, pool is FAST");
        }
        if (amountSpecified == null || amountSpecified.signum() == 0) {
            throw bad("amountSpecified must be non-zero (AS)");
        }
        if (amountSpecified.compareTo(FullMath.MAX_INT256) > 0
                || amountSpecified.compareTo(MIN_INT256) < 0) {
            throw bad("amountSpecified must fit an int256, got " + amountSpecified);
        }
        if (limit == null || !limitValid(zeroForOne, limit, exact.sqrtPriceX96())) {
            throw bad("sqrtPriceLimitX96 " + limit + " must be " + (zeroForOne
                    ? "below the current price " + exact.sqrtPriceX96() + " and above MIN_SQRT_RATIO (SPL)"
                    : "above the current price " + exact.sqrtPriceX96() + " and below MAX_SQRT_RATIO (SPL)"));
        }
        return exact.swap(zeroForOne, amountSpecified, limit, commit);
    }

    private FastSwapResult runRawFast(boolean zeroForOne, double amountSpecified, double limit, boolean commit) {
        if (fast == null) {
            throw new IllegalStateException("venue " + id + ": the raw double API needs MathMode.FAST, pool is EXACT");
        }
        if (!Double.isFinite(amountSpecified) || amountSpecified == 0) {
            throw bad("amountSpecified must be finite and non-zero (AS), got " + amountSpecified);
        }
        if (!limitValidFast(zeroForOne, limit, fast.sqrtPrice())) {
            throw bad("sqrtPriceLimit " + limit + " must be " + (zeroForOne
                    ? "below the current price " + fast.sqrtPrice() + " and above the minimum (SPL)"
                    : "above the current price " + fast.sqrtPrice() + " and below the maximum (SPL)"));
        }
        return fast.swap(zeroForOne, amountSpecified, limit, commit);
    }

    private static boolean limitValid(boolean zeroForOne, BigInteger limit, BigInteger price) {
        return zeroForOne
                ? limit.compareTo(price) < 0 && limit.compareTo(TickMath.MIN_SQRT_RATIO) > 0
                : limit.compareTo(price) > 0 && limit.compareTo(TickMath.MAX_SQRT_RATIO) < 0;
    }

    /** As {@link #limitValid}, except that a double cannot tell MAX_SQRT_RATIO − 1 from MAX_SQRT_RATIO. */
    private static boolean limitValidFast(boolean zeroForOne, double limit, double price) {
        return zeroForOne
                ? limit < price && limit > MIN_SQRT_FAST
                : limit > price && limit <= MAX_SQRT_FAST;
    }

    // ---- Venue ----

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
        List<AssetId> known = assets;
        if (known == null) {
            known = List.of(asset0.id(), asset1.id());
            assets = known;
        }
        return known;
    }

    @Override
    public Quote trade(AssetId tokenIn, AssetId tokenOut, double amount, Exact fixed, boolean commit) {
        if (commit) {
            version++;
        }
        boolean exactIn = fixed == Exact.IN;
        boolean zeroForOne = zeroForOne(tokenIn, tokenOut);
        requireAmount(amount, exactIn ? "amountIn" : "amountOut");
        double spotBefore = spotFromSqrt(zeroForOne, currentSqrtPrice());
        Asset specified = exactIn == zeroForOne ? asset0 : asset1;
        if (exact != null) {
            BigInteger raw = exactIn ? TokenUnits.floor(amount, specified.decimals())
                    : TokenUnits.ceil(amount, specified.decimals());
            if (raw.compareTo(FullMath.MAX_INT256) > 0) {
                throw bad("amount " + amount + " of " + specified.id() + " exceeds an int256 in integer units");
            }
            SwapResult r = swapExact(zeroForOne, raw, exactIn, commit);
            if (r == null) {
                return new Quote(id, tokenIn, tokenOut, 0, 0, 0, spotBefore, spotBefore, raw.signum() == 0);
            }
            int decIn = (zeroForOne ? asset0 : asset1).decimals();
            int decOut = (zeroForOne ? asset1 : asset0).decimals();
            return new Quote(id, tokenIn, tokenOut, TokenUnits.toTokens(paid(zeroForOne, r), decIn),
                    TokenUnits.toTokens(received(zeroForOne, r), decOut), TokenUnits.toTokens(r.feeAmount(), decIn),
                    spotBefore, spotFromSqrt(zeroForOne, r.sqrtPriceX96().doubleValue() / TWO_96), r.complete());
        }
        double scaled = amount * (specified == asset0 ? scale0 : scale1);
        double raw = exactIn ? Math.floor(scaled) : Math.ceil(scaled);
        double limit = zeroForOne ? MIN_LIMIT_FAST : MAX_LIMIT_FAST;
        if (raw == 0 || !limitValidFast(zeroForOne, limit, fast.sqrtPrice())) {
            return new Quote(id, tokenIn, tokenOut, 0, 0, 0, spotBefore, spotBefore, raw == 0);
        }
        FastSwapResult r = fast.swap(zeroForOne, exactIn ? raw : -raw, limit, commit);
        double inScale = zeroForOne ? scale0 : scale1;
        double outScale = zeroForOne ? scale1 : scale0;
        double paid = zeroForOne ? r.amount0() : r.amount1();
        double received = -(zeroForOne ? r.amount1() : r.amount0());
        return new Quote(id, tokenIn, tokenOut, paid / inScale, received / outScale, r.feeAmount() / inScale,
                spotBefore, spotFromSqrt(zeroForOne, r.sqrtPrice()), r.complete());
    }

    /**
     * The exact swap behind both the double-amount methods and the integer quotes: {@code UniswapV3Pool.swap} of
     * {@code raw} integer units (exact input, or exact output) at the widest price limit. Null when there is nothing
     * to swap: a zero amount, or a pool already at the edge of the price range in this direction.
     */
    private SwapResult swapExact(boolean zeroForOne, BigInteger raw, boolean exactIn, boolean commit) {
        BigInteger limit = zeroForOne ? MIN_LIMIT : MAX_LIMIT;
        if (raw.signum() == 0 || !limitValid(zeroForOne, limit, exact.sqrtPriceX96())) {
            return null;
        }
        return exact.swap(zeroForOne, exactIn ? raw : raw.negate(), limit, commit);
    }

    /** What the trader pays: the pool's (positive) balance change in the input token. */
    private static BigInteger paid(boolean zeroForOne, SwapResult r) {
        return zeroForOne ? r.amount0() : r.amount1();
    }

    /** What the trader receives: the negated balance change in the output token. */
    private static BigInteger received(boolean zeroForOne, SwapResult r) {
        return (zeroForOne ? r.amount1() : r.amount0()).negate();
    }

    // ---- IntegerQuoting ----

    @Override
    public int decimals(AssetId token) {
        if (asset0.id().equals(token)) {
            return asset0.decimals();
        }
        if (asset1.id().equals(token)) {
            return asset1.decimals();
        }
        throw bad("does not trade asset " + token + "; it trades " + asset0.id() + " and " + asset1.id());
    }

    /** EXACT mode only: a FAST venue keeps no integer state to quote from. */
    @Override
    public UnitQuote quoteUnits(AssetId tokenIn, AssetId tokenOut, BigInteger amount, Exact fixed) {
        boolean exactIn = fixed == Exact.IN;
        boolean zeroForOne = zeroForOne(tokenIn, tokenOut);
        String name = exactIn ? "amountIn" : "amountOut";
        VenueChecks.requireUnits(id, name, amount);
        if (amount.compareTo(FullMath.MAX_INT256) > 0) {
            throw bad(name + " must fit an int256 (the contract's amountSpecified), got " + amount);
        }
        VenueChecks.requireExactForUnits(id, mode);
        int decIn = (zeroForOne ? asset0 : asset1).decimals();
        int decOut = (zeroForOne ? asset1 : asset0).decimals();
        SwapResult r = swapExact(zeroForOne, amount, exactIn, false);
        if (r == null) {
            return UnitQuote.empty(id, tokenIn, tokenOut, tokenIn, amount.signum() == 0, decIn, decOut);
        }
        return new UnitQuote(id, tokenIn, tokenOut, paid(zeroForOne, r), received(zeroForOne, r), r.feeAmount(),
                tokenIn, r.complete(), decIn, decOut);
    }

    @Override
    public double spotPrice(AssetId base, AssetId quote) {
        return spotFromSqrt(zeroForOne(base, quote), currentSqrtPrice());
    }

    /**
     * Spot less the fee where a vanishing trade meets liquidity at the current price; where it meets none, it first
     * moves the price (for free) to the next tick that brings liquidity in, so the rate is the one there; 0 when no
     * liquidity remains in this direction. A price standing exactly on an initialized tick meets the range below that
     * tick when it falls (selling token0) and the range above when it rises: the contract's swap starts by crossing
     * the tick it stands on (UniswapV3Pool.swap: the next initialized tick at or below the current one, a step of no
     * amount to it, then the cross), so the range above, though counted as in force, sells no token0.
     */
    @Override
    public double marginalRate(AssetId tokenIn, AssetId tokenOut) {
        boolean zeroForOne = zeroForOne(tokenIn, tokenOut);
        double keep = 1 - feePips / 1e6;
        int cursor = table.countAtOrBelow(tick());
        if (zeroForOne && cursor > 0 && !priceAbove(cursor - 1)) {
            // On tick cursor − 1 itself: the gap met going down is the one below it.
            cursor--;
        }
        if (table.activeLiquidityBelow(cursor) > 0) {
            return spotFromSqrt(zeroForOne, currentSqrtPrice()) * keep;
        }
        if (zeroForOne) {
            for (int i = cursor - 1; i >= 0; i--) {
                if (table.activeLiquidityBelow(i) > 0) {
                    return spotFromSqrt(true, table.sqrtAt(i)) * keep;
                }
            }
        } else {
            for (int i = cursor; i < table.size(); i++) {
                if (table.activeLiquidityBelow(i + 1) > 0) {
                    return spotFromSqrt(false, table.sqrtAt(i)) * keep;
                }
            }
        }
        return 0;
    }

    /**
     * The rate of the first liquidity a sale meets, less the fee; 0 when it meets none. {@link #inputAtMarginalRate}
     * sells down to the target price (the rate over 1 − fee) and takes input only where liquidity lies between the
     * spot and that target: nothing once the target is at or above the price where the first range with liquidity in
     * the sale's direction begins (the spot itself when that range holds the spot). A range is met only below the
     * spot when selling token0 (the price falls) and above it when selling token1: a pool standing exactly on the
     * lower tick of its last range, with that range counted as in force, sells no further token0 (as
     * {@link #marginalRate} says too). When that liquidity lies more
     * than five orders of magnitude of price away, the rate returned is the spot's times 1e-5 instead: for targets so
     * far from the spot, {@link #inputAtMarginalRate}'s price move {@code 1 − target/spot} rounds towards 1 (at
     * 2^-53 of the spot it is 1, all the liquidity there is), and only from 1e-5 on is its rounding far under the
     * 1e-9 margin a caller keeps.
     */
    @Override
    public double rateSellingNothing(AssetId tokenIn, AssetId tokenOut) {
        boolean zeroForOne = zeroForOne(tokenIn, tokenOut);
        double keep = 1 - feePips / 1e6;
        int n = table.size();
        double current = currentSqrtPrice();
        double floor = spotFromSqrt(zeroForOne, current) * keep * FAR_FROM_SPOT;
        if (zeroForOne) {
            // Gap g lies between ticks g - 1 and g; it is met going down when its lower end is below the price.
            for (int g = n; g >= 0; g--) {
                if ((g == 0 || priceAbove(g - 1)) && table.activeLiquidityBelow(g) > 0) {
                    double top = g == n ? current : Math.min(current, table.sqrtAt(g));
                    return Math.max(spotFromSqrt(true, top) * keep, floor);
                }
            }
            return 0;
        }
        for (int g = 0; g <= n; g++) {
            if ((g == n || !priceAtOrAbove(g)) && table.activeLiquidityBelow(g) > 0) {
                double bottom = g == 0 ? current : Math.max(current, table.sqrtAt(g - 1));
                return Math.max(spotFromSqrt(false, bottom) * keep, floor);
            }
        }
        return 0;
    }

    /** The least target-to-spot ratio {@link #rateSellingNothing} answers for exactly (see there). */
    private static final double FAR_FROM_SPOT = 1e-5;

    /** Whether the pool's price is strictly above the price of initialized tick {@code index} (exact in either mode). */
    private boolean priceAbove(int index) {
        return exact != null ? exact.sqrtPriceX96().compareTo(table.sqrtX96At(index)) > 0
                : fast.sqrtPrice() > table.sqrtAt(index);
    }

    /** Whether the pool's price is at or above the price of initialized tick {@code index}. */
    private boolean priceAtOrAbove(int index) {
        return exact != null ? exact.sqrtPriceX96().compareTo(table.sqrtX96At(index)) >= 0
                : fast.sqrtPrice() >= table.sqrtAt(index);
    }

    /** A swap to the price where the next unit returns the rate: {@link #inputAtMarginalRate}. */
    @Override
    public boolean exactMarginalInput() {
        return true;
    }

    /**
     * The input of a sale limited at the price where a further unit returns {@code rate}: the fee comes off the input
     * and leaves the liquidity alone, so that price is the rate over (1 − fee), reached by {@link #depth} from the
     * current price — which may sit in a gap with no liquidity, where the marginal rate the pool quotes is the next
     * range's and not the spot's.
     */
    @Override
    public double inputAtMarginalRate(AssetId tokenIn, AssetId tokenOut, double rate) {
        VenueChecks.requireRate(id, rate);
        double target = rate / (1 - feePips / 1e6);
        double spot = spotPrice(tokenIn, tokenOut);
        return target < spot ? depth(tokenIn, tokenOut, 1 - target / spot) : 0;
    }

    /**
     * The input (fee included) of an exact-input swap limited at the price {@code priceMoveFraction} away: spot of
     * tokenIn in tokenOut times (1 − fraction). With fraction 1, or where liquidity ends first, it is all the
     * liquidity there is in that direction.
     */
    @Override
    public double depth(AssetId tokenIn, AssetId tokenOut, double priceMoveFraction) {
        boolean zeroForOne = zeroForOne(tokenIn, tokenOut);
        if (!(priceMoveFraction >= 0 && priceMoveFraction <= 1)) {
            throw bad("priceMoveFraction must be in [0, 1], got " + priceMoveFraction);
        }
        if (priceMoveFraction == 0) {
            return 0;
        }
        double current = currentSqrtPrice();
        double keep = Math.sqrt(1 - priceMoveFraction);
        double target = zeroForOne ? current * keep : current / keep;
        double inScale = zeroForOne ? scale0 : scale1;
        if (exact != null) {
            BigInteger limit = Double.isFinite(target) && target > 0
                    ? new BigDecimal(target * TWO_96).toBigInteger()
                    : zeroForOne ? MIN_LIMIT : MAX_LIMIT;
            limit = limit.max(MIN_LIMIT).min(MAX_LIMIT);
            if (!limitValid(zeroForOne, limit, exact.sqrtPriceX96())) {
                return 0;
            }
            SwapResult r = exact.swap(zeroForOne, FullMath.MAX_INT256, limit, false);
            return (zeroForOne ? r.amount0() : r.amount1()).doubleValue() / inScale;
        }
        double limit = Math.max(MIN_LIMIT_FAST, Math.min(MAX_LIMIT_FAST, target));
        if (!limitValidFast(zeroForOne, limit, fast.sqrtPrice())) {
            return 0;
        }
        FastSwapResult r = fast.swap(zeroForOne, UNBOUNDED_FAST, limit, false);
        return (zeroForOne ? r.amount0() : r.amount1()) / inScale;
    }

    /**
     * Base absorbed or supplied per band, from the positions: over a band of sqrt prices [a, b] the pool holds
     * L·(1/a − 1/b) of token0 and L·(b − a) of token1 for the liquidity L in range there (whitepaper eq. 6.14, 6.16),
     * summed over the gaps between initialized ticks. {@code rangeFraction} must be in (0, 1]; bands are listed from
     * the lowest price up.
     */
    @Override
    public LiquidityProfile liquidityProfile(AssetId base, AssetId quote, int buckets, double rangeFraction) {
        boolean baseIsToken0 = zeroForOne(base, quote);
        if (buckets < 1) {
            throw bad("buckets must be >= 1, got " + buckets);
        }
        if (!(rangeFraction > 0 && rangeFraction <= 1)) {
            throw bad("rangeFraction must be in (0, 1], got " + rangeFraction);
        }
        double spot = spotPrice(base, quote);
        List<LiquidityProfile.Band> bands = new ArrayList<>(2 * buckets);
        for (int k = buckets - 1; k >= 0; k--) {
            double lo = spot * (1 - rangeFraction * (k + 1) / buckets);
            double hi = spot * (1 - rangeFraction * k / buckets);
            bands.add(new LiquidityProfile.Band(lo, hi, baseBetween(baseIsToken0, lo, hi)));
        }
        for (int k = 0; k < buckets; k++) {
            double lo = spot * (1 + rangeFraction * k / buckets);
            double hi = spot * (1 + rangeFraction * (k + 1) / buckets);
            bands.add(new LiquidityProfile.Band(lo, hi, baseBetween(baseIsToken0, lo, hi)));
        }
        return new LiquidityProfile(base, quote, spot, bands);
    }

    @Override
    public ConcentratedLiquidityPool copy() {
        return new ConcentratedLiquidityPool(this);
    }

    // ---- state accessors ----

    public MathMode mode() {
        return mode;
    }

    public int feePips() {
        return feePips;
    }

    public int tickSpacing() {
        return tickSpacing;
    }

    /** The current tick as the contract keeps it (after crossing down onto a tick's price it is one below). */
    public int tick() {
        return exact != null ? exact.tick() : fast.tick();
    }

    /** The current sqrt price as sqrt(token1/token0) in integer units, either mode. */
    public double sqrtPrice() {
        return currentSqrtPrice();
    }

    /** In-range liquidity as a double, either mode. */
    public double liquidityApprox() {
        return exact != null ? exact.liquidity().doubleValue() : fast.liquidity();
    }

    /** slot0.sqrtPriceX96. EXACT mode only. */
    public BigInteger sqrtPriceX96() {
        return requireExact().sqrtPriceX96();
    }

    /** The in-range liquidity. EXACT mode only. */
    public BigInteger liquidity() {
        return requireExact().liquidity();
    }

    public BigInteger feeGrowthGlobal0X128() {
        return requireExact().feeGrowthGlobal0X128();
    }

    public BigInteger feeGrowthGlobal1X128() {
        return requireExact().feeGrowthGlobal1X128();
    }

    /** The initialized ticks, lowest first. */
    public List<TickInfo> initializedTicks() {
        return table.ticks();
    }

    // ---- helpers ----

    private ExactPoolState requireExact() {
        if (exact == null) {
            throw new IllegalStateException("venue " + id + ": integer state needs MathMode.EXACT, pool is FAST");
        }
        return exact;
    }

    private double currentSqrtPrice() {
        return exact != null ? exact.sqrtPriceX96().doubleValue() / TWO_96 : fast.sqrtPrice();
    }

    /** Spot of tokenIn in tokenOut (token units) at sqrt price {@code sqrt} of token1/token0 in integer units. */
    private double spotFromSqrt(boolean token0IsBase, double sqrt) {
        double price01 = sqrt * sqrt * scale0 / scale1;
        return token0IsBase ? price01 : 1 / price01;
    }

    /** True for token0 → token1; rejects pairs this pool does not trade. */
    private boolean zeroForOne(AssetId tokenIn, AssetId tokenOut) {
        AssetId t0 = asset0.id();
        AssetId t1 = asset1.id();
        if (t0.equals(tokenIn) && t1.equals(tokenOut)) {
            return true;
        }
        if (t1.equals(tokenIn) && t0.equals(tokenOut)) {
            return false;
        }
        throw bad("does not trade " + tokenIn + " for " + tokenOut + "; it trades " + t0 + " and " + t1);
    }

    private void requireAmount(double amount, String name) {
        if (!Double.isFinite(amount) || amount < 0) {
            throw bad(name + " must be a finite non-negative number, got " + amount);
        }
    }

    private double baseBetween(boolean baseIsToken0, double lo, double hi) {
        double toRaw = scale1 / scale0;
        double sqrtA;
        double sqrtB;
        if (baseIsToken0) {
            sqrtA = Math.sqrt(Math.max(lo, 0) * toRaw);
            sqrtB = Math.sqrt(hi * toRaw);
        } else {
            sqrtA = Math.sqrt(toRaw / hi);
            sqrtB = lo > 0 ? Math.sqrt(toRaw / lo) : MAX_SQRT_FAST;
        }
        sqrtA = Math.max(sqrtA, MIN_SQRT_FAST);
        sqrtB = Math.min(sqrtB, MAX_SQRT_FAST);
        double total = 0;
        for (int gap = 0; gap <= table.size() && sqrtA < sqrtB; gap++) {
            double liq = table.activeLiquidityBelow(gap);
            double gapLo = gap == 0 ? MIN_SQRT_FAST : table.sqrtAt(gap - 1);
            double gapHi = gap == table.size() ? MAX_SQRT_FAST : table.sqrtAt(gap);
            double a = Math.max(sqrtA, gapLo);
            double b = Math.min(sqrtB, gapHi);
            if (liq > 0 && a < b) {
                total += baseIsToken0 ? liq * (b - a) / (a * b) : liq * (b - a);
            }
        }
        return total / (baseIsToken0 ? scale0 : scale1);
    }

    private IllegalArgumentException bad(String rule) {
        return new IllegalArgumentException("venue " + id + ": " + rule);
    }
}
