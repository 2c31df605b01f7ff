package dev.fracture.oracle;

/**
 * What moving a TWAP feed costs through one venue.
 *
 * @param spotMoveFraction  how far each push moves the venue's spot price (0.1 = 10%)
 * @param tradeAmount       the input of one push, in units of the token sold
 * @param pushes            how many pushes: 1 without arbitrage, k when arbitrage undoes each block's push
 * @param costPerPush       quote units lost per push (without arbitrage: the round trip, push and unwind)
 * @param totalCost         pushes × costPerPush, in quote units
 */
public record ManipulationCost(double spotMoveFraction, double tradeAmount, int pushes, double costPerPush,
                               double totalCost) {
}
