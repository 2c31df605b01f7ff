package dev.fracture.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.SnapshotParts;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Herfindahl indexes and the top-10 share, by hand. */
class ConcentrationCalculatorTest {

    private static Position holding(String protocol, String account, double ethUsd) {
        return new Position(ProtocolId.of(protocol), ProtocolKind.AAVE_V3, ChainId.of("ethereum"), "pool",
                AccountId.of(account), List.of(new Position.Leg(AssetId.of("eth"), null, ethUsd, ethUsd * 0.8, 0)), 0);
    }

    private static Concentration of(List<Position> positions) {
        ExposureBook book = ExposureBook.of(SnapshotParts.valid(), positions);
        return ConcentrationCalculator.DEFAULT.concentration(book.project(book.scope(AssetId.of("eth"))));
    }

    @Test
    void hhiOverProtocolsAndOverAccounts() {
        // P1 holds 30 + 20, P2 holds 50: protocol shares 0.5 and 0.5, HHI 0.5; account shares 0.3, 0.2, 0.5, HHI
        // 0.09 + 0.04 + 0.25 = 0.38; three accounts, so the top ten hold everything.
        Concentration c = of(List.of(holding("p1", "a", 30), holding("p1", "b", 20), holding("p2", "c", 50)));
        assertThat(c.totalUsd()).isEqualTo(100);
        assertThat(c.hhiProtocols()).isCloseTo(0.5, within(1e-15));
        assertThat(c.hhiAccounts()).isCloseTo(0.38, within(1e-15));
        assertThat(c.top10Share()).isCloseTo(1, within(1e-15));
        assertThat(c.topAccounts().get(0).holder()).isEqualTo("p2/pool/c");
    }

    @Test
    void topTenOfTwelveEqualAccountsHoldTenTwelfths() {
        List<Position> ps = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            ps.add(holding("p" + (i % 3), "acct-" + i, 10));
        }
        Concentration c = of(ps);
        assertThat(c.top10Share()).isCloseTo(10.0 / 12, within(1e-15));
        // 12 shares of 1/12: HHI = 12 / 144 = 1/12; three protocols of 1/3: HHI = 1/3.
        assertThat(c.hhiAccounts()).isCloseTo(1.0 / 12, within(1e-15));
        assertThat(c.hhiProtocols()).isCloseTo(1.0 / 3, within(1e-15));
    }
}
