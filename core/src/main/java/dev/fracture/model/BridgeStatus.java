package dev.fracture.model;

/** Whether a bridge moves tokens. */
public enum BridgeStatus {
    /** Transfers settle after the bridge's latency. */
    OPEN,
    /** Transfers are paused (by its operators or a guardian); nothing crosses. */
    HALTED,
    /** The bridge was drained; its wrapped assets are backed only by their backing ratio. */
    EXPLOITED
}
