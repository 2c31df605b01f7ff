package dev.fracture.market;

import dev.fracture.market.clmm.TickMath;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random v3 pools for property and differential tests: a fee tier with its factory tick spacing, several
 * overlapping positions a few spacings wide around a random tick, and a price somewhere inside a random tick, so that
 * swaps of the sizes {@link #swapAmount} draws cross several initialized ticks.
 */
final class RandomClmmPools {
    /** The fee tiers the v3-sdk knows, with their factory tick spacings (v3-sdk constants TICK_SPACINGS). */
    static final int[][] FEE_TIERS = {{100, 1}, {200, 4}, {300, 6}, {400, 8}, {500, 10}, {3000, 60}, {10000, 200}};
    static final Asset ASSET0 = new Asset(AssetId.of("T0"), ChainId.of("test"), "T0", 18, new AssetKind.Token(), 1);
    static final Asset ASSET1 = new Asset(AssetId.of("T1"), ChainId.of("test"), "T1", 6, new AssetKind.Token(), 1);

    private RandomClmmPools() {
    }

    static VenueSpec.ConcentratedLiquidity spec(SplittableRandom random, int index) {
        int[] tier = FEE_TIERS[random.nextInt(FEE_TIERS.length)];
        int spacing = tier[1];
        int centre = Math.floorDiv(random.nextInt(-300_000, 300_000), spacing) * spacing;
        int positions = random.nextInt(2, 7);
        List<VenueSpec.LiquidityPosition> list = new ArrayList<>();
        for (int i = 0; i < positions; i++) {
            int lower = centre + spacing * random.nextInt(-12, 1);
            int upper = lower + spacing * random.nextInt(1, 15);
            BigInteger liquidity = BigInteger.TEN.pow(random.nextInt(17, 24))
                    .multiply(BigInteger.valueOf(random.nextLong(1, 1_000_000)));
            list.add(new VenueSpec.LiquidityPosition(lower, upper, liquidity));
        }
        int tick = centre + random.nextInt(-4 * spacing, 4 * spacing + 1);
        BigInteger lo = TickMath.getSqrtRatioAtTick(tick);
        BigInteger width = TickMath.getSqrtRatioAtTick(tick + 1).subtract(lo);
        BigInteger sqrtPrice = lo.add(new BigInteger(width.bitLength() + 8, new java.util.Random(random.nextLong()))
                .mod(width));
        return new VenueSpec.ConcentratedLiquidity(VenueId.of("clmm-" + index), ChainId.of("test"), ASSET0.id(),
                ASSET1.id(), tier[0], spacing, sqrtPrice, list);
    }

    /**
     * A fee-100, spacing-1 pool priced within a few ticks of a 256-tick bitmap word boundary, with positions wide
     * across it: swaps there stop at the boundary mid-liquidity, which splits a step and shows in the last unit.
     */
    static VenueSpec.ConcentratedLiquidity wordBoundarySpec(SplittableRandom random, int index) {
        int boundary = 256 * random.nextInt(-1000, 1000);
        List<VenueSpec.LiquidityPosition> list = new ArrayList<>();
        for (int i = 0; i < random.nextInt(1, 4); i++) {
            int lower = boundary - random.nextInt(5, 60);
            int upper = boundary + random.nextInt(5, 60);
            list.add(new VenueSpec.LiquidityPosition(lower, upper, BigInteger.TEN.pow(random.nextInt(18, 24))
                    .multiply(BigInteger.valueOf(random.nextLong(1, 1_000_000)))));
        }
        int tick = boundary + random.nextInt(-4, 4);
        BigInteger lo = TickMath.getSqrtRatioAtTick(tick);
        BigInteger width = TickMath.getSqrtRatioAtTick(tick + 1).subtract(lo);
        BigInteger sqrtPrice = lo.add(new BigInteger(width.bitLength() + 8, new java.util.Random(random.nextLong()))
                .mod(width));
        return new VenueSpec.ConcentratedLiquidity(VenueId.of("clmm-word-" + index), ChainId.of("test"),
                ASSET0.id(), ASSET1.id(), 100, 1, sqrtPrice, list);
    }

    /**
     * An amount in integer units of the swap's specified token: a fraction of the pool's virtual reserve scaled with
     * the tick spacing, log-uniform over three and a half decades up to about five tick spacings of price, so most swaps cross a few ticks, some none, and a
     * few run out of liquidity.
     */
    static BigInteger swapAmount(SplittableRandom random, ConcentratedLiquidityPool pool, boolean token0) {
        double sqrt = pool.sqrtPrice();
        double liquidity = Math.max(pool.liquidityApprox(), maxNet(pool));
        double reserve = token0 ? liquidity / sqrt : liquidity * sqrt;
        double fraction = pool.tickSpacing() * 5e-5 * Math.pow(10, random.nextDouble(-2.5, 1.0));
        double amount = Math.max(1e12, reserve * fraction);
        return new java.math.BigDecimal(amount).toBigInteger();
    }

    private static double maxNet(ConcentratedLiquidityPool pool) {
        double max = 0;
        for (var t : pool.initializedTicks()) {
            max = Math.max(max, t.liquidityGross().doubleValue());
        }
        return max;
    }
}
