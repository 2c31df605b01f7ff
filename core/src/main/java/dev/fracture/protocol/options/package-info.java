/** Options dealers: Black–Scholes–Merton pricing and greeks, a volatility surface, option vaults, dealer books, delta hedging through venues and the gamma map. */
package dev.fracture.protocol.options;
