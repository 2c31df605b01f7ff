package dev.fracture.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.protocol.lending.AaveAccount;
import dev.fracture.protocol.lending.AaveAccountTable;
import dev.fracture.protocol.lending.AaveCollateral;
import dev.fracture.protocol.lending.AaveDebt;
import dev.fracture.protocol.lending.AaveEModeCategory;
import dev.fracture.protocol.lending.AaveMarket;
import dev.fracture.protocol.lending.AaveReserveConfig;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * An Aave book's accounts in the state digest ({@link AaveBook#write}): written from the table's arrays, an account's
 * bytes are those its record's fields make as the digest defines them (docs/model.md, "State hash") — id, e-mode
 * category, the collaterals' count and each one's asset, balance and flag, the debts' count and each one's asset and
 * balance, the written-off flag — written here field by field from the record. Random accounts of balances of every
 * width from zero to past 2^127 (which the arrays cannot hold, so the record is read), reserve names in and out of
 * ASCII, and ids that are not ASCII.
 */
class AaveBookDigestTest {
    private static final String[] NAMES = {"WETH", "USDC", "wstETH", "\u20acURC", "cbBTC", "\u00e9th"};

    static LongStream seeds() {
        return LongStream.range(0, 6).map(s -> 0xAA7E_D16L + s * 6_037);
    }

    private static AaveMarket market() {
        List<AaveReserveConfig> reserves = new ArrayList<>();
        for (int a = 0; a < NAMES.length; a++) {
            reserves.add(new AaveReserveConfig(AssetId.of(NAMES[a]), a % 2 == 0 ? 18 : 6, 7_500, 8_000, 10_500, 1_000,
                    0, 0, 0, true, a < 2 ? 1 : 0));
        }
        return AaveMarket.of(reserves, List.of(new AaveEModeCategory(1, 9_000, 9_300, 10_100)));
    }

    /** A balance of any width from 0 to 130 bits: those of 127 bits and more make the account one kept as its record. */
    private static BigInteger balance(SplittableRandom random) {
        int bits = random.nextInt(20) == 0 ? random.nextInt(127, 131) : random.nextInt(0, 127);
        return bits == 0 ? BigInteger.ZERO : new BigInteger(bits, new java.util.Random(random.nextLong()))
                .setBit(bits - 1);
    }

    private static AaveAccount account(SplittableRandom random, int n) {
        List<AaveCollateral> collaterals = new ArrayList<>();
        int first = random.nextInt(NAMES.length);
        int collateralCount = random.nextInt(0, 4);
        int debtCount = random.nextInt(0, 3);
        for (int k = 0; k < collateralCount; k++) {
            collaterals.add(new AaveCollateral(AssetId.of(NAMES[(first + k) % NAMES.length]), balance(random),
                    random.nextInt(5) != 0));
        }
        List<AaveDebt> debts = new ArrayList<>();
        for (int k = 0; k < debtCount; k++) {
            debts.add(new AaveDebt(AssetId.of(NAMES[(first + NAMES.length - 1 - k) % NAMES.length]),
                    balance(random)));
        }
        String id = (random.nextInt(7) == 0 ? "comptes-\u00e0-" : "acct-") + n;
        return new AaveAccount(AccountId.of(id), random.nextInt(3) == 0 ? 1 : 0, collaterals, debts);
    }

    /** The digest's definition of an account, written from its record. */
    private static byte[] defined(AaveAccount a, boolean writtenOff) {
        DigestBytes out = new DigestBytes(64).putText(a.id().value()).putInt(a.eModeCategory())
                .putInt(a.collaterals().size());
        for (AaveCollateral c : a.collaterals()) {
            out.putText(c.asset().value()).putBigInteger(c.balance()).putBoolean(c.usedAsCollateral());
        }
        out.putInt(a.debts().size());
        for (AaveDebt d : a.debts()) {
            out.putText(d.asset().value()).putBigInteger(d.balance());
        }
        return out.putBoolean(writtenOff).toArray();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anAccountFromTheArraysIsWrittenAsItsRecordIsDefined(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<AaveAccount> records = new ArrayList<>();
        for (int n = 0; n < 400; n++) {
            records.add(account(random, n));
        }
        AaveAccountTable table = new AaveAccountTable(market(), records);
        byte[][] names = AaveBook.reserveNames(table);
        int fromArrays = 0;
        for (int i = 0; i < records.size(); i++) {
            boolean writtenOff = random.nextInt(9) == 0;
            DigestBytes out = new DigestBytes(8);
            AaveBook.write(out, table, names, i, writtenOff);
            assertThat(out.toArray()).as("%s", records.get(i)).isEqualTo(defined(records.get(i), writtenOff));
            fromArrays += table.isWide(i) ? 0 : 1;
        }
        // Both paths are taken: most accounts from the arrays, some from their records.
        assertThat(fromArrays).isBetween(200, 399);
    }
}
