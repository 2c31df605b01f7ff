package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class AaveInterestTest {
    static final BigInteger FIVE_PERCENT = new BigInteger("50000000000000000000000000"); // 0.05 RAY

    @Test
    void compoundedInterestIsTheThreeTermExpansionTruncatedAsTheContract() {
        // One day at 5%: x = 0.05/31536000 per second, n = 86400.
        // basePowerTwo = rayMul(0.05e27, 0.05e27) / 31536000^2 = 2.5e51/1e27 / 994519296000000 = 2513778 (trunc.)
        // 1 + n x + n(n-1)/2 x^2 + n(n-1)(n-2)/6 x^3 in RAY, each term truncated:
        assertThat(AaveInterest.compoundedInterest(FIVE_PERCENT, 86_400))
                .isEqualTo(new BigInteger("1000136995684207123907444230"));
        // A year: 1 + 0.05 + 0.05^2/2 + 0.05^3/6 = 1.0512708...; the contract's value is a little lower because
        // n(n-1)/n^2 < 1; e^0.05 = 1.0512711 is 5e-6 above (the cut fourth term and the n factors).
        BigInteger year = AaveInterest.compoundedInterest(FIVE_PERCENT, AaveInterest.SECONDS_PER_YEAR);
        assertThat(year).isEqualTo(new BigInteger("1051265681539063650421944000"));
        assertThat(year.doubleValue() / 1e27).isCloseTo(Math.exp(0.05), within(1e-5));
        assertThat(AaveInterest.compoundedInterest(FIVE_PERCENT, 0)).isEqualTo(WadRayMath.RAY);
    }

    @Test
    void fastCompoundedInterestMatchesExact() {
        for (long seconds : new long[] {1, 2, 3, 60, 3600, 86_400, 30 * 86_400L, AaveInterest.SECONDS_PER_YEAR}) {
            for (double rate : new double[] {0.001, 0.05, 0.8, 3.0}) {
                BigInteger rateRay = new java.math.BigDecimal(rate).movePointRight(27).toBigInteger();
                double exact = AaveInterest.compoundedInterest(rateRay, seconds).doubleValue() / 1e27;
                // The contract truncates x^2 and x^3 to whole RAY units before multiplying by n(n-1)/2 and
                // n(n-1)(n-2)/6: up to that many 1e-27 units lost, the only difference from the doubles.
                double n = seconds;
                double truncation = (1 + n * n / 2 + n * n * n / 6) * 1e-27;
                assertThat(AaveInterest.compoundedInterestFast(rate, seconds)).as("%s s at %s", seconds, rate)
                        .isCloseTo(exact, within(truncation + 1e-14));
            }
        }
    }

    @Test
    void linearInterestAccruesSupply() {
        // 5% for half a year: 1 + 0.05 * 15768000 / 31536000 = 1.025 exactly.
        assertThat(AaveInterest.linearInterest(FIVE_PERCENT, AaveInterest.SECONDS_PER_YEAR / 2))
                .isEqualTo(new BigInteger("1025000000000000000000000000"));
        assertThat(AaveInterest.accrue(new BigInteger("1000000"), new BigInteger("1025000000000000000000000000")))
                .isEqualTo(new BigInteger("1025000"));
    }

    @Test
    void interestRateStrategyHasTwoSlopes() {
        BigInteger ray = WadRayMath.RAY;
        AaveInterestRateStrategy s = new AaveInterestRateStrategy(ray.multiply(BigInteger.valueOf(80)).divide(BigInteger.valueOf(100)),
                BigInteger.ZERO, ray.multiply(BigInteger.valueOf(4)).divide(BigInteger.valueOf(100)),
                ray.multiply(BigInteger.valueOf(60)).divide(BigInteger.valueOf(100)));
        // 40% usage: 0.04 * 0.4 / 0.8 = 2%.
        assertThat(s.variableBorrowRate(BigInteger.valueOf(40), BigInteger.valueOf(60)))
                .isEqualTo(ray.multiply(BigInteger.TWO).divide(BigInteger.valueOf(100)));
        // 90% usage: 0.04 + 0.6 * (0.1 / 0.2) = 34%.
        assertThat(s.variableBorrowRate(BigInteger.valueOf(90), BigInteger.valueOf(10)))
                .isEqualTo(ray.multiply(BigInteger.valueOf(34)).divide(BigInteger.valueOf(100)));
        // Supply rate at 90% usage and a 10% reserve factor: 0.34 * 0.9 * 0.9 = 27.54%.
        assertThat(s.liquidityRate(BigInteger.valueOf(90), BigInteger.valueOf(10), 1000))
                .isEqualTo(ray.multiply(BigInteger.valueOf(2754)).divide(BigInteger.valueOf(10_000)));
    }
}
