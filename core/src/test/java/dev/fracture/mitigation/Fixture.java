package dev.fracture.mitigation;

import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.engine.BasePrices;
import dev.fracture.engine.CascadeSimulator;
import dev.fracture.engine.SimulationResult;
import dev.fracture.engine.SimulationSetup;
import dev.fracture.model.AccountId;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Chain;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.GasPriceModel;
import dev.fracture.model.OracleId;
import dev.fracture.model.OracleSpec;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import dev.fracture.scenario.MitigationSpec;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A small ecosystem to work mitigations by hand: Ethereum (12 s blocks, base fee 10 gwei + 1 gwei tip), ETH at
 * $2,000, WBTC at $40,000 (no venue), USDC at $1; one Aave-style pool "lender" whose three reserves all have LTV 75%,
 * threshold 80%, bonus 5% and no protocol fee; push feeds with no delay; one fee-free ETH/USDC constant-product pool
 * "pool"; one liquidator with free-of-capital flash loans. By default one account "alice" holds 10 ETH against
 * 15,000 USDC of debt.
 */
final class Fixture {
    static final ChainId ETHEREUM = ChainId.of("ethereum");
    static final AssetId ETH = AssetId.of("ETH");
    static final AssetId USDC = AssetId.of("USDC");
    static final AssetId WBTC = AssetId.of("WBTC");
    static final ProtocolId LENDER = ProtocolId.of("lender");
    static final LiquidatorProfile FLASH = new LiquidatorProfile("flash", Map.of(), true, 1, 1, 0, 0, 1, 0);

    int ethDeviationBps = 50;
    /**
     * When set, ETH and USDC form e-mode category 1 (LTV {@link #eModeLtvBps}, threshold {@link #eModeThresholdBps},
     * this bonus) and every account is in it.
     */
    Integer eModeBonusBps;
    int eModeLtvBps = 7500;
    int eModeThresholdBps = 8000;
    String poolEth = "10000";
    String poolUsdc = "20000000";
    final List<ProtocolSpec.PooledLending.Account> accounts = new ArrayList<>();

    /** Adds an account with these collateral amounts (all enabled as collateral) and USDC debt. */
    Fixture account(String id, Map<AssetId, String> collateral, String usdcDebt) {
        List<ProtocolSpec.PooledLending.Supply> supplies = new ArrayList<>();
        collateral.forEach((a, amount) -> supplies.add(new ProtocolSpec.PooledLending.Supply(a,
                new BigDecimal(amount), true)));
        accounts.add(new ProtocolSpec.PooledLending.Account(AccountId.of(id), 0, supplies,
                List.of(new ProtocolSpec.Balance(USDC, new BigDecimal(usdcDebt)))));
        return this;
    }

    static Fixture alice(String eth, String usdcDebt) {
        return new Fixture().account("alice", Map.of(ETH, eth), usdcDebt);
    }

    static Map<AssetId, String> collateral(Object... assetAmount) {
        Map<AssetId, String> out = new LinkedHashMap<>();
        for (int i = 0; i < assetAmount.length; i += 2) {
            out.put((AssetId) assetAmount[i], (String) assetAmount[i + 1]);
        }
        return out;
    }

    private ProtocolSpec.PooledLending.Reserve reserve(AssetId asset, String oracle, boolean borrowable) {
        int category = eModeBonusBps != null && !asset.equals(WBTC) ? 1 : 0;
        return new ProtocolSpec.PooledLending.Reserve(asset, OracleId.of(oracle), 7500, 8000, 10500, 0, 0, 0, 0,
                borrowable, category);
    }

    EcosystemSnapshot snapshot() {
        List<OracleSpec> oracles = List.of(
                new OracleSpec.Push(OracleId.of("eth-usd"), ETH, "USD", 3600, ethDeviationBps, 8, 0),
                new OracleSpec.Push(OracleId.of("wbtc-usd"), WBTC, "USD", 3600, 50, 8, 0),
                new OracleSpec.Push(OracleId.of("usdc-usd"), USDC, "USD", 86_400, 25, 8, 0));
        List<ProtocolSpec.PooledLending.EModeCategory> categories = eModeBonusBps == null ? List.of()
                : List.of(new ProtocolSpec.PooledLending.EModeCategory(1, eModeLtvBps, eModeThresholdBps,
                        eModeBonusBps));
        List<ProtocolSpec.PooledLending.Account> inMode = eModeBonusBps == null ? accounts : accounts.stream()
                .map(a -> new ProtocolSpec.PooledLending.Account(a.id(), 1, a.collaterals(), a.debts())).toList();
        ProtocolSpec.PooledLending lender = new ProtocolSpec.PooledLending(LENDER, ETHEREUM,
                List.of(reserve(ETH, "eth-usd", false), reserve(WBTC, "wbtc-usd", false),
                        reserve(USDC, "usdc-usd", true)),
                categories, inMode);
        return new EcosystemSnapshot("mitigation-test", Instant.parse("2025-01-01T00:00:00Z"),
                List.of(new Chain(ETHEREUM, "Ethereum", 12, ETH, new GasPriceModel(10, 0, 0.125))),
                List.of(new Asset(ETH, ETHEREUM, "ETH", 18, new AssetKind.Native(), 2000),
                        new Asset(WBTC, ETHEREUM, "WBTC", 8, new AssetKind.Token(), 40_000),
                        new Asset(USDC, ETHEREUM, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1)),
                List.of(),
                List.of(new VenueSpec.ConstantProduct(VenueId.of("pool"), ETHEREUM, ETH, USDC,
                        new BigDecimal(poolEth), new BigDecimal(poolUsdc), 0)),
                oracles, List.of(lender));
    }

    /** ETH at $2,000 until {@code at} seconds, then at {@code to}; everything else at its snapshot price. */
    static BasePrices ethStep(double to, long at) {
        return (a, t) -> a.equals(ETH) ? (t >= at ? to : 2000) : a.equals(WBTC) ? 40_000 : 1;
    }

    static SimulationSetup setup(EcosystemSnapshot s, long horizon, BasePrices prices, double arbitrageUsd,
                                 MitigationSpec... mitigations) {
        return new SimulationSetup(s, horizon, 1, prices, Map.of(), List.of(FLASH), arbitrageUsd)
                .withMitigations(List.of(mitigations));
    }

    static SimulationResult run(EcosystemSnapshot s, long horizon, BasePrices prices, double arbitrageUsd,
                                MitigationSpec... mitigations) {
        return CascadeSimulator.DEFAULT.run(setup(s, horizon, prices, arbitrageUsd, mitigations));
    }

    /** The value of a trace column in the row of the block at {@code t}. */
    static double at(SimulationResult r, String column, long t) {
        double[] series = r.trace().series(column);
        for (int i = 0; i < r.trace().blocks(); i++) {
            if (r.trace().times()[i] == t) {
                return series[i];
            }
        }
        throw new AssertionError("no block at " + t + " s");
    }

    static MitigationOutcome outcome(SimulationResult r, String label) {
        return r.mitigations().stream().filter(o -> o.mitigation().equals(label)).findFirst()
                .orElseThrow(() -> new AssertionError("no outcome " + label + " in " + r.mitigations()));
    }
}
