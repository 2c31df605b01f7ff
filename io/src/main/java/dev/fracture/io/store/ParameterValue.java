package dev.fracture.io.store;

/** A parameter's published value and when it was last changed. */
public record ParameterValue(String name, double value, long updatedMs) {
}
