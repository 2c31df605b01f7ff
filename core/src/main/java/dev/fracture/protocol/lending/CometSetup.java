package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolSpec;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A Compound v3 market of a snapshot in the mechanics' terms: its configuration, its totals (base supplied and
 * borrowed summed over the accounts, no collateral owned by the protocol yet) and its accounts in integer units.
 */
public record CometSetup(CometMarket market, CometState state, List<CometAccount> accounts, OracleId baseOracle,
                         Map<AssetId, OracleId> oracles) {
    public CometSetup {
        accounts = List.copyOf(accounts);
        oracles = Map.copyOf(oracles);
    }

    public static CometSetup of(ProtocolSpec.CometLending spec, EcosystemSnapshot snapshot) {
        Units units = new Units(snapshot);
        List<CometAssetConfig> configs = new ArrayList<>();
        Map<AssetId, OracleId> oracles = new TreeMap<>();
        for (ProtocolSpec.CometLending.Collateral c : spec.assets()) {
            configs.add(new CometAssetConfig(c.asset(), units.asset(c.asset()).decimals(),
                    c.borrowCollateralFactor().longValueExact(), c.liquidateCollateralFactor().longValueExact(),
                    c.liquidationFactor().longValueExact(), units.of(c.asset(), c.supplyCap())));
            oracles.put(c.asset(), c.oracle());
        }
        CometMarket market = CometMarket.of(spec.baseAsset(), units.asset(spec.baseAsset()).decimals(),
                spec.storeFrontPriceFactor().longValueExact(), units.of(spec.baseAsset(), spec.targetReserves()),
                configs);
        BigInteger supplied = BigInteger.ZERO;
        BigInteger borrowed = BigInteger.ZERO;
        List<CometAccount> accounts = new ArrayList<>();
        for (ProtocolSpec.CometLending.Account a : spec.accounts()) {
            BigInteger base = units.of(spec.baseAsset(), a.baseBalance());
            if (base.signum() > 0) {
                supplied = supplied.add(base);
            } else {
                borrowed = borrowed.subtract(base);
            }
            Map<AssetId, BigInteger> collateral = new TreeMap<>();
            for (ProtocolSpec.Balance b : a.collateral()) {
                collateral.put(b.asset(), units.of(b.asset(), b.amount()));
            }
            accounts.add(new CometAccount(a.id(), base, collateral));
        }
        CometState state = new CometState(units.of(spec.baseAsset(), spec.reserves()), Map.of(), supplied, borrowed);
        return new CometSetup(market, state, accounts, spec.baseOracle(), oracles);
    }
}
