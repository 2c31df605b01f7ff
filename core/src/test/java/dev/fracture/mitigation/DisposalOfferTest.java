package dev.fracture.mitigation;

import static dev.fracture.mitigation.Fixture.ETH;
import static dev.fracture.mitigation.Fixture.LENDER;
import static dev.fracture.mitigation.Fixture.USDC;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.scenario.MitigationSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A mitigation's offer is what its disposal would take and pay, changing nothing (a flash-loan liquidation checks its
 * sale with it before it lands). Worked by hand: 2,000 ETH seized from the lender are sold for USDC with ETH at $2,000
 * (reference) and $1,900 (market), the venues paying $1,500 an ETH for the lot (25% slippage). In turn: the backstop
 * ($1M fund, absorbs slippage over 2%) buys 1,000,000 / 2,000 = 500 ETH at the reference, $1,000,000; the synthetic
 * layer ($2M capacity) 1,000 ETH at the reference, $2,000,000; the auction ($3M committed, start +5%, floor −15%) clears
 * at the market price within [1,700, 2,100], $1,900, and takes the last 500 ETH for $950,000.
 */
class DisposalOfferTest {
    /** A block whose venues pay $1,500 an ETH whatever the size; nothing else is read. */
    private static final BlockView BLOCK = new BlockView() {
        @Override
        public long now() {
            return 60;
        }

        @Override
        public ChainId chain() {
            return Fixture.ETHEREUM;
        }

        @Override
        public long number() {
            return 5;
        }

        @Override
        public double referenceUsd(AssetId asset) {
            return asset.equals(ETH) ? 2000 : 1;
        }

        @Override
        public double marketUsd(AssetId asset) {
            return asset.equals(ETH) ? 1900 : 1;
        }

        @Override
        public double quoteSell(AssetId in, AssetId out, double amount) {
            return amount * 1500;
        }

        @Override
        public double depthUsd(VenueId venue, AssetId asset, AssetId other, double band) {
            throw new AssertionError("not read");
        }

        @Override
        public double sell(AssetId in, AssetId out, double amount) {
            throw new AssertionError("not read");
        }

        @Override
        public void log(String kind, String subject, String detail, double usd) {
        }
    };

    @Test
    void anOfferIsTheDisposalWithoutTakingAnything() {
        MitigationSet set = MitigationSet.of(List.of(new MitigationSpec.Backstop(null, 1_000_000, 0.02),
                new MitigationSpec.SyntheticLiquidityLayer(2_000_000, 3600),
                new MitigationSpec.InternalDutchAuction(LENDER, 3_000_000, 1800, 0.05, 0.15)),
                Fixture.alice("10", "15000").snapshot());
        Disposal offered = set.offer(LENDER, ETH, USDC, 2000, BLOCK);
        assertThat(offered.amount()).isCloseTo(2000, within(1e-9));
        assertThat(offered.proceeds()).isCloseTo(1_000_000 + 2_000_000 + 950_000, within(1e-6));
        assertThat(set.offer(LENDER, ETH, USDC, 2000, BLOCK)).isEqualTo(offered);
        assertThat(set.dispose(LENDER, ETH, USDC, 2000, BLOCK)).isEqualTo(offered);
        // Now the fund and the capacity are spent and $2,050,000 of the auction's capital is left: 2,050,000 / 1,900
        // = 1,078.9 ETH, offered and then taken alike.
        Disposal after = set.offer(LENDER, ETH, USDC, 2000, BLOCK);
        assertThat(after.amount()).isCloseTo(2_050_000 / 1900.0, within(1e-9));
        assertThat(after.proceeds()).isCloseTo(2_050_000, within(1e-6));
        assertThat(set.dispose(LENDER, ETH, USDC, 2000, BLOCK)).isEqualTo(after);
    }
}
