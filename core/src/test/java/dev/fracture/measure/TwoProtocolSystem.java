package dev.fracture.measure;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.SnapshotParts;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * A hand-built two-protocol system on the model fixture's markets (ETH 3000 USD, wstETH 3600 USD, Aave's ETH
 * threshold 83%, Morpho's wstETH/USDC LLTV 86%):
 * <ul>
 *   <li>Aave account A: 200 ETH against 445,710 USDC — liquidatable below 445,710 / (200 · 3000 · 0.83) = 0.895 of
 *   the ETH price, a fall of 10.5%; its collateral is worth 600,000 USD at reference;</li>
 *   <li>Morpho position B: 5,000 wstETH against 13,622,400 USDC — liquidatable below 13,622,400 / (5,000 · 3,600 ·
 *   0.86) = 0.88, a fall of 12%; 18,000,000 USD of wstETH at reference, which falls with ETH.</li>
 * </ul>
 */
final class TwoProtocolSystem {
    private TwoProtocolSystem() {
    }

    static EcosystemSnapshot of(boolean withAave) {
        EcosystemSnapshot base = SnapshotParts.valid();
        List<ProtocolSpec> protocols = new ArrayList<>();
        for (ProtocolSpec p : base.protocols()) {
            if (p instanceof ProtocolSpec.PooledLending a && withAave) {
                protocols.add(new ProtocolSpec.PooledLending(a.id(), a.chain(), a.reserves(), a.eModeCategories(),
                        List.of(new ProtocolSpec.PooledLending.Account(AccountId.of("A"), 0,
                                List.of(new ProtocolSpec.PooledLending.Supply(AssetId.of("eth"), new BigDecimal("200"),
                                        true)),
                                List.of(new ProtocolSpec.Balance(AssetId.of("usdc"), new BigDecimal("445710")))))));
            } else if (p instanceof ProtocolSpec.IsolatedLending m) {
                ProtocolSpec.IsolatedLending.Market market = m.markets().get(0);
                protocols.add(new ProtocolSpec.IsolatedLending(m.id(), m.chain(), List.of(
                        new ProtocolSpec.IsolatedLending.Market(market.id(), market.loanAsset(),
                                market.collateralAsset(), market.lltv(), market.oracle(), new BigDecimal("20000000"),
                                List.of(new ProtocolSpec.IsolatedLending.Position(AccountId.of("B"),
                                        new BigDecimal("5000"), new BigDecimal("13622400")))))));
            }
        }
        return new EcosystemSnapshot(base.name(), base.asOf(), base.chains(), base.assets(), base.bridges(),
                base.venues(), base.oracles(), protocols);
    }

    /** Linear depth: 25,000,000 USD of ETH-family tokens move the price by 100%, so selling Q moves it by Q / 25 M. */
    static DepthCurve linearDepth() {
        return DepthCurve.of(new double[] {0, 0.95}, new double[] {0, 0.95 * 25_000_000});
    }
}
