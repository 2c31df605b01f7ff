package dev.fracture.protocol.perp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The struct-of-arrays book against the record path ({@link PerpMargin}) on seeded random accounts and marks. */
class PerpAccountBookTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void fastPathFindsExactlyTheScopesTheRecordPathFinds(long seed) {
        int markets = 20;
        PerpMarkets pm = RandomPerpAccounts.markets(markets);
        List<PerpAccount> accounts = RandomPerpAccounts.accounts(seed, 5_000, markets);
        PerpAccountBook book = PerpAccountBook.of(accounts, pm, RandomPerpAccounts.ids(markets));
        SplittableRandom rnd = new SplittableRandom(seed * 31);
        double[] marks = new double[markets];
        Map<String, Double> markMap = new HashMap<>();
        for (int m = 0; m < markets; m++) {
            marks[m] = 100 * (m + 1) * (0.8 + 0.4 * rnd.nextDouble());
            markMap.put("M" + m, marks[m]);
        }
        Marks mk = new Marks(markMap);
        List<String> expected = new ArrayList<>();
        for (PerpAccount a : accounts) {
            boolean hasCross = a.positions().stream().anyMatch(p -> p.mode() == MarginMode.CROSS);
            if (hasCross && PerpMargin.DEFAULT.crossLiquidatable(a, pm, mk)) {
                expected.add(a.id() + "/cross");
            }
            for (PerpPosition p : a.positions()) {
                if (p.mode() == MarginMode.ISOLATED && PerpMargin.DEFAULT.isolatedLiquidatable(p, pm, mk)) {
                    expected.add(a.id() + "/" + p.market());
                }
            }
        }
        List<String> fast = new ArrayList<>();
        for (int r : book.liquidatable(marks)) {
            fast.add(book.owner(r) + "/" + (book.isolatedMarket(r) == null ? "cross" : book.isolatedMarket(r)));
        }
        assertThat(fast).containsExactlyElementsOf(expected);
        assertThat(expected).isNotEmpty();
        Map<String, PerpAccount> byId = new HashMap<>();
        accounts.forEach(a -> byId.put(a.id().value(), a));
        for (int r = 0; r < book.size(); r += 97) {
            PerpAccount a = byId.get(book.owner(r).value());
            double v = book.isolatedMarket(r) == null ? PerpMargin.DEFAULT.crossValue(a, mk)
                    : PerpMargin.DEFAULT.isolatedValue(a.position(book.isolatedMarket(r)).orElseThrow(), mk);
            assertThat(book.value(r, marks)).isCloseTo(v, within(1e-9 * Math.max(1, Math.abs(v))));
        }
    }
}
