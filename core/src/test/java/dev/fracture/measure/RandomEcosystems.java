package dev.fracture.measure;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.SnapshotParts;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded random ecosystems for the measure tests: the markets, feeds and protocol parameters of the model package's
 * valid fixture (ETH at 3000, wstETH at 3600, USDC and DAI at 1, an Aave pool with an ETH e-mode, a Morpho
 * wstETH/USDC market, a Comet USDC market on ETH, a Maker ETH-A ilk on the OSM, a Liquity system), with
 * {@code accounts} random positions in each protocol, their health spread from deeply safe to already liquidatable.
 */
final class RandomEcosystems {
    private RandomEcosystems() {
    }

    static EcosystemSnapshot of(long seed, int accounts) {
        EcosystemSnapshot base = SnapshotParts.valid();
        SplittableRandom rnd = new SplittableRandom(seed);
        List<ProtocolSpec> protocols = new ArrayList<>();
        for (ProtocolSpec p : base.protocols()) {
            if (p instanceof ProtocolSpec.PooledLending a) {
                protocols.add(aave(a, rnd, accounts));
            } else if (p instanceof ProtocolSpec.IsolatedLending m) {
                protocols.add(morpho(m, rnd, accounts));
            } else if (p instanceof ProtocolSpec.CometLending c) {
                protocols.add(comet(c, rnd, accounts));
            } else if (p instanceof ProtocolSpec.CdpSystem c) {
                protocols.add(maker(c, rnd, accounts));
            } else {
                protocols.add(liquity((ProtocolSpec.StabilityPoolSystem) p, rnd, accounts));
            }
        }
        return new EcosystemSnapshot(base.name() + "-" + seed, base.asOf(), base.chains(), base.assets(),
                base.bridges(), base.venues(), base.oracles(), protocols);
    }

    /** Debt for collateral worth {@code collateralUsd}: a loan-to-value between 5% and 120%. */
    private static double debtFor(SplittableRandom rnd, double collateralUsd) {
        return collateralUsd * (0.05 + 1.15 * rnd.nextDouble());
    }

    private static BigDecimal amount(double x) {
        return BigDecimal.valueOf(x).setScale(4, RoundingMode.HALF_UP);
    }

    private static ProtocolSpec.PooledLending aave(ProtocolSpec.PooledLending spec, SplittableRandom rnd, int n) {
        List<ProtocolSpec.PooledLending.Account> accounts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int eMode = rnd.nextInt(3) == 0 ? 1 : 0;
            List<ProtocolSpec.PooledLending.Supply> supplies = new ArrayList<>();
            double value = 0;
            double eth = rnd.nextInt(2) == 0 ? 0 : 1 + 200 * rnd.nextDouble();
            double wsteth = rnd.nextInt(2) == 0 ? 0 : 1 + 200 * rnd.nextDouble();
            double usdc = eMode == 1 || rnd.nextInt(3) > 0 ? 0 : 1000 + 500_000 * rnd.nextDouble();
            if (eth + wsteth + usdc == 0) {
                eth = 10 + 50 * rnd.nextDouble();
            }
            if (eth > 0) {
                supplies.add(new ProtocolSpec.PooledLending.Supply(AssetId.of("eth"), amount(eth), true));
                value += eth * 3000;
            }
            if (wsteth > 0) {
                supplies.add(new ProtocolSpec.PooledLending.Supply(AssetId.of("wsteth"), amount(wsteth),
                        rnd.nextInt(6) > 0));
                value += wsteth * 3600;
            }
            if (usdc > 0) {
                supplies.add(new ProtocolSpec.PooledLending.Supply(AssetId.of("usdc"), amount(usdc), true));
                value += usdc;
            }
            double debt = debtFor(rnd, value);
            List<ProtocolSpec.Balance> debts = new ArrayList<>();
            if (eMode == 1 || (usdc > 0 && rnd.nextBoolean())) {
                debts.add(new ProtocolSpec.Balance(AssetId.of(eth > 0 ? "usdc" : "eth"),
                        amount(eth > 0 ? debt : debt / 3000)));
            } else {
                double split = rnd.nextDouble();
                debts.add(new ProtocolSpec.Balance(AssetId.of("usdc"), amount(debt * split)));
                if (eth == 0) {
                    debts.add(new ProtocolSpec.Balance(AssetId.of("eth"), amount(debt * (1 - split) / 3000)));
                }
            }
            accounts.add(new ProtocolSpec.PooledLending.Account(AccountId.of("aave-" + i), eMode, supplies, debts));
        }
        return new ProtocolSpec.PooledLending(spec.id(), spec.chain(), spec.reserves(), spec.eModeCategories(),
                accounts);
    }

    private static ProtocolSpec.IsolatedLending morpho(ProtocolSpec.IsolatedLending spec, SplittableRandom rnd, int n) {
        ProtocolSpec.IsolatedLending.Market m = spec.markets().get(0);
        List<ProtocolSpec.IsolatedLending.Position> positions = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < n; i++) {
            double coll = 0.5 + 300 * rnd.nextDouble();
            BigDecimal borrow = amount(debtFor(rnd, coll * 3600));
            total += borrow.doubleValue();
            positions.add(new ProtocolSpec.IsolatedLending.Position(AccountId.of("morpho-" + i), amount(coll), borrow));
        }
        return new ProtocolSpec.IsolatedLending(spec.id(), spec.chain(), List.of(new ProtocolSpec.IsolatedLending.Market(
                m.id(), m.loanAsset(), m.collateralAsset(), m.lltv(), m.oracle(), amount(total * 1.5 + 1), positions)));
    }

    private static ProtocolSpec.CometLending comet(ProtocolSpec.CometLending spec, SplittableRandom rnd, int n) {
        List<ProtocolSpec.CometLending.Account> accounts = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double eth = 0.5 + 100 * rnd.nextDouble();
            boolean supplier = rnd.nextInt(8) == 0;
            BigDecimal base = supplier ? amount(50_000 * rnd.nextDouble()) : amount(-debtFor(rnd, eth * 3000));
            accounts.add(new ProtocolSpec.CometLending.Account(AccountId.of("comet-" + i), base,
                    List.of(new ProtocolSpec.Balance(AssetId.of("eth"), amount(eth)))));
        }
        return new ProtocolSpec.CometLending(spec.id(), spec.chain(), spec.baseAsset(), spec.baseOracle(),
                spec.storeFrontPriceFactor(), spec.reserves(), spec.targetReserves(), spec.assets(), accounts);
    }

    private static ProtocolSpec.CdpSystem maker(ProtocolSpec.CdpSystem spec, SplittableRandom rnd, int n) {
        List<ProtocolSpec.CdpSystem.Vault> vaults = new ArrayList<>();
        String ilk = spec.ilks().get(0).name();
        for (int i = 0; i < n; i++) {
            double ink = 5 + 500 * rnd.nextDouble();
            // art · rate (rate 1.05 in the fixture) is the DAI owed.
            double art = debtFor(rnd, ink * 3000) / 1.05;
            vaults.add(new ProtocolSpec.CdpSystem.Vault(AccountId.of("vault-" + i), ilk, amount(ink), amount(art)));
        }
        return new ProtocolSpec.CdpSystem(spec.id(), spec.chain(), spec.stablecoin(), spec.hole(), spec.ilks(), vaults);
    }

    private static ProtocolSpec.StabilityPoolSystem liquity(ProtocolSpec.StabilityPoolSystem spec,
                                                             SplittableRandom rnd, int n) {
        List<ProtocolSpec.StabilityPoolSystem.Trove> troves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double coll = 1 + 300 * rnd.nextDouble();
            troves.add(new ProtocolSpec.StabilityPoolSystem.Trove(AccountId.of("trove-" + i), amount(coll),
                    amount(debtFor(rnd, coll * 3000) + 200)));
        }
        return new ProtocolSpec.StabilityPoolSystem(spec.id(), spec.chain(), spec.stablecoin(), spec.collateral(),
                spec.oracle(), spec.mcr(), spec.ccr(), spec.gasCompensation(), spec.percentDivisor(),
                spec.poolDeposits(), troves);
    }
}
