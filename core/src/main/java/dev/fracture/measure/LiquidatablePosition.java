package dev.fracture.measure;

import dev.fracture.model.AccountId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;

/**
 * The explain form of a curve point: one position behind the number, with its margin (negative: liquidatable),
 * collateral and debt at the shocked prices.
 */
public record LiquidatablePosition(ProtocolId protocol, ProtocolKind kind, ChainId chain, String market,
                                   AccountId account, double marginUsd, double collateralUsd, double debtUsd) {
}
