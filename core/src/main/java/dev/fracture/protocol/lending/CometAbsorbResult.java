package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.Map;

/**
 * The outcome of {@link Comet#absorb}.
 *
 * @param collateralSeized   every collateral balance taken into the protocol's own inventory
 * @param collateralValue    their USD value (8 decimals) at the feed prices
 * @param creditedBase       base credited to the account: the liquidation-factor-scaled value in base units
 * @param debtAbsorbed       the account's debt written off (its negative balance brought to zero or above)
 * @param supplyCredited     base credited as a new supply when the collateral was worth more than the debt
 * @param uncoveredDebt      debt the collateral did not cover: absorbed by reserves with nothing received
 * @param reservesChange     change of reserves: {@code -(debtAbsorbed + supplyCredited)}, before any sale of collateral
 */
public record CometAbsorbResult(CometAccount accountAfter, CometState stateAfter,
                                Map<AssetId, BigInteger> collateralSeized, BigInteger collateralValue,
                                BigInteger creditedBase, BigInteger debtAbsorbed, BigInteger supplyCredited,
                                BigInteger uncoveredDebt, BigInteger reservesChange) {
}
