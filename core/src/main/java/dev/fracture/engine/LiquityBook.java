package dev.fracture.engine;

import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidationPlan;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.protocol.cdp.Deposit;
import dev.fracture.protocol.cdp.LiquityLiquidation;
import dev.fracture.protocol.cdp.LiquitySetup;
import dev.fracture.protocol.cdp.LiquitySystem;
import dev.fracture.protocol.cdp.Trove;
import dev.fracture.protocol.cdp.TroveLiquidation;
import java.util.List;

/**
 * A Liquity v1 system in a run (liquity/dev {@code TroveManager.sol} {@code liquidateTroves}, {@code StabilityPool.sol}
 * {@code offset}), through {@link LiquityLiquidation}.
 *
 * <p>Each block, when the book observes the block's prices, the protocol's keeper calls {@code liquidateTroves} at
 * the system's price feed: troves below MCR (110%) are closed, their debt cancelled against stability-pool LUSD and
 * their collateral (less the caller's 0.5%) sent to depositors at a discount; what the pool cannot cover is redistributed over the other troves; in recovery
 * mode (TCR below CCR, 150%) troves up to TCR can be liquidated, capped at 110% of their debt. Anyone may call and
 * the caller is paid 200 LUSD and 0.5% of the collateral from the protocol, so calls happen the first block they are
 * possible: no liquidator capital is involved and the book offers no opportunity to the run's liquidators.
 *
 * <p>The stability pool does not sell on venues: depositors receive the ETH and hold it (withdrawing and selling it
 * is their own later decision, not a mechanic of the protocol), so a Liquity liquidation adds no forced selling.
 * The caller's 0.5% is held too. Liquity has no bad-debt account: a trove liquidated below 100% leaves a shortfall
 * that depositors (offset) or the other troves (redistribution) absorb. The run reports that shortfall at the price
 * of the liquidation as the system's bad debt.
 */
final class LiquityBook implements ProtocolBook {
    private final ProtocolId id;
    private final ChainId chain;
    private final AssetId stablecoin;
    private final AssetId collateral;
    /** The run's reference (market) prices, for the debt still waiting to go bad ({@link #underwaterUsd}). */
    private OracleBank.ReferenceView reference = asset -> 0;
    private final OracleId oracle;
    private final LiquityLiquidation mechanic;
    private LiquitySystem system;
    private double price;
    private double stableUsd = 1;
    private double badDebtUsd;
    private final double initialDebt;
    private final double initialColl;
    private final double initialPool;
    private double offset;
    private double redistributed;
    private double collToPool;
    private double collToCallers;
    private double collSurplus;
    private double debtRemoved;
    private int liquidations;

    LiquityBook(ProtocolSpec.StabilityPoolSystem spec, LiquitySetup setup) {
        this.id = spec.id();
        this.chain = spec.chain();
        this.stablecoin = spec.stablecoin();
        this.collateral = spec.collateral();
        this.oracle = setup.oracle();
        this.mechanic = new LiquityLiquidation(setup.params());
        this.system = setup.system();
        this.initialDebt = system.totalDebt();
        this.initialColl = system.totalColl();
        this.initialPool = system.poolLusd();
    }

    @Override
    public ProtocolId id() {
        return id;
    }

    @Override
    public ChainId chain() {
        return chain;
    }

    /** Liquity's PriceFeed reads ETH/USD and counts LUSD at $1: the trove checks use the feed's USD price. */
    @Override
    public void observe(OracleBank bank, OracleBank.ReferenceView reference, long now) {
        price = bank.usd(oracle, now);
        stableUsd = reference.usd(stablecoin);
        this.reference = reference;
        liquidate();
    }

    private void liquidate() {
        for (TroveLiquidation l : mechanic.liquidateTroves(system, price, Integer.MAX_VALUE)) {
            Trove t = l.trove();
            system = l.system();
            offset += l.debtOffset();
            redistributed += l.debtRedistributed();
            debtRemoved += t.debt();
            collToPool += l.collToPool();
            collToCallers += l.collGasCompensation();
            collSurplus += l.collSurplus();
            badDebtUsd += Math.max(0, t.debt() - t.coll() * price) * stableUsd;
            liquidations++;
        }
    }

    @Override
    public List<LiquidationOpportunity> opportunities(long block) {
        return List.of();
    }

    /** Nothing to apply: liquidations are the protocol keeper's, done when the book observes. */
    @Override
    public Applied apply(LiquidationPlan plan) {
        throw new IllegalStateException("liquity " + id + " offers no opportunity, yet a plan for "
                + plan.opportunity().account() + " reached it");
    }

    int liquidations() {
        return liquidations;
    }

    /** Debt cancelled against the stability pool so far, LUSD. */
    double offsetLusd() {
        return offset;
    }

    /** Debt moved to other troves so far, LUSD. */
    double redistributedLusd() {
        return redistributed;
    }

    /** Collateral sent to depositors so far. */
    double collateralToPool() {
        return collToPool;
    }

    LiquitySystem system() {
        return system;
    }

    /**
     * Checks the system's conservation laws to 1e-9 relative (the mechanic works in doubles, see
     * {@link LiquityLiquidation}) and fails loudly when one breaks: debt offset + debt redistributed = debt of the
     * liquidated troves (debt repaid + bad debt socialized = debt removed); troves' debt + debt offset = debt at the
     * start; troves' collateral + sent to the pool + paid to callers + surplus left to owners = collateral at the
     * start; pool LUSD + debt offset = pool at the start; depositors' collateral gains = collateral sent to the pool.
     */
    void checkConservation() {
        near(offset + redistributed, debtRemoved, "offset + redistributed vs debt of liquidated troves");
        near(system.totalDebt() + offset, initialDebt, "troves' debt + offset vs debt at start");
        near(system.totalColl() + collToPool + collToCallers + collSurplus, initialColl,
                "troves' collateral + pool + callers + surplus vs collateral at start");
        near(system.poolLusd() + offset, initialPool, "pool LUSD + offset vs pool at start");
        double gains = 0;
        for (Deposit d : system.deposits().values()) {
            gains += d.collGain();
        }
        near(gains, collToPool, "depositors' gains vs collateral sent to the pool");
    }

    private void near(double actual, double expected, String what) {
        if (Math.abs(actual - expected) > 1e-9 * Math.max(1, Math.abs(expected))) {
            throw new IllegalStateException("liquity " + id + " conservation broken: " + what + ": " + actual
                    + " != " + expected);
        }
    }

    @Override
    public double debtUsd() {
        return system.totalDebt() * stableUsd;
    }

    @Override
    public double collateralUsd() {
        return system.totalColl() * price;
    }

    @Override
    public double badDebtUsd() {
        return badDebtUsd;
    }

    @Override
    public double underwaterUsd() {
        double usd = 0;
        double collateralUsd = reference.usd(collateral);
        for (Trove t : system.troves().values()) {
            if (t.debt() * stableUsd > t.coll() * collateralUsd) {
                usd += t.debt() * stableUsd;
            }
        }
        return usd;
    }
}
