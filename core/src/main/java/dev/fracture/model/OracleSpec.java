package dev.fracture.model;

import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The stored configuration of a price feed, as a snapshot holds it. Behaviour (update rules, staleness, delays) lives
 * in {@code dev.fracture.oracle}; protocols name the feed they read by its {@link OracleId}, so a shared feed is one
 * object and an oracle fault reaches every protocol that reads it.
 */
public sealed interface OracleSpec {

    OracleId id();

    /** The oracles this one reads from, in field order; empty for a feed that observes a market itself. */
    List<OracleId> sources();

    /**
     * A Chainlink-style push feed of {@code asset} in {@code quote} (an ISO currency such as USD): a new answer when
     * the price moves by {@code deviationBps} from the last answer or {@code heartbeatSeconds} after it, landing on chain
     * {@code delaySeconds} after the observation, with {@code decimals} decimals.
     */
    record Push(OracleId id, AssetId asset, String quote, long heartbeatSeconds, int deviationBps, int decimals,
                long delaySeconds) implements OracleSpec {
        @Override
        public List<OracleId> sources() {
            return List.of();
        }
    }

    /** A time-weighted average of {@code asset}'s price on {@code venue} over {@code windowSeconds}. */
    record Twap(OracleId id, AssetId asset, VenueId venue, long windowSeconds) implements OracleSpec {
        @Override
        public List<OracleId> sources() {
            return List.of();
        }
    }

    /**
     * Maker's Oracle Security Module: releases {@code source}'s value one hop ({@code hopSeconds}) late, so governance
     * can react to a bad price before protocols act on it.
     */
    record Delayed(OracleId id, OracleId source, long hopSeconds) implements OracleSpec {
        @Override
        public List<OracleId> sources() {
            return source == null ? List.of() : List.of(source);
        }
    }

    /**
     * Liquity-style primary/fallback rule: reads {@code primary} unless it is frozen (older than
     * {@code primaryMaxAgeSeconds}) or jumps by more than {@code maxRoundChange} between rounds, then {@code fallback}
     * if the two differ by at most {@code maxSourceDifference}. Fractions are of 1 (0.05 = 5%).
     */
    record Fallback(OracleId id, OracleId primary, OracleId fallback, long primaryMaxAgeSeconds,
                    long fallbackMaxAgeSeconds, double maxRoundChange, double maxSourceDifference)
            implements OracleSpec {
        @Override
        public List<OracleId> sources() {
            return Stream.of(primary, fallback).filter(Objects::nonNull).toList();
        }
    }
}
