package dev.fracture.run;

/** Hears how far a run has come. Executors call it from their worker threads: implementations must be thread-safe. */
public interface ProgressListener {
    ProgressListener NONE = new ProgressListener() {
        @Override
        public void started(long jobs) {
        }

        @Override
        public void done(long jobs) {
        }
    };

    /** The run has {@code jobs} path jobs in all. */
    void started(long jobs);

    /** {@code jobs} more jobs finished. */
    void done(long jobs);
}
