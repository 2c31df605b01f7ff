package dev.fracture.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * {@link AssetId#of} gives one instance per text ({@link KeptInstances}), so that the engine's comparisons of one
 * asset's ids read from different books end at the reference check; the instances stay equal by value, invalid
 * texts are refused as before and not kept, and past its bound it makes new, equal instances.
 */
class AssetIdTest {
    @Test
    void theSameTextGivesTheSameInstance() {
        AssetId a = AssetId.of("kept-WETH");
        assertThat(AssetId.of(new String("kept-WETH"))).isSameAs(a);
        assertThat(AssetId.of("kept-weth")).isNotSameAs(a).isNotEqualTo(a);
        // The record's own constructor still makes a new instance, equal by value.
        assertThat(new AssetId("kept-WETH")).isNotSameAs(a).isEqualTo(a);
    }

    @Test
    void threadsAskingForOneTextAtOnceGetOneInstance() throws Exception {
        KeptInstances<AssetId> kept = new KeptInstances<>(10, AssetId::new);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<AssetId>> asks = new ArrayList<>();
            for (int k = 0; k < 64; k++) {
                asks.add(() -> kept.of(new String("raced")));
            }
            AssetId first = null;
            for (Future<AssetId> f : pool.invokeAll(asks)) {
                first = first == null ? f.get() : first;
                assertThat(f.get()).isSameAs(first);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void anInvalidTextIsRefusedAndNotKept() {
        KeptInstances<AssetId> kept = new KeptInstances<>(1, AssetId::new);
        assertThatThrownBy(() -> kept.of("two words")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("asset id 'two words' must not contain whitespace");
        assertThatThrownBy(() -> kept.of(null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("asset id must not be blank");
        // Nothing was kept: the one place left takes the next valid text.
        assertThat(kept.of("ETH")).isSameAs(kept.of("ETH"));
        assertThatThrownBy(() -> AssetId.of(" ")).hasMessage("asset id must not be blank");
    }

    @Test
    void pastItsBoundItMakesEqualInstancesWithoutKeepingThem() {
        KeptInstances<AssetId> kept = new KeptInstances<>(2, AssetId::new);
        AssetId a = kept.of("A");
        AssetId b = kept.of("B");
        AssetId c = kept.of("C");
        assertThat(kept.of("A")).isSameAs(a);
        assertThat(kept.of("B")).isSameAs(b);
        assertThat(kept.of("C")).isEqualTo(c).isNotSameAs(c);
        assertThatThrownBy(() -> new KeptInstances<>(-1, AssetId::new))
                .hasMessage("kept instances: at most must be >= 0, got -1");
    }
}
