package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.market.ConstantProductPool;
import dev.fracture.market.MathMode;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.model.VenueSpec;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ArbitrageurTest {
    private static final ChainId ETHEREUM = ChainId.of("ethereum");
    private static final AssetId ETH = AssetId.of("eth");
    private static final AssetId USDC = AssetId.of("usdc");
    private static final OracleBank.ReferenceView REFERENCE = a -> a.equals(ETH) ? 2000 : 1;

    private static ConstantProductPool pool(String eth, String usdc) {
        return ConstantProductPool.of(new VenueSpec.ConstantProduct(VenueId.of("pool"), ETHEREUM, ETH, USDC,
                new BigDecimal(eth), new BigDecimal(usdc), 0),
                new Asset(ETH, ETHEREUM, "ETH", 18, new AssetKind.Native(), 2000),
                new Asset(USDC, ETHEREUM, "USDC", 6, new AssetKind.Stablecoin("USD", BigDecimal.ONE), 1), MathMode.FAST);
    }

    /**
     * A fee-free pool of 100 ETH and 190,000 USDC prices ETH at 1,900 against the reference's 2,000: arbitrageurs buy
     * ETH from it with USDC until x·y = 19,000,000 meets y/x = 2,000: x = √9,500 = 97.468 ETH, so they put in
     * 2,000·x − 190,000 = 4,935.9 USDC.
     */
    @Test
    void aPoolBelowTheReferenceIsBoughtBackToIt() {
        ConstantProductPool p = pool("100", "190000");
        double sold = Arbitrageur.pull(p, REFERENCE, 1e9);
        assertThat(sold).isCloseTo(2000 * Math.sqrt(9500) - 190_000, within(1e-6));
        assertThat(p.marginalRate(ETH, USDC)).isCloseTo(2000, within(1e-6));
    }

    /**
     * A pool drained to dust on its USDC side — 10^13 ETH against one unit (10^-6) of USDC, ETH at 10^-19 USDC — is
     * more than 10^16 away from the reference, where 1 − target / rate rounds to exactly 1 (and arbitrage used to
     * leave it there for the rest of the run). A block's trade moves it by the largest share a double holds below 1:
     * 10^-6 · (1 / √(1 − MAX_MOVE) − 1) = 94.9 USDC in, the price up about 10^16-fold; the next block's trade finds
     * it within reach and brings it to the reference: x·y = 10^7, y/x = 2,000, so y = √(2·10^10) = 141,421 USDC.
     */
    @Test
    void aPoolDrainedToDustIsPulledBackOverSuccessiveBlocks() {
        ConstantProductPool p = pool("10000000000000", "0.000001");
        double first = Arbitrageur.pull(p, REFERENCE, 1_000_000);
        assertThat(first).isCloseTo(1e-6 * (1 / Math.sqrt(1 - Arbitrageur.MAX_MOVE) - 1), within(1e-6));
        Arbitrageur.pull(p, REFERENCE, 1_000_000);
        assertThat(p.marginalRate(ETH, USDC)).isCloseTo(2000, within(1e-6));
        assertThat(p.reserve(USDC)).isCloseTo(Math.sqrt(2e10), within(1e-3));
    }
}
