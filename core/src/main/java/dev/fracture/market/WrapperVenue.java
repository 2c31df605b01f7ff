package dev.fracture.market;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.ChainId;
import dev.fracture.model.SnapshotValidator;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;

/**
 * A wrapper contract that converts a liquid-staking token and its underlying into each other at the token's exchange
 * rate, with no fee and no liquidity behind it: Lido's wstETH, whose {@code unwrap} pays
 * {@code stETH.getPooledEthByShares(amount)} = amount · totalPooledEther / totalShares stETH and whose {@code wrap}
 * mints {@code stETH.getSharesByPooledEth(amount)} = amount · totalShares / totalPooledEther wstETH, both floored
 * (lidofinance/core, {@code contracts/0.6.12/WstETH.sol} and {@code contracts/0.4.24/StETH.sol}). A DEX aggregator
 * routes through it: wstETH to ETH as an unwrap and then a sale of stETH in the Curve stETH pool.
 *
 * <p>The rate is the wrapped asset's {@link AssetKind.LiquidStaking#exchangeRate} (stETH per wstETH, Lido's
 * {@code stEthPerToken}), held as the exact fraction totalPooledEther / totalShares = unscaled / 10^scale. It is fixed
 * for a run: Lido's oracle rebases it once a day, and the runs here last hours. The rounding of stETH's own share
 * transfers (a wei or two) is not modelled.
 *
 * <p>Since no liquidity providers stand behind it, nothing here moves: the spot price and the marginal rate are the
 * rate, any amount fills, {@link #depth} is unbounded, and {@link #fixedRate()} tells the engine to leave it out of
 * arbitrage, liquidity withdrawals, depth tallies and the unified-liquidity merge. {@link MathMode#EXACT} reproduces the
 * contract's floors to the unit; {@link MathMode#FAST} multiplies in doubles. Unwrapping or wrapping zero reverts in
 * the contract ("zero amount"); a request of zero is the empty, complete quote every venue gives, and a positive one
 * below one integer unit fills nothing.
 */
public final class WrapperVenue implements Venue, IntegerQuoting {
    private final VenueId id;
    private final ChainId chain;
    private final List<AssetId> assets;
    private final int wrappedDecimals;
    private final int underlyingDecimals;
    private final MathMode mode;
    /** Underlying per wrapped token, as a double for the fast mode and the prices. */
    private final double rate;
    /**
     * The integer conversion, unit for unit: underlying units = floor(wrapped units · unwrapNumerator /
     * unwrapDenominator), and the reverse with the fraction turned over. The decimals are folded in.
     */
    private final BigInteger unwrapNumerator;
    private final BigInteger unwrapDenominator;
    private long version;

    private WrapperVenue(VenueId id, ChainId chain, Asset wrapped, Asset underlying, BigDecimal rate, MathMode mode) {
        this.id = id;
        this.chain = chain;
        this.assets = List.of(wrapped.id(), underlying.id());
        this.wrappedDecimals = wrapped.decimals();
        this.underlyingDecimals = underlying.decimals();
        this.mode = mode;
        this.rate = rate.doubleValue();
        BigDecimal exact = rate.stripTrailingZeros();
        BigInteger numerator = exact.unscaledValue().multiply(BigInteger.TEN.pow(underlying.decimals()));
        BigInteger denominator = BigInteger.TEN.pow(wrapped.decimals());
        if (exact.scale() >= 0) {
            denominator = denominator.multiply(BigInteger.TEN.pow(exact.scale()));
        } else {
            numerator = numerator.multiply(BigInteger.TEN.pow(-exact.scale()));
        }
        this.unwrapNumerator = numerator;
        this.unwrapDenominator = denominator;
    }

    /**
     * The wrapper {@code spec} describes: {@code wrapped} must be a liquid-staking asset on {@code underlying}, whose
     * exchange rate (greater than 0) the wrapper converts at.
     */
    public static WrapperVenue of(VenueSpec.Wrapper spec, Asset wrapped, Asset underlying, MathMode mode) {
        VenueId id = spec.id();
        if (!spec.wrapped().equals(wrapped.id()) || !spec.underlying().equals(underlying.id())) {
            throw VenueChecks.fail(id, "assets must be wrapped " + spec.wrapped() + " and underlying "
                    + spec.underlying() + ", got " + wrapped.id() + " and " + underlying.id());
        }
        if (!(wrapped.kind() instanceof AssetKind.LiquidStaking staking)
                || !staking.underlying().equals(underlying.id())) {
            throw VenueChecks.fail(id, "wrapped asset " + wrapped.id() + " must be a liquid-staking token on "
                    + underlying.id() + " (its kind is " + SnapshotValidator.kindName(wrapped.kind()) + ")");
        }
        if (staking.exchangeRate() == null || staking.exchangeRate().signum() <= 0) {
            throw VenueChecks.fail(id, "exchange rate of " + wrapped.id() + " must be greater than 0, got "
                    + staking.exchangeRate());
        }
        return new WrapperVenue(id, spec.chain(), wrapped, underlying, staking.exchangeRate(), mode);
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
        return assets;
    }

    @Override
    public boolean fixedRate() {
        return true;
    }

    @Override
    public Quote trade(AssetId tokenIn, AssetId tokenOut, double amount, Exact fixed, boolean commit) {
        boolean unwrap = direction(tokenIn, tokenOut);
        boolean exactIn = fixed == Exact.IN;
        VenueChecks.requireAmount(id, exactIn ? "amountIn" : "amountOut", amount);
        double spot = unwrap ? rate : 1 / rate;
        double in;
        double out;
        boolean complete = true;
        if (mode == MathMode.EXACT) {
            int decIn = unwrap ? wrappedDecimals : underlyingDecimals;
            int decOut = unwrap ? underlyingDecimals : wrappedDecimals;
            BigInteger requested = exactIn ? TokenUnits.floor(amount, decIn) : TokenUnits.ceil(amount, decOut);
            BigInteger[] units = convert(unwrap, requested, exactIn);
            in = TokenUnits.toTokens(units[0], decIn);
            out = TokenUnits.toTokens(units[1], decOut);
            complete = requested.signum() > 0 || amount == 0;
        } else {
            in = exactIn ? amount : amount / spot;
            out = exactIn ? amount * spot : amount;
        }
        if (commit && in > 0) {
            version++;
        }
        return new Quote(id, tokenIn, tokenOut, in, out, 0, spot, spot, complete);
    }

    @Override
    public UnitQuote quoteUnits(AssetId tokenIn, AssetId tokenOut, BigInteger amount, Exact fixed) {
        VenueChecks.requireExactForUnits(id, mode);
        boolean unwrap = direction(tokenIn, tokenOut);
        VenueChecks.requireUnits(id, fixed == Exact.IN ? "amountIn" : "amountOut", amount);
        BigInteger[] units = convert(unwrap, amount, fixed == Exact.IN);
        return new UnitQuote(id, tokenIn, tokenOut, units[0], units[1], BigInteger.ZERO, tokenIn, true,
                decimals(tokenIn), decimals(tokenOut));
    }

    /**
     * {in, out} in integer units. Exact input: out = floor(in · n / d), the contract's conversion. Exact output: the
     * least input whose floored conversion reaches {@code amount}, ceil(amount · d / n), and what it converts to.
     */
    private BigInteger[] convert(boolean unwrap, BigInteger amount, boolean exactIn) {
        BigInteger n = unwrap ? unwrapNumerator : unwrapDenominator;
        BigInteger d = unwrap ? unwrapDenominator : unwrapNumerator;
        if (exactIn) {
            return new BigInteger[] {amount, amount.multiply(n).divide(d)};
        }
        BigInteger[] qr = amount.multiply(d).divideAndRemainder(n);
        BigInteger in = qr[1].signum() == 0 ? qr[0] : qr[0].add(BigInteger.ONE);
        return new BigInteger[] {in, in.multiply(n).divide(d)};
    }

    @Override
    public int decimals(AssetId token) {
        return VenueChecks.indexOf(id, assets, token) == 0 ? wrappedDecimals : underlyingDecimals;
    }

    /** True for wrapped to underlying (unwrap), false for the reverse (wrap). */
    private boolean direction(AssetId tokenIn, AssetId tokenOut) {
        VenueChecks.requireDistinct(id, tokenIn, tokenOut);
        int in = VenueChecks.indexOf(id, assets, tokenIn);
        VenueChecks.indexOf(id, assets, tokenOut);
        return in == 0;
    }

    @Override
    public double spotPrice(AssetId base, AssetId quote) {
        return direction(base, quote) ? rate : 1 / rate;
    }

    /** The rate itself: no fee is charged and nothing moves. */
    @Override
    public double marginalRate(AssetId tokenIn, AssetId tokenOut) {
        return spotPrice(tokenIn, tokenOut);
    }

    /** Unbounded for any move above 0: the rate never moves, whatever is converted. */
    @Override
    public double depth(AssetId tokenIn, AssetId tokenOut, double priceMoveFraction) {
        direction(tokenIn, tokenOut);
        VenueChecks.requireMoveFraction(id, priceMoveFraction);
        return priceMoveFraction > 0 ? Double.POSITIVE_INFINITY : 0;
    }

    /** Unbounded below the rate (every further unit still converts at it), nothing at or above it. */
    @Override
    public double inputAtMarginalRate(AssetId tokenIn, AssetId tokenOut, double rate) {
        VenueChecks.requireRate(id, rate);
        return rate < marginalRate(tokenIn, tokenOut) ? Double.POSITIVE_INFINITY : 0;
    }

    /**
     * A wrapper has no liquidity curve to profile: it converts any amount at one rate.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public LiquidityProfile liquidityProfile(AssetId base, AssetId quote, int buckets, double rangeFraction) {
        throw new UnsupportedOperationException("venue " + id + " is a wrapper: it converts any amount at its rate and"
                + " has no liquidity profile");
    }

    /**
     * No liquidity provider stands behind a wrapper, so there is nothing to withdraw (a scenario naming it is refused
     * when validated).
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public double[] withdrawLiquidity(double fraction) {
        throw new UnsupportedOperationException("venue " + id + " is a wrapper: no liquidity providers stand behind"
                + " it, so there is no liquidity to withdraw");
    }

    @Override
    public Venue copy() {
        return new WrapperVenue(this);
    }

    private WrapperVenue(WrapperVenue o) {
        this.id = o.id;
        this.chain = o.chain;
        this.assets = o.assets;
        this.wrappedDecimals = o.wrappedDecimals;
        this.underlyingDecimals = o.underlyingDecimals;
        this.mode = o.mode;
        this.rate = o.rate;
        this.unwrapNumerator = o.unwrapNumerator;
        this.unwrapDenominator = o.unwrapDenominator;
        this.version = o.version;
    }

    /** Committed conversions so far: the wrapper's price never changes, but a caller keying on state may ask. */
    @Override
    public long version() {
        return version;
    }
}
