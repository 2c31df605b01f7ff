package dev.fracture.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.AssetId;
import dev.fracture.model.BridgeId;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.SnapshotParts;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import dev.fracture.model.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Each cross-reference rule, broken once in a scenario that is otherwise valid against {@link SnapshotParts#valid()}
 * (chains ethereum and arbitrum; assets eth, usdc, dai, wsteth, eth-arb, usdc-arb ...; bridge arb-bridge; venues
 * uni-v2, uni-v3, curve, book; feeds eth-usd, eth-twap ...; protocols aave, morpho, comet, maker, liquity).
 */
class ScenarioValidatorTest {
    static final EcosystemSnapshot SNAPSHOT = SnapshotParts.valid();
    static final AssetId ETH = AssetId.of("eth");
    static final AssetId WSTETH = AssetId.of("wsteth");
    static final AssetId USDC = AssetId.of("usdc");
    static final ChainId ETHEREUM = ChainId.of("ethereum");
    static final long HORIZON = 7200;

    final List<PriceDriver> drivers = new ArrayList<>(List.of(
            new PriceDriver.StepShock(ETH, -0.3, 600),
            new PriceDriver.Stochastic(WSTETH, new GeometricBrownianMotion(0, 0.6), 60)));
    Correlation correlation = null;
    final List<ScenarioEvent> events = new ArrayList<>(List.of(
            new ScenarioEvent.OracleFreeze(OracleId.of("eth-usd"), 600, 1200),
            new ScenarioEvent.OracleStale(OracleId.of("eth-twap"), 600, 1200),
            new ScenarioEvent.OracleWrongValue(OracleId.of("eth-osm"), 0, 60, 0.5),
            new ScenarioEvent.BridgeHalt(BridgeId.of("arb-bridge"), 600, OptionalLong.of(3600)),
            new ScenarioEvent.BridgeExploit(BridgeId.of("arb-bridge"), 3600, 0.4),
            new ScenarioEvent.LiquidityWithdrawal(List.of(VenueId.of("uni-v2"), VenueId.of("uni-v3")), 0.5, 700),
            new ScenarioEvent.GasSpike(ETHEREUM, 600, 2400, 80),
            new ScenarioEvent.StablecoinDepeg(USDC, 900, 0.1, 3600)));
    final List<MitigationSpec> mitigations = new ArrayList<>(List.of(
            new MitigationSpec.CircuitBreaker(ETH, 0.1, 300, 600, MitigationSpec.Scope.LIQUIDATIONS),
            new MitigationSpec.LiquidationRateLimit(null, 1e6, 2e7),
            new MitigationSpec.ProgressivePenalty(ProtocolId.of("aave"), 0.05, 1800, 20, 1500),
            new MitigationSpec.InternalDutchAuction(ProtocolId.of("maker"), 5e7, 1800, 0.05, 0.2),
            new MitigationSpec.CollateralSegmentation(ProtocolId.of("aave"), 0.5, List.of(ETH, WSTETH)),
            new MitigationSpec.IsolatedMarkets(ProtocolId.of("aave")),
            new MitigationSpec.Backstop(null, 1e7, 0.03),
            new MitigationSpec.SyntheticLiquidityLayer(5e7, 3600),
            new MitigationSpec.LiquidityIncentives(ETH, 1e7, 0.02),
            new MitigationSpec.DynamicParameters(1.5, 500, 200, 600)));
    final List<LiquidatorSpec> liquidators = new ArrayList<>(List.of(
            new LiquidatorSpec("keeper", 2, List.of(new LiquidatorSpec.Holding(ETHEREUM, USDC, 1e6),
                    new LiquidatorSpec.Holding(ChainId.of("arbitrum"), AssetId.of("usdc-arb"), 1e5)),
                    false, 1, 0.1, 10, 1, 0.5, 1e5)));
    final List<ImpactSpec> impact = new ArrayList<>(List.of(new ImpactSpec(ETH, 0.7, 2e10, 0.034)));

    long horizon = HORIZON;

    Scenario scenario() {
        return new Scenario("test", "test", horizon, 7, drivers, correlation, events, mitigations, liquidators,
                impact);
    }

    List<Violation> violations() {
        return ScenarioValidator.DEFAULT.validate(scenario(), SNAPSHOT);
    }

    @Test
    void theBaseScenarioIsValid() {
        assertThat(violations()).isEmpty();
        ScenarioValidator.DEFAULT.requireValid(scenario(), SNAPSHOT);
    }

    @Test
    void theHorizonKeepsTheRunWithinTheBlocksItMayHold() {
        // Ethereum's 12 s and Arbitrum's 0.25 s blocks: 4.08333 a second, 5,000,000 blocks in 1,224,489.8 s.
        horizon = 9_999_999_999_999L;
        assertThat(violations()).containsExactly(new Violation("horizonSeconds", "must be at most 1224489 s on this "
                + "ecosystem (was 9999999999999): a run keeps a trace row for every block of every chain, at most "
                + "5000000 blocks, and its 2 chains make 4.08333 blocks a second"));
        horizon = 1_224_490;
        assertThat(violations()).extracting(Violation::path).containsExactly("horizonSeconds");
        horizon = 1_224_489;
        assertThat(violations()).isEmpty();
    }

    @Test
    void aDriverNamesAKnownAsset() {
        drivers.set(0, new PriceDriver.StepShock(AssetId.of("doge"), -0.3, 600));
        assertThat(violations()).containsExactly(new Violation("drivers[0].asset", "unknown asset 'doge'"));
    }

    @Test
    void anAssetHasAtMostOneDriver() {
        drivers.add(new PriceDriver.StepShock(ETH, -0.1, 60));
        assertThat(violations()).containsExactly(new Violation("drivers[2].asset",
                "asset eth already has a driver (drivers[0]); an asset has at most one"));
    }

    @Test
    void aStepLiesWithinTheHorizon() {
        drivers.set(0, new PriceDriver.StepShock(ETH, -0.3, HORIZON + 1));
        assertThat(violations()).containsExactly(new Violation("drivers[0].atSeconds",
                "must be within the horizon, 0 to 7200 s (was 7201)"));
    }

    @Test
    void aStepLeadsToAPriceTheOraclesCanAnswer() {
        drivers.set(0, new PriceDriver.StepShock(ETH, 1e308, 600));
        assertThat(violations()).containsExactly(new Violation("drivers[0].shock",
                "must keep eth's price between 0.000001 and 10000000 USD (it takes 3000 USD to Infinity)"));
        drivers.set(0, new PriceDriver.StepShock(ETH, 3333, 600));
        assertThat(violations()).containsExactly(new Violation("drivers[0].shock",
                "must keep eth's price between 0.000001 and 10000000 USD (it takes 3000 USD to 10002000)"));
        drivers.set(0, new PriceDriver.StepShock(ETH, -0.9999999997, 600));
        assertThat(violations()).containsExactly(new Violation("drivers[0].shock",
                "must keep eth's price between 0.000001 and 10000000 USD (it takes 3000 USD to 0.0000009)"));
    }

    @Test
    void aStepMayGoToEitherEdgeOfTheBand() {
        drivers.set(0, new PriceDriver.StepShock(ETH, 3332, 600));
        assertThat(violations()).isEmpty();
        drivers.set(0, new PriceDriver.StepShock(ETH, -0.9999999996, 600));
        assertThat(violations()).isEmpty();
    }

    @Test
    void aPathEndsWithinTheHorizon() {
        drivers.set(0, new PriceDriver.PathPoints(ETH, new TimeSeries("p", "USD", new long[] {0, 9000},
                new double[] {1, 2}), false));
        assertThat(violations()).containsExactly(new Violation("drivers[0].points",
                "ends at 9000 s, after the horizon of 7200 s"));
    }

    static PriceDriver.PathPoints path(boolean rebase, long[] times, double... usd) {
        return new PriceDriver.PathPoints(ETH, new TimeSeries("p", "USD", times, usd), rebase);
    }

    @Test
    void everyPointOfAPathIsAPriceTheOraclesCanAnswer() {
        drivers.set(0, path(false, new long[] {0, 60}, 2000, 1e-300));
        assertThat(violations()).containsExactly(new Violation("drivers[0].points[1]",
                "must be a price between 0.000001 and 10000000 USD (was 1E-300, at 60 s)"));
        drivers.set(0, path(false, new long[] {0, 60, 120, 180}, 2e7, 2000, 1e8, 3e7));
        assertThat(violations()).containsExactly(new Violation("drivers[0].points[0]",
                "must be a price between 0.000001 and 10000000 USD (was 20000000, at 0 s; 2 later points are outside "
                        + "too)"));
    }

    @Test
    void aRebasedPathIsCheckedAtTheLevelTheRunFollows() {
        drivers.set(0, path(true, new long[] {0, 60}, 200, 1e-8));
        assertThat(violations()).containsExactly(new Violation("drivers[0].points[1]",
                "must be a price between 0.000001 and 10000000 USD (was 0.00000015 after rebasing to eth's 3000 USD, "
                        + "at 60 s)"));
        drivers.set(0, path(true, new long[] {0, 60}, 200, 1e-7));
        assertThat(violations()).isEmpty();
    }

    @Test
    void aPathMayTouchEitherEdgeOfTheBand() {
        drivers.set(0, path(false, new long[] {0, 60, 120}, 3000, 1e-6, 1e7));
        assertThat(violations()).isEmpty();
    }

    @Test
    void aPathFileIsReadBeforeARun() {
        drivers.set(0, new PriceDriver.PathFile(ETH, "eth.json", null, null, true));
        assertThat(violations()).containsExactly(new Violation("drivers[0].file",
                "a path file must be read before a run: read the scenario with ScenarioReader, or give the points"));
    }

    @Test
    void aRandomStepFitsInTheHorizon() {
        drivers.set(1, new PriceDriver.Stochastic(WSTETH, new GeometricBrownianMotion(0, 0.6), 9000));
        drivers.add(new PriceDriver.Depeg(USDC, new DepegJumps(1, 0.01, 0.1, 0.01), 8000));
        assertThat(violations()).containsExactly(
                new Violation("drivers[1].stepSeconds", "must not exceed the horizon of 7200 s (was 9000)"),
                new Violation("drivers[2].stepSeconds", "must not exceed the horizon of 7200 s (was 8000)"));
    }

    @Test
    void correlatedAssetsHaveStochasticDrivers() {
        correlation = new Correlation(List.of(WSTETH, ETH), new double[][] {{1, 0.9}, {0.9, 1}});
        assertThat(violations()).containsExactly(new Violation("correlation.assets[1]",
                "asset eth has no stochastic driver: only stochastic drivers draw correlated shocks"));
    }

    @Test
    void oracleEventsNameKnownFeeds() {
        events.set(0, new ScenarioEvent.OracleFreeze(OracleId.of("btc-usd"), 600, 1200));
        events.set(1, new ScenarioEvent.OracleStale(OracleId.of("x"), 600, 1200));
        events.set(2, new ScenarioEvent.OracleWrongValue(OracleId.of("y"), 0, 60, 0.5));
        assertThat(violations()).containsExactly(
                new Violation("events[0].oracle", "unknown oracle 'btc-usd'"),
                new Violation("events[1].oracle", "unknown oracle 'x'"),
                new Violation("events[2].oracle", "unknown oracle 'y'"));
    }

    @Test
    void bridgeEventsNameKnownBridges() {
        events.set(3, new ScenarioEvent.BridgeHalt(BridgeId.of("wormhole"), 600, OptionalLong.empty()));
        events.set(4, new ScenarioEvent.BridgeExploit(BridgeId.of("ronin"), 600, 1));
        assertThat(violations()).containsExactly(
                new Violation("events[3].bridge", "unknown bridge 'wormhole'"),
                new Violation("events[4].bridge", "unknown bridge 'ronin'"));
    }

    @Test
    void aWithdrawalCannotNameAWrapper() {
        EcosystemSnapshot s = SNAPSHOT;
        List<VenueSpec> venues = new ArrayList<>(s.venues());
        venues.add(new VenueSpec.Wrapper(VenueId.of("lido-wsteth"), ETHEREUM, WSTETH, ETH));
        EcosystemSnapshot wrapped = new EcosystemSnapshot(s.name(), s.asOf(), s.chains(), s.assets(), s.bridges(),
                venues, s.oracles(), s.protocols());
        events.set(5, new ScenarioEvent.LiquidityWithdrawal(List.of(VenueId.of("uni-v2"), VenueId.of("lido-wsteth")),
                0.5, 700));
        assertThat(ScenarioValidator.DEFAULT.validate(scenario(), wrapped)).containsExactly(new Violation(
                "events[5].venues[1]", "venue 'lido-wsteth' is a wrapper: it converts at its contract's rate and no"
                        + " liquidity providers stand behind it, so there is nothing to withdraw"));
    }

    @Test
    void aWithdrawalNamesKnownVenues() {
        events.set(5, new ScenarioEvent.LiquidityWithdrawal(List.of(VenueId.of("uni-v2"), VenueId.of("sushi")), 0.5,
                700));
        assertThat(violations()).containsExactly(new Violation("events[5].venues[1]", "unknown venue 'sushi'"));
    }

    @Test
    void aGasSpikeNamesAKnownChainAndDoesNotOverlapAnother() {
        events.set(6, new ScenarioEvent.GasSpike(ChainId.of("solana"), 600, 2400, 80));
        assertThat(violations()).containsExactly(new Violation("events[6].chain", "unknown chain 'solana'"));
        events.set(6, new ScenarioEvent.GasSpike(ETHEREUM, 600, 2400, 80));
        events.add(new ScenarioEvent.GasSpike(ETHEREUM, 2000, 3000, 50));
        events.add(new ScenarioEvent.GasSpike(ChainId.of("arbitrum"), 2000, 3000, 1));
        assertThat(violations()).containsExactly(new Violation("events[8].fromSeconds",
                "gas spike on ethereum overlaps events[6] (600 to 2400 s)"));
    }

    @Test
    void aDepegEventNamesAKnownStablecoin() {
        events.set(7, new ScenarioEvent.StablecoinDepeg(AssetId.of("ust"), 900, 0.1, 0));
        assertThat(violations()).containsExactly(new Violation("events[7].asset", "unknown asset 'ust'"));
        events.set(7, new ScenarioEvent.StablecoinDepeg(ETH, 900, 0.1, 0));
        assertThat(violations()).containsExactly(new Violation("events[7].asset", "asset eth is not a stablecoin"));
    }

    @Test
    void aDepegLeavesAPriceTheOraclesCanAnswer() {
        events.set(7, new ScenarioEvent.StablecoinDepeg(USDC, 900, 0.9999999999, 0));
        assertThat(violations()).containsExactly(new Violation("events[7].depth",
                "must keep usdc's price between 0.000001 and 10000000 USD (it takes 1 USD to 1E-10)"));
        events.set(7, new ScenarioEvent.StablecoinDepeg(USDC, 900, 0.999999, 0));
        assertThat(violations()).isEmpty();
    }

    @Test
    void eventTimesLieWithinTheHorizon() {
        events.set(0, new ScenarioEvent.OracleFreeze(OracleId.of("eth-usd"), 600, HORIZON + 10));
        events.set(3, new ScenarioEvent.BridgeHalt(BridgeId.of("arb-bridge"), 600, OptionalLong.of(HORIZON + 1)));
        events.set(4, new ScenarioEvent.BridgeExploit(BridgeId.of("arb-bridge"), HORIZON + 2, 0.4));
        events.set(5, new ScenarioEvent.LiquidityWithdrawal(List.of(VenueId.of("uni-v2")), 0.5, HORIZON + 3));
        events.set(6, new ScenarioEvent.GasSpike(ETHEREUM, HORIZON + 4, HORIZON + 5, 80));
        events.set(7, new ScenarioEvent.StablecoinDepeg(USDC, HORIZON + 6, 0.1, 0));
        assertThat(violations()).extracting(Violation::path).containsExactly("events[0].toSeconds",
                "events[3].untilSeconds", "events[4].atSeconds", "events[5].atSeconds", "events[6].fromSeconds",
                "events[6].toSeconds", "events[7].atSeconds");
        assertThat(violations().get(0).rule()).isEqualTo("must be within the horizon, 0 to 7200 s (was 7210)");
    }

    @Test
    void mitigationsNameKnownAssetsAndProtocols() {
        ProtocolId nowhere = ProtocolId.of("nowhere");
        mitigations.set(0, new MitigationSpec.CircuitBreaker(AssetId.of("doge"), 0.1, 300, 600,
                MitigationSpec.Scope.TRADING));
        mitigations.set(1, new MitigationSpec.LiquidationRateLimit(nowhere, 1e6, 2e7));
        mitigations.set(2, new MitigationSpec.ProgressivePenalty(nowhere, 0.05, 1800, 20, 1500));
        mitigations.set(3, new MitigationSpec.InternalDutchAuction(nowhere, 5e7, 1800, 0.05, 0.2));
        mitigations.set(4, new MitigationSpec.CollateralSegmentation(nowhere, 0.5, List.of(ETH, AssetId.of("x"))));
        mitigations.set(5, new MitigationSpec.IsolatedMarkets(nowhere));
        mitigations.set(6, new MitigationSpec.Backstop(nowhere, 1e7, 0.03));
        mitigations.set(8, new MitigationSpec.LiquidityIncentives(AssetId.of("y"), 1e7, 0.02));
        assertThat(violations()).containsExactly(
                new Violation("mitigations[0].asset", "unknown asset 'doge'"),
                new Violation("mitigations[1].protocol", "unknown protocol 'nowhere'"),
                new Violation("mitigations[2].protocol", "unknown protocol 'nowhere'"),
                new Violation("mitigations[3].protocol", "unknown protocol 'nowhere'"),
                new Violation("mitigations[4].protocol", "unknown protocol 'nowhere'"),
                new Violation("mitigations[4].correlatedGroup[1]", "unknown asset 'x'"),
                new Violation("mitigations[5].protocol", "unknown protocol 'nowhere'"),
                new Violation("mitigations[6].protocol", "unknown protocol 'nowhere'"),
                new Violation("mitigations[8].asset", "unknown asset 'y'"));
    }

    @Test
    void liquidityIncentivesAgainstNamesAKnownAssetOnTheIncentivisedAssetsChain() {
        mitigations.set(8, new MitigationSpec.LiquidityIncentives(ETH, 1e7, 0.02, USDC));
        assertThat(violations()).isEmpty();
        mitigations.set(8, new MitigationSpec.LiquidityIncentives(ETH, 1e7, 0.02, AssetId.of("zzz")));
        assertThat(violations()).containsExactly(new Violation("mitigations[8].against", "unknown asset 'zzz'"));
        mitigations.set(8, new MitigationSpec.LiquidityIncentives(ETH, 1e7, 0.02, AssetId.of("usdc-arb")));
        assertThat(violations()).containsExactly(new Violation("mitigations[8].against", "asset usdc-arb lives on "
                + "arbitrum, not on ethereum where eth is (a pool holds two assets of one chain)"));
    }

    /**
     * A bridge exploit that takes all the backing would price the bridge's WETH (3,000 USD at the snapshot) at 0, which
     * no feed can report; 0.9999 leaves 0.3 USD, inside the band.
     */
    @Test
    void aBridgeExploitMustLeaveItsTokensAPriceTheOraclesCanReport() {
        events.set(4, new ScenarioEvent.BridgeExploit(BridgeId.of("arb-bridge"), 3600, 1));
        assertThat(violations()).containsExactly(new Violation("events[4].backingLoss", "must keep weth-arb's price "
                + PriceBand.words() + " (it takes 3000 USD to 0); a token left worthless is a loss just under 1, such as"
                + " 0.9999"));
        events.set(4, new ScenarioEvent.BridgeExploit(BridgeId.of("arb-bridge"), 3600, 0.9999));
        assertThat(violations()).isEmpty();
    }

    @Test
    void liquidatorCapitalNamesAKnownAssetOnAKnownChain() {
        liquidators.set(0, new LiquidatorSpec("keeper", 1, List.of(
                new LiquidatorSpec.Holding(ChainId.of("solana"), USDC, 1),
                new LiquidatorSpec.Holding(ETHEREUM, AssetId.of("sol"), 1),
                new LiquidatorSpec.Holding(ETHEREUM, AssetId.of("usdc-arb"), 1)),
                false, 1, 0.1, 10, 1, 0.5, 0));
        assertThat(violations()).containsExactly(
                new Violation("liquidators[0].capital[0].chain", "unknown chain 'solana'"),
                new Violation("liquidators[0].capital[1].asset", "unknown asset 'sol'"),
                new Violation("liquidators[0].capital[2].asset", "asset usdc-arb lives on arbitrum, not on ethereum"));
    }

    @Test
    void expandedLiquidatorIdsAreUnique() {
        liquidators.add(new LiquidatorSpec("keeper-2", 1, List.of(), false, 1, 0.1, 10, 1, 0.5, 0));
        assertThat(violations()).containsExactly(new Violation("liquidators[1].id",
                "liquidator id keeper-2 is also produced by liquidators[0]"));
    }

    @Test
    void impactNamesAKnownAssetOnce() {
        impact.add(new ImpactSpec(ETH, 1, 1e9, 0.05));
        impact.add(new ImpactSpec(AssetId.of("doge"), 1, 1e9, 0.05));
        assertThat(violations()).containsExactly(
                new Violation("impact[1].asset", "asset eth already has impact parameters (impact[0])"),
                new Violation("impact[2].asset", "unknown asset 'doge'"));
    }

    @Test
    void requireValidListsEveryViolation() {
        drivers.set(0, new PriceDriver.StepShock(AssetId.of("doge"), -0.3, 600));
        impact.add(new ImpactSpec(AssetId.of("doge"), 1, 1e9, 0.05));
        assertThatThrownBy(() -> ScenarioValidator.DEFAULT.requireValid(scenario(), SNAPSHOT))
                .hasMessage("scenario test does not fit ecosystem test:\n"
                        + "drivers[0].asset: unknown asset 'doge'\nimpact[1].asset: unknown asset 'doge'");
    }
}
