package dev.fracture.measure;

import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hipparchus.distribution.continuous.NormalDistribution;

/**
 * Liquidity-adjusted VaR after Bangia, Diebold, Schuermann and Stroughair, "Modeling Liquidity Risk, with
 * Implications for Traditional Market Risk Measurement and Management" (1999): LVaR = market VaR + the cost of
 * liquidation. Their market part is kept, with a zero mean log-return: {@code P·(1 − e^{−z σ √h})}. Their cost of
 * liquidation is exogenous, half the bid-ask spread plus a multiple of its volatility, {@code ½·P·(S̄ + a·σ_S)};
 * the variant here replaces it with the endogenous cost of selling the whole position into the on-chain depth that is
 * there, {@code ∫0^Q move(q) dq} on the aggregated depth curve — for a forced seller of a large DeFi holding, the
 * depth it eats is the cost, not the quoted spread.
 */
public final class LvarCalculator {
    public static final LvarCalculator DEFAULT = new LvarCalculator();
    private static final NormalDistribution NORMAL = new NormalDistribution(0, 1);

    private LvarCalculator() {
    }

    /**
     * LVaR of a holding of {@code positionUsd}.
     *
     * @throws IllegalArgumentException for a negative or non-finite position, a volatility that is not a finite
     *                                  positive number, a horizon not positive, a confidence outside (0.5, 1)
     */
    public Lvar lvar(String holder, ShockScope scope, double positionUsd, DepthCurve depth, double dailyVolatility,
                     double horizonDays, double confidence) {
        if (!(positionUsd >= 0) || Double.isInfinite(positionUsd)) {
            throw new IllegalArgumentException("LVaR: position must be a finite amount >= 0, was " + positionUsd);
        }
        if (!(dailyVolatility > 0) || Double.isInfinite(dailyVolatility)) {
            throw new IllegalArgumentException("LVaR: daily volatility must be a finite number > 0, was "
                    + dailyVolatility);
        }
        if (!(horizonDays > 0) || Double.isInfinite(horizonDays)) {
            throw new IllegalArgumentException("LVaR: horizon must be a finite number of days > 0, was " + horizonDays);
        }
        if (!(confidence > 0.5 && confidence < 1)) {
            throw new IllegalArgumentException("LVaR: confidence must be in (0.5, 1), was " + confidence);
        }
        double z = NORMAL.inverseCumulativeProbability(confidence);
        double market = positionUsd * (1 - Math.exp(-z * dailyVolatility * Math.sqrt(horizonDays)));
        double cost = depth.liquidationCostUsd(positionUsd);
        return new Lvar(holder, scope.asset(), positionUsd, dailyVolatility, horizonDays, confidence, z, market, cost,
                market + cost);
    }

    /**
     * LVaR of the ecosystem's whole collateral holding of the shocked asset (holder = the asset id), then of each
     * protocol's holding, largest first.
     */
    public List<Lvar> perAssetAndProtocol(ShockProjection projection, DepthCurve depth, double dailyVolatility,
                                          double horizonDays, double confidence) {
        Map<ProtocolId, Double> byProtocol = new TreeMap<>();
        double total = 0;
        for (int i = 0; i < projection.size(); i++) {
            double c = projection.movedCollateralReferenceUsd(i);
            if (c > 0) {
                total += c;
                byProtocol.merge(projection.position(i).protocol(), c, Double::sum);
            }
        }
        ShockScope scope = projection.scope();
        List<Lvar> out = new ArrayList<>();
        out.add(lvar(scope.asset().value(), scope, total, depth, dailyVolatility, horizonDays, confidence));
        List<Lvar> protocols = new ArrayList<>();
        byProtocol.forEach((p, c) -> protocols.add(lvar(p.value(), scope, c, depth, dailyVolatility, horizonDays,
                confidence)));
        protocols.sort((a, b) -> Double.compare(b.positionUsd(), a.positionUsd()));
        out.addAll(protocols);
        return out;
    }
}
