package dev.fracture.service.live;

import dev.fracture.model.AssetId;

/** One line of a replay file: at {@code atMs} after the replay starts, a new price or a position change. */
public sealed interface ReplayEvent {
    long atMs();

    /** Where in the file the event was written ({@code file:line}), for messages. */
    String source();

    /** {@code asset}'s price becomes {@code priceUsd}; what stands on it moves by the same factor. */
    record Price(long atMs, String source, AssetId asset, double priceUsd) implements ReplayEvent {
    }

    /** A position's holding of one asset changes. */
    record PositionUpdate(long atMs, String source, PositionChange change) implements ReplayEvent {
    }
}
