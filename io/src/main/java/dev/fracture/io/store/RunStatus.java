package dev.fracture.io.store;

/** Where a scenario run stands. */
public enum RunStatus {
    QUEUED, RUNNING, DONE, FAILED;

    public String wire() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
