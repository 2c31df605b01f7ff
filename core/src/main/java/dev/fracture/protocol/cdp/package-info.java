/**
 * Collateralized-debt-position mechanics: Maker/Sky vaults with Liquidations 2.0 (Vat, Spotter, Jug, Dog, Clipper,
 * abaci) and the 2020 liquidations (Cat, Flipper) in exact WAD/RAY/RAD integer arithmetic, and the Liquity v1 trove
 * liquidation against its stability pool.
 */
package dev.fracture.protocol.cdp;
