package dev.fracture.protocol.lending;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** One Aave v3 account: its e-mode category (0 = none), supplied balances and debts, each asset at most once. */
public record AaveAccount(AccountId id, int eModeCategory, List<AaveCollateral> collaterals, List<AaveDebt> debts) {
    public AaveAccount {
        Objects.requireNonNull(id, "id");
        Require.range(eModeCategory, 0, 255, "account " + id + " eModeCategory");
        collaterals = List.copyOf(collaterals);
        debts = List.copyOf(debts);
        Set<AssetId> seen = new HashSet<>();
        for (AaveCollateral c : collaterals) {
            if (!seen.add(c.asset())) {
                throw new IllegalArgumentException("account " + id + ": collateral " + c.asset() + " listed twice");
            }
        }
        seen.clear();
        for (AaveDebt d : debts) {
            if (!seen.add(d.asset())) {
                throw new IllegalArgumentException("account " + id + ": debt " + d.asset() + " listed twice");
            }
        }
    }

    public BigInteger collateralBalance(AssetId asset) {
        for (AaveCollateral c : collaterals) {
            if (c.asset().equals(asset)) {
                return c.balance();
            }
        }
        return BigInteger.ZERO;
    }

    public BigInteger debtBalance(AssetId asset) {
        for (AaveDebt d : debts) {
            if (d.asset().equals(asset)) {
                return d.balance();
            }
        }
        return BigInteger.ZERO;
    }

    /** A copy with one collateral balance and one debt balance replaced (zero balances are dropped). */
    AaveAccount withBalances(AssetId collateral, BigInteger newCollateral, AssetId debt, BigInteger newDebt) {
        List<AaveCollateral> cs = new ArrayList<>();
        for (AaveCollateral c : collaterals) {
            if (!c.asset().equals(collateral)) {
                cs.add(c);
            } else if (newCollateral.signum() > 0) {
                cs.add(new AaveCollateral(collateral, newCollateral, c.usedAsCollateral()));
            }
        }
        List<AaveDebt> ds = new ArrayList<>();
        for (AaveDebt d : debts) {
            if (!d.asset().equals(debt)) {
                ds.add(d);
            } else if (newDebt.signum() > 0) {
                ds.add(new AaveDebt(debt, newDebt));
            }
        }
        return new AaveAccount(id, eModeCategory, cs, ds);
    }

    /**
     * The text the record's generated {@code toString} gives, character for character, made by concatenation: this
     * JDK's generated one goes through {@code String.format}, a parse of its pattern on every call (the run's state
     * hash read this text for every account until it read the book's positions as bytes, {@code DigestBytes}).
     */
    @Override
    public String toString() {
        return "AaveAccount[id=" + id + ", eModeCategory=" + eModeCategory + ", collaterals=" + collaterals
                + ", debts=" + debts + "]";
    }
}
