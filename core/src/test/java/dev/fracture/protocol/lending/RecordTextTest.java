package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The texts the run's state hash reads of accounts and positions: the form a record's generated {@code toString}
 * gives ({@code Name[component=value, ...]}, values as {@code String.valueOf} writes them), written out by hand.
 */
class RecordTextTest {
    private static final AssetId WETH = AssetId.of("WETH");
    private static final AssetId USDC = AssetId.of("USDC");

    @Test
    void anAaveAccountReadsAsItsRecord() {
        AaveAccount account = new AaveAccount(AccountId.of("0xabc"), 1,
                List.of(new AaveCollateral(WETH, new BigInteger("123456789012345678901234"), true),
                        new AaveCollateral(USDC, BigInteger.ZERO, false)),
                List.of(new AaveDebt(USDC, BigInteger.valueOf(2_500_000_000L))));
        assertThat(account.toString()).isEqualTo("AaveAccount[id=0xabc, eModeCategory=1, collaterals=["
                + "AaveCollateral[asset=WETH, balance=123456789012345678901234, usedAsCollateral=true], "
                + "AaveCollateral[asset=USDC, balance=0, usedAsCollateral=false]], "
                + "debts=[AaveDebt[asset=USDC, balance=2500000000]]]");
        assertThat(new AaveAccount(AccountId.of("a"), 0, List.of(), List.of()).toString())
                .isEqualTo("AaveAccount[id=a, eModeCategory=0, collaterals=[], debts=[]]");
    }

    @Test
    void aMorphoPositionReadsAsItsRecord() {
        assertThat(new MorphoPosition(AccountId.of("b7"), new BigInteger("1000000000000000000000000"),
                BigInteger.valueOf(42)).toString())
                .isEqualTo("MorphoPosition[id=b7, borrowShares=1000000000000000000000000, collateral=42]");
    }
}
