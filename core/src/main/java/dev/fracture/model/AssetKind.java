package dev.fracture.model;

import java.math.BigDecimal;

/**
 * What an asset is, and — for derived assets — what it stands on. The references ({@link LiquidStaking#underlying},
 * {@link Bridged#origin}, {@link Receipt#redeemsFor}) make rehypothecation chains explicit: an aToken of a
 * bridged liquid-staking token is three hops from the native asset, and the snapshot validator rejects cycles.
 */
public sealed interface AssetKind {

    /** The chain's own gas asset (ETH on Ethereum). */
    record Native() implements AssetKind {
    }

    /** A plain fungible token with no redemption claim (a governance token, say). */
    record Token() implements AssetKind {
    }

    /** A stablecoin pegged to {@code peg} (an ISO currency code such as USD), at {@code pegPrice} units of it. */
    record Stablecoin(String peg, BigDecimal pegPrice) implements AssetKind {
    }

    /** A liquid-staking token redeemable for {@code exchangeRate} units of {@code underlying} (stETH, rETH). */
    record LiquidStaking(AssetId underlying, BigDecimal exchangeRate) implements AssetKind {
    }

    /**
     * A bridged or wrapped representation of {@code origin}, minted by {@code bridge}; {@code backingRatio} is the
     * share of the supply still backed by locked origin tokens (1 normally, below 1 after a bridge exploit).
     */
    record Bridged(AssetId origin, BridgeId bridge, BigDecimal backingRatio) implements AssetKind {
    }

    /**
     * A receipt for a deposit: an aToken, a cToken, a vault share or an LP share, redeemable at {@code redemptionRate}
     * units of {@code redeemsFor} from {@code issuer}.
     */
    record Receipt(AssetId redeemsFor, BigDecimal redemptionRate, ProtocolId issuer) implements AssetKind {
    }
}
