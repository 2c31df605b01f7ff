package dev.fracture.engine;

import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.scenario.CorrelatedShocks;
import dev.fracture.scenario.ImpactSpec;
import dev.fracture.scenario.LiquidatorSpec;
import dev.fracture.scenario.LiquidityProviderSpec;
import dev.fracture.scenario.Normals;
import dev.fracture.scenario.PriceDriver;
import dev.fracture.scenario.Scenario;
import dev.fracture.scenario.ScenarioEvent;
import dev.fracture.scenario.TimeSeries;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Turns a scenario into what the engine runs, and says what of it the engine does not simulate yet.
 *
 * <p>Price drivers become base paths: a step multiplies the snapshot price by (1 + shock) from its time; a point
 * path is interpolated linearly (rebased to the snapshot price when asked); a stochastic driver draws its whole path
 * up front, one return per step, from the scenario seed split per driver in the order they are listed (so adding a
 * driver does not change the others' draws), correlated through the scenario's matrix for the assets it names; a
 * depeg driver draws its jumps the same way. A stablecoin-depeg event multiplies its asset's path by the peg share
 * it describes. Assets with no driver hold the snapshot price, or follow the asset they stand on (see
 * {@link BasePrices#drives}).
 *
 * <p>Events simulated: gas spikes (a chain's base fee over a window), oracle freeze and stale (the feed stops
 * updating), oracle wrong value (consumers read the value times the factor), bridge exploits (tokens the bridge
 * minted lose the backing share, and the bridge halts; both read from the events the setup carries), stablecoin
 * depegs, bridge halts (no transfers through the bridge over the window: {@link BridgeSchedule},
 * {@link CrossChainArbitrage}) and liquidity withdrawals (the providers of the named venues take out the share:
 * {@link LiquidityProviders}). Every event is also handed to the engine as scheduled, which logs it when it takes
 * effect. The scenario's {@code liquidityProviders}, when given, become the engine's {@link LiquidityProviderRule}.
 * Every mitigation is simulated ({@code dev.fracture.mitigation}, docs/mitigations.md): the setup carries the
 * scenario's mitigation specs, checked against the snapshot.
 */
public final class ScenarioSetup {
    private ScenarioSetup() {
    }

    /** A setup ready to run and the parts of the scenario it leaves out, in words. */
    public record Prepared(SimulationSetup setup, List<String> notSimulated) {
        public Prepared {
            notSimulated = List.copyOf(notSimulated);
        }
    }

    public static Prepared of(Scenario scenario, EcosystemSnapshot snapshot, long seed) {
        Map<AssetId, Double> snapshotPrice = new HashMap<>();
        snapshot.assets().forEach(a -> snapshotPrice.put(a.id(), a.referencePriceUsd()));
        Map<AssetId, Path> paths = new LinkedHashMap<>();
        SplittableRandom root = new SplittableRandom(seed);
        Map<AssetId, double[]> correlated = correlatedShocks(scenario, root.split());
        for (PriceDriver d : scenario.drivers()) {
            SplittableRandom driverRng = root.split();
            double p0 = snapshotPrice.get(d.asset());
            paths.put(d.asset(), path(d, p0, scenario.horizonSeconds(), driverRng, correlated.get(d.asset())));
        }
        List<String> notSimulated = new ArrayList<>();
        List<SimulationSetup.OracleFault> faults = new ArrayList<>();
        List<ScenarioEvent.GasSpike> spikes = new ArrayList<>();
        List<ScenarioEvent.StablecoinDepeg> depegs = new ArrayList<>();
        for (ScenarioEvent e : scenario.events()) {
            if (e instanceof ScenarioEvent.GasSpike g) {
                spikes.add(g);
            } else if (e instanceof ScenarioEvent.OracleFreeze f) {
                faults.add(new SimulationSetup.OracleFault(f.oracle(), f.fromSeconds(), f.toSeconds(), true, 1));
            } else if (e instanceof ScenarioEvent.OracleStale f) {
                faults.add(new SimulationSetup.OracleFault(f.oracle(), f.fromSeconds(), f.toSeconds(), true, 1));
            } else if (e instanceof ScenarioEvent.OracleWrongValue w) {
                faults.add(new SimulationSetup.OracleFault(w.oracle(), w.fromSeconds(), w.toSeconds(), false,
                        w.factor()));
            } else if (e instanceof ScenarioEvent.StablecoinDepeg s) {
                depegs.add(s);
            } else if (!(e instanceof ScenarioEvent.BridgeHalt) && !(e instanceof ScenarioEvent.LiquidityWithdrawal)
                    && !(e instanceof ScenarioEvent.BridgeExploit)) {
                notSimulated.add("event " + e.getClass().getSimpleName() + " at " + e.startSeconds() + " s");
            }
        }
        BasePrices base = new BasePrices() {
            @Override
            public double usd(AssetId asset, long t) {
                Path p = paths.get(asset);
                double price = p == null ? snapshotPrice.get(asset) : p.at(t);
                for (ScenarioEvent.StablecoinDepeg s : depegs) {
                    if (s.asset().equals(asset)) {
                        price *= s.pegShareAt(t);
                    }
                }
                return price;
            }

            @Override
            public boolean drives(AssetId asset) {
                return paths.containsKey(asset) || depegs.stream().anyMatch(s -> s.asset().equals(asset));
            }

            /** The first driver's asset: the shock a scenario lists first is the one it is about. */
            @Override
            public AssetId primary() {
                return scenario.drivers().isEmpty() ? null : scenario.drivers().get(0).asset();
            }
        };
        SimulationSetup.BaseFees fees = (chain, t) -> {
            double fee = chain.gas().baseFeeGwei();
            for (ScenarioEvent.GasSpike g : spikes) {
                if (g.chain().equals(chain.id()) && t >= g.fromSeconds() && t < g.toSeconds()) {
                    fee = Math.max(fee, g.baseFeeGwei());
                }
            }
            return fee;
        };
        Map<AssetId, SquareRootImpact> impact = new HashMap<>();
        for (ImpactSpec i : scenario.impact()) {
            impact.put(i.asset(), new SquareRootImpact(i.coefficientY(), i.dailyVolumeUsd(), i.dailyVolatility()));
        }
        List<LiquidatorProfile> liquidators = new ArrayList<>();
        for (LiquidatorSpec l : scenario.liquidators()) {
            liquidators.addAll(l.profiles());
        }
        return new Prepared(new SimulationSetup(snapshot, scenario.horizonSeconds(), seed, base, impact, liquidators,
                SimulationSetup.DEFAULT_ARBITRAGE_CAPITAL_USD_PER_BLOCK, fees, faults, List.of(),
                scenario.mitigations(), MarketDynamics.NONE.withEvents(scenario.events()).withProviders(providers(scenario))), notSimulated);
    }

    /** The scenario's withdrawing liquidity providers as the engine's rule; off when it names none. */
    private static LiquidityProviderRule providers(Scenario scenario) {
        LiquidityProviderSpec lp = scenario.liquidityProviders();
        return lp == null ? LiquidityProviderRule.OFF
                : new LiquidityProviderRule(true, lp.windowSeconds(), lp.calmVolatility(), lp.sensitivity(),
                        lp.maxShare());
    }

    /** A driver's base path as a function of time. */
    @FunctionalInterface
    private interface Path {
        double at(long t);
    }

    private static Path path(PriceDriver d, double p0, long horizon, SplittableRandom rng, double[] shocks) {
        if (d instanceof PriceDriver.StepShock s) {
            return t -> t >= s.atSeconds() ? p0 * (1 + s.shock()) : p0;
        }
        if (d instanceof PriceDriver.PathPoints p) {
            TimeSeries series = p.prices(p0);
            return series::linearAt;
        }
        if (d instanceof PriceDriver.Stochastic s) {
            int steps = (int) (horizon / s.stepSeconds()) + 1;
            double[] z = shocks;
            Normals normals = new Normals(rng);
            if (z == null) {
                z = new double[steps];
                for (int i = 0; i < steps; i++) {
                    z[i] = normals.next();
                }
            }
            double[] prices = s.generator().prices(p0, steps, s.stepYears(), z, normals);
            return t -> prices[(int) Math.min(prices.length - 1, t / s.stepSeconds())];
        }
        if (d instanceof PriceDriver.Depeg dp) {
            int steps = (int) (horizon / dp.stepSeconds()) + 1;
            double[] prices = dp.jumps().prices(p0, steps, dp.stepSeconds() / (double) Scenario.SECONDS_PER_YEAR,
                    new Normals(rng));
            return t -> prices[(int) Math.min(prices.length - 1, t / dp.stepSeconds())];
        }
        throw new IllegalArgumentException("price driver " + d.getClass().getSimpleName() + " for " + d.asset()
                + " must be read into points before a run (the scenario reader does this)");
    }

    /** Correlated standard normals for the stochastic drivers the correlation names, one array per asset. */
    private static Map<AssetId, double[]> correlatedShocks(Scenario scenario, SplittableRandom rng) {
        Map<AssetId, double[]> out = new HashMap<>();
        if (scenario.correlation() == null) {
            return out;
        }
        long step = Long.MAX_VALUE;
        for (PriceDriver d : scenario.drivers()) {
            if (d instanceof PriceDriver.Stochastic s && scenario.correlation().assets().contains(s.asset())) {
                step = Math.min(step, s.stepSeconds());
            }
        }
        if (step == Long.MAX_VALUE) {
            return out;
        }
        int steps = (int) (scenario.horizonSeconds() / step) + 1;
        double[][] z = new CorrelatedShocks(scenario.correlation().matrix()).draw(steps, new Normals(rng));
        List<AssetId> assets = scenario.correlation().assets();
        for (int i = 0; i < assets.size(); i++) {
            out.put(assets.get(i), z[i]);
        }
        return out;
    }
}
