package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.agent.UsdPrices;
import dev.fracture.model.AssetId;
import org.junit.jupiter.api.Test;

/**
 * A round's prices object is the last round's exactly while no reference price moved, and a new one, reading the
 * moved prices, once any did: ledgers keep their inventory's value per object, so a kept object over moved prices
 * would hand a round stale values. Moved prices from {@link ReferencePricesWrapperTest}'s impact law, worked by hand.
 */
class RoundPricesTest {
    private static final AssetId ETH = AssetId.of("eth");
    private static final AssetId STETH = AssetId.of("steth");
    private static final AssetId WST = AssetId.of("wst");

    @Test
    void theLastRoundsObjectStandsUntilAPriceMoves() {
        ReferencePrices prices = ReferencePricesWrapperTest.prices(true);
        RoundPrices rounds = new RoundPrices();
        UsdPrices first = rounds.of(prices);
        assertThat(first.usd(STETH)).isEqualTo(2000);
        assertThat(rounds.of(prices)).isSameAs(first);
        // A new block at the same base prices and no forced selling: nothing moved.
        prices.update(12);
        assertThat(rounds.of(prices)).isSameAs(first);
        // A sale of 4M wstETH presses stETH down 0.02·√(4M / 100M) = 0.4%: to 1,992, and wstETH to 2,390.4.
        prices.addForcedSale(WST, 4e6);
        prices.update(24);
        UsdPrices moved = rounds.of(prices);
        assertThat(moved).isNotSameAs(first);
        assertThat(moved.usd(STETH)).isCloseTo(1992, within(1e-9));
        assertThat(moved.usd(WST)).isCloseTo(2390.4, within(1e-9));
        assertThat(moved.usd(ETH)).isEqualTo(2000);
        assertThat(rounds.of(prices)).isSameAs(moved);
    }

    @Test
    void anotherPricesInstanceGetsItsOwnObjectEvenAtEqualPrices() {
        RoundPrices rounds = new RoundPrices();
        UsdPrices one = rounds.of(ReferencePricesWrapperTest.prices(true));
        ReferencePrices other = ReferencePricesWrapperTest.prices(true);
        UsdPrices two = rounds.of(other);
        assertThat(two).isNotSameAs(one);
        assertThat(rounds.of(other)).isSameAs(two);
    }
}
