package dev.fracture.measure;

/**
 * The shocks a curve is evaluated at: every whole percent from 0 down to {@code -maxDownPercent}% and, for assets
 * owed as debt, up to {@code +maxUpPercent}% (a depeg of a stablecoin borrowed, a short squeeze). The standard report
 * uses {@link #DEFAULT}, −90% to +90%.
 */
public record ShockGrid(int maxDownPercent, int maxUpPercent) {
    public static final ShockGrid DEFAULT = new ShockGrid(90, 90);

    public ShockGrid {
        if (maxDownPercent < 0 || maxDownPercent > 99) {
            throw new IllegalArgumentException("shock grid: maxDownPercent must be in [0, 99] (a fall of 100% leaves no "
                    + "price), was " + maxDownPercent);
        }
        if (maxUpPercent < 0 || maxUpPercent > 1000) {
            throw new IllegalArgumentException("shock grid: maxUpPercent must be in [0, 1000], was " + maxUpPercent);
        }
    }

    /** The shock of step {@code k} down, as a fraction: {@code -k / 100}. */
    public static double down(int k) {
        return -k / 100.0;
    }

    /** The shock of step {@code k} up: {@code k / 100}. */
    public static double up(int k) {
        return k / 100.0;
    }

    /** Checks a shock given by a caller: finite and above −100%. */
    static double checkShock(double shock, String where) {
        if (!Double.isFinite(shock) || shock <= -1) {
            throw new IllegalArgumentException(where + ": shock must be a finite fraction above -1 (-0.3 = a 30% fall), "
                    + "was " + shock);
        }
        return shock;
    }
}
