/** Perpetual exchanges: tiered margin, mark price, funding, cross and isolated accounts, the liquidation waterfall (book, backstop vault, insurance fund, auto-deleveraging, socialized loss) and the GMX-style pool variant. */
package dev.fracture.protocol.perp;
