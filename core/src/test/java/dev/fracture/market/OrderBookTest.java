package dev.fracture.market;

import static dev.fracture.market.Fixtures.level;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AssetId;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Walked by hand on a book of bids 99 × 1, 98 × 2, 97 × 3 and asks 101 × 1, 102 × 2, 103 × 3 (USD per ETH, ETH
 * sizes), taker fee 1000 pips = 0.1%.
 */
class OrderBookTest {
    private static final AssetId ETH = AssetId.of("ETH");
    private static final AssetId USD = AssetId.of("USD");

    private static OrderBook book() {
        return Fixtures.book(List.of(level("99", "1"), level("98", "2"), level("97", "3")),
                List.of(level("101", "1"), level("102", "2"), level("103", "3")), 1000);
    }

    @Test
    void sellingBaseWalksTheBids() {
        OrderBook book = book();
        Quote q = book.swapExactIn(ETH, USD, 2.5);
        // 1 at 99 and 1.5 at 98: 99 + 147 = 246 gross, 0.1% of it is the fee.
        assertThat(q.amountIn()).isEqualTo(2.5);
        assertThat(q.amountOut()).isCloseTo(246 * 0.999, within(1e-12));
        assertThat(q.feePaid()).isCloseTo(0.246, within(1e-12));
        assertThat(q.spotBefore()).isEqualTo(100.0);
        assertThat(q.spotAfter()).isEqualTo((98 + 101) / 2.0);
        assertThat(q.complete()).isTrue();
        assertThat(book.levels(OrderBook.Side.BID))
                .containsExactly(new OrderBook.Level(98, 0.5), new OrderBook.Level(97, 3));
        assertThat(book.levels(OrderBook.Side.ASK)).hasSize(3);
    }

    @Test
    void buyingBaseWithQuoteExactInWalksTheAsks() {
        OrderBook book = book();
        Quote q = book.swapExactIn(USD, ETH, 250);
        // 101 buys 1 ETH; the other 149 buy 149/102 ETH at 102.
        double gross = 1 + 149 / 102.0;
        assertThat(q.amountOut()).isCloseTo(gross * 0.999, within(1e-12));
        assertThat(q.feePaid()).isCloseTo(gross * 0.001, within(1e-12));
        assertThat(q.spotBefore()).isEqualTo(0.01);
        assertThat(book.levels(OrderBook.Side.ASK).get(0).price()).isEqualTo(102);
        assertThat(book.levels(OrderBook.Side.ASK).get(0).size()).isCloseTo(2 - 149 / 102.0, within(1e-12));
    }

    @Test
    void exactOutFillsTheGrossOutputBeforeTheFee() {
        OrderBook book = book();
        Quote q = book.quoteExactOut(USD, ETH, 3);
        // 3 ETH net needs 3/0.999 gross: 1 at 101, 2 at 102, the remaining 0.003003... at 103.
        double rest = 3 / 0.999 - 3;
        assertThat(q.amountOut()).isEqualTo(3.0);
        assertThat(q.amountIn()).isCloseTo(101 + 204 + rest * 103, within(1e-9));
        Quote sell = book.quoteExactOut(ETH, USD, 99 * 0.999);
        assertThat(sell.amountIn()).isCloseTo(1.0, within(1e-12));
    }

    @Test
    void marketOrderThatExhaustsTheBookIsIncomplete() {
        OrderBook book = book();
        Quote q = book.swapExactIn(ETH, USD, 10);
        assertThat(q.complete()).isFalse();
        assertThat(q.amountIn()).isEqualTo(6.0);
        assertThat(q.amountOut()).isCloseTo((99 + 196 + 291) * 0.999, within(1e-9));
        assertThat(book.levels(OrderBook.Side.BID)).isEmpty();
        // With no bids the mid is the best ask.
        assertThat(book.spotPrice(ETH, USD)).isEqualTo(101.0);
        assertThat(book.marginalRate(ETH, USD)).isZero();
        assertThat(book.quoteExactOut(USD, ETH, 100).complete()).isFalse();
    }

    @Test
    void limitOrdersJoinTheirLevelOrOpenANewOne() {
        OrderBook book = book();
        book.placeLimit(OrderBook.Side.BID, 99, 2);
        book.placeLimit(OrderBook.Side.BID, 99.5, 1);
        book.placeLimit(OrderBook.Side.BID, 90, 4);
        book.placeLimit(OrderBook.Side.ASK, 102.5, 1);
        assertThat(book.levels(OrderBook.Side.BID)).containsExactly(new OrderBook.Level(99.5, 1),
                new OrderBook.Level(99, 3), new OrderBook.Level(98, 2), new OrderBook.Level(97, 3),
                new OrderBook.Level(90, 4));
        assertThat(book.levels(OrderBook.Side.ASK)).extracting(OrderBook.Level::price)
                .containsExactly(101.0, 102.0, 102.5, 103.0);
        assertThat(book.spotPrice(ETH, USD)).isEqualTo(100.25);
        // The new best bid fills first.
        assertThat(book.quoteExactIn(ETH, USD, 1).amountOut()).isCloseTo(99.5 * 0.999, within(1e-12));
    }

    @Test
    void limitOrdersAreRejectedWhenTheyWouldCross() {
        OrderBook book = book();
        assertThatThrownBy(() -> book.placeLimit(OrderBook.Side.BID, 101, 1))
                .hasMessage("venue book: bid at 101.0 would cross the best ask 101.0 (placeLimit is post-only)");
        assertThatThrownBy(() -> book.placeLimit(OrderBook.Side.ASK, 98, 1))
                .hasMessage("venue book: ask at 98.0 would cross the best bid 99.0 (placeLimit is post-only)");
        assertThatThrownBy(() -> book.placeLimit(OrderBook.Side.ASK, 105, -1))
                .hasMessage("venue book: limit size must be finite and positive, got -1.0");
        assertThatThrownBy(() -> book.placeLimit(OrderBook.Side.ASK, Double.NaN, 1))
                .hasMessage("venue book: limit price must be finite and positive, got NaN");
    }

    @Test
    void depthIsTheVolumeWithinTheMoveFromTheMid() {
        OrderBook book = book();
        // Mid 100: bids at or above 98 hold 3 ETH; asks at or below 100/0.98 = 102.04 cost 101 + 204 USD.
        assertThat(book.depth(ETH, USD, 0.02)).isEqualTo(3.0);
        assertThat(book.depth(USD, ETH, 0.02)).isEqualTo(305.0);
        assertThat(book.depth(ETH, USD, 0)).isZero();
        // Beyond the last level: the whole side.
        assertThat(book.depth(ETH, USD, 0.5)).isEqualTo(6.0);
    }

    @Test
    void marginalRateIsTheBestPriceAfterFee() {
        OrderBook book = book();
        assertThat(book.marginalRate(ETH, USD)).isCloseTo(99 * 0.999, within(1e-12));
        assertThat(book.marginalRate(USD, ETH)).isCloseTo(0.999 / 101, within(1e-15));
        assertThat(book.spotPrice(USD, ETH)).isEqualTo(0.01);
    }

    @Test
    void liquidityProfileBucketsTheLevels() {
        LiquidityProfile p = book().liquidityProfile(ETH, USD, 2, 0.04);
        assertThat(p.spot()).isEqualTo(100.0);
        assertThat(p.bands()).extracting(LiquidityProfile.Band::priceLower).containsExactly(96.0, 98.0, 100.0, 102.0);
        // [96, 98): 97 × 3; [98, 100]: 99 × 1 and 98 × 2; asks [100, 102]: 1 + 2; (102, 104]: 3.
        assertThat(p.bands()).extracting(LiquidityProfile.Band::baseAmount).containsExactly(3.0, 3.0, 3.0, 3.0);
        LiquidityProfile inverted = book().liquidityProfile(USD, ETH, 1, 0.5);
        assertThat(inverted.spot()).isEqualTo(0.01);
        // Below the spot of USD in ETH the book buys USD with its asks: 101 + 204 + 309 USD.
        assertThat(inverted.bands().get(0).baseAmount()).isCloseTo(614, within(1e-9));
        assertThat(inverted.bands().get(1).baseAmount()).isCloseTo(99 + 196 + 291, within(1e-9));
    }

    @Test
    void quoteDoesNotChangeTheBookAndCopyIsIndependent() {
        OrderBook book = book();
        book.quoteExactIn(ETH, USD, 5);
        book.quoteExactOut(USD, ETH, 5);
        assertThat(book.levels(OrderBook.Side.BID)).hasSize(3);
        OrderBook copy = book.copy();
        copy.swapExactIn(ETH, USD, 5);
        copy.placeLimit(OrderBook.Side.ASK, 120, 1);
        assertThat(book.levels(OrderBook.Side.BID)).hasSize(3);
        assertThat(book.levels(OrderBook.Side.ASK)).hasSize(3);
    }

    @Test
    void specMustBeOrderedAndUncrossed() {
        assertThatThrownBy(() -> Fixtures.book(List.of(level("98", "1"), level("99", "1")), List.of(), 0))
                .hasMessage("venue book: bids must be strictly descending (best first), but bids[1].price 99.0 "
                        + "follows 98.0");
        assertThatThrownBy(() -> Fixtures.book(List.of(level("101", "1")), List.of(level("100", "1")), 0))
                .hasMessage("venue book: book is crossed: best bid 101.0 >= best ask 100.0");
        assertThatThrownBy(() -> Fixtures.book(List.of(level("101", "0")), List.of(), 0))
                .hasMessage("venue book: bids[0].size must be positive, got 0");
        assertThatThrownBy(() -> Fixtures.book(List.of(), List.of(), 1_000_000))
                .hasMessage("venue book: takerFeePips must be in [0, 1000000), got 1000000");
    }

    @Test
    void emptyBookHasNoSpotAndFillsNothing() {
        OrderBook book = Fixtures.book(List.of(), List.of(), 0);
        assertThat(book.spotPrice(ETH, USD)).isNaN();
        assertThat(book.liquidityProfile(ETH, USD, 3, 0.1).bands()).isEmpty();
        Quote q = book.quoteExactIn(ETH, USD, 1);
        assertThat(q.complete()).isFalse();
        assertThat(q.amountOut()).isZero();
        assertThat(book.quoteExactIn(ETH, USD, 0).complete()).isTrue();
    }
}
