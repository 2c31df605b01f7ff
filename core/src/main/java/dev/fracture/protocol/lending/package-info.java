/** Lending mechanics: Aave v3 pooled lending, Compound v3 (Comet) absorb and storefront, Morpho Blue isolated markets, and the liquidation-price index. */
package dev.fracture.protocol.lending;
