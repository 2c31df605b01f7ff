package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.GasPriceModel;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Forced selling of a wrapped liquid-staking token presses on its underlying's square-root impact law when a wrapper
 * converts the two at a fixed rate (anyone can unwrap, so the token cannot trade apart from its underlying), and on its
 * own law when none does. Expected prices from dP/P = Y·σ·√(Q/V) worked by hand.
 */
class ReferencePricesWrapperTest {
    private static final ChainId ETHEREUM = ChainId.of("ethereum");
    private static final AssetId ETH = AssetId.of("eth");
    private static final AssetId STETH = AssetId.of("steth");
    private static final AssetId WST = AssetId.of("wst");

    /** ETH, stETH following it, and wstETH at 1.2 stETH (through a wrapper when {@code wrapper}). */
    static ReferencePrices prices(boolean wrapper) {
        List<VenueSpec> venues = new ArrayList<>(List.of(new VenueSpec.ConstantProduct(VenueId.of("steth-eth"),
                ETHEREUM, STETH, ETH, new BigDecimal("1000"), new BigDecimal("1000"), 3000)));
        if (wrapper) {
            venues.add(new VenueSpec.Wrapper(VenueId.of("lido"), ETHEREUM, WST, STETH));
        }
        EcosystemSnapshot s = new EcosystemSnapshot("wrapped", Instant.parse("2025-01-01T00:00:00Z"),
                List.of(new Chain(ETHEREUM, "Ethereum", 12, ETH, new GasPriceModel(10, 0, 0.125))),
                List.of(new Asset(ETH, ETHEREUM, "ETH", 18, new AssetKind.Native(), 2000),
                        new Asset(STETH, ETHEREUM, "stETH", 18, new AssetKind.LiquidStaking(ETH, BigDecimal.ONE),
                                2000),
                        new Asset(WST, ETHEREUM, "wstETH", 18,
                                new AssetKind.LiquidStaking(STETH, new BigDecimal("1.2")), 2400)),
                List.of(), venues, List.of(), List.of());
        BasePrices base = new BasePrices() {
            @Override
            public double usd(AssetId asset, long t) {
                return 2000;
            }

            @Override
            public boolean drives(AssetId asset) {
                return asset.equals(ETH);
            }
        };
        // stETH: Y·σ = 0.5·0.04 = 0.02 over 100M a day; wstETH's own law over 10M a day.
        Map<AssetId, SquareRootImpact> impact = Map.of(STETH, new SquareRootImpact(0.5, 1e8, 0.04),
                WST, new SquareRootImpact(0.5, 1e7, 0.04));
        return new ReferencePrices(new SimulationSetup(s, 600, 1, base, impact, List.of(), 0));
    }

    @Test
    void aWrappedTokensSalePressesOnItsUnderlying() {
        ReferencePrices p = prices(true);
        p.addForcedSale(WST, 4e6);
        p.update(12);
        // stETH falls 0.02·√(4M / 100M) = 0.4%: 1,992; wstETH follows at 1.2 stETH: 2,390.4.
        assertThat(p.usd(STETH)).isCloseTo(1992, within(1e-9));
        assertThat(p.usd(WST)).isCloseTo(2390.4, within(1e-9));
        assertThat(p.usd(ETH)).isEqualTo(2000);
        // The sale is still counted as what it was: wstETH sold.
        assertThat(p.sold(p.index(WST))).isEqualTo(4e6);
        assertThat(p.sold(p.index(STETH))).isZero();
    }

    @Test
    void withoutAWrapperTheTokenFollowsItsOwnLaw() {
        ReferencePrices p = prices(false);
        p.addForcedSale(WST, 4e6);
        p.update(12);
        // wstETH falls 0.02·√(4M / 10M) = 1.2649%; stETH does not move.
        assertThat(p.usd(STETH)).isEqualTo(2000);
        assertThat(p.usd(WST)).isCloseTo(2400 * (1 - 0.02 * Math.sqrt(0.4)), within(1e-9));
    }
}
