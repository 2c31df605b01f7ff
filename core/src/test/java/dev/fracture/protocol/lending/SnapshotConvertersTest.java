package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.SnapshotParts;
import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Lending specs of a snapshot converted to the mechanics' integer units; the expected values are worked by hand. */
class SnapshotConvertersTest {
    private static final EcosystemSnapshot SNAPSHOT = SnapshotParts.valid();
    private static final AssetId ETH = AssetId.of("eth");
    private static final AssetId USDC = AssetId.of("usdc");

    private static <T extends ProtocolSpec> T protocol(String id, Class<T> type) {
        return type.cast(SNAPSHOT.protocol(ProtocolId.of(id)).orElseThrow());
    }

    @Test
    void aaveBalancesAreInTheTokensSmallestUnit() {
        AaveSetup aave = AaveSetup.of(protocol("aave", ProtocolSpec.PooledLending.class), SNAPSHOT);
        AaveAccount alice = aave.accounts().get(0);
        // 10 ETH at 18 decimals; 15000.5 USDC at 6 decimals = 15000.5 x 10^6.
        assertThat(alice.collateralBalance(ETH)).isEqualTo(new BigInteger("10000000000000000000"));
        assertThat(alice.debtBalance(USDC)).isEqualTo(BigInteger.valueOf(15_000_500_000L));
        AaveReserveConfig eth = aave.market().reserve(ETH, "test");
        assertThat(eth).isEqualTo(new AaveReserveConfig(ETH, 18, 8050, 8300, 10500, 1000, 0, 0, 0, false, 1));
        assertThat(aave.market().eModes().get(1)).isEqualTo(new AaveEModeCategory(1, 9300, 9500, 10100));
        assertThat(aave.oracles()).containsEntry(USDC, OracleId.of("usdc-usd"));
    }

    @Test
    void morphoSharesStartAtTheVirtualShareRateAndGiveBackTheBorrow() {
        List<MorphoSetup> markets = MorphoSetup.of(protocol("morpho", ProtocolSpec.IsolatedLending.class), SNAPSHOT);
        MorphoSetup market = markets.get(0);
        // 20000 USDC = 2e10 units, x 1e6 virtual shares per unit = 2e16 shares.
        MorphoPosition bob = market.positions().get(0);
        assertThat(bob.borrowShares()).isEqualTo(new BigInteger("20000000000000000"));
        assertThat(bob.collateral()).isEqualTo(new BigInteger("10000000000000000000"));
        assertThat(market.state()).isEqualTo(new MorphoMarketState(new BigInteger("1000000000000"),
                new BigInteger("1000000000000000000"), new BigInteger("20000000000"),
                new BigInteger("20000000000000000")));
        // toAssetsUp(2e16 shares) = ceil(2e16 x (2e10 + 1) / (2e16 + 1e6)) = 2e10 exactly.
        assertThat(MorphoBlue.toAssetsUp(bob.borrowShares(), market.state().totalBorrowAssets(),
                market.state().totalBorrowShares())).isEqualTo(BigInteger.valueOf(20_000_000_000L));
        assertThat(market.params().lltv()).isEqualTo(new BigInteger("860000000000000000"));
    }

    @Test
    void cometBorrowIsANegativeBaseBalanceAndCountsInTotalBorrow() {
        CometSetup comet = CometSetup.of(protocol("comet", ProtocolSpec.CometLending.class), SNAPSHOT);
        CometAccount carol = comet.accounts().get(0);
        // -10000 USDC = -1e10 units; 5 ETH = 5e18 wei; reserves -120.5 USDC = -120500000 units.
        assertThat(carol).isEqualTo(new CometAccount(AccountId.of("carol"), BigInteger.valueOf(-10_000_000_000L),
                Map.of(ETH, new BigInteger("5000000000000000000"))));
        assertThat(comet.state()).isEqualTo(new CometState(BigInteger.valueOf(-120_500_000L), Map.of(),
                BigInteger.ZERO, BigInteger.valueOf(10_000_000_000L)));
        assertThat(comet.market().asset(ETH, "test").borrowCollateralFactor()).isEqualTo(825_000_000_000_000_000L);
        assertThat(comet.market().storeFrontPriceFactor()).isEqualTo(600_000_000_000_000_000L);
        assertThat(comet.market().targetReserves()).isEqualTo(BigInteger.valueOf(5_000_000_000_000L));
    }
}
