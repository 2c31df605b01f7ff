package dev.fracture.engine;

import dev.fracture.agent.FlashLoanTerms;
import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidationPlan;
import dev.fracture.agent.Opportunities;
import dev.fracture.model.AccountId;
import dev.fracture.model.Asset;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolId;
import dev.fracture.model.ShortestDecimal;
import dev.fracture.protocol.lending.MorphoBlue;
import dev.fracture.protocol.lending.MorphoLiquidationResult;
import dev.fracture.protocol.lending.MorphoMarketParams;
import dev.fracture.protocol.lending.MorphoMarketState;
import dev.fracture.protocol.lending.MorphoPosition;
import dev.fracture.protocol.lending.MorphoSetup;
import dev.fracture.protocol.lending.TokenAmounts;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Morpho Blue markets in a run. Each market's oracle prices its collateral in USD; the collateral's price in the
 * loan asset, scaled as Morpho's ORACLE_PRICE_SCALE (1e36, adjusted for decimals), divides by the loan asset's
 * reference price. Liquidations seize collateral with {@link MorphoBlue}; when a position's collateral reaches
 * zero its remaining borrow is realized at once as bad debt against the market's suppliers.
 */
final class MorphoBook implements ProtocolBook {
    /** Gas of Morpho.liquidate with a swap of the collateral: typical receipts, order of magnitude. */
    static final long LIQUIDATION_GAS = 300_000;

    /** Relative margin of the fast engine's screen over Morpho's roundings. */
    static final double MARGIN = 1e-6;
    /** Positions borrowing less than this are always checked exactly. */
    static final double EXACT_BELOW_USD = 10;
    /**
     * Positions borrowing fewer loan-token units than this are always checked exactly, whatever they are worth:
     * Morpho's roundings move the max borrow and the borrow by up to three units together, under {@link #MARGIN} of
     * ten million units, but not of a small borrow in a token of few decimals (2,000 units of a two-decimal
     * stablecoin are 20 USD, and three units of them 1.5e-3).
     */
    static final double EXACT_BELOW_UNITS = 1e7;

    private final ProtocolId id;
    private final ChainId chain;
    private final Market[] markets;
    private double badDebtUsd;
    private LiquidationTerms terms = LiquidationTerms.NONE;
    /**
     * The fast engine's last listing, handed back as it is while nothing it read has changed: no market's price
     * moved and no position was liquidated ({@link #apply}). Null when it must be made afresh.
     */
    private Listing unchanged;
    /**
     * The fast engine's last listing made (null: none yet, or the reference): a position a new one finds again is
     * dated as there.
     */
    private Listing lastMade;
    /** The slots a listing screens ({@link Market#toScreen}), kept from listing to listing. */
    private int[] screenSlots;
    /** Whether the fast engine's screen and kept checks are on ({@link #useIndex}). */
    private boolean indexed;
    /** The fast engine's threads for the exact checks a listing needs (none: the calling thread). */
    private Workers workers = Workers.NONE;

    /** One exact check: the position and market state it read, the price epoch, and its answer (null: none). */
    private record Checked(MorphoPosition position, MorphoMarketState state, long priceEpoch,
                           LiquidationOpportunity opportunity) {
    }

    /** One market's parameters and live state. */
    private static final class Market {
        final MorphoSetup setup;
        final Asset loan;
        final Asset collateral;
        MorphoMarketState state;
        final List<MorphoPosition> positions;
        BigInteger price;
        double collateralUsd;
        double loanUsd;
        /** The collateral's reference (market) price: the debt waiting to go bad is valued at it. */
        double collateralReferenceUsd;
        /** One loan-token unit in tokens, 10^-decimals (the screen's scale, computed once rather than per position). */
        final double loanUnit;
        /** The liquidation incentive factor of the market's LLTV (fixed with it), made once for every check. */
        final BigInteger incentive;
        /**
         * Position of each account in {@link #positions}, made when a plan first comes without its slot (the engine
         * hands each landing its plan's slot, so a run never makes it; a caller without one does): see
         * {@link #slotOf}.
         */
        private Map<AccountId, Integer> slot;
        /** The fast engine's screen: collateral and borrow shares of each position in doubles (null: none). */
        double[] collateralUnits;
        double[] borrowShares;
        /** The positions a block's screen may let through, found without screening all (null: no screen). */
        MorphoScreenIndex index;
        /** Where the index names a block's positions to screen (made on the first listing that asks). */
        private int[] named;
        /** The market's first slot: positions are numbered market after market. */
        int firstSlot;
        /** Grows whenever the oracle's price in loan units differs from the last block's. */
        long priceEpoch;
        /**
         * The fast engine's last exact check of each position (null: none). The check reads only the position, the
         * market's state and its price (positions and states are immutable, replaced when anything moves them), so
         * while the position and the state are the same objects and the price epoch has not moved, its answer
         * stands: on a chain whose oracle moves in few blocks and whose market no liquidation touched, a position
         * nobody liquidates costs one comparison per block instead of Morpho's exact arithmetic.
         */
        Checked[] checked;

        Market(MorphoSetup setup, Asset loan, Asset collateral) {
            this.setup = setup;
            this.loan = loan;
            this.collateral = collateral;
            this.state = setup.state();
            this.loanUnit = Math.pow(10, -loan.decimals());
            this.incentive = MorphoBlue.liquidationIncentiveFactor(setup.params().lltv());
            this.positions = new ArrayList<>(setup.positions());
        }

        /**
         * The position of {@code account} in {@link #positions}, or null: the setup's positions by account, made on
         * first use (a liquidation replaces a position by the same account's, so the setup's order is the list's).
         */
        Integer slotOf(AccountId account) {
            if (slot == null) {
                Map<AccountId, Integer> made = new HashMap<>();
                List<MorphoPosition> initial = setup.positions();
                for (int i = 0; i < initial.size(); i++) {
                    made.put(initial.get(i).id(), i);
                }
                slot = made;
            }
            return slot.get(account);
        }

        void screen(boolean on) {
            checked = on ? new Checked[positions.size()] : null;
            collateralUnits = on ? new double[positions.size()] : null;
            borrowShares = on ? new double[positions.size()] : null;
            index = null;
            for (int i = 0; on && i < positions.size(); i++) {
                rescreen(i);
            }
            index = on ? new MorphoScreenIndex(positions.size()) : null;
        }

        void rescreen(int i) {
            if (collateralUnits != null) {
                collateralUnits[i] = positions.get(i).collateral().doubleValue();
                borrowShares[i] = positions.get(i).borrowShares().doubleValue();
            }
            if (index != null) {
                index.changed(i);
            }
        }

        /**
         * Appends to {@code slots} from {@code n} the slots of the positions this block's screen {@code s} is to be
         * asked of, ascending ({@link MorphoScreenIndex}: a few more than it lets through), or of every position
         * where there is no screen or its inputs bound nothing; returns the new count.
         */
        int toScreen(Screen s, int[] slots, int n) {
            if (index != null && named == null) {
                named = new int[positions.size()];
            }
            int found = index == null ? MorphoScreenIndex.EVERY
                    : index.candidates(collateralUnits, borrowShares, s, loanUsd * loanUnit, named);
            if (found == MorphoScreenIndex.EVERY) {
                for (int i = 0; i < positions.size(); i++) {
                    slots[n++] = firstSlot + i;
                }
                return n;
            }
            for (int c = 0; c < found; c++) {
                slots[n++] = firstSlot + named[c];
            }
            return n;
        }

        MorphoMarketParams params() {
            return setup.params();
        }

        /** The screen's inputs of this block: the price in loan units, the LLTV and the assets per borrow share. */
        Screen screen() {
            return Screen.of(price, params().lltv(), state.totalBorrowAssets(), state.totalBorrowShares());
        }

        /** Whether position {@code i} borrows and the screen lets it through to the exact check. */
        boolean passes(int i, Screen s) {
            return borrowShares[i] != 0 && s.mayBeLiquidatable(collateralUnits[i], borrowShares[i], loanUsd * loanUnit);
        }

        /** Whether the last exact check of position {@code i} read {@code p}, this state and this price. */
        boolean stands(int i, MorphoPosition p) {
            Checked last = checked[i];
            return last != null && last.position() == p && last.state() == state && last.priceEpoch() == priceEpoch;
        }
    }

    /**
     * A market's screen inputs of one block: the oracle's price of one collateral unit in loan units (price / 1e36),
     * the LLTV as a fraction, and the borrow assets per share with Morpho's virtual asset and shares.
     */
    record Screen(double priceInLoan, double lltv, double assetsPerShare) {
        /** The inputs from the oracle's price (scaled by 1e36), the LLTV (a wad) and the market's borrow totals. */
        static Screen of(BigInteger price, BigInteger lltvWad, BigInteger totalBorrowAssets,
                         BigInteger totalBorrowShares) {
            return new Screen(price.doubleValue() * 1e-36, lltvWad.doubleValue() * 1e-18,
                    (totalBorrowAssets.doubleValue() + 1) / (totalBorrowShares.doubleValue() + 1e6));
        }

        /**
         * The fast engine's screen of one position ({@code collateralUnits} of collateral, {@code borrowShares}
         * shares; a loan-token unit worth {@code unitUsd}), false only when it is certainly healthy: its collateral
         * in loan units × LLTV exceeds its borrow by more than {@link #MARGIN}. Morpho Blue's {@code _isHealthy}
         * compares {@code collateral.mulDivDown(price, ORACLE_PRICE_SCALE).wMulDown(lltv)} with
         * {@code borrowShares.toAssetsUp(totalBorrowAssets, totalBorrowShares)}: two floors and a ceiling, each of at
         * most one loan-token unit, so a position that borrows at least {@link #EXACT_BELOW_UNITS} units is decided by
         * the margin; one that borrows fewer units, or less than {@link #EXACT_BELOW_USD}, always goes to the exact
         * check.
         */
        boolean mayBeLiquidatable(double collateralUnits, double borrowShares, double unitUsd) {
            double maxBorrow = collateralUnits * priceInLoan * lltv;
            double borrow = borrowShares * assetsPerShare;
            return borrow < EXACT_BELOW_UNITS || borrow * unitUsd < EXACT_BELOW_USD
                    || maxBorrow < borrow * (1 + MARGIN);
        }
    }

    MorphoBook(ProtocolId id, ChainId chain, List<MorphoSetup> setups, EcosystemSnapshot snapshot) {
        this.id = id;
        this.chain = chain;
        this.markets = new Market[setups.size()];
        for (int i = 0; i < setups.size(); i++) {
            MorphoSetup s = setups.get(i);
            markets[i] = new Market(s, snapshot.asset(s.params().loanToken()).orElseThrow(),
                    snapshot.asset(s.params().collateralToken()).orElseThrow());
            markets[i].firstSlot = i == 0 ? 0 : markets[i - 1].firstSlot + markets[i - 1].positions.size();
        }
    }

    @Override
    public ProtocolId id() {
        return id;
    }

    @Override
    public ChainId chain() {
        return chain;
    }

    /**
     * Mitigations may change how a market values its collateral; its liquidation incentive factor is the contract's
     * function of the LLTV, so bonus changes do not apply to Morpho markets.
     */
    @Override
    public void useTerms(LiquidationTerms terms) {
        this.terms = terms;
    }

    @Override
    public void observe(OracleBank bank, OracleBank.ReferenceView reference, long now) {
        for (Market m : markets) {
            m.collateralUsd = terms.valuationUsd(m.collateral.id(), bank.usd(m.setup.oracle(), now));
            m.loanUsd = reference.usd(m.loan.id());
            m.collateralReferenceUsd = reference.usd(m.collateral.id());
            double inLoan = m.collateralUsd / m.loanUsd;
            BigInteger price = ShortestDecimal.of(inLoan).movePointRight(36 + m.loan.decimals()
                    - m.collateral.decimals()).setScale(0, RoundingMode.FLOOR).toBigIntegerExact();
            if (!price.equals(m.price)) {
                m.price = price;
                m.priceEpoch++;
                unchanged = null;
            }
        }
    }

    @Override
    public void useWorkers(Workers workers) {
        this.workers = workers;
    }

    @Override
    public void useIndex(boolean indexed) {
        this.indexed = indexed;
        unchanged = null;
        lastMade = null;
        for (Market m : markets) {
            m.screen(indexed);
        }
    }

    @Override
    public List<LiquidationOpportunity> opportunities(long block) {
        return listing(block).opportunities();
    }

    /** The liquidatable positions; slots number the positions market after market, in the markets' order. */
    @Override
    public Listing listing(long block) {
        if (unchanged != null) {
            return unchanged;
        }
        int slotCount = 0;
        Screen[] screens = new Screen[markets.length];
        for (int k = 0; k < markets.length; k++) {
            slotCount += markets[k].positions.size();
            screens[k] = markets[k].screen();
        }
        // The slots to screen, market after market, each market's ascending: those its index names (every slot where
        // there is none).
        if (screenSlots == null || screenSlots.length != slotCount) {
            screenSlots = new int[slotCount];
        }
        int[] slots = screenSlots;
        int count = 0;
        for (int k = 0; k < markets.length; k++) {
            count = markets[k].toScreen(screens[k], slots, count);
        }
        // The positions a slice of those slots at a time, on the engine's threads when the book has them (the fast
        // engine): each exact check reads only its position, its market's state and price, each slice writes its own
        // positions' kept answers, and the slices' finds are joined in slot order — the listing one thread makes.
        // After a liquidation in a market every check there is due again (the market's totals convert its
        // positions' borrow shares), which is most of a cascade's checks.
        Listing before = lastMade;
        List<ListingSlice> parts = workers.slices(count, (from, to) -> {
            ListingSlice found = new ListingSlice();
            SlotCursor listedBefore = new SlotCursor(before, from < to ? slots[from] : 0);
            int k = 0;
            for (int c = from; c < to; c++) {
                int slot = slots[c];
                while (slot >= markets[k].firstSlot + markets[k].positions.size()) {
                    k++;
                }
                Market m = markets[k];
                int i = slot - m.firstSlot;
                // The screen reads its own arrays first (a position with no borrow has zero shares there too): the
                // position objects, scattered over the heap, are touched only for the few it lets through.
                if (m.collateralUnits != null && !m.passes(i, screens[k])) {
                    continue;
                }
                MorphoPosition p = m.positions.get(i);
                if (p.borrowShares().signum() == 0) {
                    continue;
                }
                LiquidationOpportunity o;
                if (m.checked != null && m.stands(i, p)) {
                    // The same answer, the same object; the desk dates it from the block the position was first seen.
                    o = m.checked[i].opportunity();
                } else {
                    // A position of the last listing found again is dated as it was there (see AaveBook's listing):
                    // the desk keeps this object instead of making a copy dated from when it was first seen.
                    o = check(m, p, listedBefore.holds(slot) ? m.checked[i].opportunity().detectedBlock() : block);
                    if (m.checked != null) {
                        m.checked[i] = new Checked(p, m.state, m.priceEpoch, o);
                    }
                }
                if (o != null) {
                    found.add(o, slot);
                }
            }
            return found;
        });
        Listing listing = ListingSlice.join(parts, slotCount);
        unchanged = indexed ? listing : null;
        lastMade = indexed ? listing : null;
        return listing;
    }

    /** Morpho's exact check of position {@code p} of market {@code m}: its opportunity, or null. */
    private LiquidationOpportunity check(Market m, MorphoPosition p, long block) {
        return Opportunities.morphoOrNull(id, chain, m.params(), m.state, p, m.price, m.incentive,
                m.loan.decimals(), m.collateral.decimals(), FlashLoanTerms.FREE, LIQUIDATION_GAS, block);
    }

    @Override
    public Applied apply(LiquidationPlan plan) {
        return apply(plan, -1);
    }

    /**
     * The plan's position is the one at {@code slot} when that slot holds the plan's account in a market of the
     * plan's pair (the listing's slot the plan was made from: no lookup of the account); else the account's position
     * in the first market of the pair that holds one.
     */
    @Override
    public Applied apply(LiquidationPlan plan, int slot) {
        LiquidationOpportunity o = plan.opportunity();
        for (Market m : markets) {
            if (slot >= m.firstSlot && slot < m.firstSlot + m.positions.size()) {
                int i = slot - m.firstSlot;
                if (trades(m, o) && m.positions.get(i).id().equals(o.account())) {
                    return apply(plan, m, i);
                }
                break;
            }
        }
        for (Market m : markets) {
            if (!trades(m, o)) {
                continue;
            }
            Integer at = m.slotOf(o.account());
            if (at != null) {
                return apply(plan, m, at);
            }
        }
        throw new IllegalStateException("no Morpho position " + o.account() + " in " + id);
    }

    /** Whether market {@code m} lends the opportunity's debt asset against its collateral. */
    private static boolean trades(Market m, LiquidationOpportunity o) {
        return m.params().collateralToken().equals(o.collateralAsset()) && m.params().loanToken().equals(o.debtAsset());
    }

    /** Applies the plan to position {@code i} of market {@code m}. */
    private Applied apply(LiquidationPlan plan, Market m, int i) {
        MorphoPosition p = m.positions.get(i);
        // The plan's amount came from whole units through a double: the nearest unit is the one meant.
        BigInteger seize = ShortestDecimal.units(plan.collateral(), m.collateral.decimals(), RoundingMode.HALF_EVEN)
                .min(p.collateral());
        if (seize.signum() <= 0) {
            return new Applied(0, 0, 0);
        }
        MorphoLiquidationResult r = seizeOrRepay(m, p, seize);
        unchanged = null;
        m.state = r.stateAfter();
        m.positions.set(i, r.positionAfter());
        m.rescreen(i);
        double bad = TokenAmounts.nearest(r.badDebtAssets(), m.loan.decimals()) * m.loanUsd;
        badDebtUsd += bad;
        return new Applied(TokenAmounts.nearest(r.repaidAssets(), m.loan.decimals()),
                TokenAmounts.nearest(r.seizedAssets(), m.collateral.decimals()), bad);
    }

    /**
     * A seizure that reaches what repaying every share would take repays by shares (seizing all but a sliver by
     * seizedAssets could ask for more shares than the position holds, which the contract would revert).
     */
    private static MorphoLiquidationResult seizeOrRepay(Market m, MorphoPosition p, BigInteger seize) {
        if (seize.compareTo(MorphoBlue.DEFAULT.collateralToRepayAll(m.params(), m.state, p, m.price)) >= 0) {
            return MorphoBlue.DEFAULT.liquidateAll(m.params(), m.state, p, m.price);
        }
        return MorphoBlue.DEFAULT.liquidateBySeizedAssets(m.params(), m.state, p, m.price, seize);
    }

    @Override
    public double debtUsd() {
        double usd = 0;
        for (Market m : markets) {
            for (MorphoPosition p : m.positions) {
                usd += borrowTokens(m, p) * m.loanUsd;
            }
        }
        return usd;
    }

    private static double borrowTokens(Market m, MorphoPosition p) {
        return new BigDecimal(MorphoBlue.toAssetsUp(p.borrowShares(), m.state.totalBorrowAssets(),
                m.state.totalBorrowShares()), m.loan.decimals()).doubleValue();
    }

    @Override
    public double collateralUsd() {
        double usd = 0;
        for (Market m : markets) {
            for (MorphoPosition p : m.positions) {
                usd += TokenAmounts.nearest(p.collateral(), m.collateral.decimals()) * m.collateralUsd;
            }
        }
        return usd;
    }

    @Override
    public void digest(StateDigest digest) {
        for (Market m : markets) {
            digest.add(m.state.toString());
            // Each position's id, borrow shares and collateral, written on the engine's threads when the book has them
            // (DigestBytes), fed in order: the same bytes as writing them here.
            List<MorphoPosition> positions = m.positions;
            digest.addEncoded(workers, positions.size(), 48, (out, i) -> {
                MorphoPosition p = positions.get(i);
                out.putText(p.id().value()).putBigInteger(p.borrowShares()).putBigInteger(p.collateral());
            });
        }
        digest.add(badDebtUsd);
    }

    @Override
    public double badDebtUsd() {
        return badDebtUsd;
    }

    @Override
    public double underwaterUsd() {
        double usd = 0;
        for (Market m : markets) {
            for (MorphoPosition p : m.positions) {
                double debt = borrowTokens(m, p) * m.loanUsd;
                double coll = TokenAmounts.nearest(p.collateral(), m.collateral.decimals())
                        * m.collateralReferenceUsd;
                if (debt > coll) {
                    usd += debt;
                }
            }
        }
        return usd;
    }
}
