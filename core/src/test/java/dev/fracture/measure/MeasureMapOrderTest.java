package dev.fracture.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The maps measures hold iterate in key order whatever order they were given in: reports print them as they iterate,
 * and an order salted per JVM ({@code Map.copyOf}) printed the same report differently from run to run.
 */
class MeasureMapOrderTest {

    @Test
    void aCurvePointSplitsByProtocolAndChainInIdOrder() {
        Map<ProtocolId, Double> byProtocol = new HashMap<>();
        for (String id : List.of("morpho-blue", "maker", "aave-v3-base", "compound-v3-usdc", "aave-v3",
                "aave-v3-arbitrum", "spark", "liquity", "euler", "fluid", "kamino", "venus")) {
            byProtocol.put(ProtocolId.of(id), 1.0);
        }
        Map<ChainId, Double> byChain = new HashMap<>();
        for (String id : List.of("hyperliquid", "base", "ethereum", "arbitrum")) {
            byChain.put(ChainId.of(id), 2.0);
        }
        LiquidationCurve.Point p = new LiquidationCurve.Point(-0.1, 2970, 12, 12, 6, byProtocol, byChain);
        // The order written out by hand: ASCII order of the ids, '-' (0x2d) before letters.
        assertThat(ids(p.byProtocol())).containsExactly("aave-v3", "aave-v3-arbitrum", "aave-v3-base",
                "compound-v3-usdc", "euler", "fluid", "kamino", "liquity", "maker", "morpho-blue", "spark", "venus");
        assertThat(ids(p.byChain())).containsExactly("arbitrum", "base", "ethereum", "hyperliquid");
        assertThatThrownBy(() -> p.byProtocol().put(ProtocolId.of("x"), 1.0))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void aCascadeCurveListsItsImpactParametersByName() {
        Map<String, Double> params = new HashMap<>(Map.of("totalDepthUsd", 3.0, "maxFall", 0.95,
                "depthWithin2PercentUsd", 1.0, "depthWithin10PercentUsd", 2.0));
        CascadeCurve c = new CascadeCurve(AssetId.of("eth"), "venue-depth", params, 0.05, List.of(), null);
        assertThat(c.impactParameters().keySet()).containsExactly("depthWithin10PercentUsd",
                "depthWithin2PercentUsd", "maxFall", "totalDepthUsd");
    }

    @Test
    void nullKeysAndValuesAreStillRefused() {
        Map<ProtocolId, Double> withNull = new HashMap<>();
        withNull.put(ProtocolId.of("aave-v3"), null);
        assertThatThrownBy(() -> new LiquidationCurve.Point(0, 1, 0, 0, 0, withNull, Map.of()))
                .isInstanceOf(NullPointerException.class);
    }

    private static List<String> ids(Map<?, Double> map) {
        List<String> out = new ArrayList<>();
        map.keySet().forEach(k -> out.add(k.toString()));
        return out;
    }
}
