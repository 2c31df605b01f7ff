package dev.fracture.protocol.lending;

import dev.fracture.model.AssetId;
import java.util.List;

/**
 * Many Aave v3 accounts as struct-of-arrays for the fast path: per account a range of collateral entries (asset
 * index, amount in whole tokens, effective liquidation threshold as a fraction, e-mode already applied) and a range of
 * debt entries (asset index, amount in whole tokens). Prices are doubles in base currency per whole token, indexed by
 * asset. Health factors are the formula of {@link AaveHealth#healthFactorFast} without allocation or boxing.
 * The arrays are owned by the book; no method changes them.
 */
public final class AaveAccountBook {
    private final int assetCount;
    private final int[] collateralStart;
    private final int[] collateralAsset;
    private final double[] collateralAmount;
    private final double[] collateralThreshold;
    private final int[] debtStart;
    private final int[] debtAsset;
    private final double[] debtAmount;

    /**
     * Takes ownership of the arrays. {@code collateralStart} and {@code debtStart} have one entry per account plus a
     * final end; entries of account {@code i} are {@code [start[i], start[i + 1])}.
     */
    public AaveAccountBook(int assetCount, int[] collateralStart, int[] collateralAsset, double[] collateralAmount,
                           double[] collateralThreshold, int[] debtStart, int[] debtAsset, double[] debtAmount) {
        if (collateralStart.length != debtStart.length || collateralStart.length == 0) {
            throw new IllegalArgumentException("collateralStart and debtStart must both have accounts + 1 entries");
        }
        int nc = collateralStart[collateralStart.length - 1];
        int nd = debtStart[debtStart.length - 1];
        if (collateralAsset.length < nc || collateralAmount.length < nc || collateralThreshold.length < nc
                || debtAsset.length < nd || debtAmount.length < nd) {
            throw new IllegalArgumentException("entry arrays are shorter than the ranges they hold");
        }
        for (int i = 0; i < nc; i++) {
            checkAsset(collateralAsset[i], assetCount, "collateralAsset[" + i + "]");
            Require.finiteNonNegative(collateralAmount[i], "collateralAmount[" + i + "]");
            Require.finiteNonNegative(collateralThreshold[i], "collateralThreshold[" + i + "]");
        }
        for (int i = 0; i < nd; i++) {
            checkAsset(debtAsset[i], assetCount, "debtAsset[" + i + "]");
            Require.finiteNonNegative(debtAmount[i], "debtAmount[" + i + "]");
        }
        this.assetCount = assetCount;
        this.collateralStart = collateralStart;
        this.collateralAsset = collateralAsset;
        this.collateralAmount = collateralAmount;
        this.collateralThreshold = collateralThreshold;
        this.debtStart = debtStart;
        this.debtAsset = debtAsset;
        this.debtAmount = debtAmount;
    }

    /** Converts records once: asset order as in {@code assets}; reserves disabled as collateral are left out. */
    public static AaveAccountBook of(AaveMarket market, List<AssetId> assets, List<AaveAccount> accounts) {
        int n = accounts.size();
        int[] cs = new int[n + 1];
        int[] ds = new int[n + 1];
        int nc = 0;
        int nd = 0;
        for (AaveAccount a : accounts) {
            nc += a.collaterals().size();
            nd += a.debts().size();
        }
        int[] ca = new int[nc];
        double[] cm = new double[nc];
        double[] ct = new double[nc];
        int[] da = new int[nd];
        double[] dm = new double[nd];
        int c = 0;
        int d = 0;
        for (int i = 0; i < n; i++) {
            AaveAccount a = accounts.get(i);
            AaveEModeCategory eMode = AaveHealth.eMode(market, a);
            cs[i] = c;
            ds[i] = d;
            for (AaveCollateral col : a.collaterals()) {
                AaveReserveConfig r = market.reserve(col.asset(), "account " + a.id() + " collateral");
                if (!col.usedAsCollateral() || r.liquidationThresholdBps() == 0) {
                    continue;
                }
                boolean inEMode = eMode != null && r.eModeCategory() == eMode.id();
                ca[c] = indexOf(assets, col.asset());
                cm[c] = col.balance().doubleValue() / Math.pow(10, r.decimals());
                ct[c] = (inEMode ? eMode.liquidationThresholdBps() : r.liquidationThresholdBps()) / 10_000.0;
                c++;
            }
            for (AaveDebt debt : a.debts()) {
                AaveReserveConfig r = market.reserve(debt.asset(), "account " + a.id() + " debt");
                da[d] = indexOf(assets, debt.asset());
                dm[d] = debt.balance().doubleValue() / Math.pow(10, r.decimals());
                d++;
            }
        }
        cs[n] = c;
        ds[n] = d;
        return new AaveAccountBook(assets.size(), cs, ca, cm, ct, ds, da, dm);
    }

    public int accounts() {
        return collateralStart.length - 1;
    }

    public int assetCount() {
        return assetCount;
    }

    /** Health factor of account {@code i} (1.0 = boundary), infinity without debt. */
    public double healthFactor(int i, double[] prices) {
        double weighted = 0;
        for (int k = collateralStart[i], end = collateralStart[i + 1]; k < end; k++) {
            weighted += collateralAmount[k] * prices[collateralAsset[k]] * collateralThreshold[k];
        }
        double debt = 0;
        for (int k = debtStart[i], end = debtStart[i + 1]; k < end; k++) {
            debt += debtAmount[k] * prices[debtAsset[k]];
        }
        return debt == 0 ? Double.POSITIVE_INFINITY : weighted / debt;
    }

    /** Health factors of all accounts into {@code out}. */
    public void healthFactors(double[] prices, double[] out) {
        for (int i = 0, n = accounts(); i < n; i++) {
            out[i] = healthFactor(i, prices);
        }
    }

    /**
     * The terms of account {@code i}'s health as a function of the price {@code p} of asset {@code a}, other prices
     * fixed: weighted collateral {@code A + B p}, debt {@code C + E p}, written to {@code out[0..3]}.
     */
    public void linearTerms(int i, int a, double[] prices, double[] out) {
        double aw = 0;
        double bw = 0;
        for (int k = collateralStart[i], end = collateralStart[i + 1]; k < end; k++) {
            double w = collateralAmount[k] * collateralThreshold[k];
            if (collateralAsset[k] == a) {
                bw += w;
            } else {
                aw += w * prices[collateralAsset[k]];
            }
        }
        double c = 0;
        double e = 0;
        for (int k = debtStart[i], end = debtStart[i + 1]; k < end; k++) {
            if (debtAsset[k] == a) {
                e += debtAmount[k];
            } else {
                c += debtAmount[k] * prices[debtAsset[k]];
            }
        }
        out[0] = aw;
        out[1] = bw;
        out[2] = c;
        out[3] = e;
    }

    private static int indexOf(List<AssetId> assets, AssetId asset) {
        int i = assets.indexOf(asset);
        if (i < 0) {
            throw new IllegalArgumentException("asset " + asset + " is not in the book's asset list " + assets);
        }
        return i;
    }

    private static void checkAsset(int index, int assetCount, String field) {
        if (index < 0 || index >= assetCount) {
            throw new IllegalArgumentException(field + " must be in [0, " + assetCount + "), was " + index);
        }
    }

    @Override
    public String toString() {
        return "AaveAccountBook[" + accounts() + " accounts, " + assetCount + " assets, "
                + collateralStart[accounts()] + " collateral entries]";
    }
}
