package dev.fracture.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * {@link ChainId#of} gives one instance per text, as {@link AssetId#of} does: the verdict rounds match a position's
 * chain against their pairs by reference first (a generated ecosystem names its chains afresh for every book, and
 * before the ids were kept every such match fell through to comparing texts).
 */
class ChainIdTest {
    @Test
    void theSameTextGivesTheSameInstance() {
        ChainId a = ChainId.of("kept-chain-0");
        assertThat(ChainId.of("kept-chain-" + 0)).isSameAs(a);
        assertThat(ChainId.of("kept-chain-1")).isNotSameAs(a).isNotEqualTo(a);
        assertThat(new ChainId("kept-chain-0")).isNotSameAs(a).isEqualTo(a).hasSameHashCodeAs(a);
    }

    @Test
    void anInvalidTextIsRefused() {
        assertThatThrownBy(() -> ChainId.of("two words")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("chain id 'two words' must not contain whitespace");
        assertThatThrownBy(() -> ChainId.of("")).hasMessage("chain id must not be blank");
    }
}
