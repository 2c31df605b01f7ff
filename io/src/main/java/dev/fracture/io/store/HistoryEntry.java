package dev.fracture.io.store;

/** One recorded value of a measure: when, at which live version of the ecosystem, and its JSON body. */
public record HistoryEntry(String measure, String asset, String ecosystem, long liveVersion, long recordedMs,
                           String body) {
}
