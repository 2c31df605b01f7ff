package dev.fracture.scenario;

import static dev.fracture.scenario.Checks.fraction;
import static dev.fracture.scenario.Checks.nonNegative;
import static dev.fracture.scenario.Checks.positive;
import static dev.fracture.scenario.Checks.required;

import dev.fracture.model.AssetId;
import dev.fracture.model.ProtocolId;
import java.util.List;

/**
 * A mitigation a scenario switches on, as data: the engine's {@code dev.fracture.mitigation} package applies it.
 * Each record says what the mechanism will do, so that a scenario file can be read without the engine's code. A
 * {@code protocol} that may be null means "every protocol" when null.
 */
public sealed interface MitigationSpec {

    /** What a circuit breaker pauses. */
    enum Scope {
        /** Liquidations of positions whose collateral is the asset. */
        LIQUIDATIONS,
        /** Every on-chain venue trading the asset. */
        TRADING
    }

    /**
     * When the asset's reference price moves more than {@code movePct} (0.1 = 10%) within {@code windowSeconds},
     * {@code scope} is paused for {@code cooldownSeconds}, then resumes (and may trip again).
     */
    record CircuitBreaker(AssetId asset, double movePct, long windowSeconds, long cooldownSeconds, Scope scope)
            implements MitigationSpec {
        public CircuitBreaker {
            required("asset", asset);
            fraction("movePct", movePct);
            positive("windowSeconds", windowSeconds);
            positive("cooldownSeconds", cooldownSeconds);
            required("scope", scope);
        }
    }

    /**
     * Liquidations (debt repaid, valued in USD) are capped at {@code maxPerBlockUsd} per block and
     * {@code maxPerHourUsd} per rolling hour; the rest waits. Per protocol, or across all when null.
     */
    record LiquidationRateLimit(ProtocolId protocol, double maxPerBlockUsd, double maxPerHourUsd)
            implements MitigationSpec {
        public LiquidationRateLimit {
            positive("maxPerBlockUsd", maxPerBlockUsd);
            positive("maxPerHourUsd", maxPerHourUsd);
            if (maxPerHourUsd < maxPerBlockUsd) {
                throw new ScenarioFieldException("maxPerHourUsd", "must be at least maxPerBlockUsd ("
                        + Checks.show(maxPerBlockUsd) + "), was " + Checks.show(maxPerHourUsd));
            }
        }
    }

    /**
     * Once a collateral's venue price is more than {@code slippageThreshold} (0.05 = 5%) below its TWAP over
     * {@code twapWindowSeconds}, the protocol values the collateral at that TWAP and the liquidation penalty rises
     * by {@code penaltyBpsPerPercent} for each percent of slippage beyond the threshold, up to {@code maxPenaltyBps}:
     * liquidating into a fire sale costs the liquidator more, so fewer forced sales hit the thinnest moment.
     */
    record ProgressivePenalty(ProtocolId protocol, double slippageThreshold, long twapWindowSeconds,
                              double penaltyBpsPerPercent, int maxPenaltyBps) implements MitigationSpec {
        public ProgressivePenalty {
            fraction("slippageThreshold", slippageThreshold);
            positive("twapWindowSeconds", twapWindowSeconds);
            nonNegative("penaltyBpsPerPercent", penaltyBpsPerPercent);
            Checks.between("maxPenaltyBps", maxPenaltyBps, 1, 10_000);
        }
    }

    /**
     * The protocol auctions seized collateral itself (a Dutch auction over {@code durationSeconds}, from
     * {@code startPremium} above the oracle price down to {@code floorDiscount} below it) to capital committed in
     * advance ({@code committedCapitalUsd}), instead of leaving liquidators to sell it on venues. What the committed
     * capital cannot absorb goes to the venues as before.
     */
    record InternalDutchAuction(ProtocolId protocol, double committedCapitalUsd, long durationSeconds,
                                double startPremium, double floorDiscount) implements MitigationSpec {
        public InternalDutchAuction {
            required("protocol", protocol);
            positive("committedCapitalUsd", committedCapitalUsd);
            positive("durationSeconds", durationSeconds);
            Checks.between("startPremium", startPremium, 0, 1);
            Checks.between("floorDiscount", floorDiscount, 0, 0.99);
        }
    }

    /**
     * The protocol counts the assets of {@code correlatedGroup} as one exposure: no account's collateral may be more
     * than {@code maxCorrelatedShare} in the group, the excess not counting toward borrowing power, so one shock
     * cannot take a whole basket down together.
     */
    record CollateralSegmentation(ProtocolId protocol, double maxCorrelatedShare, List<AssetId> correlatedGroup)
            implements MitigationSpec {
        public CollateralSegmentation {
            required("protocol", protocol);
            fraction("maxCorrelatedShare", maxCorrelatedShare);
            correlatedGroup = Checks.nonEmpty("correlatedGroup", correlatedGroup);
            Checks.distinct("correlatedGroup", correlatedGroup);
            if (correlatedGroup.size() < 2) {
                throw new ScenarioFieldException("correlatedGroup", "must name at least two assets (was "
                        + correlatedGroup + ")");
            }
        }
    }

    /**
     * The protocol's pooled markets are split, one market per collateral asset, so bad debt in one cannot be
     * socialised onto lenders of another (Morpho Blue's design applied to a pool).
     */
    record IsolatedMarkets(ProtocolId protocol) implements MitigationSpec {
        public IsolatedMarkets {
            required("protocol", protocol);
        }
    }

    /**
     * A fund of {@code fundUsd} buys seized collateral at the oracle price whenever selling it on venues would slip
     * more than {@code maxSlippageAbsorbed} (0.03 = 3%), and covers bad debt from what is left. Per protocol, or
     * shared by all when null.
     */
    record Backstop(ProtocolId protocol, double fundUsd, double maxSlippageAbsorbed) implements MitigationSpec {
        public Backstop {
            positive("fundUsd", fundUsd);
            fraction("maxSlippageAbsorbed", maxSlippageAbsorbed);
        }
    }

    /**
     * A layer that takes forced sales off the venues up to {@code capacityUsd} outstanding, at the reference price,
     * and unwinds what it bought evenly over {@code unwindSeconds}: it spreads a burst of selling over time.
     */
    record SyntheticLiquidityLayer(double capacityUsd, long unwindSeconds) implements MitigationSpec {
        public SyntheticLiquidityLayer {
            positive("capacityUsd", capacityUsd);
            positive("unwindSeconds", unwindSeconds);
        }
    }

    /**
     * Incentives keep {@code depthUsd} of liquidity for the asset within {@code bandPct} (0.02 = 2%) of its price, in
     * a pool against {@code against} — the asset its liquidations sell into; null: a stablecoin the asset already
     * trades against, else its first venue's other asset —, so that liquidity providers do not withdraw it during
     * the stress.
     */
    record LiquidityIncentives(AssetId asset, double depthUsd, double bandPct, AssetId against)
            implements MitigationSpec {
        public LiquidityIncentives {
            required("asset", asset);
            positive("depthUsd", depthUsd);
            fraction("bandPct", bandPct);
            if (asset.equals(against)) {
                throw new IllegalArgumentException("against: must differ from asset '" + asset + "' (a pool holds"
                        + " two assets)");
            }
        }

        /** Incentives against the default counterpart. */
        public LiquidityIncentives(AssetId asset, double depthUsd, double bandPct) {
            this(asset, depthUsd, bandPct, null);
        }
    }

    /**
     * While an asset's realised volatility (annualised) is above {@code volThreshold}, protocols cut new-borrowing
     * LTVs by {@code ltvCutBps} and liquidation penalties by {@code penaltyCutBps}, and push feeds reading it
     * update at least every {@code oracleHeartbeatSeconds}.
     */
    record DynamicParameters(double volThreshold, int ltvCutBps, int penaltyCutBps, long oracleHeartbeatSeconds)
            implements MitigationSpec {
        public DynamicParameters {
            positive("volThreshold", volThreshold);
            Checks.between("ltvCutBps", ltvCutBps, 0, 10_000);
            Checks.between("penaltyCutBps", penaltyCutBps, 0, 10_000);
            positive("oracleHeartbeatSeconds", oracleHeartbeatSeconds);
        }
    }
}
