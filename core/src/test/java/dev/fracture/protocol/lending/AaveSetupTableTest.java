package dev.fracture.protocol.lending;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fracture.engine.GeneratedEcosystem;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.model.SnapshotParts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/**
 * A pool's accounts read straight from a snapshot's amounts into the arrays ({@link AaveSetup#table}) against the
 * records {@link AaveSetup#of} converts them to: the same accounts, slot by slot, for generated ecosystems and for
 * amounts written in every form a snapshot may hold; the arrays keep as records the accounts they cannot hold; and a
 * spec the records refuse is refused with the records' message.
 */
class AaveSetupTableTest {
    private static final EcosystemSnapshot SNAPSHOT = SnapshotParts.valid();
    private static final ProtocolSpec.PooledLending AAVE = (ProtocolSpec.PooledLending) SNAPSHOT
            .protocol(ProtocolId.of("aave")).orElseThrow();

    static LongStream seeds() {
        return LongStream.of(3, 17, 20_261_205);
    }

    private static void assertSameAccounts(ProtocolSpec.PooledLending spec, EcosystemSnapshot snapshot) {
        AaveSetup records = AaveSetup.of(spec, snapshot);
        AaveSetup.Table table = AaveSetup.table(spec, snapshot);
        assertThat(table.market()).isEqualTo(records.market());
        assertThat(table.oracles()).isEqualTo(records.oracles());
        AaveAccountTable fromRecords = new AaveAccountTable(records.market(), records.accounts());
        assertThat(table.accounts().size()).isEqualTo(records.accounts().size());
        for (int i = 0; i < records.accounts().size(); i++) {
            assertThat(table.accounts().account(i)).isEqualTo(records.accounts().get(i));
            assertThat(table.accounts().isWide(i)).isEqualTo(fromRecords.isWide(i));
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void aGeneratedEcosystemsPoolsAreTheRecordsAccounts(long seed) {
        EcosystemSnapshot snapshot = GeneratedEcosystem.of(GeneratedEcosystem.Size.small().withAccounts(3_000, 50),
                seed).snapshot();
        int pools = 0;
        for (ProtocolSpec p : snapshot.protocols()) {
            if (p instanceof ProtocolSpec.PooledLending l) {
                assertSameAccounts(l, snapshot);
                pools++;
            }
        }
        assertThat(pools).isPositive();
    }

    private static ProtocolSpec.PooledLending.Account account(String id, int eMode, String eth, String usdc) {
        return new ProtocolSpec.PooledLending.Account(AccountId.of(id), eMode,
                List.of(new ProtocolSpec.PooledLending.Supply(AssetId.of("eth"), new BigDecimal(eth), true)),
                List.of(new ProtocolSpec.Balance(AssetId.of("usdc"), new BigDecimal(usdc))));
    }

    private static ProtocolSpec.PooledLending pool(List<ProtocolSpec.PooledLending.Account> accounts) {
        return new ProtocolSpec.PooledLending(AAVE.id(), AAVE.chain(), AAVE.reserves(), AAVE.eModeCategories(),
                accounts);
    }

    @Test
    void amountsInEveryFormAreTheRecordsUnits() {
        List<ProtocolSpec.PooledLending.Account> accounts = List.of(
                // More decimals than the token's, all zeros past its unit; and a plain one.
                account("trailing-zeros", 0, "1.500000000000000000000", "15000.5"),
                // A negative scale (1000 ETH) and 18 significant digits at the token's full precision.
                account("negative-scale", 1, "1E+3", "123456789012.123456"),
                // 36 significant digits: past what one word scales, converted through the number.
                account("thirty-six-digits", 0, "123456789012345678.123456789012345678", "0"),
                // 2^127 wei: past the arrays' words, kept as the record.
                account("past-the-words", 0, "170141183460469231731.687303715884105728", "1"),
                // An e-mode category the pool does not have: kept as the record.
                account("unknown-category", 7, "1", "1"),
                account("zero", 0, "0", "0.000001"));
        ProtocolSpec.PooledLending spec = pool(accounts);
        assertSameAccounts(spec, SNAPSHOT);
        AaveAccountTable table = AaveSetup.table(spec, SNAPSHOT).accounts();
        // 1.5 ETH = 1.5e18 wei; 1000 ETH = 1e21 wei (past one word); 123,456,789,012.123456 USDC in 6 decimals.
        assertThat(table.collateralBalance(0, 0)).isEqualTo(new BigInteger("1500000000000000000"));
        assertThat(table.collateralBalance(1, 0)).isEqualTo(new BigInteger("1000000000000000000000"));
        assertThat(table.debtBalance(1, 0)).isEqualTo(new BigInteger("123456789012123456"));
        assertThat(table.collateralBalance(2, 0)).isEqualTo(new BigInteger("123456789012345678123456789012345678"));
        assertThat(table.isWide(3)).isTrue();
        assertThat(table.isWide(4)).isTrue();
        assertThat(table.isWide(0) || table.isWide(1) || table.isWide(2) || table.isWide(5)).isFalse();
    }

    @Test
    void aSpecTheRecordsRefuseIsRefusedWithTheirMessage() {
        List<ProtocolSpec.PooledLending> bad = List.of(
                // Finer than a wei.
                pool(List.of(account("fine", 0, "0.0000000000000000001", "1"))),
                // A negative balance.
                pool(List.of(account("negative", 0, "-1", "1"))),
                // The same collateral twice.
                pool(List.of(new ProtocolSpec.PooledLending.Account(AccountId.of("twice"), 0,
                        List.of(new ProtocolSpec.PooledLending.Supply(AssetId.of("eth"), BigDecimal.ONE, true),
                                new ProtocolSpec.PooledLending.Supply(AssetId.of("eth"), BigDecimal.TEN, true)),
                        List.of()))),
                // An asset the snapshot does not have.
                pool(List.of(new ProtocolSpec.PooledLending.Account(AccountId.of("stranger"), 0, List.of(),
                        List.of(new ProtocolSpec.Balance(AssetId.of("nowhere"), BigDecimal.ONE))))));
        for (ProtocolSpec.PooledLending spec : bad) {
            Throwable expected = null;
            try {
                AaveSetup.of(spec, SNAPSHOT);
            } catch (RuntimeException e) {
                expected = e;
            }
            assertThat(expected).as("%s", spec.accounts()).isNotNull();
            assertThatThrownBy(() -> AaveSetup.table(spec, SNAPSHOT))
                    .isInstanceOf(expected.getClass()).hasMessage(expected.getMessage());
        }
    }

    @Test
    void theUnitsInWordsAreTheNumbersUnits() {
        Units units = new Units(SNAPSHOT);
        long[] words = new long[2];
        for (String amount : List.of("0", "1", "0.000000000000000001", "1.5", "1E+3", "1.000000000000000000000",
                "999999999999999999", "123456789012345678.123456789012345678")) {
            BigInteger expected = units.of(AssetId.of("eth"), new BigDecimal(amount));
            assertThat(units.words(AssetId.of("eth"), new BigDecimal(amount), words)).as(amount).isTrue();
            assertThat(UnsignedWide.toBigInteger(words[1], words[0])).as(amount).isEqualTo(expected);
        }
        // Not a whole number of wei, negative, 2^127 wei, an unknown asset: no words.
        assertThat(units.words(AssetId.of("eth"), new BigDecimal("0.0000000000000000001"), words)).isFalse();
        assertThat(units.words(AssetId.of("eth"), new BigDecimal("-1"), words)).isFalse();
        assertThat(units.words(AssetId.of("eth"), new BigDecimal("170141183460469231731.687303715884105728"),
                words)).isFalse();
        assertThat(units.words(AssetId.of("nowhere"), BigDecimal.ONE, words)).isFalse();
    }
}
