package dev.fracture.market;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The integer mode against Curve's own reference model: {@code stableswap-golden.csv} holds {@code D()},
 * {@code y()} and {@code dy()} of the {@code Curve} class of curvefi/curve-contract {@code tests/simulation.py}
 * on 300 seeded random pools (2 to 8 coins, 6/8/18 decimals, A from 1 to 100000, trades from 1e-9 to 3 times a
 * balance), produced by {@code src/test/tools/stableswap_golden.py}.
 */
class StableSwapReferenceModelTest {

    record Row(int line, int n, long amp, int[] decimals, BigInteger[] balances, int i, int j, BigInteger dx,
               BigInteger d, BigInteger y, BigInteger dy) {
        @Override
        public String toString() {
            return "row " + line + ": n=" + n + " A=" + amp + " decimals=" + Arrays.toString(decimals) + " " + i + "->"
                    + j + " dx=" + dx;
        }

        BigInteger rate(int k) {
            return BigInteger.TEN.pow(36 - decimals[k]);
        }

        BigInteger[] xp() {
            BigInteger[] xp = new BigInteger[n];
            for (int k = 0; k < n; k++) {
                xp[k] = balances[k].multiply(rate(k)).divide(Fixtures.WAD);
            }
            return xp;
        }
    }

    static List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = StableSwapReferenceModelTest.class.getResourceAsStream("stableswap-golden.csv");
             BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            r.readLine();
            String line;
            int number = 1;
            while ((line = r.readLine()) != null) {
                number++;
                String[] f = line.split(";");
                int[] decimals = Arrays.stream(f[2].split(",")).mapToInt(Integer::parseInt).toArray();
                BigInteger[] balances = Arrays.stream(f[3].split(",")).map(BigInteger::new).toArray(BigInteger[]::new);
                rows.add(new Row(number, Integer.parseInt(f[0]), Long.parseLong(f[1]), decimals, balances,
                        Integer.parseInt(f[4]), Integer.parseInt(f[5]), new BigInteger(f[6]), new BigInteger(f[7]),
                        new BigInteger(f[8]), new BigInteger(f[9])));
            }
        }
        assertThat(rows).hasSize(300);
        return rows;
    }

    @ParameterizedTest
    @MethodSource("rows")
    void getDEqualsTheModelsD(Row row) {
        assertThat(StableSwapMath.getD(row.xp(), row.amp())).isEqualTo(row.d());
    }

    @ParameterizedTest
    @MethodSource("rows")
    void getYEqualsTheModelsY(Row row) {
        BigInteger[] xp = row.xp();
        BigInteger x = xp[row.i()].add(row.dx().multiply(row.rate(row.i())).divide(Fixtures.WAD));
        assertThat(StableSwapMath.getY(row.i(), row.j(), x, xp, row.amp())).isEqualTo(row.y());
    }

    /**
     * The pool pays the contract's amount: the model's dy less the contract's one unit, less the fee on that, in
     * the output coin's units.
     */
    @ParameterizedTest
    @MethodSource("rows")
    void poolPaysTheModelsDyLessOneUnitLessFee(Row row) {
        long fee = 4_000_000;
        StableSwapPool pool = Fixtures.stable(row.decimals(), row.balances(), row.amp(), fee, MathMode.EXACT);
        BigInteger dy = row.dy().subtract(BigInteger.ONE);
        BigInteger expected = dy.signum() <= 0 ? BigInteger.ZERO
                : dy.subtract(dy.multiply(BigInteger.valueOf(fee)).divide(BigInteger.valueOf(10_000_000_000L)))
                        .multiply(Fixtures.WAD).divide(row.rate(row.j()));
        assertThat(pool.getDy(Fixtures.coin(row.i()), Fixtures.coin(row.j()), row.dx())).isEqualTo(expected);
    }
}
