package dev.fracture.protocol.perp;

import dev.fracture.model.AccountId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random accounts over {@code markets} markets named M0, M1, ... with entry prices near 100 × (m + 1). */
final class RandomPerpAccounts {
    private RandomPerpAccounts() {
    }

    static List<String> ids(int markets) {
        List<String> ids = new ArrayList<>();
        for (int m = 0; m < markets; m++) {
            ids.add("M" + m);
        }
        return ids;
    }

    static PerpMarkets markets(int markets) {
        List<PerpMarket> out = new ArrayList<>();
        for (int m = 0; m < markets; m++) {
            double lev = 50 - m;
            out.add(PerpMarket.hyperliquid("M" + m, List.of(new MarginTier(0, lev), new MarginTier(200_000, lev / 2),
                    new MarginTier(1_000_000, lev / 5))));
        }
        return PerpMarkets.of(out);
    }

    static List<PerpAccount> accounts(long seed, int n, int markets) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<PerpAccount> out = new ArrayList<>(n);
        for (int a = 0; a < n; a++) {
            int k = 1 + rnd.nextInt(4);
            List<PerpPosition> positions = new ArrayList<>();
            boolean[] used = new boolean[markets];
            double notional = 0;
            for (int j = 0; j < k; j++) {
                int m = rnd.nextInt(markets);
                if (used[m]) {
                    continue;
                }
                used[m] = true;
                double price = 100 * (m + 1) * (0.9 + 0.2 * rnd.nextDouble());
                double size = (rnd.nextBoolean() ? 1 : -1) * Math.exp(rnd.nextDouble() * 9) / (m + 1);
                if (rnd.nextDouble() < 0.2) {
                    positions.add(PerpPosition.isolated("M" + m, size, price,
                            Math.abs(size) * price / (1 + rnd.nextDouble() * 20)));
                } else {
                    positions.add(PerpPosition.cross("M" + m, size, price));
                    notional += Math.abs(size) * price;
                }
            }
            out.add(new PerpAccount(AccountId.of("a" + a), notional / (1 + rnd.nextDouble() * 30), positions));
        }
        return out;
    }
}
