package dev.fracture.engine;

import static dev.fracture.engine.BookFixtures.ETH;
import static dev.fracture.engine.BookFixtures.ETH_USD;
import static dev.fracture.engine.BookFixtures.ETHEREUM;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Each book's conservation laws, checked after every block of seeded random runs: random positions, a random crash
 * path for ETH (one-minute log steps drawn uniformly in [−3%, +1.5%], so an hour loses about 45% on average), random
 * protocol parameters and a random liquidator population (some without capital, some with flash loans, some slow).
 * The laws are those of each book's {@code checkConservation}; a run that breaks one throws, naming the seed.
 */
class ProtocolBookConservationTest {
    private static final int RUNS = 12;
    private static final long HORIZON = 3600;

    @Test
    void makerConservesDebtCollateralAndTabEveryBlock() {
        int barked = 0;
        for (int run = 0; run < RUNS; run++) {
            long seed = 7_000 + run;
            SplittableRandom rng = new SplittableRandom(seed);
            EcosystemSnapshot s = BookFixtures.ecosystem(AssetId.of("dai"), 18, randomMaker(rng));
            MakerBook[] last = new MakerBook[1];
            assertThatCode(() -> last[0] = BookHarness.run(s, crash(rng), liquidators(rng, AssetId.of("dai")),
                    HORIZON, seed, MakerBook::checkConservation)).as("seed %d", seed).doesNotThrowAnyException();
            barked += last[0].totals().tabKicked().signum();
        }
        // The check is only worth something if auctions happened: most crashes bark some vault.
        assertThat(barked).as("runs with auctions").isGreaterThan(RUNS / 2);
    }

    @Test
    void cometConservesBorrowsCollateralAndReservesEveryBlock() {
        int absorbed = 0;
        for (int run = 0; run < RUNS; run++) {
            long seed = 8_000 + run;
            SplittableRandom rng = new SplittableRandom(seed);
            EcosystemSnapshot s = BookFixtures.ecosystem(CometBookTest.USDC, 6, randomComet(rng));
            CometBook[] last = new CometBook[1];
            assertThatCode(() -> last[0] = BookHarness.run(s, crash(rng), liquidators(rng, CometBookTest.USDC),
                    HORIZON, seed, CometBook::checkConservation)).as("seed %d", seed).doesNotThrowAnyException();
            absorbed += last[0].absorbs() > 0 ? 1 : 0;
        }
        assertThat(absorbed).as("runs with absorbs").isGreaterThan(RUNS / 2);
    }

    @Test
    void liquityConservesDebtCollateralAndPoolEveryBlock() {
        int liquidated = 0;
        for (int run = 0; run < RUNS; run++) {
            long seed = 9_000 + run;
            SplittableRandom rng = new SplittableRandom(seed);
            EcosystemSnapshot s = BookFixtures.ecosystem(LiquityBookTest.LUSD, 18, randomLiquity(rng));
            LiquityBook[] last = new LiquityBook[1];
            assertThatCode(() -> last[0] = BookHarness.run(s, crash(rng), List.of(), HORIZON, seed,
                    LiquityBook::checkConservation)).as("seed %d", seed).doesNotThrowAnyException();
            liquidated += last[0].liquidations() > 0 ? 1 : 0;
        }
        assertThat(liquidated).as("runs with liquidations").isGreaterThan(RUNS / 2);
    }

    /** ETH from $2,000, one uniform log step in [−3%, +1.5%] a minute. */
    private static BasePrices crash(SplittableRandom rng) {
        double[] path = new double[(int) (HORIZON / 60) + 2];
        path[0] = 2000;
        for (int i = 1; i < path.length; i++) {
            path[i] = path[i - 1] * Math.exp(-0.03 + 0.045 * rng.nextDouble());
        }
        return (a, t) -> a.equals(ETH) ? path[(int) (t / 60)] : 1;
    }

    private static List<LiquidatorProfile> liquidators(SplittableRandom rng, AssetId stable) {
        List<LiquidatorProfile> out = new ArrayList<>();
        int n = 1 + rng.nextInt(4);
        for (int i = 0; i < n; i++) {
            double capital = rng.nextBoolean() ? 0 : 100_000 * rng.nextDouble();
            out.add(new LiquidatorProfile("l" + i, Map.of(ChainId.of("ethereum"), Map.of(stable, capital)),
                    rng.nextBoolean(), rng.nextInt(3), 1, 0, rng.nextInt(6), rng.nextDouble(), 50_000));
        }
        return out;
    }

    private static BigDecimal amount(double v) {
        return BigDecimal.valueOf(v).setScale(6, RoundingMode.HALF_EVEN);
    }

    private static ProtocolSpec.CdpSystem randomMaker(SplittableRandom rng) {
        List<ProtocolSpec.CdpSystem.Vault> vaults = new ArrayList<>();
        int n = 1 + rng.nextInt(15);
        for (int i = 0; i < n; i++) {
            double ink = 1 + 499 * rng.nextDouble();
            double ratio = 1.55 + 1.5 * rng.nextDouble();
            vaults.add(new ProtocolSpec.CdpSystem.Vault(AccountId.of("v" + i), "ETH-A", amount(ink),
                    amount(ink * 2000 / ratio)));
        }
        ProtocolSpec.CdpSystem.Calc calc = switch (rng.nextInt(3)) {
            case 0 -> new ProtocolSpec.CdpSystem.StairstepExponentialDecrease(90, MakerBookTest.ray("0.99"));
            case 1 -> new ProtocolSpec.CdpSystem.LinearDecrease(1800 + rng.nextInt(5400));
            default -> new ProtocolSpec.CdpSystem.ExponentialDecrease(MakerBookTest.ray("0.9999"));
        };
        String cusp = BigDecimal.valueOf(0.3 + 0.4 * rng.nextDouble()).setScale(4, RoundingMode.HALF_EVEN)
                .toPlainString();
        return new ProtocolSpec.CdpSystem(ProtocolId.of("maker"), ETHEREUM, AssetId.of("dai"),
                amount(50_000 + 5_000_000 * rng.nextDouble()),
                List.of(new ProtocolSpec.CdpSystem.Ilk("ETH-A", ETH, ETH_USD, MakerBookTest.ray("1.5"),
                        MakerBookTest.ray("1"), MakerBookTest.ray("1.02"), new BigDecimal("100"),
                        new BigDecimal("1000000000"), amount(20_000 + 2_000_000 * rng.nextDouble()),
                        MakerBookTest.wad("1.13"),
                        new ProtocolSpec.CdpSystem.Clipper(MakerBookTest.ray("1.2"), 600 + rng.nextInt(7800),
                                MakerBookTest.ray(cusp), MakerBookTest.wad("0.001"), amount(300 * rng.nextDouble()),
                                calc))),
                vaults);
    }

    private static ProtocolSpec.CometLending randomComet(SplittableRandom rng) {
        List<ProtocolSpec.CometLending.Account> accounts = new ArrayList<>();
        int n = 1 + rng.nextInt(15);
        for (int i = 0; i < n; i++) {
            double eth = 1 + 99 * rng.nextDouble();
            double borrow = eth * 2000 * 0.8 * (0.5 + 0.5 * rng.nextDouble());
            accounts.add(new ProtocolSpec.CometLending.Account(AccountId.of("a" + i), amount(-borrow),
                    List.of(new ProtocolSpec.Balance(ETH, amount(eth)))));
        }
        accounts.add(new ProtocolSpec.CometLending.Account(AccountId.of("supplier"), amount(1_000_000), List.of()));
        return new ProtocolSpec.CometLending(ProtocolId.of("comet"), ETHEREUM, CometBookTest.USDC,
                BookFixtures.stableOracle(CometBookTest.USDC), CometBookTest.factor("0.5"),
                amount(100_000 * rng.nextDouble()), amount(1_000_000 * rng.nextDouble()),
                List.of(new ProtocolSpec.CometLending.Collateral(ETH, ETH_USD, CometBookTest.factor("0.8"),
                        CometBookTest.factor("0.85"), CometBookTest.factor("0.93"), new BigDecimal("1000000"))),
                accounts);
    }

    private static ProtocolSpec.StabilityPoolSystem randomLiquity(SplittableRandom rng) {
        List<ProtocolSpec.StabilityPoolSystem.Trove> troves = new ArrayList<>();
        int n = 2 + rng.nextInt(14);
        double debt = 0;
        for (int i = 0; i < n; i++) {
            double coll = 1 + 99 * rng.nextDouble();
            double d = coll * 2000 / (1.15 + 2 * rng.nextDouble());
            debt += d;
            troves.add(LiquityBookTest.trove("t" + i, amount(coll).toPlainString(), amount(d).toPlainString()));
        }
        return LiquityBookTest.liquity(amount(debt * rng.nextDouble()).toPlainString(),
                troves.toArray(new ProtocolSpec.StabilityPoolSystem.Trove[0]));
    }
}
