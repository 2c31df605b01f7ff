package dev.fracture.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The ids' equality and hash, written out, keep a record's contract (java.lang.Record: equal exactly when of the same
 * class with equal components; the hash of a one-component record is its component's, which is what decides the
 * order of every hash map keyed by ids, and so of anything a run iterates from one).
 */
class IdEqualityTest {
    static Stream<Arguments> ids() {
        return Stream.of(
                Arguments.of("asset", (Function<String, Object>) AssetId::of, (Function<String, Object>) AssetId::new),
                Arguments.of("chain", (Function<String, Object>) ChainId::of, (Function<String, Object>) ChainId::new),
                Arguments.of("account", (Function<String, Object>) AccountId::of,
                        (Function<String, Object>) AccountId::new),
                Arguments.of("protocol", (Function<String, Object>) ProtocolId::of,
                        (Function<String, Object>) ProtocolId::new),
                Arguments.of("bridge", (Function<String, Object>) BridgeId::of, (Function<String, Object>) BridgeId::new),
                Arguments.of("venue", (Function<String, Object>) VenueId::of, (Function<String, Object>) VenueId::new),
                Arguments.of("oracle", (Function<String, Object>) OracleId::of, (Function<String, Object>) OracleId::new));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("ids")
    void equalExactlyForTheSameClassAndValue(String kind, Function<String, Object> of, Function<String, Object> made) {
        Object a = of.apply("WETH");
        // Another instance (the record's own constructor) of a distinct String instance: equality must read the
        // value, not the reference.
        Object b = made.apply(new String("WETH"));
        assertThat(a).isEqualTo(b).isNotSameAs(b);
        assertThat(a.hashCode()).isEqualTo(b.hashCode()).isEqualTo("WETH".hashCode());
        assertThat(a).isNotEqualTo(of.apply("weth")).isNotEqualTo(of.apply("WETH2"));
        assertThat(a.equals(null)).isFalse();
        assertThat(a).isNotEqualTo("WETH");
        for (Arguments other : ids().toList()) {
            @SuppressWarnings("unchecked")
            Function<String, Object> otherOf = (Function<String, Object>) other.get()[1];
            Object sameValue = otherOf.apply("WETH");
            assertThat(a.equals(sameValue)).as("%s against %s", kind, other.get()[0])
                    .isEqualTo(sameValue.getClass() == a.getClass());
        }
        assertThat(List.of(a).contains(b)).isTrue();
    }
}
