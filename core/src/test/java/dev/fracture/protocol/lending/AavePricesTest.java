package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.AssetId;
import java.util.HashMap;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link AavePrices}: the price of an asset is the one it was given, whether the asset is asked for by the id object
 * the prices were made with or by an equal one; an asset without a price, or a price not above 0, is refused by name;
 * and two price sets are equal exactly when their maps are.
 */
class AavePricesTest {

    /** Seeded random price sets of 1 to 40 assets, each price asked for by the same id and by a fresh equal id. */
    @Test
    void everyAssetHasThePriceItWasGivenByReferenceOrByValue() {
        SplittableRandom rnd = new SplittableRandom(7);
        for (int trial = 0; trial < 50; trial++) {
            Map<AssetId, Long> given = new HashMap<>();
            int n = 1 + rnd.nextInt(40);
            for (int k = 0; k < n; k++) {
                given.put(AssetId.of("A" + k), 1 + rnd.nextLong(1L << 50));
            }
            AavePrices prices = new AavePrices(given);
            for (Map.Entry<AssetId, Long> e : given.entrySet()) {
                assertThat(prices.price(e.getKey())).isEqualTo(e.getValue());
                AssetId equal = new AssetId(new String(e.getKey().value().toCharArray()));
                assertThat(equal).isNotSameAs(e.getKey());
                assertThat(prices.price(equal)).isEqualTo(e.getValue());
                assertThat(prices.bigPrice(equal)).isEqualTo(java.math.BigInteger.valueOf(e.getValue()));
            }
            assertThat(prices.prices()).isEqualTo(given);
        }
    }

    @Test
    void anAssetWithoutAPriceOrAPriceNotAboveZeroIsRefusedByName() {
        AavePrices prices = new AavePrices(Map.of(AssetId.of("WETH"), 2_000_00000000L));
        assertThatThrownBy(() -> prices.price(AssetId.of("USDC"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no price for asset USDC");
        assertThatThrownBy(() -> new AavePrices(Map.of(AssetId.of("WETH"), 0L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("prices[WETH] must be > 0");
    }

    @Test
    void pricesAreEqualExactlyWhenTheirMapsAre() {
        AavePrices a = new AavePrices(Map.of(AssetId.of("WETH"), 2L, AssetId.of("USDC"), 1L));
        AavePrices b = new AavePrices(Map.of(AssetId.of("USDC"), 1L, AssetId.of("WETH"), 2L));
        assertThat(a).isEqualTo(b).hasSameHashCodeAs(b);
        assertThat(a.with(AssetId.of("WETH"), 3L)).isNotEqualTo(a);
        assertThat(a.with(AssetId.of("WETH"), 3L).price(AssetId.of("WETH"))).isEqualTo(3L);
        assertThat(a.with(AssetId.of("WETH"), 2L)).isEqualTo(a);
    }
}
