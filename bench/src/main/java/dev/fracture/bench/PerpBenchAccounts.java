package dev.fracture.bench;

import dev.fracture.model.AccountId;
import dev.fracture.protocol.perp.MarginTier;
import dev.fracture.protocol.perp.Marks;
import dev.fracture.protocol.perp.PerpAccount;
import dev.fracture.protocol.perp.PerpMarket;
import dev.fracture.protocol.perp.PerpMarkets;
import dev.fracture.protocol.perp.PerpPosition;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The generated perp venue of {@link PerpMarginBenchmark}: 20 markets (max leverage 50x down to 31x, three margin
 * tiers each), accounts with 1-4 positions in distinct markets, log-uniform sizes, 20% of positions isolated, cross
 * leverage 1-31x, and {@link #BLOCKS} mark vectors of a random walk (0.5% per block per market), drawn from a seed.
 */
final class PerpBenchAccounts {
    static final long SEED = 20261121L;
    static final int MARKETS = 20;
    static final int BLOCKS = 64;

    final PerpMarkets markets;
    final List<String> ids = new ArrayList<>();
    final List<PerpAccount> accounts;
    final double[][] markArrays = new double[BLOCKS][MARKETS];
    final Marks[] marks = new Marks[BLOCKS];

    PerpBenchAccounts(long seed, int n) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<PerpMarket> list = new ArrayList<>();
        for (int m = 0; m < MARKETS; m++) {
            double lev = 50 - m;
            ids.add("M" + m);
            list.add(PerpMarket.hyperliquid("M" + m, List.of(new MarginTier(0, lev), new MarginTier(200_000, lev / 2),
                    new MarginTier(1_000_000, lev / 5))));
        }
        markets = PerpMarkets.of(list);
        accounts = new ArrayList<>(n);
        for (int a = 0; a < n; a++) {
            int k = 1 + rnd.nextInt(4);
            List<PerpPosition> positions = new ArrayList<>();
            boolean[] used = new boolean[MARKETS];
            double notional = 0;
            for (int j = 0; j < k; j++) {
                int m = rnd.nextInt(MARKETS);
                if (used[m]) {
                    continue;
                }
                used[m] = true;
                double price = 100 * (m + 1) * (0.95 + 0.1 * rnd.nextDouble());
                double size = (rnd.nextBoolean() ? 1 : -1) * Math.exp(rnd.nextDouble() * 9) / (m + 1);
                if (rnd.nextDouble() < 0.2) {
                    positions.add(PerpPosition.isolated("M" + m, size, price,
                            Math.abs(size) * price / (1 + rnd.nextDouble() * 20)));
                } else {
                    positions.add(PerpPosition.cross("M" + m, size, price));
                    notional += Math.abs(size) * price;
                }
            }
            accounts.add(new PerpAccount(AccountId.of("a" + a), notional / (1 + rnd.nextDouble() * 30), positions));
        }
        double[] walk = new double[MARKETS];
        for (int m = 0; m < MARKETS; m++) {
            walk[m] = 100 * (m + 1);
        }
        for (int b = 0; b < BLOCKS; b++) {
            Map<String, Double> map = new HashMap<>();
            for (int m = 0; m < MARKETS; m++) {
                walk[m] *= Math.exp(0.005 * rnd.nextGaussian());
                markArrays[b][m] = walk[m];
                map.put(ids.get(m), walk[m]);
            }
            marks[b] = new Marks(map);
        }
    }
}
