package dev.fracture.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link ShortestDecimal} against its peer: the texts OpenJDK 25's {@code Double.toString} writes (specified since Java
 * 19 as the shortest decimal that rounds to the double, the closest of those), recorded in
 * {@code shortest-decimals-jdk25.txt}, which a JDK 17 cannot give; and, when the tests run on Java 19 or later, that
 * JDK's own texts for fresh random doubles.
 */
class ShortestDecimalTest {

    private record Vector(double x, String text) {
    }

    private static List<Vector> vectors() throws IOException {
        List<Vector> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                ShortestDecimalTest.class.getResourceAsStream("shortest-decimals-jdk25.txt"),
                StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] parts = line.trim().split(" ");
                out.add(new Vector(Double.longBitsToDouble(Long.parseUnsignedLong(parts[0], 16)), parts[1]));
            }
        }
        return out;
    }

    @Test
    void everyRecordedDoubleGetsJava25sDecimalOnThisJdk() throws IOException {
        List<Vector> vectors = vectors();
        assertThat(vectors).hasSizeGreaterThan(1800);
        for (Vector v : vectors) {
            BigDecimal expected = new BigDecimal(v.text());
            assertThat(ShortestDecimal.of(v.x())).as("%s", v.text()).isEqualByComparingTo(expected);
            assertThat(ShortestDecimal.of(-v.x())).as("-%s", v.text()).isEqualByComparingTo(expected.negate());
            // The search alone, which a JDK before 19 takes whenever its own text has more than 15 digits.
            assertThat(ShortestDecimal.searched(v.x())).as("searched %s", v.text()).isEqualByComparingTo(expected);
        }
    }

    @Test
    void theDecimalsHaveJava25sScaleToo() throws IOException {
        // Scale shows where a decimal is printed or stripped; a number with more than 15 digits has no trailing zero.
        for (Vector v : vectors()) {
            if (ShortestDecimal.significantDigits(v.text()) > 15) {
                assertThat(ShortestDecimal.of(v.x()).scale()).as("%s", v.text())
                        .isEqualTo(new BigDecimal(v.text()).scale());
            }
        }
    }

    @Test
    void java17sOwnTextDiffersOnTheRecordedCasesWhichIsWhyThisExists() throws IOException {
        assumeTrue(Runtime.version().feature() < 19, "only a JDK before 19 writes the longer texts");
        // 6.6020195735793048E16 on OpenJDK 17.0.15, 6.602019573579305E16 on Java 19+: 0x436d51a0955aadb3.
        double x = Double.longBitsToDouble(0x436d51a0955aadb3L);
        assertThat(BigDecimal.valueOf(x)).isEqualByComparingTo("6.6020195735793048E16");
        assertThat(ShortestDecimal.of(x)).isEqualByComparingTo("6.602019573579305E16");
        long differing = vectors().stream()
                .filter(v -> BigDecimal.valueOf(v.x()).compareTo(new BigDecimal(v.text())) != 0).count();
        assertThat(differing).isGreaterThan(200);
    }

    @Test
    void onJava19AndLaterTheSearchEqualsTheJdksTextForRandomDoubles() {
        assumeTrue(Runtime.version().feature() >= 19, "the peer is Java 19+'s Double.toString");
        SplittableRandom random = new SplittableRandom(72);
        for (int i = 0; i < 200_000; i++) {
            double x = i % 2 == 0 ? Double.longBitsToDouble(random.nextLong() & 0x7fefffffffffffffL)
                    : random.nextDouble() * Math.pow(10, random.nextInt(-10, 25));
            if (x == 0 || !Double.isFinite(x)) {
                continue;
            }
            assertThat(ShortestDecimal.searched(x)).as("%s", x)
                    .isEqualByComparingTo(new BigDecimal(Double.toString(x)));
        }
    }

    @Test
    void worksByHand() {
        // 0.1 is 0.1000000000000000055511151231257827... exactly; "0.1" is the one-digit decimal that rounds to it.
        assertThat(ShortestDecimal.of(0.1)).isEqualByComparingTo("0.1");
        assertThat(ShortestDecimal.searched(0.1)).isEqualByComparingTo("0.1");
        // 2^53 + 2 = 9007199254740994 needs all 16 digits; 9.007199254740994E15 is what rounds back.
        assertThat(ShortestDecimal.searched(9007199254740994.0)).isEqualByComparingTo("9007199254740994");
        // The smallest subnormal, 4.9406564584124654E-324: 5E-324 rounds to it, but the length-one rule picks the
        // closer 4.9E-324 among the decimals of one or two digits.
        assertThat(ShortestDecimal.searched(Double.MIN_VALUE)).isEqualByComparingTo("4.9E-324");
        assertThat(ShortestDecimal.of(0.0)).isEqualByComparingTo("0");
        assertThat(ShortestDecimal.of(-0.0)).isEqualByComparingTo("0");
    }

    @ParameterizedTest
    @ValueSource(doubles = {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY})
    void aNonFiniteDoubleIsRefusedByName(double x) {
        assertThatThrownBy(() -> ShortestDecimal.of(x)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shortest decimal").hasMessageContaining("not a finite number");
    }

    @Test
    void countsSignificantDigitsOfJavasTexts() {
        assertThat(ShortestDecimal.significantDigits("1.0E23")).isEqualTo(1);
        assertThat(ShortestDecimal.significantDigits("0.001")).isEqualTo(1);
        assertThat(ShortestDecimal.significantDigits("-1234.5")).isEqualTo(5);
        assertThat(ShortestDecimal.significantDigits("100.0")).isEqualTo(1);
        assertThat(ShortestDecimal.significantDigits("1.0000000000000002E23")).isEqualTo(17);
        assertThat(ShortestDecimal.significantDigits("0.0")).isEqualTo(1);
    }
}
