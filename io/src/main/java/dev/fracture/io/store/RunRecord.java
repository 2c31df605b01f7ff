package dev.fracture.io.store;

/**
 * One scenario run as stored. {@code result} (JSON text) and its SHA-256 are set when the run is done, {@code error}
 * when it failed; {@code finishedMs} with either.
 */
public record RunRecord(String id, RunStatus status, String scenarioName, String ecosystem, long seed, String format,
                        String scenarioText, long submittedMs, Long finishedMs, String result, String resultSha256,
                        String error) {
}
