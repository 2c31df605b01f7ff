package dev.fracture.protocol.cdp;

import dev.fracture.model.AccountId;
import java.util.Collections;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The part of a Liquity v1 deployment that liquidations touch: the active troves, the stability pool's deposits and
 * the collateral surplus owners can claim after a capped recovery-mode liquidation. Maps are copied, unmodifiable and
 * ordered by owner, so every iteration is deterministic.
 *
 * @param troves      active troves by owner
 * @param deposits    stability-pool deposits by depositor
 * @param collSurplus collateral claimable by former trove owners ({@code CollSurplusPool}) [ETH]
 */
public record LiquitySystem(SortedMap<AccountId, Trove> troves, SortedMap<AccountId, Deposit> deposits,
                            SortedMap<AccountId, Double> collSurplus) {
    public LiquitySystem {
        Checks.notNull(troves, "troves");
        Checks.notNull(deposits, "deposits");
        Checks.notNull(collSurplus, "collSurplus");
        troves.forEach((owner, trove) -> {
            if (!trove.owner().equals(owner)) {
                throw new IllegalArgumentException("troves: key " + owner + " holds the trove of " + trove.owner());
            }
        });
        collSurplus.values().forEach(v -> Checks.nonNegative(v, "collSurplus"));
        troves = Collections.unmodifiableSortedMap(new TreeMap<>(troves));
        deposits = Collections.unmodifiableSortedMap(new TreeMap<>(deposits));
        collSurplus = Collections.unmodifiableSortedMap(new TreeMap<>(collSurplus));
    }

    /** A system from troves and deposits, with no surplus yet. */
    public static LiquitySystem of(Iterable<Trove> troves, SortedMap<AccountId, Deposit> deposits) {
        TreeMap<AccountId, Trove> byOwner = new TreeMap<>();
        for (Trove t : troves) {
            if (byOwner.put(t.owner(), t) != null) {
                throw new IllegalArgumentException("troves: owner " + t.owner() + " has more than one trove");
            }
        }
        return new LiquitySystem(byOwner, deposits, new TreeMap<>());
    }

    /** The trove of {@code owner}; an owner without an active trove is an argument error. */
    public Trove trove(AccountId owner) {
        Trove t = troves.get(owner);
        if (t == null) {
            throw new IllegalArgumentException("owner " + owner + ": no active trove");
        }
        return t;
    }

    public double totalColl() {
        double sum = 0;
        for (Trove t : troves.values()) {
            sum += t.coll();
        }
        return sum;
    }

    public double totalDebt() {
        double sum = 0;
        for (Trove t : troves.values()) {
            sum += t.debt();
        }
        return sum;
    }

    /** LUSD in the stability pool. */
    public double poolLusd() {
        double sum = 0;
        for (Deposit d : deposits.values()) {
            sum += d.lusd();
        }
        return sum;
    }

    /** Total collateral ratio at {@code price}; infinite without debt. */
    public double tcr(double price) {
        double debt = totalDebt();
        return debt == 0 ? Double.POSITIVE_INFINITY : totalColl() * price / debt;
    }
}
