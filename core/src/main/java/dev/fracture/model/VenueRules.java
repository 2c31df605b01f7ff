package dev.fracture.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The rules each kind of venue must keep: its assets exist and live on its chain, and its parameters are ones the
 * contract (or exchange) it models would accept. Bounds are the contracts' own (Uniswap v3 TickMath, Curve's
 * MAX_A and MAX_FEE), so a snapshot read from chain always passes.
 */
final class VenueRules {
    /** Uniswap v3 TickMath.MIN_TICK / MAX_TICK. */
    static final int MAX_TICK = 887_272;
    /** Uniswap v3 TickMath.MIN_SQRT_RATIO (inclusive) and MAX_SQRT_RATIO (exclusive). */
    static final BigInteger MIN_SQRT_PRICE_X96 = new BigInteger("4295128739");
    static final BigInteger MAX_SQRT_PRICE_X96 = new BigInteger("1461446703485210103287273052203988822378723970342");
    /** Liquidity is a uint128 in the contract. */
    static final BigInteger MAX_LIQUIDITY = BigInteger.ONE.shiftLeft(128).subtract(BigInteger.ONE);
    static final int PIPS = 1_000_000;
    static final int MIN_COINS = 2;
    static final int MAX_COINS = 8;
    /** Curve StableSwap MAX_A and MAX_FEE (5e9 of 1e10 = 50%). */
    static final long MAX_A = 1_000_000;
    static final long MAX_CURVE_FEE = 5_000_000_000L;

    private final SnapshotIndex index;
    private final ViolationSink sink;

    VenueRules(SnapshotIndex index, ViolationSink sink) {
        this.index = index;
        this.sink = sink;
    }

    void check(List<VenueSpec> venues) {
        for (int i = 0; i < venues.size(); i++) {
            VenueSpec venue = venues.get(i);
            if (venue == null) {
                continue;
            }
            String p = "venues[" + i + "]";
            sink.required(p + ".id", venue.id());
            index.chain(p + ".chain", venue.chain());
            if (venue instanceof VenueSpec.ConstantProduct cp) {
                constantProduct(p, cp);
            } else if (venue instanceof VenueSpec.ConcentratedLiquidity cl) {
                concentratedLiquidity(p, cl);
            } else if (venue instanceof VenueSpec.StableSwap ss) {
                stableSwap(p, ss);
            } else if (venue instanceof VenueSpec.OrderBook ob) {
                orderBook(p, ob);
            } else if (venue instanceof VenueSpec.Wrapper w) {
                wrapper(p, w);
            }
        }
    }

    /** Resolves a venue's asset; a venue can only hold tokens that exist on its own chain. */
    private Asset venueAsset(String path, AssetId id, ChainId venueChain) {
        Asset asset = index.asset(path, id);
        if (asset != null && index.knowsChain(venueChain) && index.knowsChain(asset.chain())
                && !asset.chain().equals(venueChain)) {
            sink.add(path, "asset '" + id + "' is on chain '" + asset.chain() + "', not on the venue's chain '"
                    + venueChain + "'");
        }
        return asset;
    }

    private void distinct(String path, Object first, Object second, String firstName) {
        if (first != null && first.equals(second)) {
            sink.add(path, "must differ from " + firstName + " (both '" + first + "')");
        }
    }

    private void constantProduct(String p, VenueSpec.ConstantProduct cp) {
        Asset t0 = venueAsset(p + ".token0", cp.token0(), cp.chain());
        Asset t1 = venueAsset(p + ".token1", cp.token1(), cp.chain());
        distinct(p + ".token1", cp.token0(), cp.token1(), "token0");
        amount(p + ".reserve0", cp.reserve0(), t0);
        amount(p + ".reserve1", cp.reserve1(), t1);
        sink.between(p + ".feePips", cp.feePips(), 0, PIPS - 1);
    }

    private void amount(String path, BigDecimal value, Asset token) {
        sink.nonNegative(path, value);
        sink.fitsDecimals(path, value, token);
    }

    private void concentratedLiquidity(String p, VenueSpec.ConcentratedLiquidity cl) {
        venueAsset(p + ".token0", cl.token0(), cl.chain());
        venueAsset(p + ".token1", cl.token1(), cl.chain());
        distinct(p + ".token1", cl.token0(), cl.token1(), "token0");
        sink.between(p + ".feePips", cl.feePips(), 1, PIPS - 1);
        sink.between(p + ".tickSpacing", cl.tickSpacing(), 1, MAX_TICK);
        if (sink.required(p + ".sqrtPriceX96", cl.sqrtPriceX96())
                && (cl.sqrtPriceX96().compareTo(MIN_SQRT_PRICE_X96) < 0
                || cl.sqrtPriceX96().compareTo(MAX_SQRT_PRICE_X96) >= 0)) {
            sink.add(p + ".sqrtPriceX96", "must be at least " + MIN_SQRT_PRICE_X96 + " and below "
                    + MAX_SQRT_PRICE_X96 + " (was " + cl.sqrtPriceX96() + ")");
        }
        if (!sink.required(p + ".positions", cl.positions())) {
            return;
        }
        for (int j = 0; j < cl.positions().size(); j++) {
            position(p + ".positions[" + j + "]", cl.positions().get(j), cl.tickSpacing());
        }
    }

    private void position(String p, VenueSpec.LiquidityPosition position, int tickSpacing) {
        tick(p + ".tickLower", position.tickLower(), tickSpacing);
        tick(p + ".tickUpper", position.tickUpper(), tickSpacing);
        if (position.tickLower() >= position.tickUpper()) {
            sink.add(p + ".tickLower", "must be below tickUpper (was " + position.tickLower() + ", tickUpper "
                    + position.tickUpper() + ")");
        }
        sink.positive(p + ".liquidity", position.liquidity());
        if (position.liquidity() != null && position.liquidity().compareTo(MAX_LIQUIDITY) > 0) {
            sink.add(p + ".liquidity", "must fit a uint128, at most " + MAX_LIQUIDITY + " (was "
                    + position.liquidity() + ")");
        }
    }

    private void tick(String path, int tick, int tickSpacing) {
        sink.between(path, tick, -MAX_TICK, MAX_TICK);
        if (tickSpacing > 0 && tick % tickSpacing != 0) {
            sink.add(path, "must be a multiple of tickSpacing " + tickSpacing + " (was " + tick + ")");
        }
    }

    /**
     * A wrapper converts a liquid-staking token and its underlying at the token's exchange rate (Lido's wstETH), so the
     * wrapped asset must be of that kind and stand on the named underlying.
     */
    private void wrapper(String p, VenueSpec.Wrapper w) {
        Asset wrapped = venueAsset(p + ".wrapped", w.wrapped(), w.chain());
        venueAsset(p + ".underlying", w.underlying(), w.chain());
        distinct(p + ".underlying", w.wrapped(), w.underlying(), "wrapped");
        if (wrapped == null || w.underlying() == null) {
            return;
        }
        if (!(wrapped.kind() instanceof AssetKind.LiquidStaking staking)) {
            sink.add(p + ".wrapped", "asset '" + w.wrapped() + "' must be a liquid-staking token to be wrapped (its kind"
                    + " is " + SnapshotValidator.kindName(wrapped.kind()) + ")");
        } else if (!w.underlying().equals(staking.underlying())) {
            sink.add(p + ".underlying", "must be '" + staking.underlying() + "', the underlying of '" + w.wrapped()
                    + "' (was '" + w.underlying() + "')");
        }
    }

    private void stableSwap(String p, VenueSpec.StableSwap ss) {
        List<AssetId> coins = ss.coins();
        Asset[] coinAssets = new Asset[coins == null ? 0 : coins.size()];
        if (sink.required(p + ".coins", coins)) {
            if (coins.size() < MIN_COINS || coins.size() > MAX_COINS) {
                sink.add(p + ".coins", "must hold " + MIN_COINS + " to " + MAX_COINS + " coins (was "
                        + coins.size() + ")");
            }
            Map<AssetId, Integer> seen = new HashMap<>();
            for (int j = 0; j < coins.size(); j++) {
                String path = p + ".coins[" + j + "]";
                coinAssets[j] = venueAsset(path, coins.get(j), ss.chain());
                Integer previous = coins.get(j) == null ? null : seen.putIfAbsent(coins.get(j), j);
                if (previous != null) {
                    sink.add(path, "duplicate coin '" + coins.get(j) + "' (also coins[" + previous + "])");
                }
            }
        }
        List<BigDecimal> balances = ss.balances();
        if (sink.required(p + ".balances", balances)) {
            if (coins != null && balances.size() != coins.size()) {
                sink.add(p + ".balances", "must hold one balance per coin: " + coins.size() + " coins, "
                        + balances.size() + " balances");
            }
            for (int j = 0; j < balances.size(); j++) {
                amount(p + ".balances[" + j + "]", balances.get(j), j < coinAssets.length ? coinAssets[j] : null);
            }
        }
        sink.between(p + ".amplification", ss.amplification(), 1, MAX_A);
        sink.between(p + ".fee", ss.fee(), 0, MAX_CURVE_FEE);
    }

    private void orderBook(String p, VenueSpec.OrderBook ob) {
        Asset base = venueAsset(p + ".base", ob.base(), ob.chain());
        venueAsset(p + ".quote", ob.quote(), ob.chain());
        distinct(p + ".quote", ob.base(), ob.quote(), "base");
        boolean bidsOk = side(p, "bids", ob.bids(), base, -1);
        boolean asksOk = side(p, "asks", ob.asks(), base, 1);
        if (bidsOk && asksOk && !ob.bids().isEmpty() && !ob.asks().isEmpty()) {
            BigDecimal bestBid = ob.bids().get(0).price();
            BigDecimal bestAsk = ob.asks().get(0).price();
            if (bestBid != null && bestAsk != null && bestBid.compareTo(bestAsk) >= 0) {
                sink.add(p + ".asks[0].price", "best ask must be above the best bid " + bestBid.toPlainString()
                        + " (was " + bestAsk.toPlainString() + ")");
            }
        }
        sink.between(p + ".takerFeePips", ob.takerFeePips(), 0, PIPS - 1);
    }

    /**
     * Checks one side of a book; {@code direction} is -1 for bids (best = highest first) and 1 for asks.
     * Returns whether the side is present.
     */
    private boolean side(String p, String name, List<VenueSpec.BookLevel> levels, Asset base, int direction) {
        if (!sink.required(p + "." + name, levels)) {
            return false;
        }
        BigDecimal previous = null;
        for (int j = 0; j < levels.size(); j++) {
            String lp = p + "." + name + "[" + j + "]";
            VenueSpec.BookLevel level = levels.get(j);
            sink.positive(lp + ".price", level.price());
            sink.positive(lp + ".size", level.size());
            sink.fitsDecimals(lp + ".size", level.size(), base);
            if (previous != null && level.price() != null
                    && Integer.signum(level.price().compareTo(previous)) != direction) {
                sink.add(lp + ".price", (direction < 0
                        ? "must be below the previous bid " + previous.toPlainString() + " (bids are strictly descending)"
                        : "must be above the previous ask " + previous.toPlainString() + " (asks are strictly ascending)")
                        + " (was " + level.price().toPlainString() + ")");
            }
            if (level.price() != null) {
                previous = level.price();
            }
        }
        return true;
    }
}
