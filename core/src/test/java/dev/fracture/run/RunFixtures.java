package dev.fracture.run;

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
import dev.fracture.model.ProtocolSpec.IsolatedLending;
import dev.fracture.model.ProtocolSpec.PooledLending;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import dev.fracture.scenario.GeometricBrownianMotion;
import dev.fracture.scenario.ImpactSpec;
import dev.fracture.scenario.LiquidatorSpec;
import dev.fracture.scenario.MitigationSpec;
import dev.fracture.scenario.PriceDriver;
import dev.fracture.scenario.Scenario;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.List;

/**
 * A small ecosystem (ETH and USDC on one chain, a pooled lender with accounts at several health factors, one
 * isolated market) and a ten-minute scenario whose ETH price is a volatile GBM, so that paths differ: fast enough
 * to run dozens of paths in a test.
 */
final class RunFixtures {
    static final ChainId ETHEREUM = ChainId.of("ethereum");
    static final AssetId ETH = AssetId.of("eth");
    static final AssetId USDC = AssetId.of("usdc");
    static final ProtocolId LENDER = ProtocolId.of("lender");
    static final ProtocolId ISOLATED = ProtocolId.of("isolated");

    private RunFixtures() {
    }

    static EcosystemSnapshot ecosystem() {
        List<OracleSpec> oracles = List.of(
                new OracleSpec.Push(OracleId.of("eth-usd"), ETH, "USD", 3600, 50, 8, 0),
                new OracleSpec.Push(OracleId.of("usdc-usd"), USDC, "USD", 86_400, 25, 8, 0));
        PooledLending lender = new PooledLending(LENDER, ETHEREUM,
                List.of(new PooledLending.Reserve(ETH, OracleId.of("eth-usd"), 7500, 8000, 10500, 0, 0, 0, 0, false, 0),
                        new PooledLending.Reserve(USDC, OracleId.of("usdc-usd"), 7500, 8000, 10500, 0, 0, 0, 0, true,
                                0)),
                List.of(),
                List.of(account("a", "10", "15400"), account("b", "10", "15000"), account("c", "10", "14600"),
                        account("d", "10", "14000"), account("e", "10", "13000")));
        IsolatedLending isolated = new IsolatedLending(ISOLATED, ETHEREUM, List.of(new IsolatedLending.Market(
                "eth-usdc", USDC, ETH, new BigInteger("860000000000000000"), OracleId.of("eth-usd"),
                new BigDecimal("1000000"), List.of(new IsolatedLending.Position(AccountId.of("m"), new BigDecimal("5"),
                new BigDecimal("8200"))))));
        return new EcosystemSnapshot("run-test", Instant.parse("2025-01-01T00:00:00Z"),
                List.of(new Chain(ETHEREUM, "Ethereum", 12, ETH, new GasPriceModel(10, 0, 0.125))),
                List.of(new Asset(ETH, ETHEREUM, "ETH", 18, new AssetKind.Native(), 2000),
                        new Asset(USDC, ETHEREUM, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1)),
                List.of(),
                List.of(new VenueSpec.ConstantProduct(VenueId.of("pool"), ETHEREUM, ETH, USDC,
                        new BigDecimal("2000"), new BigDecimal("4000000"), 30)),
                oracles, List.of(lender, isolated));
    }

    private static PooledLending.Account account(String id, String eth, String usdc) {
        return new PooledLending.Account(AccountId.of(id), 0,
                List.of(new PooledLending.Supply(ETH, new BigDecimal(eth), true)),
                List.of(new ProtocolSpec.Balance(USDC, new BigDecimal(usdc))));
    }

    /** Ten minutes of ETH at 1,000% annual volatility (about 4.4% over the run): some paths liquidate, some not. */
    static Scenario scenario() {
        return new Scenario("wild-eth", "run-test", 600, 7,
                List.of(new PriceDriver.Stochastic(ETH, new GeometricBrownianMotion(0, 10), 60)), null, List.of(),
                List.of(new MitigationSpec.CircuitBreaker(ETH, 0.1, 300, 600, MitigationSpec.Scope.LIQUIDATIONS),
                        new MitigationSpec.Backstop(null, 1_000_000, 0.03)),
                List.of(new LiquidatorSpec("flash", 2, List.of(), true, 1, 1, 0, 0, 1, 1e9)),
                List.of(new ImpactSpec(ETH, 0.7, 50_000_000, 0.04)));
    }
}
