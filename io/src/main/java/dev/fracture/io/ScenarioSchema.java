package dev.fracture.io;

import java.util.List;

/** The type names of the scenario file format: price drivers, return generators, events and mitigations. */
final class ScenarioSchema {
    static final String STEP = "step";
    static final String PATH = "path";
    static final String STOCHASTIC = "stochastic";
    static final String DEPEG = "depeg";
    static final List<String> DRIVER_TYPES = List.of(STEP, PATH, STOCHASTIC, DEPEG);

    static final String GBM = "gbm";
    static final String MERTON = "merton";
    static final String GARCH = "garch";
    static final String BOOTSTRAP = "bootstrap";
    static final List<String> GENERATOR_TYPES = List.of(GBM, MERTON, GARCH, BOOTSTRAP);

    static final String ORACLE_FREEZE = "oracle-freeze";
    static final String ORACLE_STALE = "oracle-stale";
    static final String ORACLE_WRONG_VALUE = "oracle-wrong-value";
    static final String BRIDGE_HALT = "bridge-halt";
    static final String BRIDGE_EXPLOIT = "bridge-exploit";
    static final String LIQUIDITY_WITHDRAWAL = "liquidity-withdrawal";
    static final String GAS_SPIKE = "gas-spike";
    static final String STABLECOIN_DEPEG = "stablecoin-depeg";
    static final List<String> EVENT_TYPES = List.of(ORACLE_FREEZE, ORACLE_STALE, ORACLE_WRONG_VALUE, BRIDGE_HALT,
            BRIDGE_EXPLOIT, LIQUIDITY_WITHDRAWAL, GAS_SPIKE, STABLECOIN_DEPEG);

    static final String CIRCUIT_BREAKER = "circuit-breaker";
    static final String LIQUIDATION_RATE_LIMIT = "liquidation-rate-limit";
    static final String PROGRESSIVE_PENALTY = "progressive-penalty";
    static final String INTERNAL_DUTCH_AUCTION = "internal-dutch-auction";
    static final String COLLATERAL_SEGMENTATION = "collateral-segmentation";
    static final String ISOLATED_MARKETS = "isolated-markets";
    static final String BACKSTOP = "backstop";
    static final String SYNTHETIC_LIQUIDITY_LAYER = "synthetic-liquidity-layer";
    static final String LIQUIDITY_INCENTIVES = "liquidity-incentives";
    static final String DYNAMIC_PARAMETERS = "dynamic-parameters";
    static final List<String> MITIGATION_TYPES = List.of(CIRCUIT_BREAKER, LIQUIDATION_RATE_LIMIT, PROGRESSIVE_PENALTY,
            INTERNAL_DUTCH_AUCTION, COLLATERAL_SEGMENTATION, ISOLATED_MARKETS, BACKSTOP, SYNTHETIC_LIQUIDITY_LAYER,
            LIQUIDITY_INCENTIVES, DYNAMIC_PARAMETERS);

    static final List<String> SCOPES = List.of("liquidations", "trading");

    private ScenarioSchema() {
    }
}
