package dev.fracture.model;

import java.util.List;
import java.util.stream.Collectors;

/** A snapshot broke one or more rules; each {@link Violation} names the field path and the rule. */
public final class SnapshotValidationException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public SnapshotValidationException(List<Violation> violations) {
        super(violations.stream().map(Violation::toString).collect(Collectors.joining("; ")));
        this.violations = List.copyOf(violations);
    }

    public List<Violation> violations() {
        return violations;
    }
}
