package dev.fracture.protocol.lending;

/**
 * The verdict of an Aave v3 supply or borrow validation: {@link #OK} or the reason the pool would revert, named as
 * in {@code contracts/protocol/libraries/helpers/Errors.sol}.
 */
public enum AaveCheck {
    OK,
    SUPPLY_CAP_EXCEEDED,
    BORROW_CAP_EXCEEDED,
    ASSET_NOT_BORROWABLE_IN_ISOLATION,
    DEBT_CEILING_EXCEEDED,
    INCONSISTENT_EMODE_CATEGORY,
    COLLATERAL_BALANCE_IS_ZERO,
    LTV_VALIDATION_FAILED,
    HEALTH_FACTOR_LOWER_THAN_LIQUIDATION_THRESHOLD,
    COLLATERAL_CANNOT_COVER_NEW_BORROW
}
