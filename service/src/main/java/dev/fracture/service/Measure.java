package dev.fracture.service;

import java.util.Arrays;
import java.util.Optional;

/**
 * The measures the API serves and stores over time, each with the part of the risk-report schema
 * (io {@code schema/risk-report-v1.schema.json}) its value conforms to.
 */
public enum Measure {
    LIQUIDATION_CURVE("liquidationCurve", "curve", true, "#/$defs/asset/properties/liquidationCurve"),
    CRITICAL_SHOCK("criticalShock", "critical-shock", true, "#/$defs/cascade"),
    DEPTH("depth", "depth", true, "#/$defs/depth"),
    CONCENTRATION("concentration", "concentration", true, "#/$defs/concentration"),
    SOLVENCY_BOUNDARY("solvencyBoundary", "solvency-boundary", true, "#/$defs/boundary"),
    ORACLES("oracles", "oracles", false, "#/properties/oracles"),
    NETWORK("network", "network", false, "#/$defs/contagion");

    private final String wire;
    private final String path;
    private final boolean perAsset;
    private final String schemaPointer;

    Measure(String wire, String path, boolean perAsset, String schemaPointer) {
        this.wire = wire;
        this.path = path;
        this.perAsset = perAsset;
        this.schemaPointer = schemaPointer;
    }

    /** The name in JSON and in {@code /api/history?measure=}. */
    public String wire() {
        return wire;
    }

    /** The last segment of the measure's URL. */
    public String path() {
        return path;
    }

    public boolean perAsset() {
        return perAsset;
    }

    /** JSON pointer into the risk-report schema of the value's sub-schema. */
    public String schemaPointer() {
        return schemaPointer;
    }

    public static Optional<Measure> byWire(String name) {
        return Arrays.stream(values()).filter(m -> m.wire.equals(name)).findFirst();
    }
}
