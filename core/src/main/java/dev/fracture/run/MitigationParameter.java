package dev.fracture.run;

import dev.fracture.scenario.MitigationSpec;
import dev.fracture.scenario.MitigationSpec.Backstop;
import dev.fracture.scenario.MitigationSpec.CircuitBreaker;
import dev.fracture.scenario.MitigationSpec.InternalDutchAuction;
import dev.fracture.scenario.MitigationSpec.LiquidationRateLimit;
import dev.fracture.scenario.MitigationSpec.SyntheticLiquidityLayer;
import dev.fracture.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A field of one mitigation the scenario switches on ({@link MitigationSpec}, fields as docs/formats.md spells them):
 * {@code mitigation.TYPE.FIELD} for a mitigation with no key (a protocol-wide one given without a protocol, or the
 * synthetic liquidity layer), {@code mitigation.TYPE.KEY.FIELD} for the one whose asset (circuit breaker) or protocol
 * is KEY. The scenario must have exactly one such mitigation: a sweep varies a mitigation's setting, it does not
 * invent the others. The copy is rebuilt through the record's constructor, so its rules apply to every value.
 */
public record MitigationParameter(String name, String type, String key, String field, int index)
        implements GridParameter {
    static final String PREFIX = "mitigation";

    /** The fields a sweep may vary, per mitigation type. */
    static final Map<String, List<String>> FIELDS = Map.of(
            "circuit-breaker", List.of("movePct", "windowSeconds", "cooldownSeconds"),
            "backstop", List.of("fundUsd", "maxSlippageAbsorbed"),
            "liquidation-rate-limit", List.of("maxPerBlockUsd", "maxPerHourUsd"),
            "internal-dutch-auction", List.of("committedCapitalUsd", "durationSeconds"),
            "synthetic-liquidity-layer", List.of("capacityUsd", "unwindSeconds"));

    static MitigationParameter parse(String name, String[] parts, Scenario scenario) {
        if (parts.length != 3 && parts.length != 4) {
            throw new IllegalArgumentException("grid parameter '" + name + "' must be mitigation.TYPE.FIELD or "
                    + "mitigation.TYPE.KEY.FIELD");
        }
        String type = parts[1];
        List<String> fields = FIELDS.get(type);
        if (fields == null) {
            throw new IllegalArgumentException("grid parameter '" + name + "': sweeps vary mitigation types "
                    + FIELDS.keySet().stream().sorted().toList() + " (was '" + type + "')");
        }
        String key = parts.length == 4 ? parts[2] : null;
        String field = parts[parts.length - 1];
        if (!fields.contains(field)) {
            throw new IllegalArgumentException("grid parameter '" + name + "': unknown field '" + field + "' of "
                    + type + " (fields: " + fields + ")");
        }
        List<Integer> matches = new ArrayList<>();
        for (int i = 0; i < scenario.mitigations().size(); i++) {
            MitigationSpec m = scenario.mitigations().get(i);
            if (type.equals(typeOf(m)) && Objects.equals(key, keyOf(m))) {
                matches.add(i);
            }
        }
        if (matches.size() != 1) {
            List<String> present = scenario.mitigations().stream()
                    .map(m -> typeOf(m) + (keyOf(m) == null ? "" : "." + keyOf(m))).toList();
            throw new IllegalArgumentException("grid parameter '" + name + "': scenario " + scenario.name() + " has "
                    + (matches.isEmpty() ? "no" : matches.size()) + " " + type + " mitigation"
                    + (key == null ? " without a key" : " for '" + key + "'") + " (it has: "
                    + (present.isEmpty() ? "none" : present) + ")");
        }
        return new MitigationParameter(name, type, key, field, matches.get(0));
    }

    @Override
    public CellInputs apply(CellInputs in, double value) {
        Scenario s = in.scenario();
        List<MitigationSpec> mitigations = new ArrayList<>(s.mitigations());
        try {
            mitigations.set(index, with(mitigations.get(index), value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("grid parameter '" + name + "' = " + value + ": " + e.getMessage(), e);
        }
        return new CellInputs(in.snapshot(), s.withMitigations(mitigations));
    }

    private MitigationSpec with(MitigationSpec m, double v) {
        if (m instanceof CircuitBreaker c) {
            return new CircuitBreaker(c.asset(), field.equals("movePct") ? v : c.movePct(),
                    field.equals("windowSeconds") ? seconds(v) : c.windowSeconds(),
                    field.equals("cooldownSeconds") ? seconds(v) : c.cooldownSeconds(), c.scope());
        }
        if (m instanceof Backstop b) {
            return new Backstop(b.protocol(), field.equals("fundUsd") ? v : b.fundUsd(),
                    field.equals("maxSlippageAbsorbed") ? v : b.maxSlippageAbsorbed());
        }
        if (m instanceof LiquidationRateLimit r) {
            return new LiquidationRateLimit(r.protocol(), field.equals("maxPerBlockUsd") ? v : r.maxPerBlockUsd(),
                    field.equals("maxPerHourUsd") ? v : r.maxPerHourUsd());
        }
        if (m instanceof InternalDutchAuction a) {
            return new InternalDutchAuction(a.protocol(),
                    field.equals("committedCapitalUsd") ? v : a.committedCapitalUsd(),
                    field.equals("durationSeconds") ? seconds(v) : a.durationSeconds(), a.startPremium(),
                    a.floorDiscount());
        }
        if (m instanceof SyntheticLiquidityLayer l) {
            return new SyntheticLiquidityLayer(field.equals("capacityUsd") ? v : l.capacityUsd(),
                    field.equals("unwindSeconds") ? seconds(v) : l.unwindSeconds());
        }
        throw new IllegalStateException("mitigation " + m + " was matched by type " + type + " but has no setter");
    }

    private long seconds(double v) {
        if (v != Math.rint(v) || Math.abs(v) > 1e15) {
            throw new IllegalArgumentException(field + " is a whole number of seconds (was " + v + ")");
        }
        return (long) v;
    }

    /** The type as the scenario format names it. */
    static String typeOf(MitigationSpec m) {
        String simple = m.getClass().getSimpleName();
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < simple.length(); i++) {
            char c = simple.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append('-');
            }
            out.append(Character.toLowerCase(c));
        }
        return out.toString();
    }

    /** The asset of a circuit breaker, the protocol of a per-protocol mitigation, or null. */
    static String keyOf(MitigationSpec m) {
        if (m instanceof CircuitBreaker c) {
            return c.asset().value();
        }
        Object p = m instanceof Backstop b ? b.protocol()
                : m instanceof LiquidationRateLimit r ? r.protocol()
                : m instanceof InternalDutchAuction a ? a.protocol() : null;
        return p == null ? null : p.toString();
    }
}
