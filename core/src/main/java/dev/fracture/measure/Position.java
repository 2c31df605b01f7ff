package dev.fracture.measure;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import java.util.List;

/**
 * One borrowing position in the terms every liquidation rule of the measures shares: its <em>margin</em>, in USD at
 * reference prices, is {@code Σ legs (weightedUsd − debtUsd) − fixedDebtUsd}, and the protocol may liquidate it when
 * the margin is negative. Each family's rule takes this form exactly once both sides are in USD (see
 * {@link ProtocolKind} and docs/measures.md): Aave's {@code HF < 1} is {@code Σ c·p·LT < Σ d·p}; Morpho's
 * {@code borrowed > collateral · price · LLTV} multiplied by the loan price; Comet's negative liquidity; Maker's
 * {@code ink · spot < art · rate}; Liquity's {@code coll · p / debt < MCR}. Because every price a shock moves scales
 * by the same factor, the margin is linear in that factor, which is what makes the curve exact and fast.
 *
 * @param market       where the position lives inside the protocol: the Morpho market id, the Maker ilk, the Comet
 *                     base asset, "pool" for Aave and "troves" for Liquity
 * @param fixedDebtUsd debt the protocol counts at par whatever the market price of its stablecoin (Maker's DAI,
 *                     Liquity's LUSD)
 */
public record Position(ProtocolId protocol, ProtocolKind kind, ChainId chain, String market, AccountId account,
                       List<Leg> legs, double fixedDebtUsd) {
    public Position {
        legs = List.copyOf(legs);
    }

    /**
     * One asset of a position. {@code collateralUsd} is the seizable collateral at its full reference value;
     * {@code weightedUsd} what the rule counts of it (times the threshold or factor); {@code debtUsd} the debt owed
     * in the asset at its reference price.
     *
     * @param oracle the feed the protocol prices this asset with
     */
    public record Leg(AssetId asset, OracleId oracle, double collateralUsd, double weightedUsd, double debtUsd) {
    }

    /** Margin with the assets in {@code scope} at {@code multiplier} times their reference price. */
    public double margin(ShockScope scope, double multiplier) {
        double m = -fixedDebtUsd;
        for (Leg l : legs) {
            double f = scope.moves(l.asset()) ? multiplier : 1;
            m += (l.weightedUsd() - l.debtUsd()) * f;
        }
        return m;
    }

    /** Total debt at reference prices, par debt included. */
    public double debtUsd() {
        double d = fixedDebtUsd;
        for (Leg l : legs) {
            d += l.debtUsd();
        }
        return d;
    }

    /** Total seizable collateral at reference prices. */
    public double collateralUsd() {
        double c = 0;
        for (Leg l : legs) {
            c += l.collateralUsd();
        }
        return c;
    }

    /** A label unique within the ecosystem: protocol/market/account. */
    public String label() {
        return protocol + "/" + market + "/" + account;
    }
}
