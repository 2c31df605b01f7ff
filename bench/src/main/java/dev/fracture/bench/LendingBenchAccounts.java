package dev.fracture.bench;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ShortestDecimal;
import dev.fracture.protocol.lending.AaveAccount;
import dev.fracture.protocol.lending.AaveAccountBook;
import dev.fracture.protocol.lending.AaveCollateral;
import dev.fracture.protocol.lending.AaveDebt;
import dev.fracture.protocol.lending.AaveMarket;
import dev.fracture.protocol.lending.AavePrices;
import dev.fracture.protocol.lending.AaveReserveConfig;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The generated Aave v3 book of the lending benchmarks: one market of six reserves (6, 8 and 18 decimals, realistic
 * thresholds and prices) and accounts with 2-4 collaterals and 1-2 debts, debt at 20% to 110% of the collateral
 * value, drawn from a seed. {@link #main} writes the first accounts as JSON for the Node peer benchmark, so both
 * sides measure the same accounts.
 */
public final class LendingBenchAccounts {
    public static final long SEED = 20261121L;
    static final String[] NAMES = {"USDC", "WBTC", "WETH", "USDT", "wstETH", "cbBTC"};
    static final int[] DECIMALS = {6, 8, 18, 6, 18, 8};
    static final int[] LTV = {7500, 7300, 8050, 7500, 7850, 7300};
    static final int[] LT = {7800, 7800, 8300, 7800, 8100, 7800};
    static final int[] BONUS = {10450, 10500, 10500, 10450, 10600, 10750};
    static final long[] PRICES = {100_000_000L, 9_500_000_000_000L, 300_000_000_000L, 99_980_000L,
            360_000_000_000L, 9_490_000_000_000L};

    final AaveMarket market;
    final AavePrices prices;
    final List<AssetId> assets;
    final List<AaveAccount> accounts;

    private LendingBenchAccounts(AaveMarket market, AavePrices prices, List<AssetId> assets, List<AaveAccount> accounts) {
        this.market = market;
        this.prices = prices;
        this.assets = assets;
        this.accounts = accounts;
    }

    static LendingBenchAccounts generate(long seed, int count) {
        List<AssetId> assets = new ArrayList<>();
        List<AaveReserveConfig> reserves = new ArrayList<>();
        Map<AssetId, Long> prices = new HashMap<>();
        for (int a = 0; a < NAMES.length; a++) {
            AssetId id = AssetId.of(NAMES[a]);
            assets.add(id);
            reserves.add(new AaveReserveConfig(id, DECIMALS[a], LTV[a], LT[a], BONUS[a], 1000, 0, 0, 0, true, 0));
            prices.put(id, PRICES[a]);
        }
        SplittableRandom random = new SplittableRandom(seed);
        List<AaveAccount> accounts = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            accounts.add(account(random, i));
        }
        return new LendingBenchAccounts(AaveMarket.of(reserves, List.of()), new AavePrices(prices), assets, accounts);
    }

    private static AaveAccount account(SplittableRandom random, int i) {
        int first = random.nextInt(NAMES.length);
        int nc = random.nextInt(2, 5);
        List<AaveCollateral> collaterals = new ArrayList<>(nc);
        double weightedUsd = 0;
        for (int k = 0; k < nc; k++) {
            int a = (first + k) % NAMES.length;
            double usd = Math.exp(random.nextDouble(Math.log(100), Math.log(10_000_000)));
            collaterals.add(AaveCollateral.of(AssetId.of(NAMES[a]), units(usd, a, random)));
            weightedUsd += usd * LT[a] / 10_000.0;
        }
        int nd = random.nextInt(1, 3);
        List<AaveDebt> debts = new ArrayList<>(nd);
        int firstDebt = random.nextInt(NAMES.length);
        for (int k = 0; k < nd; k++) {
            int a = (firstDebt + k) % NAMES.length;
            double usd = weightedUsd * random.nextDouble(0.2, 1.1) / nd;
            debts.add(new AaveDebt(AssetId.of(NAMES[a]), units(usd, a, random)));
        }
        return new AaveAccount(AccountId.of("a" + i), 0, collaterals, debts);
    }

    private static BigInteger units(double usd, int asset, SplittableRandom random) {
        BigInteger whole = ShortestDecimal.of(usd / (PRICES[asset] / 1e8)).movePointRight(DECIMALS[asset])
                .toBigInteger();
        return whole.add(BigInteger.valueOf(random.nextInt(1000))).max(BigInteger.ONE);
    }

    AaveAccountBook book() {
        return AaveAccountBook.of(market, assets, accounts);
    }

    double[] fastPrices() {
        double[] p = new double[assets.size()];
        for (int a = 0; a < p.length; a++) {
            p[a] = prices.price(assets.get(a)) / 1e8;
        }
        return p;
    }

    /** Writes the first {@code count} accounts (same seed) as the JSON the Node peer benchmark reads. */
    public static void main(String[] args) throws IOException {
        int count = Integer.parseInt(args[0]);
        Path out = Path.of(args[1]);
        LendingBenchAccounts book = generate(SEED, count);
        try (Writer w = Files.newBufferedWriter(out, StandardCharsets.UTF_8)) {
            w.write("{\"reserves\":[");
            for (int a = 0; a < NAMES.length; a++) {
                w.write((a == 0 ? "" : ",") + "{\"asset\":\"" + NAMES[a] + "\",\"decimals\":" + DECIMALS[a]
                        + ",\"price\":\"" + PRICES[a] + "\",\"lt\":" + LT[a] + ",\"ltv\":" + LTV[a] + "}");
            }
            w.write("],\"accounts\":[");
            for (int i = 0; i < count; i++) {
                AaveAccount acc = book.accounts.get(i);
                w.write(i == 0 ? "[" : ",[");
                boolean first = true;
                for (AssetId asset : book.assets) {
                    BigInteger s = acc.collateralBalance(asset);
                    BigInteger b = acc.debtBalance(asset);
                    if (s.signum() == 0 && b.signum() == 0) {
                        continue;
                    }
                    w.write((first ? "" : ",") + "{\"asset\":\"" + asset + "\",\"supplied\":\"" + s
                            + "\",\"borrowed\":\"" + b + "\",\"collateral\":true}");
                    first = false;
                }
                w.write("]");
            }
            w.write("]}\n");
        }
    }
}
