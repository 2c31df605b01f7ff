package dev.fracture.io;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Decodes a protocol's optional {@code populations} list and checks the rules that need nothing but the block itself
 * (counts, weights, distribution parameters); the rules that relate it to the ecosystem (assets, markets, ilks,
 * e-mode) are the {@link PopulationExpander}'s. Populations are kept by the path of their protocol, for the expander.
 */
final class PopulationDecoder {
    static final String LOGNORMAL = "lognormal";
    static final String PARETO = "pareto";
    static final List<String> SIZE_TYPES = List.of(LOGNORMAL, PARETO);
    static final List<String> HEALTH_TYPES = List.of(LOGNORMAL);
    /** Beyond this a log-normal's draws overflow nothing but mean nothing either: exp(10 × 8.6) ≈ 10^37. */
    static final double MAX_SIGMA = 10;

    private final SnapshotDecoder snapshot;
    private final Decoding decoding;
    private final Map<String, List<PopulationSpec>> byProtocol = new HashMap<>();

    PopulationDecoder(SnapshotDecoder snapshot, Decoding decoding) {
        this.snapshot = snapshot;
        this.decoding = decoding;
    }

    /** The populations of the protocol written at {@code protocolPath} ({@code protocols[2]}); empty when none. */
    List<PopulationSpec> of(String protocolPath) {
        return byProtocol.getOrDefault(protocolPath, List.of());
    }

    /** Reads {@code populations} of one protocol of the given format type, if the protocol has any. */
    void read(Fields protocol, String type) {
        if (!protocol.has("populations")) {
            return;
        }
        if (!Schema.PROTOCOL_TYPES.contains(type)) {
            decoding.problem(protocol.keyLocation("populations"), SourceMap.child(protocol.path(), "populations"),
                    "populations are not supported for protocol type '" + type + "'");
            return;
        }
        List<PopulationSpec> read = snapshot.each(protocol, "populations", f -> population(f, type));
        Set<String> ids = new HashSet<>();
        for (PopulationSpec p : read) {
            if (p.id() != null && !ids.add(p.id())) {
                decoding.problem(decoding.sourceMap().locate(p.path() + ".id"), p.path() + ".id",
                        "population id '" + p.id() + "' appears twice in this protocol");
            }
        }
        byProtocol.put(protocol.path(), read);
    }

    private PopulationSpec population(Fields f, String type) {
        AccountId prefix = snapshot.id(f, "id", AccountId::of);
        long seed = f.longValue("seed");
        int before = decoding.problems().size();
        int count = f.intValue("count");
        if (decoding.problems().size() == before && (count < 1 || count > PopulationSpec.MAX_COUNT)) {
            problem(f, "count", "must be between 1 and " + PopulationSpec.MAX_COUNT + " (was " + count + ")");
        }
        PopulationSpec.Target target = null;
        double total = Double.NaN;
        boolean debt = f.has("totalDebtUsd");
        boolean collateral = f.has("totalCollateralUsd");
        if (debt == collateral) {
            decoding.problem(f.location(), SourceMap.child(f.path(), "totalDebtUsd"),
                    "exactly one of totalDebtUsd and totalCollateralUsd is required");
        } else {
            String name = debt ? "totalDebtUsd" : "totalCollateralUsd";
            target = debt ? PopulationSpec.Target.DEBT : PopulationSpec.Target.COLLATERAL;
            total = number(f, name);
            positive(f, name, total);
        }
        Fields sizeFields = f.object("size");
        PopulationSpec.SizeDistribution size = sizeFields == null ? null : size(sizeFields);
        List<PopulationSpec.Mix> mix = mix(f, type);
        boolean borrows = !Schema.POOLED_LENDING.equals(type)
                || mix.stream().anyMatch(m -> m instanceof PopulationSpec.PooledMix p && !p.debt().isEmpty());
        PopulationSpec.HealthDistribution health = null;
        if (borrows) {
            Fields healthFields = f.object("health");
            health = healthFields == null ? null : health(healthFields);
        } else if (f.has("health")) {
            problem(f, "health", "must be left out: no mix entry borrows, so no position has a health factor");
        }
        boolean someSupplyOnly = mix.stream().anyMatch(m -> m instanceof PopulationSpec.PooledMix p
                && p.debt().isEmpty());
        if (someSupplyOnly && target == PopulationSpec.Target.DEBT) {
            problem(f, "totalDebtUsd", "a mix entry without debt cannot share a debt total: give totalCollateralUsd, "
                    + "or put the suppliers in a population of their own");
        }
        return new PopulationSpec(f.path(), prefix == null ? null : prefix.value(), seed, count, target, total, size,
                health, mix);
    }

    private PopulationSpec.SizeDistribution size(Fields f) {
        String type = snapshot.type(f, SIZE_TYPES, "size distribution");
        if (type == null) {
            return null;
        }
        PopulationSpec.SizeDistribution out;
        if (LOGNORMAL.equals(type)) {
            double sigma = number(f, "sigma");
            sigma(f, "sigma", sigma);
            out = new PopulationSpec.LogNormalSize(sigma);
        } else {
            double alpha = number(f, "alpha");
            positive(f, "alpha", alpha);
            double maxRatio = f.has("maxRatio") ? number(f, "maxRatio") : Double.POSITIVE_INFINITY;
            if (f.has("maxRatio") && !Double.isNaN(maxRatio) && !(maxRatio > 1 && Double.isFinite(maxRatio))) {
                problem(f, "maxRatio", "must be a finite number greater than 1 (was " + maxRatio + ")");
            }
            if (alpha > 0 && alpha <= 1 && !f.has("maxRatio")) {
                // Pareto's mean is infinite for alpha <= 1: the largest draw would take nearly the whole total.
                problem(f, "alpha", "a Pareto index of 1 or less has no finite mean: give maxRatio to truncate it "
                        + "(was " + alpha + ")");
            }
            out = new PopulationSpec.ParetoSize(alpha, maxRatio);
        }
        f.rejectUnknown();
        return out;
    }

    private PopulationSpec.HealthDistribution health(Fields f) {
        String type = snapshot.type(f, HEALTH_TYPES, "health distribution");
        if (type == null) {
            return null;
        }
        double median = number(f, "median");
        if (!Double.isNaN(median) && !(median > 1 && Double.isFinite(median))) {
            problem(f, "median", "must be a finite number greater than 1: a health factor below 1 is liquidatable, "
                    + "and H - 1 is log-normal (was " + median + ")");
        }
        double sigma = number(f, "sigma");
        sigma(f, "sigma", sigma);
        f.rejectUnknown();
        return new PopulationSpec.HealthDistribution(median, sigma);
    }

    private List<PopulationSpec.Mix> mix(Fields f, String type) {
        if (Schema.STABILITY_POOL.equals(type)) {
            return List.of();
        }
        List<PopulationSpec.Mix> mix = snapshot.required(f, "mix", m -> entry(m, type));
        if (mix == null) {
            return List.of();
        }
        if (mix.isEmpty() && f.has("mix")) {
            problem(f, "mix", "must have at least one entry");
        }
        return mix;
    }

    private PopulationSpec.Mix entry(Fields f, String type) {
        double weight = number(f, "weight");
        positive(f, "weight", weight);
        return switch (type) {
            case Schema.POOLED_LENDING -> pooled(f, weight);
            case Schema.ISOLATED_LENDING -> new PopulationSpec.MarketMix(f.path(), weight, f.string("market"));
            case Schema.COMET_LENDING -> new PopulationSpec.CometMix(f.path(), weight, shares(f, "collateral", true));
            default -> new PopulationSpec.IlkMix(f.path(), weight, f.string("ilk"));
        };
    }

    private PopulationSpec.Mix pooled(Fields f, double weight) {
        int category = f.intValue("eModeCategory", 0);
        List<PopulationSpec.Share> collateral = shares(f, "collateral", true);
        List<PopulationSpec.Share> debt = shares(f, "debt", false);
        return new PopulationSpec.PooledMix(f.path(), weight, category, collateral, debt);
    }

    /** A list of {asset, weight}: assets once each, weights positive. */
    private List<PopulationSpec.Share> shares(Fields f, String name, boolean required) {
        List<PopulationSpec.Share> shares = required ? snapshot.required(f, name, this::share)
                : snapshot.each(f, name, this::share);
        if (shares == null) {
            return List.of();
        }
        if (required && shares.isEmpty() && f.has(name)) {
            problem(f, name, "must name at least one asset");
        }
        List<AssetId> seen = new ArrayList<>();
        for (PopulationSpec.Share s : shares) {
            if (s.asset() != null && seen.contains(s.asset())) {
                decoding.problem(decoding.sourceMap().locate(s.path() + ".asset"), s.path() + ".asset",
                        "asset '" + s.asset() + "' appears twice in " + name);
            }
            seen.add(s.asset());
        }
        return shares;
    }

    private PopulationSpec.Share share(Fields f) {
        AssetId asset = snapshot.id(f, "asset", AssetId::of);
        double weight = number(f, "weight");
        positive(f, "weight", weight);
        return new PopulationSpec.Share(f.path(), asset, weight);
    }

    /**
     * A required number; NaN when absent or mistyped, as already reported, so that the range checks below stay quiet
     * instead of reporting the same field twice. A NaN written as {@code .nan} is caught by the {@code .nan} check.
     */
    private double number(Fields f, String name) {
        int before = decoding.problems().size();
        double value = f.number(name);
        if (decoding.problems().size() == before && Double.isNaN(value)) {
            problem(f, name, "must be a finite number (was NaN)");
        }
        return value;
    }

    private void positive(Fields f, String name, double value) {
        if (!Double.isNaN(value) && !(value > 0 && Double.isFinite(value))) {
            problem(f, name, "must be a finite number greater than 0 (was " + value + ")");
        }
    }

    private void sigma(Fields f, String name, double value) {
        if (!Double.isNaN(value) && !(value >= 0 && value <= MAX_SIGMA)) {
            problem(f, name, "must be between 0 and " + (int) MAX_SIGMA + " (was " + value + ")");
        }
    }

    private void problem(Fields f, String name, String rule) {
        decoding.problem(f.keyLocation(name), SourceMap.child(f.path(), name), rule);
    }
}
