package dev.fracture.protocol.lending;

import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The accounts of one Aave v3 pool held as arrays by slot instead of as records: per account its id, e-mode category
 * and how many collaterals and debts it holds; per holding its reserve (an index into the market's reserves, sorted),
 * whether it is enabled as collateral, and its balance in two 64-bit words. The exact account check
 * ({@link #accountData}), the choice of the collateral and debt a liquidator targets ({@link #largestCollateral},
 * {@link #largestDebt}) and what the liquidation call reads ({@link #position}) are made from the arrays, with the
 * arithmetic of the records' forms ({@link FixedWidthHealth}, {@link AaveTargets}) — the same answers to the last unit;
 * so are the health factor as one word ({@link #healthFactor}) and the amounts of the call a liquidator would make
 * ({@link #offer}, the contract's seizure in words: {@link FixedWidthLiquidation}), which a check reads without making
 * a {@code BigInteger}; and a landed liquidation is applied in the arrays with the same seizure ({@link #liquidate}).
 * A table is made from records or from any {@link Source} that gives the accounts holding by holding
 * ({@link AaveSetup#table}: a snapshot's amounts, no record made of an account the arrays hold).
 *
 * <p>Why: a cascade re-checks every liquidatable account at every oracle move (4.6 million exact checks in the
 * benchmark's run of a million accounts). A record account is six objects deep (account, list, holding, number, its
 * words), each a reference to follow into memory the processor has not cached; here a check reads a few entries of
 * arrays in the order of the slots. The arrays also take less heap than the records: the benchmark's run state fell
 * from 366 to 198 bytes per account when the pool's book took them in place of its records.
 *
 * <p>An account the words cannot hold — a balance of 2^127 units or more, a reserve or an e-mode category the market
 * does not have, more than 127 holdings of a kind — is kept as its record ("wide"): every question about it is
 * answered from the record, and its checks return null so that the caller asks the records' forms, which answer or
 * fail as they always do. A liquidation never adds a holding ({@code withBalances} drops the emptied ones), so an
 * account's later states fit the room its first one took; one that would not is kept wide too.
 *
 * <p>Not safe for a write during reads: the owner writes ({@link #set}, {@link #liquidate}) between the passes that
 * read.
 */
public final class AaveAccountTable {
    /** The count that marks a wide account (its record is in {@link #wide}). */
    private static final byte WIDE = -1;
    private static final BigInteger LIMIT = BigInteger.ONE.shiftLeft(127);
    /**
     * A health factor word {@link #offer} may be given for an account known to be liquidatable with its factor above
     * 0.95e18 ({@code CLOSE_FACTOR_HF_THRESHOLD}) without the factor itself: the call reads the factor only through
     * that comparison and the one with 1e18 ({@code LiquidationLogic.executeLiquidationCall} of Aave v3; the close
     * factor is half the debt above the threshold, all of it at or below), so any factor on that side makes the offer
     * this one makes.
     */
    public static final long FACTOR_ABOVE_CLOSE_THRESHOLD =
            AaveLiquidation.CLOSE_FACTOR_HF_THRESHOLD.longValueExact() + 1;
    /** As {@link #FACTOR_ABOVE_CLOSE_THRESHOLD}, for an account known to be liquidatable at a factor of 0.95e18 or less. */
    public static final long FACTOR_AT_CLOSE_THRESHOLD = AaveLiquidation.CLOSE_FACTOR_HF_THRESHOLD.longValueExact();
    /** {@link #healthFactor}'s answer when the arrays cannot tell. */
    public static final long NO_ANSWER = -1;
    private static final long WAD = 1_000_000_000_000_000_000L;

    private final List<AssetId> assets = new ArrayList<>();
    private final Map<AssetId, Integer> assetIndex = new HashMap<>();
    private final int[] decimals;
    private final AccountId[] ids;
    private final byte[] eMode;
    /** Per account, its first holding's entry and how many it holds now (WIDE: see the record). */
    private final int[] collateralStart;
    private final byte[] collateralCount;
    private final int[] debtStart;
    private final byte[] debtCount;
    /** Per entry: the reserve's index, the balance's words, and (collaterals) whether enabled. */
    private final short[] collateralAsset;
    private final boolean[] collateralUsed;
    private final long[] collateralHigh;
    private final long[] collateralLow;
    private final short[] debtAsset;
    private final long[] debtHigh;
    private final long[] debtLow;
    private final Map<Integer, AaveAccount> wide = new HashMap<>();
    /** The e-mode categories of the market the table was made for (an account of another category is wide). */
    private final Map<Integer, AaveEModeCategory> eModes;

    /** The accounts in slot order; the market names the reserves and e-mode categories the arrays can hold. */
    public AaveAccountTable(AaveMarket market, List<AaveAccount> accounts) {
        this(market, new Records(accounts));
    }

    /**
     * The accounts {@code source} gives, in slot order, read holding by holding into the arrays: no record is made of
     * an account the arrays hold, and an account they cannot hold — or one {@code source} cannot give in words — is
     * kept as the record {@code source} makes of it, which fails as the record's checks fail.
     */
    public AaveAccountTable(AaveMarket market, Source source) {
        market.reserves().keySet().stream().sorted().forEach(a -> {
            assetIndex.put(a, assets.size());
            assets.add(a);
        });
        if (assets.size() > Short.MAX_VALUE) {
            throw new IllegalArgumentException("account table: " + assets.size() + " reserves, at most "
                    + Short.MAX_VALUE);
        }
        eModes = market.eModes();
        decimals = new int[assets.size()];
        for (int k = 0; k < decimals.length; k++) {
            decimals[k] = market.reserves().get(assets.get(k)).decimals();
        }
        int n = source.size();
        ids = new AccountId[n];
        eMode = new byte[n];
        collateralStart = new int[n + 1];
        debtStart = new int[n + 1];
        collateralCount = new byte[n];
        debtCount = new byte[n];
        for (int i = 0; i < n; i++) {
            collateralStart[i + 1] = collateralStart[i] + room(source.collaterals(i));
            debtStart[i + 1] = debtStart[i] + room(source.debts(i));
        }
        collateralAsset = new short[collateralStart[n]];
        collateralUsed = new boolean[collateralStart[n]];
        collateralHigh = new long[collateralStart[n]];
        collateralLow = new long[collateralStart[n]];
        debtAsset = new short[debtStart[n]];
        debtHigh = new long[debtStart[n]];
        debtLow = new long[debtStart[n]];
        long[] words = new long[2];
        for (int i = 0; i < n; i++) {
            ids[i] = source.id(i);
            if (!load(i, source, words)) {
                set(i, source.record(i));
            }
        }
    }

    /** The entries reserved for an account of {@code holdings} of a kind: none past what a count byte holds. */
    private static int room(int holdings) {
        return holdings <= Byte.MAX_VALUE ? holdings : 0;
    }

    /**
     * Account {@code i} of {@code source} into its room in the arrays; false when they cannot hold it (a category or
     * reserve the market lacks, a reserve held twice, a balance {@code source} cannot give in words) — its entries
     * then stay unread.
     */
    private boolean load(int i, Source source, long[] words) {
        int category = source.eModeCategory(i);
        if (category != 0 && !eModes.containsKey(category)) {
            return false;
        }
        int collaterals = source.collaterals(i);
        int debts = source.debts(i);
        int c0 = collateralStart[i];
        int d0 = debtStart[i];
        if (collaterals > collateralStart[i + 1] - c0 || debts > debtStart[i + 1] - d0) {
            return false;
        }
        for (int j = 0; j < collaterals; j++) {
            Integer k = assetIndex.get(source.collateralAsset(i, j));
            if (k == null || heldBefore(collateralAsset, c0, j, k) || !source.collateralUnits(i, j, words)) {
                return false;
            }
            collateralAsset[c0 + j] = k.shortValue();
            collateralUsed[c0 + j] = source.usedAsCollateral(i, j);
            collateralLow[c0 + j] = words[0];
            collateralHigh[c0 + j] = words[1];
        }
        for (int j = 0; j < debts; j++) {
            Integer k = assetIndex.get(source.debtAsset(i, j));
            if (k == null || heldBefore(debtAsset, d0, j, k) || !source.debtUnits(i, j, words)) {
                return false;
            }
            debtAsset[d0 + j] = k.shortValue();
            debtLow[d0 + j] = words[0];
            debtHigh[d0 + j] = words[1];
        }
        eMode[i] = (byte) category;
        collateralCount[i] = (byte) collaterals;
        debtCount[i] = (byte) debts;
        return true;
    }

    /** Whether reserve {@code k} is among the {@code count} entries from {@code start} (a record lists none twice). */
    private static boolean heldBefore(short[] reserves, int start, int count, int k) {
        return entryOf(reserves, start, count, k) >= 0;
    }

    /**
     * The accounts a table is made from, read holding by holding in slot order, the holdings in the account's order:
     * for a holder of accounts in another form than records ({@link AaveSetup#table}, a snapshot's amounts).
     */
    public interface Source {
        int size();

        AccountId id(int i);

        int eModeCategory(int i);

        int collaterals(int i);

        AssetId collateralAsset(int i, int j);

        boolean usedAsCollateral(int i, int j);

        /**
         * Collateral {@code j}'s balance in the token's smallest unit into {@code words} (low, high); false when it
         * is not a whole number of units from 0 to 2^127 - 1 (then the table asks for the {@link #record}).
         */
        boolean collateralUnits(int i, int j, long[] words);

        int debts(int i);

        AssetId debtAsset(int i, int j);

        /** Debt {@code j}'s balance into {@code words}, as {@link #collateralUnits} says. */
        boolean debtUnits(int i, int j, long[] words);

        /** Account {@code i} as its record: what the table keeps of an account the arrays cannot hold. */
        AaveAccount record(int i);
    }

    /** Records as a {@link Source}. */
    private record Records(List<AaveAccount> accounts) implements Source {
        @Override
        public int size() {
            return accounts.size();
        }

        @Override
        public AccountId id(int i) {
            return accounts.get(i).id();
        }

        @Override
        public int eModeCategory(int i) {
            return accounts.get(i).eModeCategory();
        }

        @Override
        public int collaterals(int i) {
            return accounts.get(i).collaterals().size();
        }

        @Override
        public AssetId collateralAsset(int i, int j) {
            return accounts.get(i).collaterals().get(j).asset();
        }

        @Override
        public boolean usedAsCollateral(int i, int j) {
            return accounts.get(i).collaterals().get(j).usedAsCollateral();
        }

        @Override
        public boolean collateralUnits(int i, int j, long[] words) {
            return AaveAccountTable.words(accounts.get(i).collaterals().get(j).balance(), words);
        }

        @Override
        public int debts(int i) {
            return accounts.get(i).debts().size();
        }

        @Override
        public AssetId debtAsset(int i, int j) {
            return accounts.get(i).debts().get(j).asset();
        }

        @Override
        public boolean debtUnits(int i, int j, long[] words) {
            return AaveAccountTable.words(accounts.get(i).debts().get(j).balance(), words);
        }

        @Override
        public AaveAccount record(int i) {
            return accounts.get(i);
        }
    }

    /** A balance below 2^127 (a record's are not negative) into {@code words} (low, high); false for a larger one. */
    static boolean words(BigInteger balance, long[] words) {
        if (balance.signum() < 0 || balance.compareTo(LIMIT) >= 0) {
            return false;
        }
        words[0] = balance.longValue();
        words[1] = UnsignedWide.high(balance);
        return true;
    }

    /** Whether the arrays can hold {@code a}: known reserves and category, balances below 2^127, few holdings. */
    private boolean fits(AaveAccount a) {
        if (a.collaterals().size() > Byte.MAX_VALUE || a.debts().size() > Byte.MAX_VALUE
                || (a.eModeCategory() != 0 && !eModes.containsKey(a.eModeCategory()))) {
            return false;
        }
        for (AaveCollateral c : a.collaterals()) {
            if (!assetIndex.containsKey(c.asset()) || c.balance().compareTo(LIMIT) >= 0) {
                return false;
            }
        }
        for (AaveDebt d : a.debts()) {
            if (!assetIndex.containsKey(d.asset()) || d.balance().compareTo(LIMIT) >= 0) {
                return false;
            }
        }
        return true;
    }

    /** How many accounts. */
    public int size() {
        return ids.length;
    }

    public AccountId id(int i) {
        return ids[i];
    }

    /** Whether account {@code i} is held as its record: the arrays' checks return null for it. */
    public boolean isWide(int i) {
        return collateralCount[i] == WIDE;
    }

    /**
     * Account {@code i} now, in place of the one held (the same id): in the arrays when it fits the room of the
     * account's first state, else as its record.
     */
    public void set(int i, AaveAccount a) {
        if (!a.id().equals(ids[i])) {
            throw new IllegalArgumentException("account table: slot " + i + " holds " + ids[i] + ", not " + a.id());
        }
        int collaterals = a.collaterals().size();
        int debts = a.debts().size();
        if (collaterals > collateralStart[i + 1] - collateralStart[i] || debts > debtStart[i + 1] - debtStart[i]
                || !fits(a)) {
            wide.put(i, a);
            collateralCount[i] = WIDE;
            debtCount[i] = WIDE;
            return;
        }
        wide.remove(i);
        eMode[i] = (byte) a.eModeCategory();
        int k = collateralStart[i];
        for (AaveCollateral c : a.collaterals()) {
            collateralAsset[k] = assetIndex.get(c.asset()).shortValue();
            collateralUsed[k] = c.usedAsCollateral();
            collateralHigh[k] = UnsignedWide.high(c.balance());
            collateralLow[k] = c.balance().longValue();
            k++;
        }
        k = debtStart[i];
        for (AaveDebt d : a.debts()) {
            debtAsset[k] = assetIndex.get(d.asset()).shortValue();
            debtHigh[k] = UnsignedWide.high(d.balance());
            debtLow[k] = d.balance().longValue();
            k++;
        }
        collateralCount[i] = (byte) collaterals;
        debtCount[i] = (byte) debts;
    }

    /** Account {@code i} as its record: equal to the one last set. */
    public AaveAccount account(int i) {
        if (isWide(i)) {
            return wide.get(i);
        }
        List<AaveCollateral> collaterals = new ArrayList<>(collaterals(i));
        for (int j = 0; j < collaterals(i); j++) {
            collaterals.add(new AaveCollateral(collateralAsset(i, j), collateralBalance(i, j), usedAsCollateral(i, j)));
        }
        List<AaveDebt> debts = new ArrayList<>(debts(i));
        for (int j = 0; j < debts(i); j++) {
            debts.add(new AaveDebt(debtAsset(i, j), debtBalance(i, j)));
        }
        return new AaveAccount(ids[i], eModeCategory(i), collaterals, debts);
    }

    public int eModeCategory(int i) {
        return isWide(i) ? wide.get(i).eModeCategory() : eMode[i] & 0xFF;
    }

    /** How many collaterals account {@code i} holds, in its order (the record's). */
    public int collaterals(int i) {
        return isWide(i) ? wide.get(i).collaterals().size() : collateralCount[i];
    }

    public AssetId collateralAsset(int i, int j) {
        return isWide(i) ? wide.get(i).collaterals().get(j).asset()
                : assets.get(collateralAsset[collateralStart[i] + j]);
    }

    public boolean usedAsCollateral(int i, int j) {
        return isWide(i) ? wide.get(i).collaterals().get(j).usedAsCollateral() : collateralUsed[collateralStart[i] + j];
    }

    public BigInteger collateralBalance(int i, int j) {
        if (isWide(i)) {
            return wide.get(i).collaterals().get(j).balance();
        }
        int k = collateralStart[i] + j;
        return UnsignedWide.toBigInteger(collateralHigh[k], collateralLow[k]);
    }

    /** The collateral's balance in tokens, {@link TokenAmounts#nearest} with its reserve's decimals. */
    public double collateralTokens(int i, int j) {
        if (isWide(i)) {
            AaveCollateral c = wide.get(i).collaterals().get(j);
            return TokenAmounts.nearest(c.balance(), decimalsOf(c.asset()));
        }
        int k = collateralStart[i] + j;
        return TokenAmounts.nearest(collateralHigh[k], collateralLow[k], decimals[collateralAsset[k]]);
    }

    /** How many debts account {@code i} owes, in its order (the record's). */
    public int debts(int i) {
        return isWide(i) ? wide.get(i).debts().size() : debtCount[i];
    }

    public AssetId debtAsset(int i, int j) {
        return isWide(i) ? wide.get(i).debts().get(j).asset() : assets.get(debtAsset[debtStart[i] + j]);
    }

    public BigInteger debtBalance(int i, int j) {
        if (isWide(i)) {
            return wide.get(i).debts().get(j).balance();
        }
        int k = debtStart[i] + j;
        return UnsignedWide.toBigInteger(debtHigh[k], debtLow[k]);
    }

    /** The debt in tokens, {@link TokenAmounts#nearest} with its reserve's decimals. */
    public double debtTokens(int i, int j) {
        if (isWide(i)) {
            AaveDebt d = wide.get(i).debts().get(j);
            return TokenAmounts.nearest(d.balance(), decimalsOf(d.asset()));
        }
        int k = debtStart[i] + j;
        return TokenAmounts.nearest(debtHigh[k], debtLow[k], decimals[debtAsset[k]]);
    }

    private int decimalsOf(AssetId asset) {
        return decimals[reserveIndex(asset)];
    }

    /** How many reserves the table indexes: the market's, sorted by asset. */
    public int reserves() {
        return assets.size();
    }

    /** The asset of reserve {@code k} among {@link #reserves}. */
    public AssetId reserveAsset(int k) {
        return assets.get(k);
    }

    /**
     * The high word of account {@code i}'s collateral {@code j}'s scaled balance, of an account the arrays hold (not
     * {@link #isWide}): with {@link #collateralLowWord}, the balance without making it a big integer.
     */
    public long collateralHighWord(int i, int j) {
        return collateralHigh[collateralStart[i] + j];
    }

    /** The low word, unsigned, of what {@link #collateralHighWord} reads. */
    public long collateralLowWord(int i, int j) {
        return collateralLow[collateralStart[i] + j];
    }

    /** The high word of account {@code i}'s debt {@code j}'s scaled balance, as {@link #collateralHighWord} says. */
    public long debtHighWord(int i, int j) {
        return debtHigh[debtStart[i] + j];
    }

    /** The low word, unsigned, of what {@link #debtHighWord} reads. */
    public long debtLowWord(int i, int j) {
        return debtLow[debtStart[i] + j];
    }

    /** The index of account {@code i}'s collateral {@code j}'s reserve among {@link #reserves}. */
    public int collateralReserve(int i, int j) {
        return isWide(i) ? reserveIndex(wide.get(i).collaterals().get(j).asset())
                : collateralAsset[collateralStart[i] + j];
    }

    /** The index of account {@code i}'s debt {@code j}'s reserve among {@link #reserves}. */
    public int debtReserve(int i, int j) {
        return isWide(i) ? reserveIndex(wide.get(i).debts().get(j).asset()) : debtAsset[debtStart[i] + j];
    }

    /** A wide account's reserve may be one the market lacks: then no index, and an error naming it. */
    private int reserveIndex(AssetId asset) {
        Integer k = assetIndex.get(asset);
        if (k == null) {
            throw new IllegalArgumentException("account table: unknown reserve " + asset);
        }
        return k;
    }

    /**
     * The market's parameters and the oracle prices laid out by the table's reserve index, for the checks of a block:
     * made once per change of either.
     */
    public Valuation valuation(AaveMarket market, AavePrices prices) {
        AaveReserveConfig[] reserves = new AaveReserveConfig[assets.size()];
        long[] price = new long[assets.size()];
        UnsignedWide.Divisor[] priceDivisor = new UnsignedWide.Divisor[assets.size()];
        for (int k = 0; k < reserves.length; k++) {
            AssetId asset = assets.get(k);
            reserves[k] = market.reserves().get(asset);
            price[k] = prices.prices().containsKey(asset) ? prices.price(asset) : -1;
            priceDivisor[k] = price[k] > 0 ? new UnsignedWide.Divisor(price[k]) : null;
        }
        AaveEModeCategory[] categories = new AaveEModeCategory[256];
        market.eModes().forEach((id, category) -> categories[id] = category);
        return new Valuation(market, prices, reserves, price, priceDivisor, categories);
    }

    /**
     * A market and its prices by the table's reserve index (null, -1: the market has no such reserve, no price for
     * it), each positive price kept with its reciprocal for the seizure's divisions (null where there is none), and
     * its e-mode categories by id.
     */
    public static final class Valuation {
        private final AaveMarket market;
        private final AavePrices prices;
        private final AaveReserveConfig[] reserves;
        private final long[] price;
        private final UnsignedWide.Divisor[] priceDivisor;
        private final AaveEModeCategory[] categories;

        private Valuation(AaveMarket market, AavePrices prices, AaveReserveConfig[] reserves, long[] price,
                          UnsignedWide.Divisor[] priceDivisor, AaveEModeCategory[] categories) {
            this.market = market;
            this.prices = prices;
            this.reserves = reserves;
            this.price = price;
            this.priceDivisor = priceDivisor;
            this.categories = categories;
        }

        public AaveMarket market() {
            return market;
        }

        public AavePrices prices() {
            return prices;
        }

        /** The oracle price (8 decimals) of reserve {@code k} of the table, or -1 when the prices have none. */
        public long price(int k) {
            return price[k];
        }
    }

    /**
     * {@link AaveHealth#accountData} of account {@code i} at {@code v}, from the arrays in words
     * ({@link FixedWidthHealth}, the same operations in the same order): the same data, or null when this form cannot
     * tell — a wide account, a reserve or price {@code v} lacks, a value out of the words' range — and the caller then
     * asks the record ({@link #account}).
     */
    public AaveAccountData accountData(int i, Valuation v) {
        FixedWidthHealth.Sums sums = sums(i, v);
        return sums == null ? null : sums.data();
    }

    /**
     * Account {@code i}'s health factor at {@code v} in one word, from the arrays: {@link #accountData}'s
     * {@code healthFactor} where it is below 2^63, {@link Long#MAX_VALUE} where it is not (no debt, or a factor above
     * 9.2e18), and {@link #NO_ANSWER} where {@link #accountData} gives none. Whether the account is liquidatable (a
     * factor below 1e18) and the close factor a call gets are read from it without making the data's numbers.
     */
    public long healthFactor(int i, Valuation v) {
        FixedWidthHealth.Sums sums = sums(i, v);
        return sums == null ? NO_ANSWER : sums.healthFactorWord();
    }

    /**
     * Whether a health factor {@link #healthFactor} gave is below 1e18 ({@code HEALTH_FACTOR_LIQUIDATION_THRESHOLD}):
     * {@link AaveAccountData#liquidatable}.
     */
    public static boolean liquidatable(long healthFactor) {
        return healthFactor >= 0 && healthFactor < WAD;
    }

    /** Account {@code i}'s sums at {@code v}, or null when the arrays cannot tell (see {@link #accountData}). */
    private FixedWidthHealth.Sums sums(int i, Valuation v) {
        if (isWide(i)) {
            return null;
        }
        AaveEModeCategory category = null;
        if (eMode[i] != 0) {
            category = v.categories[eMode[i] & 0xFF];
            if (category == null) {
                return null;
            }
        }
        FixedWidthHealth.Sums sums = new FixedWidthHealth.Sums();
        for (int k = collateralStart[i], end = k + collateralCount[i]; k < end; k++) {
            AaveReserveConfig r = v.reserves[collateralAsset[k]];
            if (r == null) {
                return null;
            }
            if (!collateralUsed[k] || r.liquidationThresholdBps() == 0) {
                continue;
            }
            long p = v.price[collateralAsset[k]];
            if (p < 0 || !sums.collateral(FixedWidthHealth.valueInBase(collateralHigh[k], collateralLow[k], p,
                    r.decimals()), r, category)) {
                return null;
            }
        }
        for (int k = debtStart[i], end = k + debtCount[i]; k < end; k++) {
            AaveReserveConfig r = v.reserves[debtAsset[k]];
            long p = v.price[debtAsset[k]];
            if (r == null || p < 0
                    || !sums.debt(FixedWidthHealth.valueInBase(debtHigh[k], debtLow[k], p, r.decimals()))) {
                return null;
            }
        }
        return sums;
    }

    /** {@link #offer}'s answer: the call offers its amounts, written into the holder. */
    public static final int OFFERS = 1;
    /** {@link #offer}'s answer: the call offers nothing (no debt, no collateral, or nothing repaid). */
    public static final int OFFERS_NOTHING = 0;
    /** {@link #offer}'s answer: the words cannot tell. */
    public static final int CANNOT_TELL = -1;

    /**
     * What a liquidator reads of a call covering all of account {@code i}'s debt {@code debt} against its collateral
     * {@code collateral} (indices in the account's order) at {@code v}, the account at {@code healthFactor}
     * ({@link #healthFactor}, below 1e18): the debt it repays and the collateral it receives, in tokens — the amounts
     * of {@code Opportunities.aave} from the records' {@link AaveLiquidation#seizure}, to the last unit, reckoned in
     * words ({@link FixedWidthLiquidation}) and written into {@code into} (a holder the caller reuses) where it answers
     * {@link #OFFERS}. {@link #OFFERS_NOTHING} when the call offers nothing (no debt, no collateral, or nothing
     * repaid); {@link #CANNOT_TELL} when the words cannot tell, and the caller then asks the records' forms with
     * {@link #position} and {@link #accountData}, which answer or fail as they always do; {@code into} is then
     * unchanged. A holder rather than a record per answer: a book checks its liquidatable accounts at every oracle
     * move, and a record per check was a fifth of a gigabyte a run at 1,000,000 accounts, dropped as soon as the
     * opportunity was made from it.
     */
    public int offer(int i, int collateral, int debt, long healthFactor, Valuation v, OfferAmounts into) {
        if (isWide(i)) {
            return CANNOT_TELL;
        }
        int c = collateralStart[i] + collateral;
        int d = debtStart[i] + debt;
        if ((debtHigh[d] | debtLow[d]) == 0 || (collateralHigh[c] | collateralLow[c]) == 0) {
            return OFFERS_NOTHING;
        }
        AaveReserveConfig collateralReserve = v.reserves[collateralAsset[c]];
        AaveReserveConfig debtReserve = v.reserves[debtAsset[d]];
        UnsignedWide.Divisor collateralPrice = v.priceDivisor[collateralAsset[c]];
        UnsignedWide.Divisor debtPrice = v.priceDivisor[debtAsset[d]];
        if (collateralReserve == null || debtReserve == null || collateralPrice == null || debtPrice == null) {
            return CANNOT_TELL;
        }
        AaveEModeCategory category = eMode[i] == 0 ? null : v.categories[eMode[i] & 0xFF];
        if (eMode[i] != 0 && category == null) {
            return CANNOT_TELL;
        }
        // The whole debt as the cover: a liquidator sizing the call asks for all of it.
        FixedWidthLiquidation a = FixedWidthLiquidation.ofThread();
        if (!a.seize(healthFactor, debtHigh[d], debtLow[d], debtHigh[d], debtLow[d], collateralHigh[c],
                collateralLow[c], collateralUsed[c], collateralReserve, debtReserve,
                v.market.liquidationBonusBps(category, collateralReserve), collateralPrice, debtPrice)) {
            return CANNOT_TELL;
        }
        if (a.repaysNothing()) {
            return OFFERS_NOTHING;
        }
        into.repayTokens = TokenAmounts.decimal64(a.debtRepaidHigh(), a.debtRepaidLow(), debtReserve.decimals());
        into.receivedTokens = TokenAmounts.decimal64(a.toLiquidatorHigh(), a.toLiquidatorLow(),
                collateralReserve.decimals());
        return OFFERS;
    }

    /**
     * Liquidates account {@code i} in the arrays: a call covering up to {@code debtToCover} units of its debt in
     * {@code debt} against its {@code collateral}, at the market and prices of {@code v} — the amounts of
     * {@link AaveLiquidation#liquidate} ({@link FixedWidthLiquidation}, the contract's seizure in words) and the
     * account after it as {@code AaveAccount.withBalances} leaves it: the two balances less what the call took, a
     * holding it emptied dropped, the others in their order. Returns what moved, in tokens ({@link
     * TokenAmounts#nearest}), or null — the account unchanged — where the words cannot tell: a wide account, an
     * asset it does not hold, a zero balance or debt, an amount of 2^127 units or more, or any case {@link
     * FixedWidthLiquidation} gives no answer for (among them every call that would revert). The caller then
     * liquidates the record, which answers or reverts as it always does.
     */
    public Liquidated liquidate(int i, AssetId collateral, AssetId debt, BigInteger debtToCover, Valuation v) {
        return liquidate(i, collateral, debt, debtToCover, v, NO_ANSWER);
    }

    /**
     * {@link #liquidate(int, AssetId, AssetId, BigInteger, Valuation)} of an account whose health factor at {@code v}
     * the caller knows: {@code knownFactor} is {@link #healthFactor}'s word, or one of
     * {@link #FACTOR_ABOVE_CLOSE_THRESHOLD} and {@link #FACTOR_AT_CLOSE_THRESHOLD} for an account known to be
     * liquidatable on that side of the close factor's threshold (the call reads the factor no further), or
     * {@link #NO_ANSWER} to reckon it here.
     */
    public Liquidated liquidate(int i, AssetId collateral, AssetId debt, BigInteger debtToCover, Valuation v,
                                long knownFactor) {
        if (isWide(i) || debtToCover.signum() <= 0 || debtToCover.bitLength() > 127) {
            return null;
        }
        Integer kc = assetIndex.get(collateral);
        Integer kd = assetIndex.get(debt);
        int c = kc == null ? -1 : entryOf(collateralAsset, collateralStart[i], collateralCount[i], kc);
        int d = kd == null ? -1 : entryOf(debtAsset, debtStart[i], debtCount[i], kd);
        if (c < 0 || d < 0 || (debtHigh[d] | debtLow[d]) == 0 || (collateralHigh[c] | collateralLow[c]) == 0) {
            return null;
        }
        long healthFactor = knownFactor != NO_ANSWER ? knownFactor : healthFactor(i, v);
        AaveReserveConfig collateralReserve = v.reserves[kc];
        AaveReserveConfig debtReserve = v.reserves[kd];
        AaveEModeCategory category = eMode[i] == 0 ? null : v.categories[eMode[i] & 0xFF];
        if (healthFactor == NO_ANSWER || collateralReserve == null || debtReserve == null
                || v.priceDivisor[kc] == null || v.priceDivisor[kd] == null) {
            return null;
        }
        FixedWidthLiquidation a = FixedWidthLiquidation.ofThread();
        if (!a.seize(healthFactor, UnsignedWide.high(debtToCover), debtToCover.longValue(), debtHigh[d], debtLow[d],
                collateralHigh[c], collateralLow[c], collateralUsed[c], collateralReserve, debtReserve,
                v.market.liquidationBonusBps(category, collateralReserve), v.priceDivisor[kc], v.priceDivisor[kd])) {
            return null;
        }
        long collateralLeftLow = collateralLow[c] - a.seizedLow();
        long collateralLeftHigh = collateralHigh[c] - a.seizedHigh()
                - (Long.compareUnsigned(collateralLow[c], a.seizedLow()) < 0 ? 1 : 0);
        long debtLeftLow = debtLow[d] - a.debtRepaidLow();
        long debtLeftHigh = debtHigh[d] - a.debtRepaidHigh()
                - (Long.compareUnsigned(debtLow[d], a.debtRepaidLow()) < 0 ? 1 : 0);
        collateralHigh[c] = collateralLeftHigh;
        collateralLow[c] = collateralLeftLow;
        debtHigh[d] = debtLeftHigh;
        debtLow[d] = debtLeftLow;
        if ((collateralLeftHigh | collateralLeftLow) == 0) {
            dropCollateral(i, c);
        }
        if ((debtLeftHigh | debtLeftLow) == 0) {
            dropDebt(i, d);
        }
        return new Liquidated(TokenAmounts.nearest(a.debtRepaidHigh(), a.debtRepaidLow(), debtReserve.decimals()),
                TokenAmounts.nearest(a.toLiquidatorHigh(), a.toLiquidatorLow(), collateralReserve.decimals()));
    }

    /** The entry of reserve {@code k} among {@code count} holdings from {@code start}, or -1. */
    private static int entryOf(short[] reserves, int start, int count, int k) {
        for (int e = start; e < start + count; e++) {
            if (reserves[e] == k) {
                return e;
            }
        }
        return -1;
    }

    /** Drops account {@code i}'s collateral entry {@code c}, the later ones moved up a place (their order kept). */
    private void dropCollateral(int i, int c) {
        int last = collateralStart[i] + collateralCount[i] - 1;
        System.arraycopy(collateralAsset, c + 1, collateralAsset, c, last - c);
        System.arraycopy(collateralUsed, c + 1, collateralUsed, c, last - c);
        System.arraycopy(collateralHigh, c + 1, collateralHigh, c, last - c);
        System.arraycopy(collateralLow, c + 1, collateralLow, c, last - c);
        collateralCount[i]--;
    }

    /** Drops account {@code i}'s debt entry {@code d}, the later ones moved up a place (their order kept). */
    private void dropDebt(int i, int d) {
        int last = debtStart[i] + debtCount[i] - 1;
        System.arraycopy(debtAsset, d + 1, debtAsset, d, last - d);
        System.arraycopy(debtHigh, d + 1, debtHigh, d, last - d);
        System.arraycopy(debtLow, d + 1, debtLow, d, last - d);
        debtCount[i]--;
    }

    /** What a liquidation in the arrays moved ({@link #liquidate}): the debt repaid and the collateral received. */
    public record Liquidated(double debtRepaidTokens, double collateralToLiquidatorTokens) {
    }

    /** Whether account {@code i} holds a collateral enabled as such with a balance above zero. */
    public boolean hasCollateral(int i) {
        if (isWide(i)) {
            return wide.get(i).collaterals().stream().anyMatch(c -> c.usedAsCollateral() && c.balance().signum() > 0);
        }
        for (int k = collateralStart[i], end = k + collateralCount[i]; k < end; k++) {
            if (collateralUsed[k] && (collateralHigh[k] | collateralLow[k]) != 0) {
                return true;
            }
        }
        return false;
    }

    /** Whether every debt of account {@code i} is zero (or it has none). */
    public boolean owesNothing(int i) {
        if (isWide(i)) {
            return wide.get(i).debts().stream().allMatch(d -> d.balance().signum() == 0);
        }
        for (int k = debtStart[i], end = k + debtCount[i]; k < end; k++) {
            if ((debtHigh[k] | debtLow[k]) != 0) {
                return false;
            }
        }
        return true;
    }

    /**
     * Where {@link #offer} writes a call's amounts, in tokens ({@link TokenAmounts#decimal64}): the debt repaid and
     * the collateral received. One holder per thread of checks, reused check after check.
     */
    public static final class OfferAmounts {
        private double repayTokens;
        private double receivedTokens;

        public double repayTokens() {
            return repayTokens;
        }

        public double receivedTokens() {
            return receivedTokens;
        }
    }

    /**
     * {@link AaveTargets#largestCollateral} of account {@code i} at {@code v}: the index of the collateral (in the
     * account's order), or -1 when none may be liquidated. Only after {@link #accountData} gave data at {@code v}:
     * then every value it compares is in the words' range.
     */
    public int largestCollateral(int i, Valuation v) {
        return largest(collateralStart[i], collateralCount[i], true, v);
    }

    /** {@link AaveTargets#largestDebt} of account {@code i} at {@code v}, as {@link #largestCollateral} says. */
    public int largestDebt(int i, Valuation v) {
        return largest(debtStart[i], debtCount[i], false, v);
    }

    /**
     * Among the {@code count} collateral (or debt) entries from {@code start}, the index (from 0) of the eligible one
     * of largest value, the first among equals, a lone one without valuing it ({@code AaveTargets.largest}'s rule);
     * -1 when none is. Eligible: a collateral enabled, of a balance above zero and a reserve of a threshold above
     * zero; a debt above zero. (A form taking the test and the value as functions made two objects per call, and a
     * check asks this of every liquidatable account.)
     */
    private int largest(int start, int count, boolean collateral, Valuation v) {
        int best = -1;
        long bestValue = -1;
        for (int j = 0; j < count; j++) {
            int k = start + j;
            boolean eligible = collateral
                    ? collateralUsed[k] && (collateralHigh[k] | collateralLow[k]) != 0
                    && v.reserves[collateralAsset[k]].liquidationThresholdBps() != 0
                    : (debtHigh[k] | debtLow[k]) != 0;
            if (!eligible) {
                continue;
            }
            if (best < 0) {
                best = j;
                continue;
            }
            if (bestValue < 0) {
                bestValue = collateral ? collateralValue(start + best, v) : debtValue(start + best, v);
            }
            long value = collateral ? collateralValue(k, v) : debtValue(k, v);
            if (value > bestValue) {
                best = j;
                bestValue = value;
            }
        }
        return best;
    }

    /** The value in base currency of collateral entry {@code k} at {@code v}. */
    private long collateralValue(int k, Valuation v) {
        return FixedWidthHealth.valueInBase(collateralHigh[k], collateralLow[k], v.price[collateralAsset[k]],
                v.reserves[collateralAsset[k]].decimals());
    }

    /** The value in base currency of debt entry {@code k} at {@code v}. */
    private long debtValue(int k, Valuation v) {
        return FixedWidthHealth.valueInBase(debtHigh[k], debtLow[k], v.price[debtAsset[k]],
                v.reserves[debtAsset[k]].decimals());
    }

    /**
     * What a liquidation call against collateral {@code collateral} and debt {@code debt} (indices in the account's
     * order) reads of account {@code i}.
     */
    public AaveLiquidation.Position position(int i, int collateral, int debt) {
        return new AaveLiquidation.Position(ids[i], eModeCategory(i), collateralBalance(i, collateral),
                usedAsCollateral(i, collateral), debtBalance(i, debt));
    }
}
