package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.ProtocolSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The generated ecosystems have the shape their Javadoc states, and the same size and seed give the same one. */
class GeneratedEcosystemTest {

    @Test
    void theBenchmarkSizeIsTheIssuesFigures() {
        // Issue 5: 1,000,000 lending accounts across 8 protocols and 4 chains, 40 assets, 120 venues,
        // 200 liquidators and 50,000 perp accounts.
        assertThat(GeneratedEcosystem.Size.benchmark())
                .isEqualTo(new GeneratedEcosystem.Size(4, 40, 120, 8, 1_000_000, 200, 50_000));
    }

    @Test
    void aSmallEcosystemHasAPerpExchangeOnTheHomeChainWithinItsLeverageCaps() {
        GeneratedEcosystem.Generated g = GeneratedEcosystem.of(GeneratedEcosystem.Size.small(), 7);
        List<ProtocolSpec.PerpExchange> perps = g.snapshot().protocols().stream()
                .filter(p -> p instanceof ProtocolSpec.PerpExchange).map(p -> (ProtocolSpec.PerpExchange) p)
                .toList();
        assertThat(perps).hasSize(1);
        ProtocolSpec.PerpExchange x = perps.get(0);
        assertThat(x.chain().value()).isEqualTo("chain-0");
        assertThat(x.settlementAsset()).isEqualTo(GeneratedEcosystem.USDC);
        assertThat(x.markets().get(0).asset()).isEqualTo(GeneratedEcosystem.ETH);
        assertThat(x.accounts()).hasSize(8);
        for (ProtocolSpec.PerpExchange.PerpAccount a : x.accounts()) {
            double crossNotional = 0;
            for (ProtocolSpec.PerpExchange.PerpPosition p : a.positions()) {
                double notional = Math.abs(p.size()) * p.entryPrice();
                // Leverage at entry is capped at 90% of the first tier: 22.5x on ETH, 9x on the token market.
                double cap = p.market().equals("M0") ? 22.5 : 9;
                if (p.mode() == ProtocolSpec.PerpExchange.MarginMode.ISOLATED) {
                    assertThat(notional / p.isolatedMargin().doubleValue()).as(a.id().value()).isLessThan(cap + 1e-6);
                } else {
                    crossNotional += notional;
                }
            }
            if (crossNotional > 0) {
                assertThat(crossNotional / a.crossCollateral().doubleValue()).as(a.id().value())
                        .isLessThan(22.5 + 1e-6);
            }
        }
    }

    @Test
    void theSameSizeAndSeedGiveTheSameEcosystem() {
        GeneratedEcosystem.Size size = GeneratedEcosystem.Size.small();
        assertThat(GeneratedEcosystem.of(size, 11).snapshot()).isEqualTo(GeneratedEcosystem.of(size, 11).snapshot());
        assertThat(GeneratedEcosystem.of(size, 11).snapshot()).isNotEqualTo(GeneratedEcosystem.of(size, 12).snapshot());
    }

    @Test
    void noPerpAccountsMeansNoPerpExchange() {
        GeneratedEcosystem.Generated g = GeneratedEcosystem.of(GeneratedEcosystem.Size.small().withAccounts(60, 0), 7);
        assertThat(g.snapshot().protocols()).noneMatch(p -> p instanceof ProtocolSpec.PerpExchange);
    }
}
