package dev.fracture.market;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * A Uniswap v2 style constant-product pair, x·y = k with the fee taken from the input.
 *
 * <p>Sources: the Uniswap v2 whitepaper (Adams, Zinsmeister, Robinson, 2020, section 3.2.1), and the contracts
 * in Uniswap/v2-core and Uniswap/v2-periphery: {@code UniswapV2Library.getAmountOut} / {@code getAmountIn} for
 * the integer quotes and {@code UniswapV2Pair.swap} for the checks a swap must pass (the K invariant on
 * fee-adjusted balances). The v2 fee 997/1000 is generalized to (10^6 − feePips)/10^6; for feePips = 3000 every
 * result is identical to the contract's, because the two fractions are equal before flooring.
 *
 * <p>{@link MathMode#EXACT} keeps the reserves in integer units and reproduces the contracts to the unit:
 * exact-in floors the requested input to integer units, exact-out rounds the requested output <em>up</em> to
 * integer units (the trader never receives less than asked) and pays {@code getAmountIn}'s input, which itself
 * rounds up by one unit. {@link MathMode#FAST} keeps the reserves as doubles in token units and evaluates the
 * same formulas without rounding; it agrees with the exact mode to within 1e-12 relative plus the exact mode's
 * rounding of one integer unit.
 *
 * <p>A trade the pair would revert is not filled: an output of zero units (INSUFFICIENT_OUTPUT_AMOUNT), an
 * output at or above the reserve (INSUFFICIENT_LIQUIDITY) or, in exact mode, a reserve above 2^112 − 1
 * (OVERFLOW). Such a quote fills nothing and is {@code complete == false} unless nothing was asked.
 *
 * <p>{@link IntegerQuoting}: in EXACT mode {@link #quoteExactInUnits} and {@link #quoteExactOutUnits} take and return
 * integer units with no double on the way; the double-amount methods convert and run the same integer code. The fee
 * they report is {@code amountIn·feePips/10^6} floored to whole units (the pair never computes it; it stays in the
 * reserve). A FAST pool keeps no integer reserves and refuses integer quotes.
 */
public final class ConstantProductPool implements Venue, IntegerQuoting {
    /** The venue's two assets, made once: the router and arbitrage ask for them in every block. */
    private List<AssetId> assets;

    /** Committed trades and withdrawals so far ({@link Venue#version()}). */
    private long version;

    private static final int PIPS = 1_000_000;
    private static final BigInteger PIPS_BIG = BigInteger.valueOf(PIPS);
    private static final BigInteger PIPS_SQUARED = PIPS_BIG.multiply(PIPS_BIG);
    private static final BigInteger UINT112_MAX = BigInteger.ONE.shiftLeft(112).subtract(BigInteger.ONE);

    private final VenueId id;
    private final ChainId chain;
    private final AssetId token0;
    private final AssetId token1;
    private final int decimals0;
    private final int decimals1;
    private final int feePips;
    private final MathMode mode;
    private final double feeMultiplier;
    /** Integer reserves; the truth in EXACT mode, null in FAST mode. */
    private BigInteger units0;
    private BigInteger units1;
    /** Reserves in token units; the truth in FAST mode, derived from the integer reserves in EXACT mode. */
    private double reserve0;
    private double reserve1;

    private ConstantProductPool(VenueId id, ChainId chain, AssetId token0, AssetId token1, int decimals0,
                                int decimals1, int feePips, MathMode mode, BigInteger units0, BigInteger units1,
                                double reserve0, double reserve1) {
        this.id = id;
        this.chain = chain;
        this.token0 = token0;
        this.token1 = token1;
        this.decimals0 = decimals0;
        this.decimals1 = decimals1;
        this.feePips = feePips;
        this.mode = mode;
        this.feeMultiplier = (PIPS - feePips) / (double) PIPS;
        this.units0 = units0;
        this.units1 = units1;
        this.reserve0 = reserve0;
        this.reserve1 = reserve1;
    }

    /**
     * A pool in the state {@code spec} describes. {@code token0} and {@code token1} supply the decimals and must be
     * the spec's tokens, in its order.
     */
    public static ConstantProductPool of(VenueSpec.ConstantProduct spec, Asset token0, Asset token1, MathMode mode) {
        VenueId id = spec.id();
        if (!spec.token0().equals(token0.id()) || !spec.token1().equals(token1.id())) {
            throw VenueChecks.fail(id, "assets must be token0 " + spec.token0() + " and token1 " + spec.token1()
                    + " in that order, got " + token0.id() + " and " + token1.id());
        }
        VenueChecks.requireFeePips(id, "feePips", spec.feePips());
        if (spec.reserve0() == null || spec.reserve1() == null || spec.reserve0().signum() <= 0
                || spec.reserve1().signum() <= 0) {
            throw VenueChecks.fail(id, "reserves must be positive (UniswapV2Library: INSUFFICIENT_LIQUIDITY), got "
                    + spec.reserve0() + " and " + spec.reserve1());
        }
        BigInteger u0 = units(id, "reserve0", spec.reserve0(), token0);
        BigInteger u1 = units(id, "reserve1", spec.reserve1(), token1);
        double r0 = TokenUnits.toTokens(u0, token0.decimals());
        double r1 = TokenUnits.toTokens(u1, token1.decimals());
        boolean exact = mode == MathMode.EXACT;
        return new ConstantProductPool(id, spec.chain(), token0.id(), token1.id(), token0.decimals(),
                token1.decimals(), spec.feePips(), mode, exact ? u0 : null, exact ? u1 : null, r0, r1);
    }

    private static BigInteger units(VenueId id, String name, BigDecimal amount, Asset token) {
        BigInteger u;
        try {
            u = TokenUnits.exact(amount, token.decimals());
        } catch (IllegalArgumentException e) {
            throw VenueChecks.fail(id, name + " " + e.getMessage() + " (token " + token.id() + ")");
        }
        if (u.signum() <= 0 || u.compareTo(UINT112_MAX) > 0) {
            throw VenueChecks.fail(id, name + " must be between 1 unit and 2^112 - 1 units (UniswapV2: OVERFLOW), got "
                    + u + " units");
        }
        return u;
    }

    // ---------------------------------------------------------------- the contract's integer formulas

    /**
     * {@code UniswapV2Library.getAmountOut} with a fee in pips: {@code amountIn·(10^6−fee)·reserveOut /
     * (reserveIn·10^6 + amountIn·(10^6−fee))}, floored.
     *
     * @throws IllegalArgumentException with the library's message for a zero input or an empty reserve
     */
    public static BigInteger getAmountOut(BigInteger amountIn, BigInteger reserveIn, BigInteger reserveOut,
                                          int feePips) {
        requireFormulaFee(feePips);
        if (amountIn.signum() <= 0) {
            throw new IllegalArgumentException("UniswapV2Library: INSUFFICIENT_INPUT_AMOUNT, got " + amountIn);
        }
        if (reserveIn.signum() <= 0 || reserveOut.signum() <= 0) {
            throw new IllegalArgumentException("UniswapV2Library: INSUFFICIENT_LIQUIDITY, reserves " + reserveIn
                    + " and " + reserveOut);
        }
        BigInteger amountInWithFee = amountIn.multiply(BigInteger.valueOf(PIPS - feePips));
        BigInteger numerator = amountInWithFee.multiply(reserveOut);
        BigInteger denominator = reserveIn.multiply(PIPS_BIG).add(amountInWithFee);
        return numerator.divide(denominator);
    }

    /**
     * {@code UniswapV2Library.getAmountIn} with a fee in pips: {@code reserveIn·amountOut·10^6 /
     * ((reserveOut−amountOut)·(10^6−fee)) + 1}. The added unit makes the pair's K check pass despite the floor.
     *
     * @throws IllegalArgumentException for a zero output, an empty reserve, or an output at or above the reserve
     *                                  (the pair's INSUFFICIENT_LIQUIDITY)
     */
    public static BigInteger getAmountIn(BigInteger amountOut, BigInteger reserveIn, BigInteger reserveOut,
                                         int feePips) {
        requireFormulaFee(feePips);
        if (amountOut.signum() <= 0) {
            throw new IllegalArgumentException("UniswapV2Library: INSUFFICIENT_OUTPUT_AMOUNT, got " + amountOut);
        }
        if (reserveIn.signum() <= 0 || reserveOut.signum() <= 0) {
            throw new IllegalArgumentException("UniswapV2Library: INSUFFICIENT_LIQUIDITY, reserves " + reserveIn
                    + " and " + reserveOut);
        }
        if (amountOut.compareTo(reserveOut) >= 0) {
            throw new IllegalArgumentException("UniswapV2: INSUFFICIENT_LIQUIDITY, amountOut " + amountOut
                    + " >= reserveOut " + reserveOut);
        }
        BigInteger numerator = reserveIn.multiply(amountOut).multiply(PIPS_BIG);
        BigInteger denominator = reserveOut.subtract(amountOut).multiply(BigInteger.valueOf(PIPS - feePips));
        return numerator.divide(denominator).add(BigInteger.ONE);
    }

    /**
     * The checks of {@code UniswapV2Pair.swap} for tokens already transferred in ({@code amount0In},
     * {@code amount1In}) and outputs requested ({@code amount0Out}, {@code amount1Out}): some output, outputs
     * below the reserves, some input, and the K invariant on fee-adjusted balances
     * {@code (balance·10^6 − amountIn·fee)} — for fee 3000 the contract's {@code balance·1000 − amountIn·3}
     * scaled by 1000 on both sides.
     *
     * @throws IllegalArgumentException with the pair's revert message when a check fails
     */
    public static void verifyPairSwap(BigInteger reserve0, BigInteger reserve1, BigInteger amount0In,
                                      BigInteger amount1In, BigInteger amount0Out, BigInteger amount1Out,
                                      int feePips) {
        requireFormulaFee(feePips);
        if (amount0Out.signum() <= 0 && amount1Out.signum() <= 0) {
            throw new IllegalArgumentException("UniswapV2: INSUFFICIENT_OUTPUT_AMOUNT");
        }
        if (amount0Out.compareTo(reserve0) >= 0 || amount1Out.compareTo(reserve1) >= 0) {
            throw new IllegalArgumentException("UniswapV2: INSUFFICIENT_LIQUIDITY");
        }
        BigInteger balance0 = reserve0.add(amount0In).subtract(amount0Out);
        BigInteger balance1 = reserve1.add(amount1In).subtract(amount1Out);
        if (amount0In.signum() <= 0 && amount1In.signum() <= 0) {
            throw new IllegalArgumentException("UniswapV2: INSUFFICIENT_INPUT_AMOUNT");
        }
        BigInteger fee = BigInteger.valueOf(feePips);
        BigInteger adjusted0 = balance0.multiply(PIPS_BIG).subtract(amount0In.multiply(fee));
        BigInteger adjusted1 = balance1.multiply(PIPS_BIG).subtract(amount1In.multiply(fee));
        if (adjusted0.multiply(adjusted1).compareTo(reserve0.multiply(reserve1).multiply(PIPS_SQUARED)) < 0) {
            throw new IllegalArgumentException("UniswapV2: K");
        }
    }

    private static void requireFormulaFee(int feePips) {
        if (feePips < 0 || feePips >= PIPS) {
            throw new IllegalArgumentException("feePips must be in [0, 1000000), got " + feePips);
        }
    }

    // ---------------------------------------------------------------- Venue

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
            known = List.of(token0, token1);
            assets = known;
        }
        return known;
    }

    public MathMode mode() {
        return mode;
    }

    public int feePips() {
        return feePips;
    }

    /** Reserve of {@code token} in token units. */
    public double reserve(AssetId token) {
        return index(token) == 0 ? reserve0 : reserve1;
    }

    /** Reserve of {@code token} in integer units; only an EXACT pool keeps them. */
    public BigInteger reserveUnits(AssetId token) {
        if (mode != MathMode.EXACT) {
            throw new IllegalStateException("venue " + id + ": a FAST pool keeps no integer reserves");
        }
        return index(token) == 0 ? units0 : units1;
    }

    @Override
    public Quote trade(AssetId tokenIn, AssetId tokenOut, double amount, Exact fixed, boolean apply) {
        if (apply) {
            version++;
        }
        boolean exactIn = fixed == Exact.IN;
        boolean zeroForOne = direction(tokenIn, tokenOut);
        VenueChecks.requireAmount(id, exactIn ? "amountIn" : "amountOut", amount);
        return mode == MathMode.EXACT
                ? tradeExact(tokenIn, tokenOut, zeroForOne, amount, exactIn, apply)
                : tradeFast(tokenIn, tokenOut, zeroForOne, amount, exactIn, apply);
    }

    /**
     * The exact double-amount trade: the amount converts to integer units with {@link TokenUnits} (exact-in floors,
     * exact-out rounds up) and then runs through {@link #fillExact}, the same code as the integer quotes.
     */
    private Quote tradeExact(AssetId tokenIn, AssetId tokenOut, boolean zeroForOne, double amount, boolean exactIn,
                             boolean apply) {
        BigInteger rIn = zeroForOne ? units0 : units1;
        BigInteger rOut = zeroForOne ? units1 : units0;
        int decIn = zeroForOne ? decimals0 : decimals1;
        int decOut = zeroForOne ? decimals1 : decimals0;
        double spotBefore = spot(zeroForOne, reserve0, reserve1);
        BigInteger requested = exactIn ? TokenUnits.floor(amount, decIn) : TokenUnits.ceil(amount, decOut);
        if (requested.signum() == 0) {
            // Only a zero request is complete: a positive input below one unit is an input the pair never sees.
            return unfilled(tokenIn, tokenOut, spotBefore, amount == 0);
        }
        Fill fill = fillExact(zeroForOne, requested, exactIn);
        if (!fill.complete()) {
            return unfilled(tokenIn, tokenOut, spotBefore, false);
        }
        BigInteger in = fill.in();
        BigInteger out = fill.out();
        BigInteger newIn = rIn.add(in);
        BigInteger newOut = rOut.subtract(out);
        double newIn0 = TokenUnits.toTokens(newIn, decIn);
        double newOut0 = TokenUnits.toTokens(newOut, decOut);
        double spotAfter = newOut0 / newIn0;
        if (apply) {
            try {
                verifyPairSwap(rIn, rOut, in, BigInteger.ZERO, BigInteger.ZERO, out, feePips);
            } catch (IllegalArgumentException e) {
                throw new IllegalStateException("venue " + id + ": swap broke the pair's checks: " + e.getMessage(), e);
            }
            if (zeroForOne) {
                units0 = newIn;
                units1 = newOut;
                reserve0 = newIn0;
                reserve1 = newOut0;
            } else {
                units1 = newIn;
                units0 = newOut;
                reserve1 = newIn0;
                reserve0 = newOut0;
            }
        }
        return new Quote(id, tokenIn, tokenOut, TokenUnits.toTokens(in, decIn), TokenUnits.toTokens(out, decOut),
                TokenUnits.toTokens(fill.fee(), decIn), spotBefore, spotAfter, true);
    }

    /**
     * The pair's integer trade without changing the pool: {@code getAmountOut} for an exact input, {@code getAmountIn}
     * for an exact output, and the reverts of {@code UniswapV2Pair.swap} (no output, output at or above the reserve,
     * a reserve above uint112) as an empty, incomplete fill. A zero amount is an empty, complete fill.
     */
    private Fill fillExact(boolean zeroForOne, BigInteger amount, boolean exactIn) {
        if (amount.signum() == 0) {
            return Fill.NONE_ASKED;
        }
        BigInteger rIn = zeroForOne ? units0 : units1;
        BigInteger rOut = zeroForOne ? units1 : units0;
        BigInteger in;
        BigInteger out;
        if (exactIn) {
            in = amount;
            out = getAmountOut(in, rIn, rOut, feePips);
            if (out.signum() == 0) {
                return Fill.REVERTED;
            }
        } else {
            out = amount;
            if (out.compareTo(rOut) >= 0) {
                return Fill.REVERTED;
            }
            in = getAmountIn(out, rIn, rOut, feePips);
        }
        if (rIn.add(in).compareTo(UINT112_MAX) > 0) {
            return Fill.REVERTED;
        }
        // The pair never computes its fee; it is in·fee/10^6 of the input, floored here to whole units.
        BigInteger fee = in.multiply(BigInteger.valueOf(feePips)).divide(PIPS_BIG);
        return new Fill(in, out, fee, true);
    }

    /** An integer fill of the pair: input taken, output paid, fee (in the input token), and whether it filled. */
    private record Fill(BigInteger in, BigInteger out, BigInteger fee, boolean complete) {
        static final Fill NONE_ASKED = new Fill(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, true);
        static final Fill REVERTED = new Fill(BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, false);
    }

    // ---------------------------------------------------------------- IntegerQuoting

    @Override
    public int decimals(AssetId token) {
        return index(token) == 0 ? decimals0 : decimals1;
    }

    /** EXACT mode only: a FAST venue keeps no integer state to quote from. */
    @Override
    public UnitQuote quoteUnits(AssetId tokenIn, AssetId tokenOut, BigInteger amount, Exact fixed) {
        boolean exactIn = fixed == Exact.IN;
        boolean zeroForOne = direction(tokenIn, tokenOut);
        VenueChecks.requireUnits(id, exactIn ? "amountIn" : "amountOut", amount);
        VenueChecks.requireExactForUnits(id, mode);
        Fill fill = fillExact(zeroForOne, amount, exactIn);
        return new UnitQuote(id, tokenIn, tokenOut, fill.in(), fill.out(), fill.fee(), tokenIn, fill.complete(),
                decimals(tokenIn), decimals(tokenOut));
    }

    /**
     * A FAST pool's exact-input output for {@code amountIn}, the bits of {@code quoteExactIn(...).amountOut()} in
     * direction {@code zeroForOne} (such a quote is always complete), without the quote: a router splitting an order
     * asks a pool for dozens of amounts per order, and reads only that number.
     */
    double fastOutExactIn(boolean zeroForOne, double amountIn) {
        VenueChecks.requireAmount(id, "amountIn", amountIn);
        if (amountIn == 0) {
            return 0;
        }
        return zeroForOne ? outputFor(reserve0, reserve1, amountIn * feeMultiplier)
                : outputFor(reserve1, reserve0, amountIn * feeMultiplier);
    }

    /** The constant-product output for an input of {@code inWithFee} after the fee: {@code getAmountOut}. */
    private static double outputFor(double rIn, double rOut, double inWithFee) {
        return inWithFee * rOut / (rIn + inWithFee);
    }

    private Quote tradeFast(AssetId tokenIn, AssetId tokenOut, boolean zeroForOne, double amount, boolean exactIn,
                            boolean apply) {
        double rIn = zeroForOne ? reserve0 : reserve1;
        double rOut = zeroForOne ? reserve1 : reserve0;
        double spotBefore = rOut / rIn;
        if (amount == 0) {
            return unfilled(tokenIn, tokenOut, spotBefore, true);
        }
        double in;
        double out;
        if (exactIn) {
            in = amount;
            out = outputFor(rIn, rOut, in * feeMultiplier);
        } else {
            if (amount >= rOut) {
                return unfilled(tokenIn, tokenOut, spotBefore, false);
            }
            out = amount;
            in = rIn * out / ((rOut - out) * feeMultiplier);
        }
        double newIn = rIn + in;
        double newOut = rOut - out;
        if (apply) {
            if (zeroForOne) {
                reserve0 = newIn;
                reserve1 = newOut;
            } else {
                reserve1 = newIn;
                reserve0 = newOut;
            }
        }
        return new Quote(id, tokenIn, tokenOut, in, out, in * feePips / PIPS, spotBefore, newOut / newIn, true);
    }

    private Quote unfilled(AssetId tokenIn, AssetId tokenOut, double spot, boolean complete) {
        return new Quote(id, tokenIn, tokenOut, 0, 0, 0, spot, spot, complete);
    }

    @Override
    public double spotPrice(AssetId base, AssetId quote) {
        return spot(direction(base, quote), reserve0, reserve1);
    }

    private static double spot(boolean zeroForOne, double r0, double r1) {
        return zeroForOne ? r1 / r0 : r0 / r1;
    }

    @Override
    public double marginalRate(AssetId tokenIn, AssetId tokenOut) {
        return spotPrice(tokenIn, tokenOut) * feeMultiplier;
    }

    /**
     * Closed form: selling Δ (fee included, the fee staying in the pool as the pair keeps it) moves the spot
     * price to R_out·R_in / ((R_in + γΔ)(R_in + Δ)), γ = 1 − fee; setting that to (1 − f)·R_out/R_in gives
     * γΔ² + R_in(1+γ)Δ − R_in²·f/(1−f) = 0, solved here in the cancellation-free form.
     */
    @Override
    public double depth(AssetId tokenIn, AssetId tokenOut, double priceMoveFraction) {
        boolean zeroForOne = direction(tokenIn, tokenOut);
        VenueChecks.requireMoveFraction(id, priceMoveFraction);
        double rIn = zeroForOne ? reserve0 : reserve1;
        double g = feeMultiplier;
        double b = rIn * (1 + g);
        double c = rIn * rIn * priceMoveFraction / (1 - priceMoveFraction);
        return 2 * c / (b + Math.sqrt(b * b + 4 * g * c));
    }

    /** The closed form below is the curve's own: {@link #inputAtMarginalRate}. */
    @Override
    public boolean exactMarginalInput() {
        return true;
    }

    /**
     * Closed form: the output of selling x is R_out·γx / (R_in + γx), γ = 1 − fee, whose slope R_out·γ·R_in /
     * (R_in + γx)² equals the rate at x = (√(R_out·γ·R_in / rate) − R_in) / γ (the fee stays in the pair, so this is
     * not where the spot price alone would say).
     */
    @Override
    public double inputAtMarginalRate(AssetId tokenIn, AssetId tokenOut, double rate) {
        boolean zeroForOne = direction(tokenIn, tokenOut);
        double rIn = zeroForOne ? reserve0 : reserve1;
        double rOut = zeroForOne ? reserve1 : reserve0;
        VenueChecks.requireRate(id, rate);
        double x = (Math.sqrt(rOut * feeMultiplier * rIn / rate) - rIn) / feeMultiplier;
        return Math.max(x, 0);
    }

    /** Fee-free: along x·y = k the base reserve at price p (quote per base) is √(k/p). */
    @Override
    public LiquidityProfile liquidityProfile(AssetId base, AssetId quote, int buckets, double rangeFraction) {
        boolean zeroForOne = direction(base, quote);
        VenueChecks.requireProfile(id, buckets, rangeFraction);
        double rBase = zeroForOne ? reserve0 : reserve1;
        double rQuote = zeroForOne ? reserve1 : reserve0;
        double k = rBase * rQuote;
        double spot = rQuote / rBase;
        return PriceBands.build(base, quote, spot, buckets, rangeFraction,
                p -> Math.sqrt(k / p) - rBase, p -> rBase - Math.sqrt(k / p));
    }

    /**
     * Uniswap v2 {@code burn}: each LP share redeems its pro-rata part of both reserves, floored in integer units
     * ({@code amount = liquidity · balance / totalSupply}); the price r1/r0 is unchanged up to that rounding.
     */
    @Override
    public long version() {
        return version;
    }

    @Override
    public double[] withdrawLiquidity(double fraction) {
        version++;
        VenueChecks.requireWithdrawFraction(id, fraction);
        double before0 = reserve0;
        double before1 = reserve1;
        if (mode == MathMode.EXACT) {
            BigDecimal f = new BigDecimal(fraction);
            units0 = units0.subtract(new BigDecimal(units0).multiply(f).toBigInteger());
            units1 = units1.subtract(new BigDecimal(units1).multiply(f).toBigInteger());
            reserve0 = TokenUnits.toTokens(units0, decimals0);
            reserve1 = TokenUnits.toTokens(units1, decimals1);
        } else {
            reserve0 *= 1 - fraction;
            reserve1 *= 1 - fraction;
        }
        return new double[] {before0 - reserve0, before1 - reserve1};
    }

    @Override
    public ConstantProductPool copy() {
        return new ConstantProductPool(id, chain, token0, token1, decimals0, decimals1, feePips, mode, units0, units1,
                reserve0, reserve1);
    }

    /** True for token0 → token1, false for token1 → token0. */
    boolean direction(AssetId tokenIn, AssetId tokenOut) {
        int in = index(tokenIn);
        int out = index(tokenOut);
        if (in == out) {
            VenueChecks.requireDistinct(id, tokenIn, tokenOut);
        }
        return in == 0;
    }

    private int index(AssetId token) {
        // Callers mostly pass the pool's own id objects back: identity first spares the string comparison.
        if (token == token0 || token0.equals(token)) {
            return 0;
        }
        if (token == token1 || token1.equals(token)) {
            return 1;
        }
        throw VenueChecks.fail(id, "does not trade asset " + token + " (trades " + token0 + ", " + token1 + ")");
    }

    @Override
    public String toString() {
        return "ConstantProductPool[" + id + ", " + reserve0 + " " + token0 + ", " + reserve1 + " " + token1
                + ", fee " + feePips + " pips, " + mode + "]";
    }
}
