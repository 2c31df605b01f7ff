package dev.fracture.run;

import java.io.Serializable;

/** One unit of work: path {@code path} of grid cell {@code cell}, run with {@code seed}. */
public record PathJob(int cell, int path, long seed) implements Serializable {
}
