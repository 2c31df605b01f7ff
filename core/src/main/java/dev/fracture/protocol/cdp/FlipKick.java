package dev.fracture.protocol.cdp;

/**
 * Result of {@link Flipper#kick}.
 *
 * @param state   the flipper with the new auction
 * @param auction the new auction
 */
public record FlipKick(FlipperState state, FlipBid auction) {
}
