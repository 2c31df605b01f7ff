package dev.fracture.oracle;

import dev.fracture.market.ConcentratedLiquidityPool;
import dev.fracture.market.ConstantProductPool;
import dev.fracture.market.MathMode;
import dev.fracture.market.clmm.TickMath;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.List;

/** Venues for the oracle tests: a WETH/USDC-like pair of assets (18 and 6 decimals). */
final class OracleFixtures {
    static final ChainId CHAIN = ChainId.of("test");
    static final Asset WETH = new Asset(AssetId.of("WETH"), CHAIN, "WETH", 18, new AssetKind.Token(), 2000);
    static final Asset USDC = new Asset(AssetId.of("USDC"), CHAIN, "USDC", 6, new AssetKind.Token(), 1);

    private OracleFixtures() {
    }

    static ConstantProductPool pair(double wethReserve, double usdcReserve, int feePips, MathMode mode) {
        VenueSpec.ConstantProduct spec = new VenueSpec.ConstantProduct(VenueId.of("pair"), CHAIN, WETH.id(),
                USDC.id(), BigDecimal.valueOf(wethReserve).setScale(18, RoundingMode.FLOOR),
                BigDecimal.valueOf(usdcReserve).setScale(6, RoundingMode.FLOOR), feePips);
        return ConstantProductPool.of(spec, WETH, USDC, mode);
    }

    /** A v3 pool near tick −200000 (about 2061 USDC per WETH) with one wide and one narrow position. */
    static ConcentratedLiquidityPool clPool(MathMode mode) {
        VenueSpec.ConcentratedLiquidity spec = new VenueSpec.ConcentratedLiquidity(VenueId.of("weth-usdc"), CHAIN,
                WETH.id(), USDC.id(), 3000, 60, TickMath.getSqrtRatioAtTick(-200_000).add(BigInteger.TEN),
                List.of(new VenueSpec.LiquidityPosition(-210_000, -190_020, new BigInteger("20000000000000000")),
                        new VenueSpec.LiquidityPosition(-200_400, -199_620, new BigInteger("50000000000000000"))));
        return ConcentratedLiquidityPool.of(spec, WETH, USDC, mode);
    }
}
