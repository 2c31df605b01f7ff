package dev.fracture.run;

import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.ProtocolSpec.IsolatedLending;
import dev.fracture.model.ProtocolSpec.PooledLending;
import java.util.HashMap;
import java.util.Map;

/**
 * How much the positions of a snapshot could borrow under its parameters, USD: the sum over positions of
 * collateral value × loan-to-value, at the snapshot's reference prices. For a pooled (Aave v3) protocol the LTV is
 * the reserve's, or the e-mode category's for an account in that category on an asset of it (Aave v3 technical
 * paper, §"Efficiency mode"); collateral not used as such counts nothing. For an isolated (Morpho Blue) market it is
 * the market's LLTV, which is its borrowing limit. Other protocol families are not varied by sweeps and are left out.
 */
public final class BorrowingPower {
    private BorrowingPower() {
    }

    public static double usd(EcosystemSnapshot snapshot) {
        Map<AssetId, Double> price = new HashMap<>();
        for (Asset a : snapshot.assets()) {
            price.put(a.id(), a.referencePriceUsd());
        }
        double total = 0;
        for (ProtocolSpec p : snapshot.protocols()) {
            if (p instanceof PooledLending pool) {
                total += pooled(pool, price);
            } else if (p instanceof IsolatedLending iso) {
                for (IsolatedLending.Market m : iso.markets()) {
                    double lltv = m.lltv().doubleValue() / 1e18;
                    for (IsolatedLending.Position pos : m.positions()) {
                        total += pos.collateral().doubleValue() * price.get(m.collateralAsset()) * lltv;
                    }
                }
            }
        }
        return total;
    }

    private static double pooled(PooledLending pool, Map<AssetId, Double> price) {
        Map<AssetId, PooledLending.Reserve> reserves = new HashMap<>();
        pool.reserves().forEach(r -> reserves.put(r.asset(), r));
        double total = 0;
        for (PooledLending.Account a : pool.accounts()) {
            for (PooledLending.Supply s : a.collaterals()) {
                if (!s.usedAsCollateral()) {
                    continue;
                }
                PooledLending.Reserve r = reserves.get(s.asset());
                total += s.amount().doubleValue() * price.get(s.asset()) * pool.ltvBps(a, r) / 10_000.0;
            }
        }
        return total;
    }
}
