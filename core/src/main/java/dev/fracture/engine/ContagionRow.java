package dev.fracture.engine;

import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;

/**
 * One line of a run's contagion table: a protocol with no direct exposure to the shocked asset that still saw
 * liquidations or bad debt, and the channel the damage came through.
 *
 * @param via what carries the channel: the asset, the feed or the liquidators concerned
 */
public record ContagionRow(ProtocolId protocol, ChainId chain, double liquidatedUsd, double badDebtUsd,
                           ContagionChannel channel, String via) {
}
