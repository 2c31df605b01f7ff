package dev.fracture.engine;

/**
 * The cost of fragmentation in a crash: the same setup run as it is and as the unified-liquidity counterfactual
 * ({@link MarketDynamics#unified()}: every pair's venues merged into one pool, bridges instant), and the differences,
 * fragmented minus unified — positive where fragmentation made things worse.
 *
 * @param badDebtUsd     bad debt realized
 * @param liquidatedUsd  debt repaid by liquidations
 * @param drawdown       maximum drawdown of the shocked asset's reference price (a fraction)
 * @param slippageUsd    slippage paid by liquidators selling seized collateral
 */
public record FragmentationCost(SimulationResult fragmented, SimulationResult unified, double badDebtUsd,
                                double liquidatedUsd, double drawdown, double slippageUsd) {

    /** Runs both and reports the differences. */
    public static FragmentationCost of(SimulationSetup setup) {
        SimulationSetup base = setup.withDynamics(setup.dynamics().withUnified(false));
        SimulationResult f = CascadeSimulator.DEFAULT.run(base);
        SimulationResult u = CascadeSimulator.DEFAULT.run(setup.withDynamics(setup.dynamics().withUnified(true)));
        return of(f, u);
    }

    /** The differences between two finished runs of one setup, fragmented and unified. */
    public static FragmentationCost of(SimulationResult fragmented, SimulationResult unified) {
        Summary f = fragmented.summary();
        Summary u = unified.summary();
        double ddF = f.maxDrawdown().getOrDefault(f.shockedAsset(), 0.0);
        double ddU = u.maxDrawdown().getOrDefault(u.shockedAsset(), 0.0);
        return new FragmentationCost(fragmented, unified, f.totalBadDebtUsd() - u.totalBadDebtUsd(),
                f.liquidatedUsd() - u.liquidatedUsd(), ddF - ddU, f.totalSlippageUsd() - u.totalSlippageUsd());
    }
}
