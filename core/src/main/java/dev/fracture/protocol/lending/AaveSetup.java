package dev.fracture.protocol.lending;

import dev.fracture.model.AccountId;
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
        List<AaveAccount> accounts = new ArrayList<>();
        for (ProtocolSpec.PooledLending.Account a : spec.accounts()) {
            accounts.add(account(a, units));
        }
        return new AaveSetup(market(spec, units), accounts, oracles(spec));
    }

    /**
     * The pool of {@code spec} as a run's book holds it: the market, the feeds, and the accounts as arrays read straight
     * from the snapshot's amounts ({@link AaveAccountTable.Source}) — the accounts of {@link #of}, without a record
     * made of each (a run of a million accounts made two million balances, lists and records only to copy them into
     * the arrays).
     */
    public static Table table(ProtocolSpec.PooledLending spec, EcosystemSnapshot snapshot) {
        Units units = new Units(snapshot);
        AaveMarket market = market(spec, units);
        return new Table(market, new AaveAccountTable(market, new SpecAccounts(spec.accounts(), units)),
                oracles(spec));
    }

    /** A pool's market, its accounts as arrays, and the feed each reserve reads. */
    public record Table(AaveMarket market, AaveAccountTable accounts, Map<AssetId, OracleId> oracles) {
        public Table {
            oracles = Map.copyOf(oracles);
        }
    }

    private static AaveMarket market(ProtocolSpec.PooledLending spec, Units units) {
        List<AaveReserveConfig> reserves = new ArrayList<>();
        for (ProtocolSpec.PooledLending.Reserve r : spec.reserves()) {
            reserves.add(new AaveReserveConfig(r.asset(), units.asset(r.asset()).decimals(), r.ltvBps(),
                    r.liquidationThresholdBps(), r.liquidationBonusBps(), r.liquidationProtocolFeeBps(),
                    r.supplyCap(), r.borrowCap(), r.debtCeiling(), r.borrowableInIsolation(), r.eModeCategory()));
        }
        List<AaveEModeCategory> categories = spec.eModeCategories().stream()
                .map(c -> new AaveEModeCategory(c.id(), c.ltvBps(), c.liquidationThresholdBps(),
                        c.liquidationBonusBps()))
                .toList();
        return AaveMarket.of(reserves, categories);
    }

    private static Map<AssetId, OracleId> oracles(ProtocolSpec.PooledLending spec) {
        Map<AssetId, OracleId> oracles = new TreeMap<>();
        for (ProtocolSpec.PooledLending.Reserve r : spec.reserves()) {
            oracles.put(r.asset(), r.oracle());
        }
        return oracles;
    }

    private static AaveAccount account(ProtocolSpec.PooledLending.Account a, Units units) {
        List<AaveCollateral> collaterals = a.collaterals().stream()
                .map(s -> new AaveCollateral(s.asset(), units.of(s.asset(), s.amount()), s.usedAsCollateral()))
                .toList();
        List<AaveDebt> debts = a.debts().stream()
                .map(d -> new AaveDebt(d.asset(), units.of(d.asset(), d.amount())))
                .toList();
        return new AaveAccount(a.id(), a.eModeCategory(), collaterals, debts);
    }

    /** A spec's accounts as a table reads them, amounts converted to units as {@link #of} converts them. */
    private record SpecAccounts(List<ProtocolSpec.PooledLending.Account> accounts, Units units)
            implements AaveAccountTable.Source {
        @Override
        public int size() {
            return accounts.size();
        }

        @Override
        public AccountId id(int i) {
            return accounts.get(i).id();
        }

        @Override
        public int eModeCategory(int i) {
            return accounts.get(i).eModeCategory();
        }

        @Override
        public int collaterals(int i) {
            return accounts.get(i).collaterals().size();
        }

        @Override
        public AssetId collateralAsset(int i, int j) {
            return accounts.get(i).collaterals().get(j).asset();
        }

        @Override
        public boolean usedAsCollateral(int i, int j) {
            return accounts.get(i).collaterals().get(j).usedAsCollateral();
        }

        @Override
        public boolean collateralUnits(int i, int j, long[] words) {
            ProtocolSpec.PooledLending.Supply s = accounts.get(i).collaterals().get(j);
            return units.words(s.asset(), s.amount(), words);
        }

        @Override
        public int debts(int i) {
            return accounts.get(i).debts().size();
        }

        @Override
        public AssetId debtAsset(int i, int j) {
            return accounts.get(i).debts().get(j).asset();
        }

        @Override
        public boolean debtUnits(int i, int j, long[] words) {
            ProtocolSpec.Balance d = accounts.get(i).debts().get(j);
            return units.words(d.asset(), d.amount(), words);
        }

        @Override
        public AaveAccount record(int i) {
            return account(accounts.get(i), units);
        }
    }
}
