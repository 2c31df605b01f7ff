package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An Aave v3 pool of a snapshot in the mechanics' terms: the market, the accounts with balances in each token's
 * smallest unit, and the feed each reserve reads.
 */
public record AaveSetup(AaveMarket market, List<AaveAccount> accounts, Map<AssetId, OracleId> oracles) {
    public AaveSetup {
        accounts = List.copyOf(accounts);
        oracles = Map.copyOf(oracles);
    }

    /** Converts a pooled-lending spec of {@code snapshot}, which is valid, so every asset it names is there. */
    public static AaveSetup of(ProtocolSpec.PooledLending spec, EcosystemSnapshot snapshot) {
        Units units = new Units(snapshot);
        List<AaveReserveConfig> reserves = new ArrayList<>();
        Map<AssetId, OracleId> oracles = new TreeMap<>();
        for (ProtocolSpec.PooledLending.Reserve r : spec.reserves()) {
            reserves.add(new AaveReserveConfig(r.asset(), units.asset(r.asset()).decimals(), r.ltvBps(),
                    r.liquidationThresholdBps(), r.liquidationBonusBps(), r.liquidationProtocolFeeBps(),
                    r.supplyCap(), r.borrowCap(), r.debtCeiling(), r.borrowableInIsolation(), r.eModeCategory()));
            oracles.put(r.asset(), r.oracle());
        }
        List<AaveEModeCategory> categories = spec.eModeCategories().stream()
                .map(c -> new AaveEModeCategory(c.id(), c.ltvBps(), c.liquidationThresholdBps(),
                        c.liquidationBonusBps()))
                .toList();
        List<AaveAccount> accounts = new ArrayList<>();
        for (ProtocolSpec.PooledLending.Account a : spec.accounts()) {
            List<AaveCollateral> collaterals = a.collaterals().stream()
                    .map(s -> new AaveCollateral(s.asset(), units.of(s.asset(), s.amount()), s.usedAsCollateral()))
                    .toList();
            List<AaveDebt> debts = a.debts().stream()
                    .map(d -> new AaveDebt(d.asset(), units.of(d.asset(), d.amount())))
                    .toList();
            accounts.add(new AaveAccount(a.id(), a.eModeCategory(), collaterals, debts));
        }
        return new AaveSetup(AaveMarket.of(reserves, categories), accounts, oracles);
    }
}
