package dev.fracture.scenario;

import static dev.fracture.scenario.Checks.required;

import dev.fracture.model.AssetId;
import dev.fracture.model.BridgeId;
import dev.fracture.model.ChainId;
import dev.fracture.model.OracleId;
import dev.fracture.model.VenueId;
import java.util.List;
import java.util.OptionalLong;

/**
 * Something that happens to the ecosystem at a scheduled time, apart from price moves. Times are seconds from the
 * scenario's start; an interval [fromSeconds, toSeconds) ends before {@code toSeconds}.
 */
public sealed interface ScenarioEvent {

    /** When the event begins. */
    long startSeconds();

    /** When its effect stops being imposed; its start for an instantaneous event. */
    long endSeconds();

    /** The feed publishes nothing new: readers see its last answer, with its old timestamp. */
    record OracleFreeze(OracleId oracle, long fromSeconds, long toSeconds) implements ScenarioEvent {
        public OracleFreeze {
            required("oracle", oracle);
            Checks.interval(fromSeconds, toSeconds);
        }

        @Override
        public long startSeconds() {
            return fromSeconds;
        }

        @Override
        public long endSeconds() {
            return toSeconds;
        }
    }

    /**
     * The feed stops updating and readers that check freshness treat it as stale from the start (a fallback feed
     * switches source; a protocol that refuses stale prices pauses liquidations), unlike a freeze, which a reader
     * notices only once the heartbeat has passed.
     */
    record OracleStale(OracleId oracle, long fromSeconds, long toSeconds) implements ScenarioEvent {
        public OracleStale {
            required("oracle", oracle);
            Checks.interval(fromSeconds, toSeconds);
        }

        @Override
        public long startSeconds() {
            return fromSeconds;
        }

        @Override
        public long endSeconds() {
            return toSeconds;
        }
    }

    /**
     * The feed reports its true answer times {@code factor} (0.5 = half the price): a faulty or attacked feed.
     *
     * <p>{@code factor} is within three orders of magnitude either way, {@link #MIN_FACTOR} to {@link #MAX_FACTOR}:
     * wide enough for a feed read in the wrong unit or scale, and narrow enough that the wrong answer is one the
     * lending markets can read. They take USD with 8 decimals into a {@code long}: a price of the {@link PriceBand}
     * times 1000 is at most 1e10 USD, 1e18 units, under the {@code long}'s 9.2e18 (a factor of 1e6 on WBTC's 118,000
     * USD overflowed it), and a factor of 1e-300 rounded wstETH's 3,990 USD answer to 0, which they refuse.
     */
    record OracleWrongValue(OracleId oracle, long fromSeconds, long toSeconds, double factor) implements ScenarioEvent {
        public static final double MIN_FACTOR = 1e-3;
        public static final double MAX_FACTOR = 1e3;

        public OracleWrongValue {
            required("oracle", oracle);
            Checks.interval(fromSeconds, toSeconds);
            Checks.between("factor", factor, MIN_FACTOR, MAX_FACTOR);
        }

        @Override
        public long startSeconds() {
            return fromSeconds;
        }

        @Override
        public long endSeconds() {
            return toSeconds;
        }
    }

    /** The bridge stops moving value at {@code atSeconds}, until {@code untilSeconds} or, when absent, for good. */
    record BridgeHalt(BridgeId bridge, long atSeconds, OptionalLong untilSeconds) implements ScenarioEvent {
        public BridgeHalt {
            required("bridge", bridge);
            Checks.nonNegative("atSeconds", atSeconds);
            untilSeconds = untilSeconds == null ? OptionalLong.empty() : untilSeconds;
            if (untilSeconds.isPresent() && untilSeconds.getAsLong() <= atSeconds) {
                throw new ScenarioFieldException("untilSeconds", "must be after atSeconds (" + atSeconds + "), was "
                        + untilSeconds.getAsLong());
            }
        }

        @Override
        public long startSeconds() {
            return atSeconds;
        }

        @Override
        public long endSeconds() {
            return untilSeconds.orElse(atSeconds);
        }
    }

    /**
     * The bridge is drained at {@code atSeconds}: a share {@code backingLoss} (0..1] of the assets backing its
     * bridged tokens is gone, so those tokens are worth {@code 1 − backingLoss} of their origin, and the bridge halts.
     */
    record BridgeExploit(BridgeId bridge, long atSeconds, double backingLoss) implements ScenarioEvent {
        public BridgeExploit {
            required("bridge", bridge);
            Checks.nonNegative("atSeconds", atSeconds);
            Checks.fraction("backingLoss", backingLoss);
        }

        @Override
        public long startSeconds() {
            return atSeconds;
        }

        @Override
        public long endSeconds() {
            return atSeconds;
        }
    }

    /** Liquidity providers pull a share {@code fraction} (0..1] of the liquidity of each venue at {@code atSeconds}. */
    record LiquidityWithdrawal(List<VenueId> venues, double fraction, long atSeconds) implements ScenarioEvent {
        public LiquidityWithdrawal {
            venues = Checks.nonEmpty("venues", venues);
            Checks.distinct("venues", venues);
            Checks.fraction("fraction", fraction);
            Checks.nonNegative("atSeconds", atSeconds);
        }

        @Override
        public long startSeconds() {
            return atSeconds;
        }

        @Override
        public long endSeconds() {
            return atSeconds;
        }
    }

    /**
     * The chain's base fee is held at {@code baseFeeGwei} during [fromSeconds, toSeconds) instead of following its
     * EIP-1559 model: congestion that prices small liquidations out and delays transactions that bid too little.
     */
    record GasSpike(ChainId chain, long fromSeconds, long toSeconds, double baseFeeGwei) implements ScenarioEvent {
        public GasSpike {
            required("chain", chain);
            Checks.interval(fromSeconds, toSeconds);
            Checks.positive("baseFeeGwei", baseFeeGwei);
        }

        @Override
        public long startSeconds() {
            return fromSeconds;
        }

        @Override
        public long endSeconds() {
            return toSeconds;
        }
    }

    /**
     * A pegged asset falls {@code depth} (0.12 = 12% below its peg) at {@code atSeconds}, and the gap then halves
     * every {@code recoveryHalfLifeSeconds}; 0 means it never recovers (UST in May 2022). USDC fell about 12% on
     * 11 March 2023 and was back within days. The deterministic counterpart of {@link PriceDriver.Depeg}.
     *
     * <p>{@code depth} is below 1: a depth of 1 prices the asset at 0, a price no oracle answer carries and no lending
     * market accepts, so the run could not go past the depeg.
     */
    record StablecoinDepeg(AssetId asset, long atSeconds, double depth, long recoveryHalfLifeSeconds)
            implements ScenarioEvent {
        public StablecoinDepeg {
            required("asset", asset);
            Checks.nonNegative("atSeconds", atSeconds);
            Checks.openFraction("depth", depth);
            Checks.nonNegative("recoveryHalfLifeSeconds", recoveryHalfLifeSeconds);
        }

        /** The price as a share of the peg at {@code t}. */
        public double pegShareAt(long t) {
            if (t < atSeconds) {
                return 1;
            }
            double gap = recoveryHalfLifeSeconds == 0 ? depth
                    : depth * StrictMath.pow(0.5, (t - atSeconds) / (double) recoveryHalfLifeSeconds);
            return 1 - gap;
        }

        @Override
        public long startSeconds() {
            return atSeconds;
        }

        @Override
        public long endSeconds() {
            return atSeconds;
        }
    }
}
