package dev.fracture.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.protocol.lending.AaveAccount;
import dev.fracture.protocol.lending.AaveHealth;
import dev.fracture.protocol.lending.AavePrices;
import dev.fracture.protocol.lending.AaveSetup;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Populations expand into plain positions: one-position populations against hand-worked amounts, large ones against
 * the distributions they state (sampling tolerances of four standard errors), every position healthy by the
 * protocol's own health check, and the same bits on every read.
 */
class PopulationExpansionTest {
    private static final String EXAMPLE = Resources.text("/snapshots/populations.yaml");
    /** The example's chain, assets and oracles: ETH 2,500, wstETH 3,000, WBTC 100,000, USDC, DAI and LUSD 1. */
    private static final String HEADER = EXAMPLE.substring(0, EXAMPLE.indexOf("protocols:\n"));

    private static EcosystemSnapshot read(String text) {
        return SnapshotReader.read(text, "pop.yaml", Format.YAML);
    }

    private static <T extends ProtocolSpec> T protocol(EcosystemSnapshot s, String id, Class<T> type) {
        return type.cast(s.protocol(ProtocolId.of(id)).orElseThrow());
    }

    @Test
    void aaveBorrowerOfOnePositionGetsTheHandWorkedCollateral() {
        // Debt 10,000 USDC at health 1.5 against ETH (threshold 83%, 2,500 USD): 10,000 x 1.5 / 0.83 / 2,500
        // = 7.2289156626506024... ETH. sigma 0 makes the one size the total and the health the median.
        EcosystemSnapshot s = read(HEADER + """
                protocols:
                  - type: pooled-lending
                    id: aave-v3
                    chain: ethereum
                    reserves:
                      - {asset: eth, oracle: eth-usd, ltvBps: 8050, liquidationThresholdBps: 8300, liquidationBonusBps: 10500}
                      - {asset: usdc, oracle: usdc-usd, ltvBps: 7500, liquidationThresholdBps: 7800, liquidationBonusBps: 10450}
                    populations:
                      - id: one
                        seed: 9
                        count: 1
                        totalDebtUsd: 10000
                        size: {type: lognormal, sigma: 0}
                        health: {type: lognormal, median: 1.5, sigma: 0}
                        mix:
                          - {weight: 1, collateral: [{asset: eth, weight: 1}], debt: [{asset: usdc, weight: 1}]}
                """);
        var account = protocol(s, "aave-v3", ProtocolSpec.PooledLending.class).accounts().get(0);
        assertThat(account.id()).isEqualTo(AccountId.of("one-1"));
        assertThat(account.debts()).containsExactly(new ProtocolSpec.Balance(AssetId.of("usdc"),
                new BigDecimal("10000.000000")));
        assertThat(account.collaterals().get(0).amount().doubleValue()).isCloseTo(7.2289156626506024, within(1e-12));
        assertThat(account.collaterals().get(0).amount().scale()).as("ETH's 18 decimals").isEqualTo(18);
    }

    @Test
    void collateralTargetSplitsByValueAndBorrowsAtTheHealth() {
        // Collateral 20,000 USD, half ETH (LT 83%) and half WBTC (LT 78%): weighted threshold 0.805, so at health 2
        // the debt is 20,000 x 0.805 / 2 = 8,050 USDC; 10,000 USD is 4 ETH and 0.1 WBTC.
        EcosystemSnapshot s = read(HEADER + """
                protocols:
                  - type: pooled-lending
                    id: aave-v3
                    chain: ethereum
                    reserves:
                      - {asset: eth, oracle: eth-usd, ltvBps: 8050, liquidationThresholdBps: 8300, liquidationBonusBps: 10500}
                      - {asset: wbtc, oracle: wbtc-usd, ltvBps: 7300, liquidationThresholdBps: 7800, liquidationBonusBps: 10500}
                      - {asset: usdc, oracle: usdc-usd, ltvBps: 7500, liquidationThresholdBps: 7800, liquidationBonusBps: 10450}
                    populations:
                      - id: one
                        seed: 9
                        count: 1
                        totalCollateralUsd: 20000
                        size: {type: pareto, alpha: 2}
                        health: {type: lognormal, median: 2, sigma: 0}
                        mix:
                          - weight: 1
                            collateral: [{asset: eth, weight: 1}, {asset: wbtc, weight: 1}]
                            debt: [{asset: usdc, weight: 1}]
                """);
        var account = protocol(s, "aave-v3", ProtocolSpec.PooledLending.class).accounts().get(0);
        assertThat(account.collaterals().get(0).amount()).isEqualByComparingTo("4");
        assertThat(account.collaterals().get(1).amount()).isEqualByComparingTo("0.1");
        assertThat(account.debts().get(0).amount()).isEqualByComparingTo("8050");
    }

    @Test
    void morphoCometMakerAndLiquityPositionsFollowTheirHealthDefinitions() {
        EcosystemSnapshot s = read(EXAMPLE.replace("count: 300", "count: 1").replace("count: 200\n        totalDebtUsd: 20000000",
                        "count: 1\n        totalDebtUsd: 5000")
                .replace("count: 100\n        totalDebtUsd: 20000000", "count: 1\n        totalDebtUsd: 10000")
                .replace("count: 100\n        totalDebtUsd: 5000000", "count: 1\n        totalDebtUsd: 3000")
                .replace("totalDebtUsd: 45000000", "totalDebtUsd: 1000")
                .replace("median: 1.3, sigma: 0.7", "median: 1.2, sigma: 0")
                .replace("median: 1.5, sigma: 0.7", "median: 1.5, sigma: 0")
                .replace("median: 1.7, sigma: 0.6", "median: 2, sigma: 0")
                .replace("median: 2, sigma: 0.5", "median: 2, sigma: 0"));
        // Morpho: borrow 1,000 USDC at health 1.2, LLTV 86%, wstETH 3,000: 1,000 x 1.2 / 0.86 / 3,000 wstETH.
        var morpho = protocol(s, "morpho-blue", ProtocolSpec.IsolatedLending.class);
        var position = morpho.markets().stream().flatMap(m -> m.positions().stream()).findFirst().orElseThrow();
        assertThat(position.borrow()).isEqualByComparingTo("1000");
        double collateralUsd = position.collateral().doubleValue()
                * (morpho.markets().get(0).positions().isEmpty() ? 100_000 : 3_000);
        assertThat(collateralUsd).isCloseTo(1000 * 1.2 / 0.86, within(1e-6));
        // Comet: 5,000 USDC at health 1.5 with liquidateCollateralFactor 0.9: 5,000 x 1.5 / 0.9 / 2,500 ETH.
        var comet = protocol(s, "compound-v3-usdc", ProtocolSpec.CometLending.class).accounts().get(0);
        assertThat(comet.baseBalance()).isEqualByComparingTo("-5000");
        assertThat(comet.collateral().get(0).amount().doubleValue()).isCloseTo(5000 * 1.5 / 0.9 / 2500, within(1e-12));
        // Maker: 10,000 DAI at rate 1.15 is art 8,695.652173913043478260 (rounded down); at collateral ratio
        // 2 x mat 1.45 = 290%, ink = 10,000 x 2.9 / 2,500 = 11.6 ETH.
        var vault = protocol(s, "maker", ProtocolSpec.CdpSystem.class).vaults().get(0);
        assertThat(vault.art()).isEqualTo(new BigDecimal("8695.652173913043478260"));
        assertThat(vault.ink().doubleValue()).isCloseTo(11.6, within(1e-12));
        // Liquity: 3,000 LUSD at ICR 2 x MCR 110% = 220%: 3,000 x 2.2 / 2,500 = 2.64 ETH.
        var trove = protocol(s, "liquity", ProtocolSpec.StabilityPoolSystem.class).troves().get(0);
        assertThat(trove.debt()).isEqualByComparingTo("3000");
        assertThat(trove.coll().doubleValue()).isCloseTo(2.64, within(1e-12));
    }

    @Test
    void theExampleExpandsEveryPopulationToItsCountAndTotal() {
        EcosystemSnapshot s = read(EXAMPLE);
        var aave = protocol(s, "aave-v3", ProtocolSpec.PooledLending.class);
        assertThat(aave.accounts()).hasSize(1 + 1000 + 200 + 500);
        assertThat(aave.accounts().get(0).id()).as("hand-written accounts first").isEqualTo(AccountId.of("alice"));
        assertThat(aave.accounts().get(1).id()).isEqualTo(AccountId.of("borrowers-1"));
        assertThat(aave.accounts().get(1000).id()).isEqualTo(AccountId.of("borrowers-1000"));
        // The stated totals, to the cent: rounding moves each position by less than one smallest unit.
        assertThat(usd(s, debts(aave, "borrowers-"))).isCloseTo(50_000_000, within(0.01));
        assertThat(usd(s, collaterals(aave, "loopers-"))).isCloseTo(40_000_000, within(0.01));
        assertThat(usd(s, collaterals(aave, "suppliers-"))).isCloseTo(30_000_000, within(0.01));
        assertThat(aave.accounts().stream().filter(a -> a.id().value().startsWith("suppliers-")))
                .allMatch(a -> a.debts().isEmpty());
        var morpho = protocol(s, "morpho-blue", ProtocolSpec.IsolatedLending.class);
        int wsteth = morpho.markets().get(0).positions().size();
        int wbtc = morpho.markets().get(1).positions().size();
        assertThat(wsteth + wbtc).isEqualTo(300);
        // Weights 2:1: 200 expected in the first market, binomial standard deviation sqrt(300 x 2/3 x 1/3) = 8.2.
        assertThat(wsteth).isBetween(200 - 33, 200 + 33);
        assertThat(protocol(s, "compound-v3-usdc", ProtocolSpec.CometLending.class).accounts()).hasSize(200);
        assertThat(protocol(s, "maker", ProtocolSpec.CdpSystem.class).vaults()).hasSize(100)
                .allMatch(v -> v.art().multiply(new BigDecimal("1.15")).compareTo(new BigDecimal("7500")) >= 0);
        assertThat(protocol(s, "liquity", ProtocolSpec.StabilityPoolSystem.class).troves()).hasSize(100);
    }

    @Test
    void everyGeneratedAaveBorrowerIsHealthyByTheContractsHealthFactor() {
        EcosystemSnapshot s = read(EXAMPLE);
        var spec = protocol(s, "aave-v3", ProtocolSpec.PooledLending.class);
        AaveSetup aave = AaveSetup.of(spec, s);
        Map<AssetId, Long> prices = new HashMap<>();
        spec.reserves().forEach(r -> prices.put(r.asset(), BigDecimal.valueOf(
                s.asset(r.asset()).orElseThrow().referencePriceUsd()).movePointRight(8).longValueExact()));
        for (AaveAccount account : aave.accounts()) {
            if (!account.debts().isEmpty()) {
                assertThat(AaveHealth.DEFAULT.healthFactorFast(aave.market(), new AavePrices(prices), account))
                        .as(account.id().value()).isGreaterThan(1.0);
            }
        }
    }

    @Test
    void healthAndSizesFollowTheStatedDistributions() {
        EcosystemSnapshot s = read(EXAMPLE);
        var aave = protocol(s, "aave-v3", ProtocolSpec.PooledLending.class);
        double[] excess = aave.accounts().stream().filter(a -> a.id().value().startsWith("borrowers-"))
                .mapToDouble(a -> health(s, a, 0) - 1).sorted().toArray();
        // ln(H - 1) ~ N(ln 0.8, 0.8): the sample median's standard error is 1.2533 x 0.8 / sqrt(1000) = 0.032 in logs.
        assertThat(Math.log(excess[excess.length / 2])).isCloseTo(Math.log(0.8), within(4 * 0.032));
        assertThat(sd(Arrays.stream(excess).map(Math::log).toArray())).isCloseTo(0.8, within(4 * 0.8 / Math.sqrt(2000)));
        // Loopers sit at the e-mode category's 95% threshold: median health 1.06, log error 1.2533 x 0.6 / sqrt(200).
        double[] loopers = aave.accounts().stream().filter(a -> a.id().value().startsWith("loopers-"))
                .mapToDouble(a -> health(s, a, 9500) - 1).sorted().toArray();
        assertThat(Math.log(loopers[loopers.length / 2])).isCloseTo(Math.log(0.06), within(4 * 0.053));
        // Log-normal sizes with sigma 2: the log of each borrower's debt has standard deviation 2 (error 2 / sqrt(2000)).
        double[] logDebt = aave.accounts().stream().filter(a -> a.id().value().startsWith("borrowers-"))
                .mapToDouble(a -> Math.log(a.debts().get(0).amount().doubleValue())).toArray();
        assertThat(sd(logDebt)).isCloseTo(2, within(4 * 2 / Math.sqrt(2000)));
        // Pareto sizes with alpha 1.2, truncated at 10,000 times the smallest: the Hill estimate (n - 1) / sum ln(x / min)
        // has standard error about alpha / sqrt(n) = 0.085; the truncation (probability 10^-4.8) barely biases it.
        double[] looperSizes = aave.accounts().stream().filter(a -> a.id().value().startsWith("loopers-"))
                .mapToDouble(a -> a.collaterals().get(0).amount().doubleValue()).sorted().toArray();
        double min = looperSizes[0];
        assertThat(looperSizes[looperSizes.length - 1] / min).isLessThanOrEqualTo(10_000);
        double logs = Arrays.stream(looperSizes).map(x -> Math.log(x / min)).sum();
        assertThat((looperSizes.length - 1) / logs).isCloseTo(1.2, within(4 * 0.085));
    }

    @Test
    void theSameFileExpandsToTheSameBitsOnEveryReadAndThread() throws Exception {
        EcosystemSnapshot first = read(EXAMPLE);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<EcosystemSnapshot>> reads = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                reads.add(pool.submit(() -> read(EXAMPLE)));
            }
            for (Future<EcosystemSnapshot> r : reads) {
                assertThat(r.get()).isEqualTo(first);
            }
        } finally {
            pool.shutdown();
        }
        EcosystemSnapshot reseeded = read(EXAMPLE.replace("seed: 1\n", "seed: 11\n"));
        assertThat(protocol(reseeded, "aave-v3", ProtocolSpec.PooledLending.class).accounts().get(1))
                .as("another seed, other positions")
                .isNotEqualTo(protocol(first, "aave-v3", ProtocolSpec.PooledLending.class).accounts().get(1));
    }

    @Test
    void expandedSnapshotsRoundTripAsPlainPositions() {
        EcosystemSnapshot s = read(EXAMPLE);
        String written = SnapshotWriter.write(s, Format.YAML);
        assertThat(written).doesNotContain("totalDebtUsd", "seed:");
        assertThat(read(written)).isEqualTo(s);
    }

    /** Health with the reserves' thresholds, or every collateral at {@code eModeThresholdBps} when not 0. */
    private static double health(EcosystemSnapshot s, ProtocolSpec.PooledLending.Account a, int eModeThresholdBps) {
        var aave = protocol(s, "aave-v3", ProtocolSpec.PooledLending.class);
        double weighted = 0;
        for (var c : a.collaterals()) {
            int lt = eModeThresholdBps != 0 ? eModeThresholdBps : aave.reserves().stream()
                    .filter(r -> r.asset().equals(c.asset())).findFirst().orElseThrow().liquidationThresholdBps();
            weighted += c.amount().doubleValue() * price(s, c.asset()) * lt / 10_000;
        }
        double debt = 0;
        for (var d : a.debts()) {
            debt += d.amount().doubleValue() * price(s, d.asset());
        }
        return weighted / debt;
    }

    private static double price(EcosystemSnapshot s, AssetId asset) {
        return s.asset(asset).orElseThrow().referencePriceUsd();
    }

    private static List<ProtocolSpec.Balance> debts(ProtocolSpec.PooledLending aave, String prefix) {
        return aave.accounts().stream().filter(a -> a.id().value().startsWith(prefix))
                .flatMap(a -> a.debts().stream()).toList();
    }

    private static List<ProtocolSpec.Balance> collaterals(ProtocolSpec.PooledLending aave, String prefix) {
        return aave.accounts().stream().filter(a -> a.id().value().startsWith(prefix))
                .flatMap(a -> a.collaterals().stream()).map(c -> new ProtocolSpec.Balance(c.asset(), c.amount()))
                .toList();
    }

    private static double usd(EcosystemSnapshot s, List<ProtocolSpec.Balance> balances) {
        BigDecimal total = BigDecimal.ZERO;
        for (ProtocolSpec.Balance b : balances) {
            total = total.add(b.amount().multiply(BigDecimal.valueOf(price(s, b.asset()))));
        }
        return total.doubleValue();
    }

    private static double sd(double[] xs) {
        double mean = Arrays.stream(xs).average().orElseThrow();
        return Math.sqrt(Arrays.stream(xs).map(x -> (x - mean) * (x - mean)).sum() / (xs.length - 1));
    }
}
