package dev.fracture.engine;

/** Told after every block how far a run has come, so a command line can show a progress bar. */
@FunctionalInterface
public interface RunProgress {
    RunProgress NONE = (seconds, horizon) -> { };

    /** {@code seconds} of simulated time done out of {@code horizonSeconds}. */
    void advanced(long seconds, long horizonSeconds);
}
