package dev.fracture.engine;

import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.model.AssetId;
import dev.fracture.mitigation.MitigationSet;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.scenario.MitigationSpec;
import java.util.List;
import java.util.Map;

/**
 * Everything one run needs: the ecosystem, how long to run, the seed, the base price paths, the impact law per
 * asset (assets without one are not moved by forced selling), the liquidator population, and how much capital
 * arbitrageurs bring to each venue per block, the mitigations switched on (docs/mitigations.md), applied in the
 * order listed, and the market's own dynamics ({@link MarketDynamics}: scenario events, liquidity providers,
 * cross-chain inventories, the unified-liquidity switch).
 */
public record SimulationSetup(EcosystemSnapshot snapshot, long horizonSeconds, long seed, BasePrices basePrices,
                              Map<AssetId, SquareRootImpact> impact, List<LiquidatorProfile> liquidators,
                              double arbitrageCapitalUsdPerBlock, BaseFees baseFees, List<OracleFault> oracleFaults,
                              List<BackingLoss> backingLosses, List<MitigationSpec> mitigations,
                              MarketDynamics dynamics) {

    /** Arbitrage capital per venue and block when a scenario does not say: USD. */
    public static final double DEFAULT_ARBITRAGE_CAPITAL_USD_PER_BLOCK = 5_000_000;

    /** The base fee of a chain at a time, gwei (gas spikes change it). */
    @FunctionalInterface
    public interface BaseFees {
        double gwei(dev.fracture.model.Chain chain, long t);
    }

    /** An oracle that stops updating ({@code factor} 1) or reports {@code factor} times the truth, over a window. */
    public record OracleFault(dev.fracture.model.OracleId oracle, long fromSeconds, long toSeconds, boolean frozen,
                              double factor) {
        boolean active(long t) {
            return t >= fromSeconds && t < toSeconds;
        }
    }

    /** From {@code atSeconds}, tokens minted by {@code bridge} are backed only by {@code 1 − loss} of their origin. */
    public record BackingLoss(dev.fracture.model.BridgeId bridge, long atSeconds, double loss) {
    }

    /** A setup with faults and backing losses, no mitigation and no other market dynamics. */
    public SimulationSetup(EcosystemSnapshot snapshot, long horizonSeconds, long seed, BasePrices basePrices,
                           Map<AssetId, SquareRootImpact> impact, List<LiquidatorProfile> liquidators,
                           double arbitrageCapitalUsdPerBlock, BaseFees baseFees, List<OracleFault> oracleFaults,
                           List<BackingLoss> backingLosses) {
        this(snapshot, horizonSeconds, seed, basePrices, impact, liquidators, arbitrageCapitalUsdPerBlock, baseFees,
                oracleFaults, backingLosses, List.of(), MarketDynamics.NONE);
    }

    /** This setup with {@code mitigations} switched on instead of its own. */
    public SimulationSetup withMitigations(List<MitigationSpec> mitigations) {
        return new SimulationSetup(snapshot, horizonSeconds, seed, basePrices, impact, liquidators,
                arbitrageCapitalUsdPerBlock, baseFees, oracleFaults, backingLosses, mitigations, dynamics);
    }

    /** The same setup with other market dynamics. */
    public SimulationSetup withDynamics(MarketDynamics d) {
        return new SimulationSetup(snapshot, horizonSeconds, seed, basePrices, impact, liquidators,
                arbitrageCapitalUsdPerBlock, baseFees, oracleFaults, backingLosses, mitigations, d);
    }

    /** What a run uses once its mitigations are built: the snapshot they prepared, and no specs left to apply. */
    SimulationSetup prepared(EcosystemSnapshot preparedSnapshot) {
        return new SimulationSetup(preparedSnapshot, horizonSeconds, seed, basePrices, impact, liquidators,
                arbitrageCapitalUsdPerBlock, baseFees, oracleFaults, backingLosses, List.of(), dynamics);
    }

    /** A setup with the snapshot's gas prices and no faults. */
    public SimulationSetup(EcosystemSnapshot snapshot, long horizonSeconds, long seed, BasePrices basePrices,
                           Map<AssetId, SquareRootImpact> impact, List<LiquidatorProfile> liquidators,
                           double arbitrageCapitalUsdPerBlock) {
        this(snapshot, horizonSeconds, seed, basePrices, impact, liquidators, arbitrageCapitalUsdPerBlock,
                (chain, t) -> chain.gas().baseFeeGwei(), List.of(), List.of());
    }

    public SimulationSetup {
        if (snapshot == null || basePrices == null) {
            throw new IllegalArgumentException("simulation: snapshot and base prices are required");
        }
        if (horizonSeconds <= 0) {
            throw new IllegalArgumentException("simulation: horizonSeconds must be > 0 (was " + horizonSeconds + ")");
        }
        if (!(arbitrageCapitalUsdPerBlock >= 0) || Double.isInfinite(arbitrageCapitalUsdPerBlock)) {
            throw new IllegalArgumentException("simulation: arbitrageCapitalUsdPerBlock must be a finite number >= 0 "
                    + "(was " + arbitrageCapitalUsdPerBlock + ")");
        }
        if (baseFees == null) {
            throw new IllegalArgumentException("simulation: base fees are required");
        }
        oracleFaults = oracleFaults == null ? List.of() : List.copyOf(oracleFaults);
        backingLosses = backingLosses == null ? List.of() : List.copyOf(backingLosses);
        impact = impact == null ? Map.of() : Map.copyOf(impact);
        dynamics = dynamics == null ? MarketDynamics.NONE : dynamics;
        mitigations = mitigations == null ? List.of() : List.copyOf(mitigations);
        MitigationSet.check(mitigations, snapshot);
        liquidators = liquidators == null ? List.of() : List.copyOf(liquidators);
        for (AssetId a : impact.keySet()) {
            if (snapshot.asset(a).isEmpty()) {
                throw new IllegalArgumentException("simulation: impact names unknown asset '" + a + "'");
            }
        }
    }
}
