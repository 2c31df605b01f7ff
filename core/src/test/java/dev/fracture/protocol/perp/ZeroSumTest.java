package dev.fracture.protocol.perp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.market.OrderBook;
import dev.fracture.model.AccountId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Seeded random populations: every liquidation and every pool trade only moves value between named parties. For
 * the book venue the parties are traders, book makers, the vault, the insurance fund and the venue's taker fees; for
 * the pool venue they are traders (cash and escrowed collateral), the pool's LPs, the venue's fee share and keepers.
 */
class ZeroSumTest {
    static final String[] IDS = {"BTC", "ETH", "SOL"};

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20})
    void liquidationWaterfallConservesValue(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<PerpMarket> list = new ArrayList<>();
        Map<String, Double> entryPrice = new HashMap<>();
        Map<String, Double> markMap = new HashMap<>();
        for (String id : IDS) {
            double lev = 10 + rnd.nextInt(41);
            list.add(new PerpMarket(id, List.of(new MarginTier(0, lev), new MarginTier(20_000, lev / 2)),
                    5_000 + rnd.nextDouble() * 20_000, 0.2, 2.0 / 3));
            double p = 50 + rnd.nextDouble() * 150;
            entryPrice.put(id, p);
            markMap.put(id, p * (0.75 + rnd.nextDouble() * 0.5));
        }
        PerpMarkets markets = PerpMarkets.of(list);
        Marks marks = new Marks(markMap);
        Map<String, OrderBook> books = new HashMap<>();
        for (String id : IDS) {
            double m = marks.get(id);
            int levels = rnd.nextInt(6);
            double[][] bids = new double[levels][];
            double[][] asks = new double[levels][];
            for (int k = 0; k < levels; k++) {
                bids[k] = new double[] {m * (1 - 0.002 * (k + 1)), 1 + rnd.nextDouble() * 30};
                asks[k] = new double[] {m * (1 + 0.002 * (k + 1)), 1 + rnd.nextDouble() * 30};
            }
            books.put(id, PerpFixtures.book(id, bids, asks, rnd.nextInt(3) * 250));
        }
        List<PerpAccount> accounts = new ArrayList<>();
        for (int k = 0; k < 40; k++) {
            List<PerpPosition> positions = new ArrayList<>();
            double notional = 0;
            for (String id : IDS) {
                if (rnd.nextDouble() < 0.6) {
                    double size = (rnd.nextBoolean() ? 1 : -1) * (1 + rnd.nextDouble() * 49);
                    double entry = entryPrice.get(id) * (0.95 + rnd.nextDouble() * 0.1);
                    if (rnd.nextDouble() < 0.25) {
                        positions.add(PerpPosition.isolated(id, size, entry,
                                Math.abs(size) * entry / (2 + rnd.nextDouble() * 20)));
                    } else {
                        positions.add(PerpPosition.cross(id, size, entry));
                        notional += Math.abs(size) * entry;
                    }
                }
            }
            accounts.add(new PerpAccount(AccountId.of("a" + k), notional / (2 + rnd.nextDouble() * 25), positions));
        }
        Backstop backstop = new Backstop(rnd.nextDouble() * 100_000, rnd.nextDouble() * 20_000);
        int events = 0;
        for (int k = 0; k < accounts.size(); k++) {
            for (String scope : scopes(accounts.get(k))) {
                PerpAccount trader = accounts.get(k);
                List<PerpAccount> others = new ArrayList<>(accounts);
                others.remove(k);
                double before = totalValue(accounts, marks);
                PerpLiquidationResult r = scope == null
                        ? PerpLiquidation.DEFAULT.liquidateCross(trader, markets, marks, books, backstop, others)
                        : trader.position(scope).isPresent()
                        ? PerpLiquidation.DEFAULT.liquidateIsolated(trader, scope, markets, marks, books, backstop,
                        others)
                        : null;
                if (r == null || !r.liquidated()) {
                    continue;
                }
                events++;
                PerpLedger l = r.ledger();
                assertThat(l.sum()).as("seed %d account %d ledger", seed, k).isCloseTo(0, within(1e-9));
                // Independently of the ledger: accounts' value change from the records returned.
                accounts = new ArrayList<>(r.counterpartiesAfter());
                accounts.add(k, r.accountAfter());
                double accountsChange = totalValue(accounts, marks) - before;
                assertThat(accountsChange).isCloseTo(l.trader() + l.adlCounterparties() + l.socialized(),
                        within(1e-9));
                double makers = 0;
                double fees = 0;
                for (BookFill f : r.bookFills()) {
                    makers -= f.size() * (marks.get(f.market()) - f.averagePrice());
                    fees += f.fee();
                }
                assertThat(l.bookMakers()).isCloseTo(makers, within(1e-9));
                assertThat(l.venueFees()).isCloseTo(fees, within(1e-12));
                assertThat(-l.insuranceFund()).isCloseTo(backstop.insuranceFund()
                        - r.backstopAfter().insuranceFund(), within(1e-9));
                backstop = r.backstopAfter();
            }
        }
        assertThat(events).as("seed %d liquidated someone", seed).isPositive();
    }

    private static List<String> scopes(PerpAccount a) {
        List<String> out = new ArrayList<>();
        out.add(null);
        for (PerpPosition p : a.positions()) {
            if (p.mode() == MarginMode.ISOLATED) {
                out.add(p.market());
            }
        }
        return out;
    }

    private static double totalValue(List<PerpAccount> accounts, Marks marks) {
        double v = 0;
        for (PerpAccount a : accounts) {
            v += PerpMargin.DEFAULT.accountValue(a, marks);
        }
        return v;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10})
    void poolVenueConservesCash(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        PoolParams params = new PoolParams(0.0005 + rnd.nextDouble() * 0.0005, 0.63, 2_000_000, 1_500_000, 50, 0.01,
                5);
        double initialPool = 5_000_000;
        PoolState state = PoolState.seeded(initialPool);
        List<PoolPosition> open = new ArrayList<>();
        double traderCash = 0;
        double price = 2_000;
        int liquidations = 0;
        for (int step = 0; step < 2_000; step++) {
            price *= Math.exp(0.02 * (rnd.nextDouble() - 0.5));
            for (int i = open.size() - 1; i >= 0; i--) {
                if (PoolPerp.DEFAULT.liquidatable(open.get(i), params, price)) {
                    state = PoolPerp.DEFAULT.liquidate(state, params, open.remove(i), price).state();
                    liquidations++;
                }
            }
            if (rnd.nextDouble() < 0.5 || open.isEmpty()) {
                double collateral = 100 + rnd.nextDouble() * 5_000;
                double size = collateral * (1 + rnd.nextDouble() * 40);
                boolean isLong = rnd.nextBoolean();
                double oi = isLong ? state.longOpenInterest() : state.shortOpenInterest();
                double cap = isLong ? params.maxLongOpenInterest() : params.maxShortOpenInterest();
                if (oi + size <= cap) {
                    PoolTrade t = PoolPerp.DEFAULT.open(state, params, isLong, collateral, size, price);
                    state = t.state();
                    traderCash += t.traderCash();
                    open.add(t.position());
                }
            } else {
                int i = rnd.nextInt(open.size());
                PoolTrade t = PoolPerp.DEFAULT.close(state, params, open.remove(i), price);
                state = t.state();
                traderCash += t.traderCash();
            }
            double escrow = 0;
            double pnl = 0;
            for (PoolPosition p : open) {
                escrow += p.collateralUsd();
                pnl += p.pnl(price);
            }
            // Cash: what traders paid in or took out, against collateral in escrow, pool, venue and keepers.
            double cash = traderCash + escrow + (state.poolCash() - initialPool) + state.venueFees()
                    + state.keeperFees();
            assertThat(cash).as("seed %d step %d", seed, step).isCloseTo(0, within(1e-9 * Math.max(1, initialPool)));
            // Value: traders' P&L (cash + escrow + unrealized) + LPs' value change + fees sum to zero.
            double lps = PoolPerp.DEFAULT.lpValue(state, open, price) - initialPool;
            assertThat(traderCash + escrow + pnl + lps + state.venueFees() + state.keeperFees())
                    .isCloseTo(0, within(1e-9 * Math.max(1, initialPool)));
        }
        assertThat(liquidations).isPositive();
    }
}
