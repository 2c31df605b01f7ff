package dev.fracture.engine;

import static dev.fracture.engine.PerpFixture.ETH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec.OptionsDealer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Dealers' re-hedging inside a run, worked by hand. The book: 100 calls on ETH, strike 2,000, 36.5 days (T = 0.1
 * year), flat 80% vol, no rates; a hedge band of 0.01 ETH, so the delta drifting with time alone (4.7e-5 ETH over a
 * minute) trades nothing. ETH steps from 2,000 to 1,980 at t = 60 s on a chain with a block a second.
 *
 * <p>Black–Scholes with r = q = 0: d1 = (ln(S/K) + σ²T/2) / (σ√T). At 2,000 and T = 0.1: d1 = 0.1264911,
 * N(d1) = 0.5503284; at 1,980 a minute later: d1 = 0.0867621, N(d1) = 0.5345697. Gamma at 2,000:
 * n(d1) / (S σ √T) = 0.3957612 / 505.9644 = 0.000782196 per USD.
 */
class OptionsDealerParticipantTest {
    private static EcosystemSnapshot ecosystem(OptionsDealer.Side side) {
        return PerpFixture.snapshot(List.of(new OptionsDealer(ProtocolId.of("dealers"), PerpFixture.CHAIN, ETH, null,
                null, 0, 0.01, 0, 0,
                new OptionsDealer.Surface(List.of(new OptionsDealer.AtmVol(36.5, 0.8)), 0, 0, 0.01),
                List.of(new OptionsDealer.OptionHolding("calls", OptionsDealer.OptionKind.CALL, 2000, 36.5, 100,
                        side)))));
    }

    private static SimulationResult run(EcosystemSnapshot s) {
        return CascadeSimulator.DEFAULT.run(new SimulationSetup(s, 120, 1,
                (a, t) -> a.equals(ETH) ? (t >= 60 ? 1980 : 2000) : a.equals(PerpFixture.USDC) ? 1 : 60000,
                Map.of(), List.of(), 0));
    }

    @Test
    void shortGammaDealersSellTheDropByTheirDeltaChangeCloseToGammaTimesTheMove() {
        SimulationResult r = run(ecosystem(OptionsDealer.Side.SHORT));
        // Short 100 calls: option delta −100 N(d1), hedge +100 N(d1). The drop asks for 100 × (0.5345697 −
        // 0.5503284) = −1.5758719 ETH: a sale. To second order it is −Γ_total × ΔS = −(−100 × 0.000782196) × (−20)
        // = −1.5643925 ETH; the exact revaluation differs by the third-order term, under 1%.
        double trade = 100 * (0.5345696869354308 - 0.5503284057193168);
        assertThat(r.log()).filteredOn(e -> e.kind().equals("dealer-hedge")).singleElement().satisfies(e -> {
            assertThat(e.time()).isEqualTo(60);
            assertThat(e.usd()).isCloseTo(-trade * 1980, within(1e-6));
            assertThat(e.detail()).startsWith("sold 1.575872 eth");
        });
        assertThat(-trade).isCloseTo(100 * 0.000782196 * 20, within(0.01 * 1.5644));
        // The sale is forced selling of ETH (all of it on the reference market: venueShare 0).
        assertThat(r.summary().forcedSalesUsd().get(ETH)).isCloseTo(-trade * 1980, within(1e-6));
        assertThat(r.trace().series("dealerHedgeSold:dealers")[59]).isCloseTo(-trade * 1980, within(1e-6));
        assertThat(r.trace().series("dealerGamma:dealers")[0]).isCloseTo(-100 * 0.000782196, within(1e-7));
        assertThat(r.notSimulated()).isEmpty();
    }

    @Test
    void longGammaDealersBuyTheDropAndAddNoForcedSelling() {
        SimulationResult r = run(ecosystem(OptionsDealer.Side.LONG));
        double trade = -100 * (0.5345696869354308 - 0.5503284057193168);
        assertThat(r.log()).filteredOn(e -> e.kind().equals("dealer-hedge")).singleElement()
                .satisfies(e -> assertThat(e.usd()).isCloseTo(-trade * 1980, within(1e-6)));
        assertThat(r.summary().forcedSalesUsd().getOrDefault(ETH, 0.0)).isZero();
    }
}
