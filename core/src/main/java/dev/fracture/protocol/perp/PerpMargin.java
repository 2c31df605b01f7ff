package dev.fracture.protocol.perp;

import java.util.List;

/**
 * Account value, maintenance margin, margin ratio and liquidation prices (Hyperliquid docs "Margining" and
 * "Liquidations", https://hyperliquid.gitbook.io/hyperliquid-docs/trading/liquidations; dYdX v4 docs "Margining").
 *
 * <p>A <em>scope</em> is what is checked and liquidated together: all cross positions with the cross collateral,
 * or one isolated position with its own margin. Scope value {@code V = collateral + Σ size × (mark − entry)};
 * maintenance {@code MM = Σ maintenanceMargin(|size| × mark)}; margin ratio {@code MM / V} (as Hyperliquid and
 * Binance display it; {@code +∞} when {@code V ≤ 0}); liquidatable iff {@code V < MM}.
 *
 * <p><b>Liquidation price</b> of one position, other marks held fixed: with {@code q = |size|}, side
 * {@code σ = ±1}, entry {@code e}, tier rate {@code r} and deduction {@code d}, and {@code M} the scope's value
 * without this position's P&L minus the other positions' maintenance margin, {@code V(p) = M + σ q (p − e)} meets
 * {@code MM(p) = q p r − d} at {@code p = (σ q e − M − d) / (q (σ − r))}. Rearranged around the current mark
 * {@code p0}, that is Hyperliquid's {@code p0 − σ × marginAvailable / q / (1 − r σ)}. Because the tier depends on
 * {@code p}, each tier's root is tried and the one whose notional lies in its own tier is taken ({@code V − MM} is
 * monotone in {@code p} and continuous, so exactly one does).
 */
public final class PerpMargin {
    public static final PerpMargin DEFAULT = new PerpMargin();

    private PerpMargin() {
    }

    /** The value of the account's cross scope: cross collateral plus cross positions' unrealized P&L, USD. */
    public double crossValue(PerpAccount account, Marks marks) {
        double v = account.crossCollateral();
        for (PerpPosition p : account.positions()) {
            if (p.mode() == MarginMode.CROSS) {
                v += p.unrealizedPnl(marks.get(p.market()));
            }
        }
        return v;
    }

    /** Maintenance margin of the account's cross positions, USD. */
    public double crossMaintenance(PerpAccount account, PerpMarkets markets, Marks marks) {
        double mm = 0;
        for (PerpPosition p : account.positions()) {
            if (p.mode() == MarginMode.CROSS) {
                mm += markets.get(p.market()).maintenanceMargin(p.notional(marks.get(p.market())));
            }
        }
        return mm;
    }

    /** Value of an isolated position: its margin plus its unrealized P&L. */
    public double isolatedValue(PerpPosition position, Marks marks) {
        return position.isolatedMargin() + position.unrealizedPnl(marks.get(position.market()));
    }

    public double maintenance(PerpPosition position, PerpMarkets markets, Marks marks) {
        return markets.get(position.market()).maintenanceMargin(position.notional(marks.get(position.market())));
    }

    /** Total account value: cross value plus every isolated position's value. */
    public double accountValue(PerpAccount account, Marks marks) {
        double v = crossValue(account, marks);
        for (PerpPosition p : account.positions()) {
            if (p.mode() == MarginMode.ISOLATED) {
                v += isolatedValue(p, marks);
            }
        }
        return v;
    }

    /** {@code MM / V} of the cross scope: above 1 means liquidatable; 0 without cross positions. */
    public double crossMarginRatio(PerpAccount account, PerpMarkets markets, Marks marks) {
        double mm = crossMaintenance(account, markets, marks);
        if (mm == 0) {
            return 0;
        }
        double v = crossValue(account, marks);
        return v <= 0 ? Double.POSITIVE_INFINITY : mm / v;
    }

    public boolean crossLiquidatable(PerpAccount account, PerpMarkets markets, Marks marks) {
        return crossValue(account, marks) < crossMaintenance(account, markets, marks);
    }

    public boolean isolatedLiquidatable(PerpPosition position, PerpMarkets markets, Marks marks) {
        return isolatedValue(position, marks) < maintenance(position, markets, marks);
    }

    /** Closed-form liquidation price of an isolated position; NaN when no positive price liquidates it. */
    public double isolatedLiquidationPrice(PerpPosition position, PerpMarkets markets) {
        if (position.mode() != MarginMode.ISOLATED) {
            throw new IllegalArgumentException("position in " + position.market() + " is not isolated");
        }
        return solve(position, markets.get(position.market()), position.isolatedMargin());
    }

    /**
     * Mark of {@code market} at which the account's cross scope reaches maintenance, other marks held fixed; NaN when
     * no positive price does.
     */
    public double crossLiquidationPrice(PerpAccount account, String market, PerpMarkets markets, Marks marks) {
        PerpPosition target = account.position(market)
                .filter(p -> p.mode() == MarginMode.CROSS)
                .orElseThrow(() -> new IllegalArgumentException("account " + account.id()
                        + " has no cross position in market " + market));
        double others = account.crossCollateral();
        for (PerpPosition p : account.positions()) {
            if (p.mode() == MarginMode.CROSS && p != target) {
                double mark = marks.get(p.market());
                others += p.unrealizedPnl(mark) - markets.get(p.market()).maintenanceMargin(p.notional(mark));
            }
        }
        return solve(target, markets.get(market), others);
    }

    private static double solve(PerpPosition position, PerpMarket market, double otherMargin) {
        double q = Math.abs(position.size());
        double side = Math.signum(position.size());
        List<MarginTier> tiers = market.tiers();
        for (int i = 0; i < tiers.size(); i++) {
            double r = tiers.get(i).maintenanceMarginRate();
            double d = market.maintenanceDeduction(i);
            double p = (side * q * position.entryPrice() - otherMargin - d) / (q * (side - r));
            double notional = q * p;
            double upper = i + 1 < tiers.size() ? tiers.get(i + 1).lowerBound() : Double.POSITIVE_INFINITY;
            if (notional >= tiers.get(i).lowerBound() && notional < upper) {
                return p > 0 ? p : Double.NaN;
            }
            if (i == 0 && notional < 0) {
                return Double.NaN;
            }
        }
        return Double.NaN;
    }

    /**
     * Base units sent to the book by one liquidation event: the whole position, or Hyperliquid's
     * {@code partialLiquidationFraction} of it when its notional exceeds {@code partialLiquidationNotional}.
     */
    public double liquidationOrderSize(PerpPosition position, PerpMarket market, double mark) {
        double q = Math.abs(position.size());
        return position.notional(mark) > market.partialLiquidationNotional()
                ? q * market.partialLiquidationFraction() : q;
    }
}
