package dev.fracture.protocol.lending;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded random Aave v3 markets and accounts for property and differential tests. */
final class RandomAave {
    static final int[] DECIMALS = {6, 8, 18, 6, 18, 8};

    record Case(AaveMarket market, AavePrices prices, AaveAccount account) {
    }

    private RandomAave() {
    }

    static Case next(SplittableRandom random, int n) {
        int assets = DECIMALS.length;
        List<AaveReserveConfig> reserves = new ArrayList<>();
        Map<AssetId, Long> prices = new HashMap<>();
        for (int a = 0; a < assets; a++) {
            AssetId id = AssetId.of("A" + a);
            int lt = random.nextInt(5_000, 9_300);
            int ltv = lt - random.nextInt(0, 1_000);
            int bonus = random.nextInt(10_100, Math.min(11_500, 100_000_000 / lt) + 1);
            reserves.add(new AaveReserveConfig(id, DECIMALS[a], ltv, lt, bonus, random.nextInt(0, 2_000), 0, 0, 0,
                    true, 0));
            // 8-decimal prices from 0.0001 to 100000 USD.
            prices.put(id, (long) Math.pow(10, random.nextDouble(4, 13)));
        }
        AaveMarket market = AaveMarket.of(reserves, List.of());
        List<Integer> order = new ArrayList<>(List.of(0, 1, 2, 3, 4, 5));
        java.util.Collections.shuffle(order, new java.util.Random(random.nextLong()));
        int nc = random.nextInt(1, 5);
        int nd = random.nextInt(1, 3);
        List<AaveCollateral> collaterals = new ArrayList<>();
        for (int k = 0; k < nc; k++) {
            int a = order.get(k);
            collaterals.add(new AaveCollateral(AssetId.of("A" + a),
                    amountWorth(random, prices.get(AssetId.of("A" + a)), DECIMALS[a], 1e4, 1e8),
                    random.nextInt(10) != 0));
        }
        double collateralUsd = 0;
        for (AaveCollateral c : collaterals) {
            int a = Integer.parseInt(c.asset().value().substring(1));
            collateralUsd += c.balance().doubleValue() / Math.pow(10, DECIMALS[a]) * prices.get(c.asset()) / 1e8;
        }
        List<AaveDebt> debts = new ArrayList<>();
        for (int k = 0; k < nd; k++) {
            int a = order.get(nc + k < assets ? nc + k : k);
            if (debts.stream().anyMatch(d -> d.asset().equals(AssetId.of("A" + a)))) {
                continue;
            }
            // Debt of 20% to 110% of the collateral value: both sides of the liquidation boundary.
            double usd = collateralUsd * random.nextDouble(0.2, 1.1) / nd;
            debts.add(new AaveDebt(AssetId.of("A" + a),
                    amountWorth(random, prices.get(AssetId.of("A" + a)), DECIMALS[a], usd, usd)));
        }
        return new Case(market, new AavePrices(prices), new AaveAccount(AccountId.of("acct" + n), 0, collaterals,
                debts));
    }

    /**
     * The hand-worked case of the fixed-width tests: 10 WETH (1e19 wei, past a signed word) at 2,000 USD, threshold
     * 82.5%, against 15,000 USDC of debt at 1 USD — collateral 2e12 in base currency, debt 1.5e12, health factor 1.1e18.
     */
    static Case tenWethAgainstFifteenThousandUsdc() {
        AssetId weth = AssetId.of("WETH");
        AssetId usdc = AssetId.of("USDC");
        AaveMarket market = AaveMarket.of(List.of(AaveReserveConfig.of(weth, 18, 8000, 8250, 10500),
                AaveReserveConfig.of(usdc, 6, 7500, 7800, 10450)), List.of());
        AavePrices prices = new AavePrices(Map.of(weth, 200_000_000_000L, usdc, 100_000_000L));
        AaveAccount account = new AaveAccount(AccountId.of("a"), 0,
                List.of(AaveCollateral.of(weth, new BigInteger("10000000000000000000"))),
                List.of(new AaveDebt(usdc, new BigInteger("15000000000"))));
        return new Case(market, prices, account);
    }

    /** A token amount (smallest units) worth between lo and hi USD. */
    static BigInteger amountWorth(SplittableRandom random, long price8, int decimals, double lo, double hi) {
        double usd = lo == hi ? lo : Math.exp(random.nextDouble(Math.log(lo), Math.log(hi)));
        java.math.BigDecimal tokens = java.math.BigDecimal.valueOf(usd / (price8 / 1e8));
        BigInteger units = tokens.movePointRight(decimals).toBigInteger();
        // Random low digits so that truncations are exercised.
        return units.add(BigInteger.valueOf(random.nextInt(0, 1000))).max(BigInteger.ONE);
    }
}
