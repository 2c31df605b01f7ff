package dev.fracture.measure;

import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The positions of an {@link ExposureBook} reduced, for one {@link ShockScope}, to the two coefficients of their
 * margin in the price multiplier {@code m} of the moved assets — {@code margin(m) = fixed + moving · m} — and the
 * collateral and debt that move or stay. Struct-of-arrays, built once per scope, so a curve over 181 shocks and a
 * cascade of many iterations touch only primitive arrays.
 */
public final class ShockProjection {
    private final ExposureBook book;
    private final ShockScope scope;
    private final double[] fixed;
    private final double[] moving;
    private final double[] collateralStill;
    private final double[] collateralMoved;
    private final double[] debtStill;
    private final double[] debtMoved;
    private final int[] protocol;
    private final int[] chain;
    private final List<ProtocolId> protocols = new ArrayList<>();
    private final List<ChainId> chains = new ArrayList<>();

    private ShockProjection(ExposureBook book, ShockScope scope) {
        this.book = book;
        this.scope = scope;
        int n = book.positions().size();
        fixed = new double[n];
        moving = new double[n];
        collateralStill = new double[n];
        collateralMoved = new double[n];
        debtStill = new double[n];
        debtMoved = new double[n];
        protocol = new int[n];
        chain = new int[n];
        Map<ProtocolId, Integer> pIndex = new LinkedHashMap<>();
        Map<ChainId, Integer> cIndex = new LinkedHashMap<>();
        for (int i = 0; i < n; i++) {
            Position p = book.positions().get(i);
            fixed[i] = -p.fixedDebtUsd();
            debtStill[i] = p.fixedDebtUsd();
            for (Position.Leg l : p.legs()) {
                if (scope.moves(l.asset())) {
                    moving[i] += l.weightedUsd() - l.debtUsd();
                    collateralMoved[i] += l.collateralUsd();
                    debtMoved[i] += l.debtUsd();
                } else {
                    fixed[i] += l.weightedUsd() - l.debtUsd();
                    collateralStill[i] += l.collateralUsd();
                    debtStill[i] += l.debtUsd();
                }
            }
            protocol[i] = pIndex.computeIfAbsent(p.protocol(), k -> {
                protocols.add(k);
                return protocols.size() - 1;
            });
            chain[i] = cIndex.computeIfAbsent(p.chain(), k -> {
                chains.add(k);
                return chains.size() - 1;
            });
        }
    }

    static ShockProjection of(ExposureBook book, ShockScope scope) {
        return new ShockProjection(book, scope);
    }

    public ExposureBook book() {
        return book;
    }

    public ShockScope scope() {
        return scope;
    }

    public int size() {
        return fixed.length;
    }

    /** Whether position {@code i} may be liquidated with the moved assets at {@code m} times their reference price. */
    public boolean liquidatable(int i, double m) {
        return fixed[i] + moving[i] * m < 0;
    }

    /** Position {@code i}'s margin at multiplier {@code m}, USD. */
    public double margin(int i, double m) {
        return fixed[i] + moving[i] * m;
    }

    /** Position {@code i}'s seizable collateral at multiplier {@code m}, USD. */
    public double collateralUsd(int i, double m) {
        return collateralStill[i] + collateralMoved[i] * m;
    }

    /** Position {@code i}'s debt at multiplier {@code m}, USD. */
    public double debtUsd(int i, double m) {
        return debtStill[i] + debtMoved[i] * m;
    }

    /**
     * Position {@code i}'s collateral in the moved assets valued at reference prices: token quantities in USD of the
     * snapshot, the amount a liquidation of it puts up for sale in the shocked asset's markets.
     */
    public double movedCollateralReferenceUsd(int i) {
        return collateralMoved[i];
    }

    public Position position(int i) {
        return book.positions().get(i);
    }

    int protocolIndex(int i) {
        return protocol[i];
    }

    int chainIndex(int i) {
        return chain[i];
    }

    List<ProtocolId> protocols() {
        return protocols;
    }

    List<ChainId> chains() {
        return chains;
    }
}
