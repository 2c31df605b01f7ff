package dev.fracture.protocol.perp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Marks looked up by the very id string and by an equal one give the mark given; unknown and bad marks are refused. */
class MarksTest {
    @Test
    void aMarketIsFoundByReferenceAndByValue() {
        Marks marks = new Marks(Map.of("ETH", 2000.0, "BTC", 60000.0, "SOL", 150.0));
        assertThat(marks.get("BTC")).isEqualTo(60000.0);
        // An id read from elsewhere: equal, not the same object.
        String eth = new String(new char[] {'E', 'T', 'H'});
        assertThat(eth).isNotSameAs("ETH");
        assertThat(marks.get(eth)).isEqualTo(2000.0);
        assertThat(marks.with("SOL", 140.0).get("SOL")).isEqualTo(140.0);
        assertThat(marks.get("SOL")).as("with copies").isEqualTo(150.0);
        assertThat(marks).isEqualTo(new Marks(Map.of("SOL", 150.0, "BTC", 60000.0, "ETH", 2000.0)));
        assertThat(marks.byMarket()).containsEntry("ETH", 2000.0).hasSize(3);
    }

    @Test
    void unknownMarketsAndBadMarksAreRefused() {
        assertThatThrownBy(() -> Marks.of("BTC", 1).get("btc")).hasMessageContaining("unknown market btc");
        assertThatThrownBy(() -> Marks.of("BTC", Double.NaN)).hasMessageContaining("mark of BTC");
        assertThatThrownBy(() -> Marks.of("BTC", -1)).hasMessageContaining("mark of BTC");
    }
}
