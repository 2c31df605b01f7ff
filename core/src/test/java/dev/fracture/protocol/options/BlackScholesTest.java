package dev.fracture.protocol.options;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Random;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Black–Scholes–Merton against Hull's worked example and against identities that hold whatever the code: put-call
 * parity and the greeks as derivatives of the price (central finite differences).
 */
class BlackScholesTest {
    private static final double HULL_T = 20.0 / 52;

    static LongStream seeds() {
        return LongStream.range(1, 9).map(i -> 0x5EED_0000L + i);
    }

    /**
     * Hull, Options, Futures, and Other Derivatives (9th ed.), chapter "The Greek Letters" (ch. 19; ch. 18 in the
     * 8th): a bank has sold 100,000 calls on a non-dividend-paying stock with S0 = 49, K = 50, r = 5%, σ = 20%,
     * T = 20 weeks (0.3846 years), worth $240,000 by Black–Scholes, i.e. $2.40 each. The chapter's examples on this
     * option give delta 0.522, theta −4.31 per year (−0.0118 per calendar day), gamma 0.066, vega 12.1 (per 1.00
     * of vol: 0.121 per vol point) and rho 8.91, each rounded as printed.
     */
    @Test
    void hullGreekLettersExample() {
        Greeks g = BlackScholes.greeks(OptionType.CALL, 49, 50, HULL_T, 0.05, 0, 0.20);
        assertThat(g.price()).isCloseTo(2.40, within(0.005));
        assertThat(g.delta()).isCloseTo(0.522, within(0.0005));
        assertThat(g.gamma()).isCloseTo(0.066, within(0.0005));
        assertThat(g.vega()).isCloseTo(12.1, within(0.05));
        assertThat(g.vegaPerPoint()).isCloseTo(0.121, within(0.0005));
        assertThat(g.thetaPerYear()).isCloseTo(-4.31, within(0.005));
        assertThat(g.thetaPerDay()).isCloseTo(-0.0118, within(0.00005));
        assertThat(g.rho()).isCloseTo(8.91, within(0.005));
    }

    /** Hull, same chapter: a put's delta is N(d1) − 1, here 0.522 − 1 = −0.478; its gamma is the call's. */
    @Test
    void hullPutDeltaIsCallDeltaMinusOne() {
        Greeks put = BlackScholes.greeks(OptionType.PUT, 49, 50, HULL_T, 0.05, 0, 0.20);
        assertThat(put.delta()).isCloseTo(-0.478, within(0.0005));
        assertThat(put.gamma()).isCloseTo(0.066, within(0.0005));
    }

    /** N(0) = 1/2, N(1.96) = 0.9750021048517795 and the deep lower tail N(−10) = 7.619853024160527e-24 (Φ tables). */
    @Test
    void normalCdfHasTableValuesAndRelativePrecisionInTheTail() {
        assertThat(BlackScholes.cdf(0)).isEqualTo(0.5);
        assertThat(BlackScholes.cdf(1.96)).isCloseTo(0.9750021048517795, within(1e-15));
        assertThat(BlackScholes.cdf(-10)).isCloseTo(7.619853024160527e-24, within(1e-36));
    }

    /** C − P = S e^(−qT) − K e^(−rT) (Hull, ch. "Options on Stock Indices and Currencies"), for any vol. */
    @ParameterizedTest
    @MethodSource("seeds")
    void putCallParityHoldsOnRandomInputs(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 500; i++) {
            Inputs in = Inputs.random(rnd);
            double call = BlackScholes.price(OptionType.CALL, in.s, in.k, in.t, in.r, in.q, in.vol);
            double put = BlackScholes.price(OptionType.PUT, in.s, in.k, in.t, in.r, in.q, in.vol);
            double parity = in.s * Math.exp(-in.q * in.t) - in.k * Math.exp(-in.r * in.t);
            assertThat(call - put).as("seed %d case %d %s", seed, i, in).isCloseTo(parity, within(1e-10 * in.s));
        }
    }

    /**
     * Every greek is the derivative it claims to be: central differences of the price in S (delta, and of delta
     * for gamma), σ (vega), T (theta = −∂V/∂T) and r (rho), with the step scaled to the variable.
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void greeksMatchCentralFiniteDifferences(long seed) {
        Random rnd = new Random(seed);
        for (int i = 0; i < 200; i++) {
            Inputs in = Inputs.random(rnd);
            for (OptionType type : OptionType.values()) {
                Greeks g = BlackScholes.greeks(type, in.s, in.k, in.t, in.r, in.q, in.vol);
                double hs = 1e-4 * in.s;
                double delta = (price(type, in.s + hs, in) - price(type, in.s - hs, in)) / (2 * hs);
                double gamma = (BlackScholes.greeks(type, in.s + hs, in.k, in.t, in.r, in.q, in.vol).delta()
                        - BlackScholes.greeks(type, in.s - hs, in.k, in.t, in.r, in.q, in.vol).delta()) / (2 * hs);
                double hv = 1e-5;
                double vega = (BlackScholes.price(type, in.s, in.k, in.t, in.r, in.q, in.vol + hv)
                        - BlackScholes.price(type, in.s, in.k, in.t, in.r, in.q, in.vol - hv)) / (2 * hv);
                double ht = 1e-6 * in.t;
                double theta = -(BlackScholes.price(type, in.s, in.k, in.t + ht, in.r, in.q, in.vol)
                        - BlackScholes.price(type, in.s, in.k, in.t - ht, in.r, in.q, in.vol)) / (2 * ht);
                double hr = 1e-6;
                double rho = (BlackScholes.price(type, in.s, in.k, in.t, in.r + hr, in.q, in.vol)
                        - BlackScholes.price(type, in.s, in.k, in.t, in.r - hr, in.q, in.vol)) / (2 * hr);
                String what = "seed " + seed + " case " + i + " " + type + " " + in;
                assertThat(g.delta()).as(what).isCloseTo(delta, within(1e-6));
                assertThat(g.gamma()).as(what).isCloseTo(gamma, within(1e-6 / in.s));
                assertThat(g.vega()).as(what).isCloseTo(vega, within(1e-5 * in.s));
                assertThat(g.thetaPerYear()).as(what).isCloseTo(theta, within(1e-5 * in.s));
                assertThat(g.rho()).as(what).isCloseTo(rho, within(1e-5 * in.s));
            }
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void impliedVolatilityRecoversTheVolThatPricedTheOption(long seed) {
        Random rnd = new Random(seed);
        int checked = 0;
        for (int i = 0; i < 300; i++) {
            Inputs in = Inputs.random(rnd);
            OptionType type = rnd.nextBoolean() ? OptionType.CALL : OptionType.PUT;
            Greeks g = BlackScholes.greeks(type, in.s, in.k, in.t, in.r, in.q, in.vol);
            double forwardGap = in.s * Math.exp(-in.q * in.t) - in.k * Math.exp(-in.r * in.t);
            double timeValue = g.price() - Math.max(type == OptionType.CALL ? forwardGap : -forwardGap, 0);
            if (timeValue <= 1e-9 * in.s) {
                // No time value left in doubles (deep in the money, low vol): every vol prices it the same.
                continue;
            }
            checked++;
            double implied = ImpliedVolatility.of(type, g.price(), in.s, in.k, in.t, in.r, in.q);
            String what = "seed " + seed + " case " + i + " " + type + " " + in;
            // Where vega is small a vol is only pinned down as far as the price is: price error / vega.
            double tolerance = Math.max(1e-9, 1e-14 * in.s / g.vega());
            assertThat(implied).as(what).isCloseTo(in.vol, within(tolerance));
        }
        assertThat(checked).as("cases with time value").isGreaterThan(250);
    }

    @Test
    void impliedVolatilityOfHullsCallIsTwentyPercent() {
        double premium = BlackScholes.price(OptionType.CALL, 49, 50, HULL_T, 0.05, 0, 0.20);
        assertThat(ImpliedVolatility.of(OptionType.CALL, premium, 49, 50, HULL_T, 0.05, 0))
                .isCloseTo(0.20, within(1e-12));
    }

    private static double price(OptionType type, double spot, Inputs in) {
        return BlackScholes.price(type, spot, in.k, in.t, in.r, in.q, in.vol);
    }

    /** Spot 10–10,000, strikes 0.6–1.6 × spot, 1 week to 3 years, rates −1%–10%, yields 0–6%, vols 10%–150%. */
    record Inputs(double s, double k, double t, double r, double q, double vol) {
        static Inputs random(Random rnd) {
            double s = Math.pow(10, 1 + 3 * rnd.nextDouble());
            double k = s * (0.6 + rnd.nextDouble());
            double t = 1.0 / 52 + rnd.nextDouble() * 3;
            return new Inputs(s, k, t, -0.01 + 0.11 * rnd.nextDouble(), 0.06 * rnd.nextDouble(),
                    0.10 + 1.4 * rnd.nextDouble());
        }
    }
}
