package dev.fracture.market;

import java.math.BigInteger;

/**
 * The StableSwap invariant of Curve, in the contracts' integer arithmetic and in doubles.
 *
 * <p>The invariant (Egorov, "StableSwap – efficient mechanism for Stablecoin liquidity", 2019) is
 * {@code A·n^n·Σx + D = A·D·n^n + D^(n+1)/(n^n·Πx)}. Curve's contracts store {@code amp = A·n^(n−1)} (the value
 * {@code A()} returns), so the code below uses {@code Ann = amp·n = A·n^n}.
 *
 * <p>The integer methods follow {@code get_D} and {@code get_y} of curvefi/curve-contract
 * {@code contracts/pools/3pool/StableSwap3Pool.vy} (pools without {@code A_PRECISION}), which compute the same
 * numbers as {@code Curve.D()} and {@code Curve.y()} of the reference model {@code tests/simulation.py}: the same
 * Newton steps with the same floored divisions, stopping when an iterate moves by at most one unit. Like the 3pool
 * contract (and unlike the model, which loops until convergence, or later pools, which revert) they return the
 * last iterate after 255 steps; that only happens in pools drained to a few units of a coin.
 * Balances here are already scaled to 18 decimals ({@code xp = balance·rate/10^18}).
 */
public final class StableSwapMath {
    /** The contracts' iteration cap. */
    static final int MAX_ITERATIONS = 255;

    private StableSwapMath() {
    }

    /** {@code get_D}: the invariant D of balances {@code xp} by Newton's method from D = Σx. */
    public static BigInteger getD(BigInteger[] xp, long amp) {
        int n = xp.length;
        BigInteger nBig = BigInteger.valueOf(n);
        BigInteger s = BigInteger.ZERO;
        for (BigInteger x : xp) {
            s = s.add(x);
        }
        if (s.signum() == 0) {
            return BigInteger.ZERO;
        }
        BigInteger ann = BigInteger.valueOf(amp).multiply(nBig);
        BigInteger annMinusOne = ann.subtract(BigInteger.ONE);
        BigInteger nPlusOne = BigInteger.valueOf(n + 1L);
        BigInteger d = s;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            BigInteger dP = d;
            for (BigInteger x : xp) {
                dP = dP.multiply(d).divide(x.multiply(nBig));
            }
            BigInteger prev = d;
            BigInteger num = ann.multiply(s).add(dP.multiply(nBig)).multiply(d);
            BigInteger den = annMinusOne.multiply(d).add(nPlusOne.multiply(dP));
            d = num.divide(den);
            if (d.subtract(prev).abs().compareTo(BigInteger.ONE) <= 0) {
                return d;
            }
        }
        // StableSwap3Pool.vy returns the last iterate after 255 steps (later pools revert); so does this.
        return d;
    }

    /**
     * {@code get_y}: the balance of coin {@code j} that keeps D when coin {@code i} is set to {@code x}, other
     * balances as in {@code xp}. Solves {@code y² + (S' + D/Ann − D)·y = c} by {@code y ← (y² + c)/(2y + b − D)}.
     * The vyper code keeps b = S' + D/Ann non-negative and subtracts D inside the denominator; the Python model
     * folds D into b and floors with {@code //}. The denominator is positive at every Newton iterate from y = D
     * (the iteration approaches the root from above), so floor and truncation agree; {@link #floorDiv} makes that
     * independent of the argument.
     */
    public static BigInteger getY(int i, int j, BigInteger x, BigInteger[] xp, long amp) {
        return getY(i, j, x, xp, amp, getD(xp, amp));
    }

    /** {@link #getY(int, int, BigInteger, BigInteger[], long)} with D given. */
    public static BigInteger getY(int i, int j, BigInteger x, BigInteger[] xp, long amp, BigInteger d) {
        int n = xp.length;
        if (i == j || i < 0 || j < 0 || i >= n || j >= n) {
            throw new IllegalArgumentException("get_y needs distinct coin indices in [0, " + n + "), got " + i
                    + " and " + j);
        }
        BigInteger nBig = BigInteger.valueOf(n);
        BigInteger ann = BigInteger.valueOf(amp).multiply(nBig);
        BigInteger c = d;
        BigInteger s = BigInteger.ZERO;
        for (int k = 0; k < n; k++) {
            BigInteger xk;
            if (k == i) {
                xk = x;
            } else if (k != j) {
                xk = xp[k];
            } else {
                continue;
            }
            s = s.add(xk);
            c = c.multiply(d).divide(xk.multiply(nBig));
        }
        c = c.multiply(d).divide(ann.multiply(nBig));
        BigInteger b = s.add(d.divide(ann));
        BigInteger y = d;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            BigInteger prev = y;
            y = floorDiv(y.multiply(y).add(c), y.shiftLeft(1).add(b).subtract(d));
            if (y.subtract(prev).abs().compareTo(BigInteger.ONE) <= 0) {
                return y;
            }
        }
        return y;
    }

    /** Python's {@code //}: BigInteger division truncates toward zero, floor division rounds toward −∞. */
    static BigInteger floorDiv(BigInteger a, BigInteger b) {
        BigInteger[] qr = a.divideAndRemainder(b);
        return qr[1].signum() != 0 && (qr[1].signum() != b.signum()) ? qr[0].subtract(BigInteger.ONE) : qr[0];
    }

    // ---------------------------------------------------------------- doubles

    /** D in doubles: the same Newton step, stopping at a relative change of 1e-15. */
    public static double getD(double[] xp, double amp) {
        int n = xp.length;
        double s = 0;
        for (double x : xp) {
            s += x;
        }
        if (s == 0) {
            return 0;
        }
        double ann = amp * n;
        double d = s;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double dP = d;
            for (double x : xp) {
                dP = dP * d / (x * n);
            }
            double prev = d;
            d = (ann * s + dP * n) * d / ((ann - 1) * d + (n + 1) * dP);
            if (Math.abs(d - prev) <= d * 1e-15) {
                return d;
            }
        }
        return d;
    }

    /** y in doubles, D given. */
    public static double getY(int i, int j, double x, double[] xp, double amp, double d) {
        int n = xp.length;
        double ann = amp * n;
        double c = d;
        double s = 0;
        for (int k = 0; k < n; k++) {
            double xk;
            if (k == i) {
                xk = x;
            } else if (k != j) {
                xk = xp[k];
            } else {
                continue;
            }
            s += xk;
            c = c * d / (xk * n);
        }
        c = c * d / (ann * n);
        double b = s + d / ann;
        double y = d;
        for (int it = 0; it < MAX_ITERATIONS; it++) {
            double prev = y;
            y = (y * y + c) / (2 * y + b - d);
            if (Math.abs(y - prev) <= y * 1e-15) {
                return y;
            }
        }
        return y;
    }

    /**
     * Fee-free spot price of coin i in coin j, −dx_j/dx_i along the invariant at fixed D: with
     * {@code D_P = D^(n+1)/(n^n·Πx)}, the partial derivative of the invariant in x_k is {@code Ann + D_P/x_k}, so
     * the price is {@code (Ann + D_P/x_i)/(Ann + D_P/x_j)}.
     */
    public static double spotPrice(int i, int j, double[] xp, double amp, double d) {
        int n = xp.length;
        double ann = amp * n;
        double dP = d;
        for (double x : xp) {
            dP = dP * d / (n * x);
        }
        return (ann + dP / xp[i]) / (ann + dP / xp[j]);
    }
}
