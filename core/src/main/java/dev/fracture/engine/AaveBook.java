package dev.fracture.engine;

import dev.fracture.agent.FlashLoanTerms;
import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidationPlan;
import dev.fracture.agent.Opportunities;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ShortestDecimal;
import dev.fracture.protocol.lending.AaveAccount;
import dev.fracture.protocol.lending.AaveAccountTable;
import dev.fracture.protocol.lending.AaveAccountData;
import dev.fracture.protocol.lending.AaveHealth;
import dev.fracture.protocol.lending.AaveLiquidation;
import dev.fracture.protocol.lending.AaveLiquidationResult;
import dev.fracture.protocol.lending.AaveMarket;
import dev.fracture.protocol.lending.AavePrices;
import dev.fracture.protocol.lending.AaveReserveConfig;
import dev.fracture.protocol.lending.AaveSetup;
import dev.fracture.protocol.lending.AaveTargets;
import dev.fracture.protocol.lending.TokenAmounts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * An Aave v3 pool in a run: accounts checked with the contract's health factor at the oracle prices of the block,
 * liquidated with {@link AaveLiquidation}. A liquidator targets each account's largest collateral against its
 * largest debt, as liquidation bots do. Aave v3.0 leaves debt without collateral on the account; the run books it
 * as bad debt when the account's last collateral is seized.
 */
final class AaveBook implements ProtocolBook {
    /** Gas of a v3 liquidationCall with a swap of the collateral: typical receipts, order of magnitude. */
    static final long LIQUIDATION_GAS = 400_000;

    private final ProtocolId id;
    private final ChainId chain;
    /** The protocol's own parameters, and those in force this block (bonuses changed by mitigations). */
    private final AaveMarket baseMarket;
    private AaveMarket market;
    private LiquidationTerms terms = LiquidationTerms.NONE;
    /**
     * The fast engine's last listing, handed back as it is while nothing it read has changed: no price or parameter
     * moved ({@link #checkEpoch}) and no account was liquidated ({@link #apply}). Null when it must be made afresh.
     */
    private Listing unchanged;
    private final Map<AssetId, OracleId> oracles;
    /**
     * The pool's accounts by slot, held as arrays ({@link AaveAccountTable}): the fast engine checks them there; the
     * reference checks each as its record, made from the arrays.
     */
    private final AaveAccountTable accounts;
    /**
     * Each account's slot, made when a plan first comes without its slot: the engine hands every landing its plan's
     * slot, so a run never makes the map. Made with the book, the maps of a run at 1,000,000 accounts
     * were 57 MB of its state, a quarter ({@code CascadeHeap}: 203 bytes per account with them, 148 without).
     */
    private Map<AccountId, Integer> index;
    private final boolean[] writtenOff;
    private final FlashLoanTerms flash;
    private AavePrices prices;
    /** The run's reference (market) prices, for the debt still waiting to go bad ({@link #underwaterUsd}). */
    private OracleBank.ReferenceView reference = asset -> 0;
    private double badDebtUsd;
    /** The threads a block's exact checks, re-screens, sums and texts are spread over (none: the calling one). */
    private Workers workers = Workers.NONE;
    /** The fast engine's screen in front of the exact check (null: check every account, as the reference does). */
    private AaveHealthScreen screen;
    /** The screen's candidates of the block, ascending (the fast engine only). */
    private int[] candidates;
    /**
     * The fast engine's last exact check of each candidate (by account index): the check reads only the account, the
     * oracle prices and the market's parameters, so while none of them changed — the account was not liquidated
     * since (a liquidation forgets its check) and {@link #checkEpoch} has not moved — its answer stands. On a chain
     * with short blocks the oracles move in few of them, and a position nobody liquidates is checked once per price
     * change instead of once per block. Kept in arrays (the epoch of the check, the opportunity found or null; epoch
     * -1: none to stand): a block's pass over a deep cascade's candidates then reads arrays in order.
     */
    private long[] checkedEpoch;
    private LiquidationOpportunity[] checkedOpportunity;
    /** Grows whenever the prices or the parameters in force differ from the last block's. */
    private long checkEpoch;
    /** The fast engine's last listing made (null: none yet): a position a new one finds again is dated as there. */
    private Listing lastMade;
    /** The {@link #checkEpoch} {@link #lastMade} was made at. */
    private long lastMadeEpoch = -1;
    /** The accounts liquidated since {@link #lastMade} was made, in the order landed (some more than once). */
    private int[] landedSince = new int[16];
    private int landedCount;
    /** The market and prices of {@link #checkEpoch} laid out for the arrays' checks (null until a fast check). */
    private AaveAccountTable.Valuation valuation;
    private long valuationEpoch = -1;
    /** The debt asset, of the market, whose decimals a landing read last ({@link #debtDecimals}). */
    private AssetId lastDebt;
    private AaveMarket lastDebtMarket;
    private int lastDebtDecimals;

    AaveBook(ProtocolId id, ChainId chain, AaveSetup.Table setup) {
        this.id = id;
        this.chain = chain;
        this.baseMarket = setup.market();
        this.market = baseMarket;
        this.oracles = setup.oracles();
        this.accounts = setup.accounts();
        this.writtenOff = new boolean[accounts.size()];
        this.flash = FlashLoanTerms.AAVE_V3;
    }

    @Override
    public ProtocolId id() {
        return id;
    }

    @Override
    public ChainId chain() {
        return chain;
    }

    @Override
    public void useTerms(LiquidationTerms terms) {
        this.terms = terms;
    }

    @Override
    public void observe(OracleBank bank, OracleBank.ReferenceView reference, long now) {
        Map<AssetId, Long> p = new HashMap<>();
        oracles.forEach((asset, oracle) -> p.put(asset, toBase(terms.valuationUsd(asset, bank.usd(oracle, now)))));
        this.reference = reference;
        AavePrices newPrices = new AavePrices(p);
        AaveMarket newMarket = withBonuses(baseMarket, terms);
        if (!newPrices.equals(prices) || !newMarket.equals(market)) {
            checkEpoch++;
            unchanged = null;
        }
        prices = newPrices;
        market = newMarket;
    }

    /**
     * The market with each reserve's liquidation bonus as the terms set it, and the e-mode bonus paid on each
     * collateral of a category as they set it from the category's (the same market when unchanged).
     */
    private static AaveMarket withBonuses(AaveMarket base, LiquidationTerms terms) {
        Map<AssetId, AaveReserveConfig> reserves = null;
        Map<AssetId, Integer> eModeBonuses = null;
        for (AaveReserveConfig r : base.reserves().values()) {
            if (r.eModeCategory() != 0) {
                int categoryBonus = base.eModes().get(r.eModeCategory()).liquidationBonusBps();
                int inForce = terms.bonusBps(r.asset(), categoryBonus);
                if (inForce != categoryBonus) {
                    if (eModeBonuses == null) {
                        eModeBonuses = new HashMap<>();
                    }
                    eModeBonuses.put(r.asset(), inForce);
                }
            }
            int bonus = terms.bonusBps(r.asset(), r.liquidationBonusBps());
            if (bonus != r.liquidationBonusBps()) {
                if (reserves == null) {
                    reserves = new HashMap<>(base.reserves());
                }
                reserves.put(r.asset(), new AaveReserveConfig(r.asset(), r.decimals(), r.ltvBps(),
                        r.liquidationThresholdBps(), bonus, r.liquidationProtocolFeeBps(), r.supplyCap(),
                        r.borrowCap(), r.debtCeiling(), r.borrowableInIsolation(), r.eModeCategory()));
            }
        }
        if (reserves == null && eModeBonuses == null) {
            return base;
        }
        return new AaveMarket(reserves == null ? base.reserves() : reserves, base.eModes(),
                eModeBonuses == null ? Map.of() : eModeBonuses);
    }

    /** The Aave oracle's base currency: USD with 8 decimals. */
    private static long toBase(double usd) {
        return ShortestDecimal.units(usd, AavePrices.BASE_CURRENCY_DECIMALS, RoundingMode.HALF_EVEN).longValueExact();
    }

    @Override
    public void useWorkers(Workers workers) {
        this.workers = workers;
    }

    @Override
    public void useIndex(boolean indexed) {
        unchanged = null;
        lastMade = null;
        landedCount = 0;
        screen = indexed ? new AaveHealthScreen(market, accounts) : null;
        candidates = indexed ? new int[accounts.size()] : null;
        checkedEpoch = indexed ? new long[accounts.size()] : null;
        checkedOpportunity = indexed ? new LiquidationOpportunity[accounts.size()] : null;
        if (indexed) {
            Arrays.fill(checkedEpoch, -1);
        }
    }

    @Override
    public List<LiquidationOpportunity> opportunities(long block) {
        return listing(block).opportunities();
    }

    /** The liquidatable accounts; an account's slot is its index in the pool. */
    @Override
    public Listing listing(long block) {
        if (unchanged != null) {
            return unchanged;
        }
        if (screen == null) {
            // The reference: every account checked, in order.
            ListingSlice all = new ListingSlice();
            for (int i = 0; i < accounts.size(); i++) {
                LiquidationOpportunity o = writtenOff[i] || accounts.debts(i) == 0 ? null
                        : check(accounts.account(i), block);
                if (o != null) {
                    all.add(o, i);
                }
            }
            return ListingSlice.join(List.of(all), accounts.size());
        }
        if (valuationEpoch != checkEpoch) {
            valuation = accounts.valuation(market, prices);
            valuationEpoch = checkEpoch;
        }
        AaveAccountTable.Valuation v = valuation;
        screen.prices(v, workers);
        if (lastMade != null && lastMadeEpoch == checkEpoch) {
            return patched(v, block);
        }
        int n = screen.candidates(candidates);
        // The screen's candidates a slice at a time, on the engine's threads when the book has them: each exact check
        // reads only its account and the block's prices and parameters, each slice writes its own accounts' kept
        // answers, and the slices' finds are joined in candidate order — the listing one thread makes.
        Listing before = lastMade;
        // Most candidates are found (97% at 1,000,000 accounts: the screen lets through only accounts it cannot clear),
        // so the slices write into one pair of arrays.
        ListingSlice.Shared shared = ListingSlice.sharing(n);
        List<ListingSlice> parts = workers.slices(n, (from, to) -> {
            ListingSlice found = shared.slice(from);
            AaveAccountTable.OfferAmounts amounts = new AaveAccountTable.OfferAmounts();
            // The last listing's slots, walked beside the candidates (both ascend) from the slice's first.
            SlotCursor listedBefore = new SlotCursor(before, from < to ? candidates[from] : 0);
            for (int c = from; c < to; c++) {
                int i = candidates[c];
                if (writtenOff[i] || accounts.debts(i) == 0) {
                    continue;
                }
                LiquidationOpportunity o;
                if (checkedEpoch[i] == checkEpoch) {
                    // The same answer, the same object; the desk dates it from the block the position was first seen.
                    o = checkedOpportunity[i];
                } else {
                    // A position of the last listing found again is dated as it was there: the desk dates a position
                    // from the block it was first seen in, and while it stays listed that is its date in the
                    // listing before, so the desk keeps this object instead of making a copy dated so.
                    o = check(i, v, listedBefore.holds(i) ? checkedOpportunity[i].detectedBlock() : block, amounts);
                    checkedEpoch[i] = checkEpoch;
                    checkedOpportunity[i] = o;
                }
                if (o != null) {
                    found.add(o, i);
                }
            }
            return found;
        });
        Listing listing = ListingSlice.join(parts, accounts.size());
        unchanged = listing;
        lastMade = listing;
        lastMadeEpoch = checkEpoch;
        landedCount = 0;
        return listing;
    }

    /**
     * The listing at the same prices and parameters as {@link #lastMade}'s, after liquidations landed: only the
     * accounts liquidated since can answer otherwise — every other account's balances, screen and kept check are what
     * they were, so it is listed as it was, the same object — and each of those is asked as the pass over the
     * candidates asks it. The last listing with those accounts' answers put in their places
     * ({@link ListingSlice#patched}): the listing that pass makes. (At 1,000,000 accounts 759 of a run's 1,233 new Aave
     * listings follow landings alone, and the pass over their 9.3 million candidates read four arrays at each.)
     */
    private Listing patched(AaveAccountTable.Valuation v, long block) {
        int[] landed = Arrays.copyOf(landedSince, landedCount);
        Arrays.sort(landed);
        int count = 0;
        for (int k = 0; k < landed.length; k++) {
            if (k == 0 || landed[k] != landed[k - 1]) {
                landed[count++] = landed[k];
            }
        }
        LiquidationOpportunity[] now = new LiquidationOpportunity[count];
        SlotCursor listedBefore = new SlotCursor(lastMade, count > 0 ? landed[0] : 0);
        AaveAccountTable.OfferAmounts amounts = new AaveAccountTable.OfferAmounts();
        for (int c = 0; c < count; c++) {
            int i = landed[c];
            if (screen.screened(i) == AaveHealthScreen.NOT_LIQUIDATABLE || writtenOff[i] || accounts.debts(i) == 0) {
                continue;
            }
            if (checkedEpoch[i] == checkEpoch) {
                now[c] = checkedOpportunity[i];
            } else {
                now[c] = check(i, v, listedBefore.holds(i) ? checkedOpportunity[i].detectedBlock() : block, amounts);
                checkedEpoch[i] = checkEpoch;
                checkedOpportunity[i] = now[c];
            }
        }
        Listing listing = ListingSlice.patched(lastMade, landed, now, count);
        unchanged = listing;
        lastMade = listing;
        landedCount = 0;
        return listing;
    }


    /**
     * {@link #check(AaveAccount, long)} of account {@code i} from the arrays at {@code v} (this block's market and
     * prices), the same opportunity; from its record when the arrays cannot tell. Where the screen knows the side of
     * the close factor's threshold the account's factor lies on, and that it is liquidatable
     * ({@link AaveHealthScreen#verdict}), the offer is made at a factor standing for that side instead of the exact
     * one: the call reads no more of it. The offer's amounts pass through {@code amounts}, the calling slice's holder.
     */
    private LiquidationOpportunity check(int i, AaveAccountTable.Valuation v, long block,
                                         AaveAccountTable.OfferAmounts amounts) {
        long healthFactor = sidedFactor(i);
        if (healthFactor == AaveAccountTable.NO_ANSWER) {
            healthFactor = accounts.healthFactor(i, v);
        }
        if (healthFactor == AaveAccountTable.NO_ANSWER) {
            return check(accounts.account(i), block);
        }
        if (!AaveAccountTable.liquidatable(healthFactor)) {
            return null;
        }
        int collateral = accounts.largestCollateral(i, v);
        int debt = accounts.largestDebt(i, v);
        if (collateral < 0 || debt < 0) {
            return null;
        }
        AssetId collateralAsset = accounts.collateralAsset(i, collateral);
        AssetId debtAsset = accounts.debtAsset(i, debt);
        int offer = accounts.offer(i, collateral, debt, healthFactor, v, amounts);
        if (offer == AaveAccountTable.CANNOT_TELL) {
            // Beyond the words: the records' forms answer, or fail naming why.
            return Opportunities.aave(id, chain, v.market(), v.prices(), accounts.position(i, collateral, debt),
                    accounts.accountData(i, v), collateralAsset, debtAsset, flash, LIQUIDATION_GAS, block)
                    .orElse(null);
        }
        if (offer == AaveAccountTable.OFFERS_NOTHING) {
            return null;
        }
        return Opportunities.aaveOrNull(id, chain, accounts.id(i), collateralAsset, debtAsset, amounts, flash,
                LIQUIDATION_GAS, block);
    }

    /**
     * The factor standing for account {@code i}'s side of the close factor's threshold where the fast engine's screen
     * knows it is liquidatable and on which side ({@link AaveHealthScreen#verdict}, as of the screen's last prices —
     * those of {@link #valuation} while its epoch stands — and the account's balances); else
     * {@link AaveAccountTable#NO_ANSWER}, and the caller reckons the exact factor.
     */
    private long sidedFactor(int i) {
        if (screen == null) {
            return AaveAccountTable.NO_ANSWER;
        }
        return switch (screen.screened(i)) {
            case AaveHealthScreen.ABOVE_CLOSE_THRESHOLD -> AaveAccountTable.FACTOR_ABOVE_CLOSE_THRESHOLD;
            case AaveHealthScreen.AT_MOST_CLOSE_THRESHOLD -> AaveAccountTable.FACTOR_AT_CLOSE_THRESHOLD;
            default -> AaveAccountTable.NO_ANSWER;
        };
    }

    /** The contract's check of account {@code a} at this block's prices: its opportunity, or null. */
    private LiquidationOpportunity check(AaveAccount a, long block) {
        AaveAccountData data = AaveHealth.DEFAULT.accountData(market, prices, a);
        if (!data.liquidatable()) {
            return null;
        }
        AssetId collateral = AaveTargets.largestCollateral(market, prices, a);
        AssetId debt = AaveTargets.largestDebt(market, prices, a);
        if (collateral == null || debt == null) {
            return null;
        }
        return Opportunities.aave(id, chain, market, prices, a, data, collateral, debt, flash, LIQUIDATION_GAS, block)
                .orElse(null);
    }

    @Override
    public Applied apply(LiquidationPlan plan) {
        return apply(plan, -1);
    }

    /** The slot of {@code account} in the pool ({@link #index}, made on first use). */
    private int slotOf(AccountId account) {
        if (index == null) {
            Map<AccountId, Integer> made = new HashMap<>();
            for (int i = 0; i < accounts.size(); i++) {
                made.put(accounts.id(i), i);
            }
            index = made;
        }
        Integer i = index.get(account);
        if (i == null) {
            throw new IllegalArgumentException("no Aave account " + account + " in " + id);
        }
        return i;
    }

    /**
     * The plan's account is the one at {@code slot} when that slot holds it (the listing's slot the plan was made
     * from): looking an account up among a million, a few reads from memory the processor has not cached, took a
     * third of the landing thread's time in Aave's liquidations at 1,000,000 accounts.
     */
    @Override
    public Applied apply(LiquidationPlan plan, int slot) {
        LiquidationOpportunity o = plan.opportunity();
        int i = slot >= 0 && slot < accounts.size() && accounts.id(slot).equals(o.account()) ? slot
                : slotOf(o.account());
        int debtDecimals = debtDecimals(o.debtAsset());
        // The plan's amount came from whole units through a double: the nearest unit is the one meant (the
        // protocol caps what it takes anyway).
        BigInteger repay = ShortestDecimal.units(plan.repay(), debtDecimals, RoundingMode.HALF_EVEN);
        if (repay.signum() <= 0) {
            return new Applied(0, 0, 0);
        }
        // The fast engine liquidates in the arrays, at the market and prices its checks were laid out at (equal to
        // the block's while the check epoch stands): the same amounts and account after it, no record made — at the
        // factor standing for the account's side where the screen knows it, as the check. Where the arrays cannot
        // tell, and in the reference, the account's record is liquidated and written back.
        AaveAccountTable.Liquidated inPlace = valuation != null && valuationEpoch == checkEpoch
                ? accounts.liquidate(i, o.collateralAsset(), o.debtAsset(), repay, valuation, sidedFactor(i)) : null;
        double repaid;
        double toLiquidator;
        if (inPlace != null) {
            repaid = inPlace.debtRepaidTokens();
            toLiquidator = inPlace.collateralToLiquidatorTokens();
        } else {
            int collDecimals = market.reserve(o.collateralAsset(), "collateral").decimals();
            AaveLiquidationResult r = AaveLiquidation.DEFAULT.liquidate(market, prices, accounts.account(i),
                    o.collateralAsset(), o.debtAsset(), repay);
            accounts.set(i, r.accountAfter());
            repaid = TokenAmounts.nearest(r.debtRepaid(), debtDecimals);
            toLiquidator = TokenAmounts.nearest(r.collateralToLiquidator(), collDecimals);
        }
        unchanged = null;
        if (screen != null) {
            screen.update(market, i, accounts);
            checkedEpoch[i] = -1;
            if (landedCount == landedSince.length) {
                landedSince = Arrays.copyOf(landedSince, landedCount * 2);
            }
            landedSince[landedCount++] = i;
        }
        double bad = 0;
        if (!accounts.hasCollateral(i) && !accounts.owesNothing(i)) {
            writtenOff[i] = true;
            bad = debtUsd(i, prices::price, 1e-8);
            badDebtUsd += bad;
        }
        return new Applied(repaid, toLiquidator, bad);
    }

    /**
     * The decimals of the market's reserve of {@code debt}, failing as the market's lookup does for an asset it lacks.
     * The last asset's are kept (asset ids are one object per id): a block lands its liquidations pair after pair, and
     * a lookup by the id's hash was 7% of the landing thread's time in Aave's liquidations at 1,000,000 accounts.
     */
    private int debtDecimals(AssetId debt) {
        if (debt != lastDebt || market != lastDebtMarket) {
            lastDebtDecimals = market.reserve(debt, "debt").decimals();
            lastDebt = debt;
            lastDebtMarket = market;
        }
        return lastDebtDecimals;
    }

    /** Account {@code i}'s debts: each one's tokens × {@code price} × {@code scale}, summed in its order. */
    private double debtUsd(int i, java.util.function.ToDoubleFunction<AssetId> price, double scale) {
        double usd = 0;
        for (int j = 0; j < accounts.debts(i); j++) {
            usd += accounts.debtTokens(i, j) * price.applyAsDouble(accounts.debtAsset(i, j)) * scale;
        }
        return usd;
    }

    /** Account {@code i}'s collaterals: each one's tokens × {@code price} × {@code scale}, summed in its order. */
    private double collateralUsd(int i, java.util.function.ToDoubleFunction<AssetId> price, double scale) {
        double usd = 0;
        for (int j = 0; j < accounts.collaterals(i); j++) {
            usd += accounts.collateralTokens(i, j) * price.applyAsDouble(accounts.collateralAsset(i, j)) * scale;
        }
        return usd;
    }

    /** At the oracle prices of the block (8 decimals), USD. */
    @Override
    public double debtUsd() {
        return sum(i -> writtenOff[i] ? 0 : debtUsd(i, prices::price, 1e-8));
    }

    /** At the oracle prices of the block (8 decimals), USD. */
    @Override
    public double collateralUsd() {
        return sum(i -> collateralUsd(i, prices::price, 1e-8));
    }

    /**
     * The sum over the accounts, in account order, of {@code addend}: each account's term made on the engine's
     * threads when the book has them, the sum on this one — the same bits as one loop (an account left out adds
     * +0.0, which leaves a sum begun at +0.0 unchanged).
     */
    private double sum(java.util.function.IntToDoubleFunction addend) {
        double[] terms = new double[accounts.size()];
        workers.slices(accounts.size(), (from, to) -> {
            for (int i = from; i < to; i++) {
                terms[i] = addend.applyAsDouble(i);
            }
            return to;
        });
        double usd = 0;
        for (double term : terms) {
            usd += term;
        }
        return usd;
    }

    /** Accounts whose bytes are held at once while the digest is made. */
    private static final int DIGEST_BATCH = 1 << 18;

    /**
     * Each account and whether it was written off, in account order ({@link #write}). The bytes are written a batch
     * of accounts at a time — on the engine's threads when the book has them (the fast engine), else on this one —
     * and fed to the digest in order: the same bytes either way.
     */
    @Override
    public void digest(StateDigest digest) {
        byte[][] names = reserveNames(accounts);
        for (int start = 0; start < accounts.size(); start += DIGEST_BATCH) {
            int first = start;
            digest.addEncoded(workers, Math.min(DIGEST_BATCH, accounts.size() - start), 96,
                    (out, j) -> write(out, accounts, names, first + j, writtenOff[first + j]));
        }
        digest.add(badDebtUsd);
    }

    /**
     * One account for the digest: its id, e-mode category, each collateral (asset, scaled balance, whether used as
     * collateral) and each debt (asset, scaled balance), counted, and whether the book wrote it off. An account the
     * arrays hold is written from them, its reserves' names by index ({@link #reserveNames}), in the same bytes.
     */
    static void write(DigestBytes out, AaveAccountTable accounts, byte[][] reserveNames, int i, boolean writtenOff) {
        out.putText(accounts.id(i).value()).putInt(accounts.eModeCategory(i)).putInt(accounts.collaterals(i));
        if (accounts.isWide(i)) {
            for (int j = 0; j < accounts.collaterals(i); j++) {
                out.putText(accounts.collateralAsset(i, j).value()).putBigInteger(accounts.collateralBalance(i, j))
                        .putBoolean(accounts.usedAsCollateral(i, j));
            }
            out.putInt(accounts.debts(i));
            for (int j = 0; j < accounts.debts(i); j++) {
                out.putText(accounts.debtAsset(i, j).value()).putBigInteger(accounts.debtBalance(i, j));
            }
        } else {
            // The same bytes from the arrays: each reserve's name encoded once, each balance from its two words.
            for (int j = 0; j < accounts.collaterals(i); j++) {
                out.putUtf8(reserveNames[accounts.collateralReserve(i, j)])
                        .putUnsigned(accounts.collateralHighWord(i, j), accounts.collateralLowWord(i, j))
                        .putBoolean(accounts.usedAsCollateral(i, j));
            }
            out.putInt(accounts.debts(i));
            for (int j = 0; j < accounts.debts(i); j++) {
                out.putUtf8(reserveNames[accounts.debtReserve(i, j)])
                        .putUnsigned(accounts.debtHighWord(i, j), accounts.debtLowWord(i, j));
            }
        }
        out.putBoolean(writtenOff);
    }

    /** Each reserve's asset name in UTF-8, by the table's reserve index. */
    static byte[][] reserveNames(AaveAccountTable accounts) {
        byte[][] names = new byte[accounts.reserves()][];
        for (int k = 0; k < names.length; k++) {
            names[k] = accounts.reserveAsset(k).value().getBytes(StandardCharsets.UTF_8);
        }
        return names;
    }

    @Override
    public double badDebtUsd() {
        return badDebtUsd;
    }

    @Override
    public double underwaterUsd() {
        return sum(i -> {
            if (writtenOff[i]) {
                return 0;
            }
            // At the reference prices, scale 1: x × p × 1 is x × p, bit for bit.
            double debt = debtUsd(i, reference::usd, 1);
            return debt > collateralUsd(i, reference::usd, 1) ? debt : 0;
        });
    }
}
