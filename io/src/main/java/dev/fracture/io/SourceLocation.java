package dev.fracture.io;

/** A place in a source text, both counted from 1 as editors show them. */
public record SourceLocation(int line, int column) implements Comparable<SourceLocation> {
    @Override
    public int compareTo(SourceLocation other) {
        return line != other.line ? Integer.compare(line, other.line) : Integer.compare(column, other.column);
    }

    @Override
    public String toString() {
        return line + ":" + column;
    }
}
