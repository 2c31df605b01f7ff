package dev.fracture.engine;

/**
 * How damage reached a protocol that holds none of the shocked asset itself (DESIGN.md, "contagion vectors"), in the
 * order the table assigns them: the first that the exposure graph and the run's events support.
 */
public enum ContagionChannel {
    /** It holds a token bridged from the shocked asset (WETH on an L2 when ETH crashes). */
    BRIDGED_ASSET,
    /** It holds a receipt, vault share or liquid-staking token that stands on the shocked asset. */
    RECEIPT_TOKEN,
    /** It reads an oracle feed that a scenario event corrupted, which other protocols read too. */
    SHARED_ORACLE,
    /** It holds a collateral asset that liquidations in other protocols force-sold, moving its price. */
    SHARED_COLLATERAL,
    /** Its liquidators also liquidated in directly exposed protocols: capital and inventory spent there. */
    LIQUIDATOR_CAPITAL,
    /** None of the above: the damage came from another move of the scenario. */
    NONE_FOUND
}
