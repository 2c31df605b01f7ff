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
        Exchange x = Exchange.drawn(seed);
        List<PerpAccount> accounts = x.accounts();
        PerpAccountBook book = x.fresh();
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
            PerpAccountBook fresh = x.fresh();
            assertThat(book.size()).as("a rebuild from built books keeps no empty rows").isEqualTo(fresh.size());
            assertSameBook(book, fresh, randomMarks(rnd, Exchange.MARKETS));
        }
    }

    /**
     * A book patched at the accounts a step replaced holds the scopes of the book built afresh from the accounts
     * after it, step after step: when every replacement keeps its positions or some of them (sizes scaled,
     * collateral and margins changed, positions closed: patched, keeping empty rows), and when one moves a position
     * into isolated margin, which the patch cannot lay out and rebuilds (reading the other accounts' rows, empty ones
     * included, from the patched book). An index named twice and the first and last accounts are among the changes.
     */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void aPatchedBookHoldsTheScopesOfTheBookBuiltAfresh(long seed) {
        patchesHoldTheScopesOfTheBookBuiltAfresh(seed, false);
    }

    /**
     * The same with the book patched where it stands ({@link PerpAccountBook#patchedInPlace}): the book it returns
     * holds the scopes of the book built afresh, and where only numbers changed it is the book itself.
     */
    @ParameterizedTest
    @ValueSource(longs = {21, 22, 23, 24})
    void aBookPatchedInPlaceHoldsTheScopesOfTheBookBuiltAfresh(long seed) {
        patchesHoldTheScopesOfTheBookBuiltAfresh(seed, true);
    }

    private void patchesHoldTheScopesOfTheBookBuiltAfresh(long seed, boolean inPlace) {
        Exchange x = Exchange.drawn(seed);
        List<PerpAccount> accounts = x.accounts();
        PerpAccountBook book = x.fresh();
        SplittableRandom rnd = new SplittableRandom(seed);
        int liquidatable = 0;
        for (int step = 0; step < 9; step++) {
            boolean reshape = step % 3 == 2;
            int[] changed = new int[41];
            int count = 0;
            for (int c = 0; c < 40; c++) {
                int k = c == 0 ? 0 : c == 1 ? accounts.size() - 1 : rnd.nextInt(accounts.size());
                PerpAccount a = accounts.get(k);
                List<PerpPosition> positions = new ArrayList<>();
                for (PerpPosition p : a.positions()) {
                    if (rnd.nextInt(3) == 0) {
                        continue;
                    }
                    double scale = 0.25 + rnd.nextDouble();
                    boolean toIsolated = reshape && c == 7 && p.mode() == MarginMode.CROSS;
                    positions.add(p.mode() == MarginMode.CROSS && !toIsolated
                            ? PerpPosition.cross(p.market(), p.size() * scale, p.entryPrice() * 1.01)
                            : PerpPosition.isolated(p.market(), p.size() * scale, p.entryPrice() * 0.99,
                                    toIsolated ? 1_000 : p.isolatedMargin() * scale));
                }
                accounts.set(k, new PerpAccount(a.id(), a.crossCollateral() * (0.5 + rnd.nextDouble()), positions));
                changed[count++] = k;
            }
            changed[count++] = changed[5];
            PerpAccountBook was = book;
            book = inPlace ? book.patchedInPlace(accounts, changed, count) : book.patched(accounts, changed, count);
            // A step that changes only numbers patches, in place when asked (one that reshapes may rebuild).
            if (!reshape) {
                assertThat(book == was).as("step %d kept the book", step).isEqualTo(inPlace);
            }
            liquidatable += assertSameBook(book, x.fresh(), randomMarks(rnd, Exchange.MARKETS));
        }
        assertThat(liquidatable).isPositive();
    }

    /**
     * A partial liquidation puts the reduced position last ({@code PerpLiquidation}'s scope rebuilt). Where that moves
     * it past positions of the other margin mode only, each mode's positions keep their order, the rows stand, and the
     * book is patched where it stands: the book itself comes back. Where it moves past one of its own mode, the order
     * of that mode's entries (cross) or rows (isolated) changes and the book is rebuilt. Either way it holds the scopes
     * of the book built afresh, in the same order.
     */
    @ParameterizedTest
    @ValueSource(longs = {41, 42, 43})
    void aPositionMovedPastTheOtherModeOnlyIsPatchedWhereTheBookStands(long seed) {
        Exchange x = Exchange.drawn(seed);
        List<PerpAccount> accounts = x.accounts();
        PerpAccountBook book = x.fresh();
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] marks = randomMarks(rnd, Exchange.MARKETS);
        int patched = 0;
        int rebuilt = 0;
        for (int k = 0; k < accounts.size() && (patched < 25 || rebuilt < 25); k++) {
            PerpAccount a = accounts.get(k);
            List<PerpPosition> positions = new ArrayList<>(a.positions());
            if (positions.size() < 2) {
                continue;
            }
            PerpPosition first = positions.remove(0);
            boolean pastItsOwnMode = positions.stream().anyMatch(p -> p.mode() == first.mode());
            if (pastItsOwnMode ? rebuilt >= 25 : patched >= 25) {
                continue;
            }
            positions.add(first.withSize(first.size() / 2));
            accounts.set(k, new PerpAccount(a.id(), a.crossCollateral(), positions));
            PerpAccountBook was = book;
            book = book.patchedInPlace(accounts, new int[] {k}, 1);
            assertThat(book == was).as("account %d, moved past its own mode: %s", k, pastItsOwnMode)
                    .isEqualTo(!pastItsOwnMode);
            assertSameBook(book, x.fresh(), marks);
            if (pastItsOwnMode) {
                rebuilt++;
            } else {
                patched++;
            }
        }
        assertThat(patched).isEqualTo(25);
        assertThat(rebuilt).isEqualTo(25);
    }

    /** Marking a book range by range and joining the ranges' finds in order finds what marking it whole finds. */
    @ParameterizedTest
    @ValueSource(longs = {31, 32})
    void rangesMarkedApartAndJoinedFindTheWholeBooksRows(long seed) {
        int markets = 12;
        PerpMarkets pm = RandomPerpAccounts.markets(markets);
        PerpAccountBook book = PerpAccountBook.of(RandomPerpAccounts.accounts(seed, 4_000, markets), pm,
                RandomPerpAccounts.ids(markets));
        SplittableRandom rnd = new SplittableRandom(seed);
        double[] marks = randomMarks(rnd, markets);
        int[] whole = book.liquidatable(marks);
        int rows = book.size();
        double[] value = new double[rows];
        double[] maintenance = new double[rows];
        int[] found = new int[rows];
        int n = 0;
        for (int from = 0; from < rows; ) {
            int to = Math.min(rows, from + 1 + rnd.nextInt(700));
            int count = book.markToMarket(marks, value, maintenance, found, from, to);
            assertThat(count).isLessThanOrEqualTo(to - from);
            System.arraycopy(found, from, found, n, count);
            n += count;
            from = to;
        }
        assertThat(java.util.Arrays.copyOf(found, n)).containsExactly(whole);
        assertThat(whole).isNotEmpty();
        for (int r = 0; r < rows; r += 37) {
            assertThat(value[r]).isEqualTo(book.value(r, marks));
            assertThat(maintenance[r]).isEqualTo(book.maintenance(r, marks));
        }
    }

    /** 3,000 random accounts over 12 markets, the list changed in place by a test, and the book built afresh from it. */
    private record Exchange(PerpMarkets markets, List<String> order, List<PerpAccount> accounts) {
        static final int MARKETS = 12;

        static Exchange drawn(long seed) {
            return new Exchange(RandomPerpAccounts.markets(MARKETS), RandomPerpAccounts.ids(MARKETS),
                    new ArrayList<>(RandomPerpAccounts.accounts(seed, 3_000, MARKETS)));
        }

        PerpAccountBook fresh() {
            return PerpAccountBook.of(accounts, markets, order);
        }
    }

    private static double[] randomMarks(SplittableRandom rnd, int markets) {
        double[] marks = new double[markets];
        for (int m = 0; m < markets; m++) {
            marks[m] = 100 * (m + 1) * (0.7 + 0.6 * rnd.nextDouble());
        }
        return marks;
    }

    /**
     * {@code book} holds the scopes of {@code fresh}: the same scopes liquidatable in the same order, and every scope at
     * the same value and maintenance (zeros compared without their sign: a closed position adds a signed zero); any
     * other row is an empty scope a patch kept for a closed isolated position, worth 0 against a maintenance of 0.
     * Returns how many scopes are liquidatable.
     */
    private static int assertSameBook(PerpAccountBook book, PerpAccountBook fresh, double[] marks) {
        Map<String, Integer> rowOf = new HashMap<>();
        for (int r = 0; r < book.size(); r++) {
            assertThat(rowOf.put(scope(book, r), r)).as("scope %s twice", scope(book, r)).isNull();
        }
        java.util.Set<Integer> live = new java.util.HashSet<>();
        for (int r = 0; r < fresh.size(); r++) {
            Integer at = rowOf.get(scope(fresh, r));
            assertThat(at).as("scope %s", scope(fresh, r)).isNotNull();
            live.add(at);
            assertThat(book.value(at, marks) + 0.0).isEqualTo(fresh.value(r, marks) + 0.0);
            assertThat(book.maintenance(at, marks) + 0.0).isEqualTo(fresh.maintenance(r, marks) + 0.0);
        }
        for (int r = 0; r < book.size(); r++) {
            if (!live.contains(r)) {
                assertThat(book.isolatedMarket(r)).isNotNull();
                assertThat(book.value(r, marks) + 0.0).isEqualTo(0.0);
                assertThat(book.maintenance(r, marks) + 0.0).isEqualTo(0.0);
            }
        }
        List<String> found = new ArrayList<>();
        for (int r : book.liquidatable(marks)) {
            found.add(scope(book, r));
        }
        List<String> expected = new ArrayList<>();
        for (int r : fresh.liquidatable(marks)) {
            expected.add(scope(fresh, r));
        }
        assertThat(found).containsExactlyElementsOf(expected);
        return found.size();
    }

    private static String scope(PerpAccountBook book, int r) {
        return book.owner(r) + "/" + (book.isolatedMarket(r) == null ? "cross" : book.isolatedMarket(r));
    }
}
