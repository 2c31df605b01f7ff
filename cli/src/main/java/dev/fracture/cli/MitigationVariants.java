package dev.fracture.cli;

import dev.fracture.model.AssetId;
import dev.fracture.model.ProtocolId;
import dev.fracture.scenario.MitigationSpec;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The runs {@code fracture compare} makes of a scenario: with no mitigation, with each of its mitigations alone (in
 * the scenario's order), and with all of them together (when there are two or more). Each run is the scenario with
 * its {@code mitigations} list replaced by a subset of it, everything else equal, the seed included.
 */
final class MitigationVariants {
    private MitigationVariants() {
    }

    /** One run: a name for the table and the mitigations it switches on. */
    record Variant(String name, List<MitigationSpec> mitigations) {
        Variant {
            mitigations = List.copyOf(mitigations);
        }
    }

    static List<Variant> of(List<MitigationSpec> all) {
        List<Variant> out = new ArrayList<>();
        out.add(new Variant("none", List.of()));
        for (MitigationSpec m : all) {
            out.add(new Variant(name(m), List.of(m)));
        }
        if (all.size() > 1) {
            out.add(new Variant("all together", all));
        }
        return out;
    }

    /**
     * The scenario file's type name ({@code CircuitBreaker} is {@code circuit-breaker}), with the asset or protocol
     * it applies to when it names one, so two mitigations of one type tell apart.
     */
    static String name(MitigationSpec m) {
        String type = m.getClass().getSimpleName().replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        for (RecordComponent c : m.getClass().getRecordComponents()) {
            if (c.getType() == AssetId.class || c.getType() == ProtocolId.class) {
                try {
                    Object v = c.getAccessor().invoke(m);
                    if (v != null) {
                        return type + " (" + v + ")";
                    }
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException("cannot read " + c.getName() + " of " + type, e);
                }
            }
        }
        return type;
    }
}
