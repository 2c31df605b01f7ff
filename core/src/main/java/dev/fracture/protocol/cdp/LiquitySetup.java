package dev.fracture.protocol.cdp;

import dev.fracture.model.AccountId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolSpec;
import java.util.List;
import java.util.TreeMap;

/**
 * A Liquity system of a snapshot in the mechanics' terms. The snapshot holds the stability pool's total, not each
 * depositor's share, so the pool becomes one deposit held by {@link #POOL_DEPOSITOR}: offsets and gains split pro rata
 * in Liquity, so one aggregate depositor gives the same totals.
 */
public record LiquitySetup(LiquityParams params, LiquitySystem system, OracleId oracle) {
    public static final AccountId POOL_DEPOSITOR = AccountId.of("stability-pool");

    public static LiquitySetup of(ProtocolSpec.StabilityPoolSystem spec, EcosystemSnapshot snapshot) {
        LiquityParams params = new LiquityParams(spec.mcr(), spec.ccr(),
                spec.gasCompensation().movePointRight(18).toBigIntegerExact(), spec.percentDivisor());
        List<Trove> troves = spec.troves().stream()
                .map(t -> new Trove(t.owner(), t.coll().doubleValue(), t.debt().doubleValue()))
                .toList();
        TreeMap<AccountId, Deposit> deposits = new TreeMap<>();
        if (spec.poolDeposits().signum() > 0) {
            deposits.put(POOL_DEPOSITOR, new Deposit(spec.poolDeposits().doubleValue(), 0));
        }
        return new LiquitySetup(params, LiquitySystem.of(troves, deposits), spec.oracle());
    }
}
