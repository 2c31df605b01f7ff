/**
 * Mitigations the engine can switch on (issue 5, "Mitigations"; docs/mitigations.md): circuit breakers, liquidation
 * rate limits, progressive penalties, internal Dutch auctions, collateral segmentation, isolated markets, backstops,
 * a synthetic liquidity layer, liquidity incentives and dynamic parameters. Each is built from its
 * {@link dev.fracture.scenario.MitigationSpec} by {@link dev.fracture.mitigation.MitigationSet} and acts through the
 * hooks of {@link dev.fracture.mitigation.Mitigation}, which the cascade engine calls at fixed points of a block.
 */
package dev.fracture.mitigation;
