/** Liquidity venues behind one {@link dev.fracture.market.Venue} interface, and the router that splits orders across them. */
package dev.fracture.market;
