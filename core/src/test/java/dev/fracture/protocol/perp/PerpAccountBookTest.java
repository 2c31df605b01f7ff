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

    @ParameterizedTest
    @ValueSource(longs = {11, 12, 13})
    void aRebuiltBookIsTheBookBuiltAfresh(long seed) {
        int markets = 12;
        PerpMarkets pm = RandomPerpAccounts.markets(markets);
        List<String> order = RandomPerpAccounts.ids(markets);
        List<PerpAccount> accounts = new ArrayList<>(RandomPerpAccounts.accounts(seed, 3_000, markets));
        PerpAccountBook book = PerpAccountBook.of(accounts, pm, order);
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int step = 0; step < 6; step++) {
            // Replace a few accounts (some in runs, the first and last among them): positions dropped, halved, or
            // moved into isolated margin — the shapes a liquidation leaves — and some by an equal but new object.
            for (int c = 0; c < 40; c++) {
                int k = c == 0 ? 0 : c == 1 ? accounts.size() - 1 : rnd.nextInt(accounts.size());
                PerpAccount a = accounts.get(k);
                List<PerpPosition> positions = new ArrayList<>();
                for (PerpPosition p : a.positions()) {
                    switch (rnd.nextInt(4)) {
                        case 0 -> { }
                        case 1 -> positions.add(p.mode() == MarginMode.CROSS
                                ? PerpPosition.cross(p.market(), p.size() / 2, p.entryPrice())
                                : PerpPosition.isolated(p.market(), p.size() / 2, p.entryPrice(), p.isolatedMargin()));
                        case 2 -> positions.add(PerpPosition.isolated(p.market(), p.size(), p.entryPrice(), 1_000));
                        default -> positions.add(p);
                    }
                }
                accounts.set(k, new PerpAccount(a.id(), a.crossCollateral() * 0.9, positions));
            }
            book = book.rebuilt(accounts);
            PerpAccountBook fresh = PerpAccountBook.of(accounts, pm, order);
            double[] marks = new double[markets];
            for (int m = 0; m < markets; m++) {
                marks[m] = 100 * (m + 1) * (0.7 + 0.6 * rnd.nextDouble());
            }
            assertThat(book.size()).isEqualTo(fresh.size());
            for (int r = 0; r < fresh.size(); r++) {
                assertThat(book.owner(r)).isEqualTo(fresh.owner(r));
                assertThat(book.isolatedMarket(r)).isEqualTo(fresh.isolatedMarket(r));
                assertThat(book.value(r, marks)).isEqualTo(fresh.value(r, marks));
                assertThat(book.maintenance(r, marks)).isEqualTo(fresh.maintenance(r, marks));
            }
            assertThat(book.liquidatable(marks)).containsExactly(fresh.liquidatable(marks));
        }
    }
}
