package dev.fracture.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** The contagion network of the {@link TwoProtocolSystem}, its impacts and DebtRanks worked by hand. */
class ContagionCalculatorTest {
    // Lent: Aave 445,710 USDC, Morpho 13,622,400 USDC; v = each over 14,068,110.
    private static final double V_AAVE = 445_710 / 14_068_110.0;

    private final ContagionNetwork network = ContagionCalculator.DEFAULT.network(
            ExposureBook.of(TwoProtocolSystem.of(true)));
    private final Map<String, ContagionNetwork.Node> nodes = network.nodes().stream()
            .collect(Collectors.toMap(ContagionNetwork.Node::id, n -> n));

    @Test
    void edgesCarryTheBadDebtShareOfALostAssetOrFeed() {
        // ETH worthless: A's 445,710 of debt is all bad debt, all Aave lent: W = 1. Same for wstETH and Morpho.
        assertThat(weight("asset:eth", "protocol:aave")).isCloseTo(1, within(1e-12));
        assertThat(weight("asset:wsteth", "protocol:morpho")).isCloseTo(1, within(1e-12));
        assertThat(weight("oracle:eth-usd", "protocol:aave")).isCloseTo(1, within(1e-12));
        assertThat(weight("asset:eth", "asset:wsteth")).isEqualTo(1);
        assertThat(weight("oracle:eth-usd", "oracle:eth-osm")).isEqualTo(1);
        assertThat(weight("oracle:eth-usd", "oracle:eth-fallback")).isEqualTo(0.5);
    }

    @Test
    void debtRankOfEthIsEverythingLentAndOfItsFeedAavesShare() {
        // ETH fails: Aave (W 1) and wstETH (W 1) fully distressed, then Morpho through wstETH: R = v_aave + v_morpho.
        assertThat(nodes.get("asset:eth").debtRank()).isCloseTo(1, within(1e-12));
        assertThat(nodes.get("asset:eth").distressed()).contains("protocol:aave", "protocol:morpho", "asset:wsteth");
        // eth-usd prices only Aave's ETH: R = v_aave. Morpho reads wsteth-usd.
        assertThat(nodes.get("oracle:eth-usd").debtRank()).isCloseTo(V_AAVE, within(1e-12));
        // A protocol's own loss is its initial distress, not counted in its R; nothing here lends against Aave.
        assertThat(nodes.get("protocol:aave").debtRank()).isCloseTo(0, within(1e-12));
        assertThat(nodes.get("protocol:aave").value()).isCloseTo(V_AAVE, within(1e-12));
    }

    private double weight(String from, String to) {
        return network.edges().stream().filter(e -> e.from().equals(from) && e.to().equals(to))
                .mapToDouble(ContagionNetwork.Edge::weight).sum();
    }
}
