package dev.fracture.io;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A snapshot or scenario file could not be read: its syntax, a value's type, an unknown field, or a rule of the model. The
 * message lists every problem found, one per line, each as {@code file:line:column: path: rule}.
 */
public final class SnapshotFormatException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient List<SourceProblem> problems;

    public SnapshotFormatException(List<SourceProblem> problems) {
        super(problems.stream().map(SourceProblem::toString).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    public List<SourceProblem> problems() {
        return problems;
    }
}
