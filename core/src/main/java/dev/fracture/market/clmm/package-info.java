/** Uniswap v3 concentrated-liquidity math: the v3-core libraries in exact integer form, and the swap loops. */
package dev.fracture.market.clmm;
