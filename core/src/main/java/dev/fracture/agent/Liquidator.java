package dev.fracture.agent;

import dev.fracture.market.Market;
import dev.fracture.market.Router;
import dev.fracture.model.AssetId;
import dev.fracture.model.Chain;
import java.util.Optional;

/**
 * How a liquidator prices an opportunity and decides. Stateless: it reads the liquidator's profile and ledger, the
 * market and the block's prices, and returns a plan (or nothing); {@link LiquidationRound} decides who lands.
 *
 * <p>The rules, in the order they apply:
 * <ol>
 *   <li><b>Reaction latency</b>: nothing before {@code detectedBlock + reactionLatencyBlocks}.</li>
 *   <li><b>Funding</b>: a flash loan when the liquidator uses them and the opportunity offers one (repaid in the same
 *   transaction, so the collateral must be sold); otherwise its own capital in the debt asset on that chain bounds
 *   the repayment.</li>
 *   <li><b>Size</b>: the repayment that maximizes profit within the protocol's cap, the collateral left and the
 *   funding: profit is concave in size (the bonus grows linearly and slippage faster), so it peaks where the next
 *   unit of collateral sells for exactly what it costs — found from the venues' marginal rates through the
 *   {@link Router}'s legs, or, with quotes that cannot tell them, by golden-section search on the proceeds. Gas is
 *   the same whatever the size, so neither depends on it.</li>
 *   <li><b>Risk rule</b>: if selling would cost more than {@code maxSlippageShareOfBonus} of the bonus, the liquidator
 *   does not sell: with own capital it holds the collateral as inventory while its value stays within
 *   {@code maxInventoryUsd}; otherwise it walks away — this is how liquidators stop when slippage eats the bonus.</li>
 *   <li><b>Gas</b>: the transaction's gas at the chain's base fee plus its own priority fee must fit in what is
 *   left of its per-block gas budget, and the profit after gas must reach {@code minProfitUsd}.</li>
 * </ol>
 * Profit accounting: {@code profit = bonus − slippage − flash-loan fee − gas}, where bonus is the collateral's value
 * at reference prices minus the debt repaid, and slippage is the collateral's value minus what selling it returned.
 */
public final class Liquidator {
    public static final Liquidator DEFAULT = new Liquidator(Router.DEFAULT);

    private static final double GOLDEN = (Math.sqrt(5) - 1) / 2;
    private static final int SEARCH_STEPS = 24;
    /** Relative widening of {@link #cannotPay}'s bounds: venues' marginal rates and the plan's rounding. */
    private static final double BOUND_SLACK = 1e-6;
    /** Relative margin of {@link #planCrowd}'s group profit test: far above the rounding of a few additions. */
    private static final double MARGIN = 1e-9;
    /** Relative margin over {@link SaleQuotes#rateSellingNothing}: far above the rounding of either side. */
    private static final double NOTHING_MARGIN = 1e-9;
    /** Relative widening of {@link SaleQuotes#proceedsBound} in {@link #size}: far above the rounding of a few sums. */
    private static final double CAP_BOUND_MARGIN = 1e-9;
    /** The share of the range below the cap within which a rising profit means "take the cap". */
    private static final double NEAR_CAP = 1e-3;

    private final SaleQuotes quotes;
    public Liquidator(Router router) {
        this(SaleQuotes.routing(router));
    }

    /**
     * A liquidator that sizes its sales with {@code quotes} (e.g. quotes remembered for the planners of one block,
     * {@link RememberedQuotes}: the sizing then costs lookups for every planner after the first). It may be used by
     * as many threads at once as its quotes may: a {@link RememberedQuotes.Reader} is one thread's.
     */
    public Liquidator(SaleQuotes quotes) {
        this.quotes = quotes;
    }

    /** Plans at the chain's snapshot base fee. */
    public Optional<LiquidationPlan> plan(LiquidatorLedger ledger, LiquidationOpportunity o, Market market,
                                          UsdPrices prices, long block) {
        return plan(ledger, o, market, prices, market.chain(o.chain()).gas().baseFeeGwei(), block);
    }

    /**
     * Plans at the block's base fee (gwei), as a scenario's gas-price path sets it: a gas spike raises every
     * liquidation's cost and can push it under the liquidator's minimum profit or over its gas budget.
     */
    public Optional<LiquidationPlan> plan(LiquidatorLedger ledger, LiquidationOpportunity o, Market market,
                                          UsdPrices prices, double baseFeeGwei, long block) {
        if (!(baseFeeGwei >= 0) || Double.isInfinite(baseFeeGwei)) {
            throw new IllegalArgumentException("liquidator: base fee must be a finite number >= 0 gwei (was "
                    + baseFeeGwei + ")");
        }
        LiquidatorProfile p = ledger.profile();
        if (block < o.detectedBlock() + p.reactionLatencyBlocks()) {
            return Optional.empty();
        }
        boolean flash = p.usesFlashLoans() && o.flashLoan().available();
        double cap = o.repayable();
        if (!flash) {
            cap = Math.min(cap, ledger.capital(o.chain(), o.debtAsset()));
        }
        if (!(cap > 0)) {
            return Optional.empty();
        }
        Chain chain = market.chain(o.chain());
        double gasNative = o.gasUnits() * (baseFeeGwei + p.priorityFeeGwei()) * 1e-9;
        if (gasNative > ledger.gasBudgetLeft(o.chain(), block)) {
            return Optional.empty();
        }
        double gasUsd = gasNative * prices.usd(chain.nativeAsset());
        double debtUsd = prices.usd(o.debtAsset());
        double collUsd = prices.usd(o.collateralAsset());
        double room = p.maxInventoryUsd() - ledger.inventoryUsd(prices);
        if (cannotPay(p.minProfitUsd(), room, o, quotes.rateBound(market, o.collateralAsset(), o.debtAsset()), flash,
                cap, debtUsd, collUsd, gasUsd)) {
            return Optional.empty();
        }
        Sale sale = sale(o, market, flash, cap, debtUsd, collUsd);
        return Optional.ofNullable(decide(p.id(), p.priorityFeeGwei(), p.minProfitUsd(), p.maxSlippageShareOfBonus(),
                room, o, flash, cap, sale, debtUsd, collUsd, gasUsd, gasNative, true));
    }

    /**
     * The sale of the collateral seized by the profit-maximizing repayment, valued at the block's prices. What it
     * brings may be known at first only within a bracket ({@link ProceedsBracket}): every test of a sale reads its
     * proceeds through {@link #slippageAbove}, {@link #profitBelow} or {@link #beforeGasShort}, each monotone in them
     * (its operations correctly rounded, so order-keeping), so a test that gives the same answer at both ends of the
     * bracket gives it at the proceeds themselves, and only a test that the bracket leaves open has the router split
     * the sale ({@link #proceeds}). Planning threads and the threads that make a round's winning plans may share a
     * sale: its proceeds, once found, are written for all (a race finds the same bits). They are quoted from the
     * venues as they stand when first read, never from a round's remembered quotes ({@link SaleQuotes#unremembered}):
     * during the planning that is the state every test was answered at; for a flash sale known from its bids, whose
     * plan is made only where it lands ({@link LiquidationRound.Bids#knownFlashSale}), it is the block's state as the
     * sale lands — the sale it then makes — while its decision, amounts and gas are the planning's.
     */
    private static final class Sale {
        private final double repay;
        private final double collateral;
        private final double bonusUsd;
        private final double flashFeeUsd;
        private final double collUsd;
        private final double debtUsd;
        /** The bracket's ends: the proceeds themselves where the sale was quoted at once. */
        private final double floor;
        private final double ceiling;
        /** The proceeds, NaN until quoted. */
        private volatile double proceeds;
        /** Where a bracketed sale is quoted: its seller's quotes unremembered, market, position (null: quoted at once). */
        private final SaleQuotes quotes;
        private final Market market;
        private final LiquidationOpportunity o;

        /** A sale quoted at once: its proceeds known. */
        Sale(double repay, double collateral, double proceeds, double collUsd, double debtUsd, double flashFeeUsd) {
            this(repay, collateral, proceeds, proceeds, proceeds, collUsd, debtUsd, flashFeeUsd, null, null, null);
        }

        /** A sale whose proceeds lie in {@code bracket}, quoted through {@code quotes} when a test needs them. */
        Sale(double repay, double collateral, ProceedsBracket bracket, double collUsd, double debtUsd,
             double flashFeeUsd, SaleQuotes quotes, Market market, LiquidationOpportunity o) {
            this(repay, collateral, Double.NaN, bracket.floor(), bracket.ceiling(), collUsd, debtUsd, flashFeeUsd,
                    quotes, market, o);
        }

        private Sale(double repay, double collateral, double proceeds, double floor, double ceiling, double collUsd,
                     double debtUsd, double flashFeeUsd, SaleQuotes quotes, Market market, LiquidationOpportunity o) {
            this.repay = repay;
            this.collateral = collateral;
            this.proceeds = proceeds;
            this.floor = floor;
            this.ceiling = ceiling;
            this.collUsd = collUsd;
            this.debtUsd = debtUsd;
            // The expressions the sale's figures have always been worked with: the same bits.
            this.bonusUsd = collateral * collUsd - repay * debtUsd;
            this.flashFeeUsd = flashFeeUsd;
            this.quotes = quotes;
            this.market = market;
            this.o = o;
        }

        double repay() {
            return repay;
        }

        double collateral() {
            return collateral;
        }

        double bonusUsd() {
            return bonusUsd;
        }

        double flashFeeUsd() {
            return flashFeeUsd;
        }

        /** What the sale brings of the debt asset, the router's split quoted now if it was not yet. */
        double proceeds() {
            double p = proceeds;
            if (Double.isNaN(p)) {
                p = quotes.proceeds(market, o.collateralAsset(), o.debtAsset(), collateral);
                proceeds = p;
            }
            return p;
        }

        double slippageUsd() {
            return slippageAt(proceeds());
        }

        /** Slippage if the sale brought {@code p}: less the more it brings. */
        private double slippageAt(double p) {
            return collateral * collUsd - p * debtUsd;
        }

        /** Whether the proceeds are not known yet: the tests then try the bracket's ends first. */
        private boolean bracketed() {
            return Double.isNaN(proceeds);
        }

        /** {@code slippageUsd() > limit}. */
        boolean slippageAbove(double limit) {
            if (bracketed()) {
                if (!(slippageAt(floor) > limit)) {
                    return false;
                }
                if (slippageAt(ceiling) > limit) {
                    return true;
                }
            }
            return slippageUsd() > limit;
        }

        /** {@code LiquidationPlan.profit(bonusUsd, slippageUsd(), flashFeeUsd, gasUsd) < minProfit}. */
        boolean profitBelow(double gasUsd, double minProfit) {
            if (bracketed()) {
                if (!(LiquidationPlan.profit(bonusUsd, slippageAt(floor), flashFeeUsd, gasUsd) < minProfit)) {
                    return false;
                }
                if (LiquidationPlan.profit(bonusUsd, slippageAt(ceiling), flashFeeUsd, gasUsd) < minProfit) {
                    return true;
                }
            }
            return LiquidationPlan.profit(bonusUsd, slippageUsd(), flashFeeUsd, gasUsd) < minProfit;
        }

        /**
         * {@link CrowdPlanning#group}'s test that what the sale leaves before gas, b, is short of the least cost
         * {@code cost} of a liquidation: {@code b + MARGIN·(|b| + cost + 1) < cost}. From the bracket: not short when b
         * at its floor already reaches the cost (the margin's term only adds); short when b at its ceiling falls
         * short by more than its own margin's term, twice over (the term shrinks a little as b grows, by far less).
         */
        boolean beforeGasShort(double cost) {
            if (bracketed()) {
                if (bonusUsd - slippageAt(floor) - flashFeeUsd >= cost) {
                    return false;
                }
                double most = bonusUsd - slippageAt(ceiling) - flashFeeUsd;
                if (most + 2 * MARGIN * (Math.abs(most) + cost + 1) < cost) {
                    return true;
                }
            }
            double beforeGas = bonusUsd - slippageUsd() - flashFeeUsd;
            return beforeGas + MARGIN * (Math.abs(beforeGas) + cost + 1) < cost;
        }
    }

    /**
     * The sale of nothing: where no sale pays at the margin. Every reader of a sale whose repayment is not above 0
     * reads that and nothing else (no plan is built from it), so one instance stands for all of them — in a deep
     * cascade most sizings end here, tens of millions in a run.
     */
    private static final Sale NO_SALE = new Sale(0, 0, 0, 0, 0, 0);

    private Sale sale(LiquidationOpportunity o, Market market, boolean flash, double cap, double debtUsd,
                      double collUsd) {
        double input = inputAtBreakEven(o, market, flash);
        double repay = size(o, market, flash, cap, debtUsd, input);
        if (repay == 0) {
            return NO_SALE;
        }
        // Where the sizing stopped at the cap because the sale at its marginal rate would seize more, that sale's
        // collateral: an amount the legs take, the upper end of the cap sale's bracket (ProceedsBracket.around).
        double collateralAtRate = capBelowRate(input, o.collateralPerDebt(), cap) ? input : Double.NaN;
        double collateral = repay * o.collateralPerDebt();
        double flashFeeUsd = flash ? repay * o.flashLoan().feeRate() * debtUsd : 0;
        // A sale capped below the sizing's rate, and not too small for its quotes' rounding, is bracketed from the
        // grid's quotes (remembered, shared by the pair's positions) rather than split: in a deep cascade most
        // positions are capped, each at its own size.
        if (collateralAtRate > collateral && collateral * collUsd >= ProceedsBracket.LEAST_USD
                && quotes.splitsByWaterFilling(market, o.collateralAsset(), o.debtAsset())) {
            ProceedsBracket bracket = ProceedsBracket.around(quotes, market, o.collateralAsset(), o.debtAsset(),
                    collateral, collateralAtRate);
            if (bracket != null) {
                return new Sale(repay, collateral, bracket, collUsd, debtUsd, flashFeeUsd, quotes.unremembered(),
                        market, o);
            }
        }
        return new Sale(repay, collateral, proceeds(market, o, collateral), collUsd, debtUsd, flashFeeUsd);
    }

    /**
     * A liquidator's choice once the sale is sized (the risk rule and the profit test of the class comment): sell, or
     * hold within its inventory room when slippage is too high and it pays with its own capital, or nothing (null).
     * Everything it reads of the liquidator comes in as values, so {@link #plan} and {@link #planCrowd} decide with
     * the very same expressions. Unless {@code make}, a plan is not made: {@link #DECIDED} says there is one (the
     * crowd's bids make only the plans that land, {@link LiquidationRound.Bids#onDemand}).
     */
    private static LiquidationPlan decide(String id, double priorityFeeGwei, double minProfitUsd, double slippageShare,
                                          double roomUsd, LiquidationOpportunity o, boolean flash, double cap,
                                          Sale sale, double debtUsd, double collUsd, double gasUsd, double gasNative,
                                          boolean make) {
        // No sale pays at the margin (repay 0): selling is no way out, as when slippage eats the bonus.
        boolean slippageTooHigh = !(sale.repay() > 0)
                || sale.slippageAbove(slippageShare * Math.max(sale.bonusUsd(), 0));
        if (!slippageTooHigh) {
            // LiquidationPlan.profitUsd, before building the plan: most decisions are "no".
            if (sale.profitBelow(gasUsd, minProfitUsd) || sale.repay() <= 0) {
                return null;
            }
            if (!make) {
                return flash ? DECIDED_FLASH_SALE : DECIDED;
            }
            return new LiquidationPlan(id, o, sale.repay(), sale.collateral(),
                    flash ? LiquidationPlan.Funding.FLASH_LOAN : LiquidationPlan.Funding.OWN_CAPITAL,
                    LiquidationPlan.Disposal.SELL, sale.proceeds(), sale.bonusUsd(), sale.slippageUsd(),
                    sale.flashFeeUsd(), gasUsd, gasNative, priorityFeeGwei);
        }
        if (flash) {
            return null;
        }
        double holdRepay = Math.min(cap, roomUsd / Math.max(o.collateralPerDebt() * collUsd, 1e-300));
        if (!(holdRepay > 0)) {
            return null;
        }
        double collateral = holdRepay * o.collateralPerDebt();
        double bonusUsd = collateral * collUsd - holdRepay * debtUsd;
        // The hold plan's own profitUsd: nothing is sold, so no slippage and no flash fee.
        if (LiquidationPlan.profit(bonusUsd, 0, 0, gasUsd) < minProfitUsd) {
            return null;
        }
        if (!make) {
            return DECIDED;
        }
        return new LiquidationPlan(id, o, holdRepay, collateral, LiquidationPlan.Funding.OWN_CAPITAL,
                LiquidationPlan.Disposal.HOLD, 0, bonusUsd, 0, 0, gasUsd, gasNative, priorityFeeGwei);
    }

    /** {@link #decide}'s answer when it need not make the plan it decided on; never leaves this class. */
    private static final LiquidationPlan DECIDED = new LiquidationPlan("(decided)", null, 0, 0,
            LiquidationPlan.Funding.OWN_CAPITAL, LiquidationPlan.Disposal.HOLD, 0, 0, 0, 0, 0, 0, 0);
    /**
     * {@link #DECIDED} for a flash-funded sale: its repayment and collateral are the sale's it was decided on, which
     * the crowd's bids pass on ({@link LiquidationRound.Bids#knownFlashSale}); never leaves this class.
     */
    private static final LiquidationPlan DECIDED_FLASH_SALE = new LiquidationPlan("(decided flash sale)", null, 0, 0,
            LiquidationPlan.Funding.FLASH_LOAN, LiquidationPlan.Disposal.SELL, 0, 0, 0, 0, 0, 0, 0);

    /**
     * Every member of {@code crowd}'s plan for {@code o}, by member (null where a member plans nothing), or null
     * when no member plans at all: the plans {@link #plan} gives each member, bit for bit, for hundreds of members at
     * the cost of a few. Per group of members funded alike (flash-funded ones when the position offers a flash loan;
     * the others):
     * <ol>
     *   <li>the group is passed over at once when it fails at its most permissive values — the shortest latency, the
     *   largest capital and inventory room, and the least cost of a liquidation among the members old enough to act
     *   (gas at the member's own priority fee plus its minimum profit): too young, nothing to repay, or
     *   {@link #cannotPay}'s profit bounds (with twice its slack) under that cost. Each only gets harder to pass
     *   away from the extreme, so what fails there fails for every member;</li>
     *   <li>otherwise the sale is sized once for the group's cap. When every member that can pay has that cap
     *   (flash-funded members always; own-capital members when each holds none or at least the cap), the group is
     *   still passed over if no member can sell it — slippage over the largest share of the bonus any member
     *   tolerates, or less left before gas than the least cost — and none can hold instead (bound as above);</li>
     *   <li>otherwise each member whose own cap is the group's decides with {@link #plan}'s own checks, its
     *   {@link #cannotPay} and {@code decide}, reading the crowd's flat arrays; a member holding less than the cap
     *   sizes its own sale through {@link #plan}.</li>
     * </ol>
     * The sizing is the one {@link #plan} does. {@link #bidCrowd} makes only the plans that can land.
     */
    public LiquidationPlan[] planCrowd(LiquidatorCrowd crowd, LiquidationOpportunity o, Market market,
                                       UsdPrices prices, long block) {
        checkCrowd(crowd, o, block);
        CrowdPlanning planning = crowdPlanning(pair(crowd, o.collateralAsset(), o.debtAsset(), market, prices), o);
        if (planning == null) {
            return null;
        }
        LiquidationPlan[] plans = null;
        for (int k = 0; k < crowd.size(); k++) {
            LiquidationPlan plan = planning.memberPlan(k, true);
            if (plan != null) {
                if (plans == null) {
                    plans = new LiquidationPlan[crowd.size()];
                }
                plans[k] = plan;
            }
        }
        return plans;
    }

    /**
     * {@code LiquidationRound.Bids.of(planCrowd(crowd, o, market, prices, block))} — the crowd's plans of the highest
     * priority fee, in member order, or null when no member plans — making only those: a round lands one plan per
     * position, one of its highest fee ({@link LiquidationRound#winners}), and in a deep cascade about a hundred
     * members plan each position that pays. Of a group whose cap's sale nobody makes, only the members holding less
     * than the cap can plan (step 3 of {@link #planCrowd}), and they are asked first, whatever their fees. The others
     * are asked by priority fee, highest first, down to the first fee below the best plan found so far (a short
     * member's may be lower than a fee that still plans): only those whose own cap can be positive
     * ({@link LiquidatorCrowd#planners}: flash-funded, or holding some of the debt asset), and at each fee, of a
     * group whose members planning for its cap all turn the position down ({@link CrowdPlanning#levelPassedOver}: one
     * test on the level's extremes), only the members holding less than the cap.
     */
    public LiquidationRound.Bids bidCrowd(LiquidatorCrowd crowd, LiquidationOpportunity o, Market market,
                                          UsdPrices prices, long block) {
        checkCrowd(crowd, o, block);
        return bidCrowd(pair(crowd, o.collateralAsset(), o.debtAsset(), market, prices), o);
    }

    /**
     * {@link #bidCrowd(LiquidatorCrowd, LiquidationOpportunity, Market, UsdPrices, long)} for a position of
     * {@code pair}'s crowd (its chain, its block) trading {@code pair}'s collateral for its debt: what the pair's
     * positions share is read once, in the pair, and a position every group passes over at step 1 of
     * {@link #planCrowd} costs that step's arithmetic and nothing else — in a deep cascade, tens of millions of
     * positions in a run.
     */
    public LiquidationRound.Bids bidCrowd(CrowdPair pair, LiquidationOpportunity o) {
        return bidCrowd(pair, o, LiquidationRound.Bids.positionHash(o));
    }

    /**
     * {@link #bidCrowd(CrowdPair, LiquidationOpportunity)} given the position's hash, which must be
     * {@link LiquidationRound.Bids#positionHash} of {@code o} (see
     * {@link LiquidationRound.Bids#onDemand(LiquidationOpportunity, int, double, LiquidationPlan[], int[],
     * java.util.function.IntFunction)}).
     */
    public LiquidationRound.Bids bidCrowd(CrowdPair pair, LiquidationOpportunity o, int positionHash) {
        pair.check(o);
        CrowdPlanning planning = crowdPlanning(pair, o);
        if (planning == null) {
            return null;
        }
        LiquidatorCrowd crowd = pair.crowd;
        TopPlans tops = new TopPlans();
        boolean byFee = false;
        for (GroupPlanning g : planning.groups) {
            if (g == null || g.passedOver) {
                continue;
            }
            if (g.nobodyAtCap) {
                int[] holders = g.group.holdersByCapital(o.debtAsset());
                for (int h = 0, few = g.group.holdingLessThan(o.debtAsset(), g.cap); h < few; h++) {
                    tops.offer(holders[h], crowd.priorityFee(holders[h]), planning.memberPlan(holders[h], false));
                }
            } else {
                byFee = true;
            }
        }
        if (byFee) {
            // Only members whose own cap can be positive are asked (the others' plans are null), level by level
            // down to the first fee below the best plan found so far — which may be a short member's, found above
            // at a fee lower than a level that still plans.
            GroupPlanning flashGroup = planning.groups[0];
            LiquidatorCrowd.Planners byFeeList = crowd.planners(o.debtAsset(), o.flashLoan().available());
            int[] planners = byFeeList.places;
            for (int step = 0, steps = byFeeList.steps(); step < steps; step++) {
                int level = byFeeList.stepLevel[step];
                double fee = byFeeList.stepFee[step];
                if (tops.size > 0 && Double.compare(fee, tops.fee) < 0) {
                    break;
                }
                // A block of levels each of which the test below would pass over whole is passed over at once
                // (blockPassedOver: each level's test bounded by the block's figures).
                if (step % LiquidatorCrowd.BLOCK == 0 && step + 1 < steps
                        && planning.blockPassedOver(byFeeList, step / LiquidatorCrowd.BLOCK)) {
                    step = byFeeList.blockEnd(step / LiquidatorCrowd.BLOCK) - 1;
                    continue;
                }
                // Each group's test of the level, made when the level's first member at that group's cap is met.
                int flashAtCap = UNTESTED;
                int othersAtCap = UNTESTED;
                // A level every member of which the loop below would pass over — each of a group that plans nothing
                // at its cap, or at its group's cap (the level's least capital of its kind reaches it) where the
                // level's test passes — is passed over whole (the tests are pure: made here or there, the same).
                boolean passedWhole = true;
                for (int kind = 0; kind < 2 && passedWhole; kind++) {
                    double least = byFeeList.stepLeast[kind][step];
                    GroupPlanning g = planning.byKind[kind];
                    if (Double.isNaN(least) || g == null || g.nobodyAtCap) {
                        continue;
                    }
                    if (!(g.flash || least >= g.cap)) {
                        passedWhole = false;
                    } else {
                        int test = g == flashGroup
                                ? (flashAtCap = planning.levelTest(flashAtCap, g, level, fee))
                                : (othersAtCap = planning.levelTest(othersAtCap, g, level, fee));
                        passedWhole = test == PASSED;
                    }
                }
                if (passedWhole) {
                    continue;
                }
                for (int i = byFeeList.stepStart[step], end = byFeeList.stepStart[step + 1]; i < end; i++) {
                    int k = crowd.memberByFee(planners[i]);
                    GroupPlanning g = planning.groupOf(k);
                    if (g == null || g.nobodyAtCap) {
                        continue;
                    }
                    if (planning.atCap(g, k)) {
                        int test = g == flashGroup
                                ? (flashAtCap = planning.levelTest(flashAtCap, g, level, fee))
                                : (othersAtCap = planning.levelTest(othersAtCap, g, level, fee));
                        if (test == PASSED) {
                            continue;
                        }
                    }
                    tops.offer(k, crowd.priorityFee(k), planning.memberPlan(k, false));
                }
            }
        }
        if (tops.size == 0) {
            return null;
        }
        // Every flash-funded sale decided for the group's cap is the flash group's sale (decide, memberPlan).
        GroupPlanning flash = planning.groups[0];
        return tops.bids(o, positionHash, k -> planning.memberPlan(k, true), flash == null ? null : flash.sale);
    }

    /** A fee level's test for one group ({@link CrowdPlanning#levelPassedOver}): not made yet, passed, not passed. */
    private static final int UNTESTED = 0;
    private static final int PASSED = 1;
    private static final int NOT_PASSED = 2;

    /**
     * The plans of the highest fee offered so far, with their members: a plan made, or none yet where
     * {@code decide} was asked only whether there is one, and then whether it is a flash-funded sale.
     */
    private static final class TopPlans {
        private LiquidationPlan[] plans = new LiquidationPlan[2];
        private int[] members = new int[2];
        private boolean[] flashSales = new boolean[2];
        private int size;
        private double fee;

        /**
         * Offers member {@code member}'s plan at its priority fee {@code memberFee} (null: none; DECIDED or
         * DECIDED_FLASH_SALE: one).
         */
        void offer(int member, double memberFee, LiquidationPlan plan) {
            if (plan == null) {
                return;
            }
            int c = size == 0 ? 1 : Double.compare(memberFee, fee);
            if (c < 0) {
                return;
            }
            if (c > 0) {
                size = 0;
                fee = memberFee;
            }
            if (size == plans.length) {
                plans = java.util.Arrays.copyOf(plans, size * 2);
                members = java.util.Arrays.copyOf(members, size * 2);
                flashSales = java.util.Arrays.copyOf(flashSales, size * 2);
            }
            boolean decided = plan == DECIDED || plan == DECIDED_FLASH_SALE;
            plans[size] = decided ? null : plan;
            flashSales[size] = plan == DECIDED_FLASH_SALE;
            members[size++] = member;
        }

        /**
         * The bids of these plans in member order, those not made yet made by {@code maker} when asked; the flash
         * sales decided without being made are {@code flashSale}'s.
         */
        LiquidationRound.Bids bids(LiquidationOpportunity o, int positionHash,
                                   java.util.function.IntFunction<LiquidationPlan> maker, Sale flashSale) {
            // Few plans tie at the top fee, mostly offered in member order: an insertion sort, the arrays alike.
            boolean anyFlashSale = false;
            for (int i = 0; i < size; i++) {
                anyFlashSale |= flashSales[i];
            }
            for (int i = 1; i < size; i++) {
                for (int j = i; j > 0 && members[j - 1] > members[j]; j--) {
                    int m = members[j];
                    members[j] = members[j - 1];
                    members[j - 1] = m;
                    LiquidationPlan p = plans[j];
                    plans[j] = plans[j - 1];
                    plans[j - 1] = p;
                    boolean f = flashSales[j];
                    flashSales[j] = flashSales[j - 1];
                    flashSales[j - 1] = f;
                }
            }
            if (!anyFlashSale) {
                return LiquidationRound.Bids.onDemand(o, positionHash, fee, java.util.Arrays.copyOf(plans, size),
                        java.util.Arrays.copyOf(members, size), maker);
            }
            return LiquidationRound.Bids.onDemand(o, positionHash, fee, java.util.Arrays.copyOf(plans, size),
                    java.util.Arrays.copyOf(members, size), maker, java.util.Arrays.copyOf(flashSales, size),
                    flashSale.repay(), flashSale.collateral());
        }
    }

    private static void checkCrowd(LiquidatorCrowd crowd, LiquidationOpportunity o, long block) {
        if (!o.chain().equals(crowd.chain()) || block != crowd.block()) {
            throw new IllegalArgumentException("liquidator: the crowd is of " + crowd.chain() + " in block "
                    + crowd.block() + ", the position of " + o.chain() + " in block " + block);
        }
    }

    /**
     * The crowd's groups for {@code o}, sized and judged (the steps of {@link #planCrowd}), or null if none can plan
     * — every group's cap nil, or every group passed over at step 1, which is decided here without making anything.
     */
    private CrowdPlanning crowdPlanning(CrowdPair pair, LiquidationOpportunity o) {
        boolean offered = o.flashLoan().available();
        double repayable = o.repayable();
        CrowdPair.GroupView flashUsers = pair.flashUsers(offered);
        CrowdPair.GroupView others = pair.ownCapital(offered);
        double flashCap = groupCap(pair.crowd, flashUsers, true, repayable, o.detectedBlock());
        double othersCap = groupCap(pair.crowd, others, false, repayable, o.detectedBlock());
        if (passedOver(pair, flashUsers, flashCap, others, othersCap, o.collateralPerDebt(), o.gasUnits(),
                o.detectedBlock())) {
            return null;
        }
        CrowdPlanning planning = new CrowdPlanning(pair, o, repayable);
        planning.groups[0] = flashCap > 0 ? planning.group(flashUsers, true, flashCap) : null;
        planning.groups[1] = othersCap > 0 ? planning.group(others, false, othersCap) : null;
        planning.byKind[0] = planning.groupOfKind(false);
        planning.byKind[1] = planning.groupOfKind(true);
        return planning;
    }

    /**
     * Whether {@code pair}'s crowd passes over at once a position of the pair with these terms — every group's cap
     * nil, or every group failing step 1 of {@link #planCrowd} at its extremes — so that
     * {@link #bidCrowd(CrowdPair, LiquidationOpportunity)} answers null for it: the position's repayable amount
     * ({@link LiquidationOpportunity#repayable}), its collateral per debt, its gas, the block it was first seen in and
     * whether it offers a flash loan, and nothing else of it. The fast engine asks this of the positions it keeps
     * these terms of, without reading the positions themselves.
     */
    public boolean passesOver(CrowdPair pair, double repayable, double collateralPerDebt, long gasUnits,
                              long detectedBlock, boolean flashOffered) {
        CrowdPair.GroupView flashUsers = pair.flashUsers(flashOffered);
        CrowdPair.GroupView others = pair.ownCapital(flashOffered);
        return passedOver(pair, flashUsers, groupCap(pair.crowd, flashUsers, true, repayable, detectedBlock), others,
                groupCap(pair.crowd, others, false, repayable, detectedBlock), collateralPerDebt, gasUnits,
                detectedBlock);
    }

    /**
     * True only when {@link #passesOver} answers true for every position of {@code pair} that offers a flash loan
     * as {@code flashOffered} says, repays at most {@code maxRepayable}, seizes at most {@code maxCollateralPerDebt}
     * per unit of debt, costs at least {@code minGasUnits} of gas and was first seen at least every member's latency
     * ago (past it, every age is alike: {@code LiquidatorCrowd.Group.clampedAge}). One test for a whole run of
     * positions, asked at their extremes: {@code PassOverCover} in the engine.
     *
     * <p>Why the extremes bound every such position, expression by expression of {@link #passesOver}: a group's cap
     * never falls as the repayable amount grows; the least cost and the largest room per cost reckoned at the least
     * gas bound those at more gas (each step a correctly rounded product or sum of numbers at least 0, which keeps
     * order); the sale bound of {@link #sellExcluded} is such a sum of products in the cap and the collateral per
     * debt. The hold bound of {@link #holdExcluded} is not: the bonus's share of the collateral's value,
     * {@code (w − debtUsd) / w}, and the hold it buys, {@code min(cap, room / w) · (w − debtUsd)}, rise with the
     * collateral's worth w only in exact arithmetic, each rounded within a few units in the last place; both are
     * taken here at the largest worth and widened by a relative 1e-12, a thousand times those roundings
     * ({@link #holdExcludedForEvery}). Prices, the rate bound and the inputs must be numbers at least 0; anything
     * else answers false, as does any NaN.
     */
    public boolean passesOverEvery(CrowdPair pair, double maxRepayable, double maxCollateralPerDebt, long minGasUnits,
                                   boolean flashOffered) {
        if (!(maxRepayable >= 0) || !(maxCollateralPerDebt >= 0) || !(pair.debtUsd >= 0) || !(pair.collUsd >= 0)
                || !(pair.rateBound >= 0)) {
            return false;
        }
        CrowdPair.GroupView flashUsers = pair.flashUsers(flashOffered);
        CrowdPair.GroupView others = pair.ownCapital(flashOffered);
        // First seen long enough ago that no group's shortest latency holds it back and every age is alike.
        long seenLongAgo = pair.crowd.block() - OLD_ENOUGH_BLOCKS;
        double flashCap = groupCap(pair.crowd, flashUsers, true, maxRepayable, seenLongAgo);
        double othersCap = groupCap(pair.crowd, others, false, maxRepayable, seenLongAgo);
        return (!(flashCap > 0) || everyPassedOver(pair, flashUsers, true, flashCap, maxCollateralPerDebt,
                minGasUnits))
                && (!(othersCap > 0) || everyPassedOver(pair, others, false, othersCap, maxCollateralPerDebt,
                minGasUnits));
    }

    /** An age past every latency a crowd's member may have (latencies are blocks, far fewer than this). */
    private static final long OLD_ENOUGH_BLOCKS = 1L << 40;

    /** {@link #passedOverAtOnce} for every position within the extremes ({@link #passesOverEvery}). */
    private static boolean everyPassedOver(CrowdPair pair, CrowdPair.GroupView g, boolean flash, double cap,
                                           double maxCpd, long minGasUnits) {
        double[] costs = g.costs(minGasUnits, OLD_ENOUGH_BLOCKS);
        double cost = costs[0];
        return sellExcluded(maxCpd, pair.rateBound, cap, pair.debtUsd, pair.collUsd, cost)
                && (flash || holdExcludedForEvery(g.group, maxCpd, pair.rateBound, cap, pair.debtUsd, pair.collUsd,
                cost, costs[1]));
    }

    /** How far the hold bounds at the extremes are widened: far above the few roundings each position's carry. */
    private static final double EVERY_MARGIN = 1e-12;

    /**
     * True only when {@link #holdExcluded} is true for every position whose collateral per debt is at most
     * {@code maxCpd} and cap at most {@code cap}, against a cost at least {@code cost} and a room per cost at most
     * {@code maxRoomPerCost}: its two tests at the largest worth, the bonus's share and the hold each widened by
     * {@link #EVERY_MARGIN}. A position's share, {@code fl(fl(w − d) / w)}, is within two roundings of the exact
     * share at its worth, which is at most the exact share at the largest worth, itself within two roundings of the
     * share computed there; so the position's is at most this one's times {@code 1 + 5u} (u = 2^-53), below the
     * widening. The hold: at most {@code cap · fl(w − d)} at the largest worth (rounding keeps order), and at most
     * {@code room · (1 + slack) · (w − d) / w} within eight roundings, which the widened bound covers.
     */
    private static boolean holdExcludedForEvery(LiquidatorCrowd.Group g, double maxCpd, double rateBound, double cap,
                                                double debtUsd, double collUsd, double cost, double maxRoomPerCost) {
        double room = g.maxRoomUsd();
        if (!(room > 0)) {
            return true;
        }
        double worth = maxCpd * collUsd;
        double excess = Math.max(0, worth - debtUsd);
        double share = excess / Math.max(worth, 1e-300) * (1 + EVERY_MARGIN);
        double bonusShare = share * (1 + 1e-6) + 1e-9;
        if (bonusShare * maxRoomPerCost < 1 - 1e-9) {
            return true;
        }
        double slackShare = 2 * BOUND_SLACK;
        double byCap = cap * excess;
        double byRoom = room * (1 + slackShare) * excess / Math.max(worth, 1e-300) * (1 + EVERY_MARGIN);
        double hold = Math.min(byCap, byRoom);
        return hold + groupSlack(maxCpd, rateBound * (1 + slackShare), cap, debtUsd, collUsd)
                < cost * (1 - slackShare);
    }

    /** Whether both groups, of caps {@code flashCap} and {@code othersCap}, fail step 1 (a nil cap fails it). */
    private static boolean passedOver(CrowdPair pair, CrowdPair.GroupView flashUsers, double flashCap,
                                      CrowdPair.GroupView others, double othersCap, double collateralPerDebt,
                                      long gasUnits, long detectedBlock) {
        long age = pair.crowd.block() - detectedBlock;
        return (!(flashCap > 0) || passedOverAtOnce(pair, flashUsers, true, flashCap, collateralPerDebt, gasUnits, age))
                && (!(othersCap > 0)
                || passedOverAtOnce(pair, others, false, othersCap, collateralPerDebt, gasUnits, age));
    }

    /** Step 1 of {@link #planCrowd} for a group of cap {@code cap} (above 0): whether it fails at its extremes. */
    private static boolean passedOverAtOnce(CrowdPair pair, CrowdPair.GroupView g, boolean flash, double cap,
                                            double collateralPerDebt, long gasUnits, long age) {
        double[] costs = g.costs(gasUnits, age);
        double cost = costs[0];
        return sellExcluded(collateralPerDebt, pair.rateBound, cap, pair.debtUsd, pair.collUsd, cost)
                && (flash || holdExcluded(g.group, collateralPerDebt, pair.rateBound, cap, pair.debtUsd, pair.collUsd,
                cost, costs[1]));
    }

    /**
     * What every position of one pair (collateral, debt) shares when a crowd plans it: the two assets' prices at the
     * block's prices, the quotes' rate bound for the pair, each group's largest capital in the debt asset, and the
     * groups' costs for the last gas size and age asked. Made once per pair for a run of positions
     * ({@link #pair}), so that each position's step 1 of {@link #planCrowd} reads no map. One thread's: it keeps the
     * last costs asked.
     */
    public final class CrowdPair {
        private final LiquidatorCrowd crowd;
        private final AssetId collateral;
        private final AssetId debt;
        private final Market market;
        private final UsdPrices prices;
        private final double debtUsd;
        private final double collUsd;
        private final double rateBound;
        private final GroupView flashUsers;
        private final GroupView ownCapital;
        private final GroupView everyone;

        private CrowdPair(LiquidatorCrowd crowd, AssetId collateral, AssetId debt, Market market, UsdPrices prices) {
            this.crowd = crowd;
            this.collateral = collateral;
            this.debt = debt;
            this.market = market;
            this.prices = prices;
            this.debtUsd = prices.usd(debt);
            this.collUsd = prices.usd(collateral);
            this.rateBound = quotes.rateBound(market, collateral, debt);
            this.flashUsers = new GroupView(crowd.flashUsers(), debt);
            this.ownCapital = new GroupView(crowd.ownCapital(true), debt);
            this.everyone = new GroupView(crowd.ownCapital(false), debt);
        }

        public LiquidatorCrowd crowd() {
            return crowd;
        }

        public AssetId collateral() {
            return collateral;
        }

        public AssetId debt() {
            return debt;
        }

        /** The flash-funded group when the position offers a flash loan, else null. */
        private GroupView flashUsers(boolean flashOffered) {
            return flashOffered ? flashUsers : null;
        }

        /** The group funded by its own capital: the members without flash loans, or everyone when none is offered. */
        private GroupView ownCapital(boolean flashOffered) {
            return flashOffered ? ownCapital : everyone;
        }

        /** Whether {@code o} is of this pair's crowd and trades this pair (ids compared by reference first). */
        private void check(LiquidationOpportunity o) {
            if ((o.collateralAsset() != collateral && !o.collateralAsset().equals(collateral))
                    || (o.debtAsset() != debt && !o.debtAsset().equals(debt))
                    || (o.chain() != crowd.chain() && !o.chain().equals(crowd.chain()))) {
                throw new IllegalArgumentException("liquidator: the position of " + o.account() + " sells "
                        + o.collateralAsset() + " for " + o.debtAsset() + " on " + o.chain() + ", the pair is "
                        + collateral + " for " + debt + " on " + crowd.chain());
            }
        }

        /** A group as the pair's positions see it: its largest capital in the debt asset and its last costs. */
        private static final class GroupView {
            private final LiquidatorCrowd.Group group;
            private final double maxCapital;
            private long lastGas = -1;
            private int lastAge = Integer.MIN_VALUE;
            private double[] lastCosts;
            /** The group's cost table for {@link #lastGas}, kept here, in this thread's view (see {@code Group.costs}). */
            private LiquidatorCrowd.CostTable lastTable;

            GroupView(LiquidatorCrowd.Group group, AssetId debt) {
                this.group = group;
                this.maxCapital = group.isEmpty() ? 0 : group.maxCapital(debt);
            }

            /** {least cost, largest room per cost} as the group reckons them ({@code Group.costs}). */
            double[] costs(long gasUnits, long ageBlocks) {
                int age = group.clampedAge(ageBlocks);
                if (gasUnits != lastGas || age != lastAge || lastCosts == null) {
                    LiquidatorCrowd.CostTable table = lastTable;
                    if (table == null || table.gasUnits() != gasUnits) {
                        table = group.costTable(gasUnits);
                        lastTable = table;
                    }
                    lastCosts = group.costs(table, age);
                    lastGas = gasUnits;
                    lastAge = age;
                }
                return lastCosts;
            }
        }
    }

    /**
     * The view of {@code crowd}'s planning shared by every position trading {@code collateral} for {@code debt} on
     * its chain in its block, at {@code prices} ({@link #bidCrowd(CrowdPair, LiquidationOpportunity)}).
     */
    public CrowdPair pair(LiquidatorCrowd crowd, AssetId collateral, AssetId debt, Market market, UsdPrices prices) {
        return new CrowdPair(crowd, collateral, debt, market, prices);
    }

    /** One position's planning by a crowd: what every member's decision reads, and the two groups' verdicts. */
    private final class CrowdPlanning {
        /** What the pair's positions share: the crowd, the market, the prices and the quotes' rate bound. */
        private final CrowdPair pair;
        private final LiquidatorCrowd crowd;
        private final LiquidationOpportunity o;
        /** {@code o.repayable()}, which every member's cap reads. */
        private final double repayable;
        /** The flash-funded group (null when no flash loan is offered or it cannot plan), then the others. */
        private final GroupPlanning[] groups = new GroupPlanning[2];
        /**
         * The group of the members who do not use flash loans, then of those who do ({@link #groupOf}): set with
         * {@link #groups}, as a member's group depends only on that (the groups split the crowd by it).
         */
        private final GroupPlanning[] byKind = new GroupPlanning[2];

        CrowdPlanning(CrowdPair pair, LiquidationOpportunity o, double repayable) {
            this.pair = pair;
            this.crowd = pair.crowd;
            this.o = o;
            this.repayable = repayable;
        }

        /** The group of member {@code k} for this position, or null when that group cannot plan it. */
        GroupPlanning groupOf(int k) {
            return byKind[crowd.usesFlash(k) ? 1 : 0];
        }

        /** The group of the members who use flash loans ({@code flashUser}) or of the others; null when it cannot plan. */
        private GroupPlanning groupOfKind(boolean flashUser) {
            for (GroupPlanning g : groups) {
                if (g != null && g.group.containsKind(flashUser)) {
                    return g;
                }
            }
            return null;
        }

        /** Steps 1 and 2 of {@link #planCrowd} for group {@code g} of cap {@code cap} (above 0). */
        GroupPlanning group(CrowdPair.GroupView view, boolean flash, double cap) {
            LiquidatorCrowd.Group g = view.group;
            double[] costs = view.costs(o.gasUnits(), crowd.block() - o.detectedBlock());
            double cost = costs[0];
            double debtUsd = pair.debtUsd;
            double collUsd = pair.collUsd;
            boolean noSeller = sellExcluded(o.collateralPerDebt(), pair.rateBound, cap, debtUsd, collUsd, cost);
            boolean noHolder = flash
                    || holdExcluded(g, o.collateralPerDebt(), pair.rateBound, cap, debtUsd, collUsd, cost, costs[1]);
            if (noSeller && noHolder) {
                return new GroupPlanning(g, flash, cap, true, noSeller, true, NO_SALE, null);
            }
            Sale sale = sale(o, pair.market, flash, cap, debtUsd, collUsd);
            // Every member whose cap is the group's sells this very sale: none sells it if the slippage is over every
            // member's share of the bonus, or if what is left before gas is under the least cost (the margin covers
            // the rounding of either side of a member's own test); and none holds if the slippage is within the share
            // of every member with room to hold, for a member holds only when slippage is too high for it. The
            // group's extremes are taken over all its members, so they bound those with the group's cap too; a
            // member holding less than the cap sizes its own sale and is not covered.
            double bonus = Math.max(sale.bonusUsd(), 0);
            boolean noSellerAtCap = noSeller || !(sale.repay() > 0) || sale.slippageAbove(g.maxSlippageShare() * bonus)
                    || sale.beforeGasShort(cost);
            boolean noHolderAtCap = noHolder
                    || (sale.repay() > 0 && !sale.slippageAbove(g.minSlippageShareWithRoom() * bonus));
            boolean nobodyAtCap = noSellerAtCap && noHolderAtCap;
            boolean passedOver = nobodyAtCap && (flash || g.minPositiveCapital(o.debtAsset()) >= repayable);
            return new GroupPlanning(g, flash, cap, passedOver, noSeller, nobodyAtCap, sale,
                    flash ? null : crowd.capital(o.debtAsset()));
        }

        /**
         * Whether member {@code k} of group {@code g} would plan for the group's cap: flash-funded members always;
         * others when they hold at least the cap (the cap is at most {@code repayable} and at most the largest
         * capital, so {@code min(repayable, capital)} is then the cap itself).
         */
        boolean atCap(GroupPlanning g, int k) {
            return g.flash || g.capital[k] >= g.cap;
        }

        /**
         * True only when every level of block {@code block} of {@code planners}' steps would be passed over whole by
         * {@link #bidCrowd}'s search: for each kind of member with a group that may plan at its cap, every level's
         * least capital of the kind reaches the group's cap (or the group is flash-funded), and the group's
         * {@link #levelPassedOver} holds at every level, bounded by the block's figures ({@link
         * LiquidatorCrowd.GroupBlocks}). Why the bounds hold: the levels' fees fall step by step, so the gas at the
         * block's last fee is the least of its levels' (the same expression, each operation rounding monotonically)
         * and the profit there, {@code bonus − slippage − fee − gas}, the most; under the least of the levels' minimum
         * profits it is under each level's. No room at any level, or the slippage within the least of the levels'
         * shares (those that are numbers: a level's NaN or +∞ share passes its own test), passes each level's hold
         * test. Anything else is left to the levels' own tests (false here).
         */
        boolean blockPassedOver(LiquidatorCrowd.Planners planners, int block) {
            double gasUsd = gasUsdAt(planners.stepFee[planners.blockEnd(block) - 1]);
            for (int kind = 0; kind < 2; kind++) {
                double least = planners.blockLeast[kind][block];
                GroupPlanning g = byKind[kind];
                if (Double.isNaN(least) || g == null || g.nobodyAtCap) {
                    continue;
                }
                if (!(g.flash || least >= g.cap)) {
                    return false;
                }
                LiquidatorCrowd.GroupBlocks sums = planners.blocksOf(g.group);
                double minProfit = sums.minProfit[block];
                if (minProfit == Double.POSITIVE_INFINITY) {
                    continue;
                }
                if (sells(g.sale, gasUsd, minProfit)) {
                    return false;
                }
                if (g.flash || !sums.anyRoom[block]) {
                    continue;
                }
                if (!slippageWithin(g.sale, sums.minSlippageShare[block])) {
                    return false;
                }
            }
            return true;
        }

        /**
         * The gas, in USD, of the position's liquidation at priority fee {@code fee}: the expression
         * {@link #memberPlan} computes, one for {@link #levelPassedOver} and {@link #blockPassedOver} alike (the
         * block's bound rests on its being the same, each operation rounding monotonically in the fee).
         */
        private double gasUsdAt(double fee) {
            return o.gasUnits() * (crowd.baseFeeGwei() + fee) * 1e-9 * crowd.nativeUsd();
        }

        /** Whether {@code sale}, after {@code gasUsd}, earns at least {@code minProfit} ({@code decide}'s own test). */
        private static boolean sells(Sale sale, double gasUsd, double minProfit) {
            return sale.repay() > 0 && !sale.profitBelow(gasUsd, minProfit);
        }

        /** Whether {@code sale}'s slippage is within {@code share} of its bonus: a member of that share sells it. */
        private static boolean slippageWithin(Sale sale, double share) {
            return sale.repay() > 0 && !sale.slippageAbove(share * Math.max(sale.bonusUsd(), 0));
        }

        /** {@code known} when the level's test was made, else its answer ({@link #levelPassedOver}) made now. */
        int levelTest(int known, GroupPlanning g, int level, double fee) {
            return known != UNTESTED ? known : levelPassedOver(g, level, fee) ? PASSED : NOT_PASSED;
        }

        /**
         * True only when no member of group {@code g} (null: none) paying the {@code level}-th fee {@code fee} and
         * planning for the group's cap ({@link #atCap}) can plan: {@link #memberPlan} would answer null for each, so
         * a level of several members costs one test. Gas is the same for all of them (the expression
         * {@link #memberPlan} computes); the group's sale is the one each would decide on, so its profit after that
         * gas under the level's least minimum profit refuses every sale ({@code decide}'s own test); and none holds
         * if the group is flash-funded, if none has room, if the slippage is within the least share (each sells
         * rather than holds), or if {@link #cannotPay}'s hold bound at the level's largest room, which bounds every
         * member's hold, is under the least minimum profit.
         */
        boolean levelPassedOver(GroupPlanning g, int level, double fee) {
            if (g == null || g.passedOver || g.nobodyAtCap) {
                return false;
            }
            double minProfit = g.group.levelMinProfit(level);
            if (minProfit == Double.POSITIVE_INFINITY) {
                return true;
            }
            double gasUsd = gasUsdAt(fee);
            Sale sale = g.sale;
            if (sells(sale, gasUsd, minProfit)) {
                return false;
            }
            double room = g.group.levelMaxRoom(level);
            if (g.flash || !(room > 0)) {
                return true;
            }
            if (slippageWithin(sale, g.group.levelMinSlippageShare(level))) {
                return true;
            }
            return holdBound(room, o.collateralPerDebt(), pair.rateBound, g.cap, pair.debtUsd, pair.collUsd, gasUsd)
                    < minProfit;
        }

        /**
         * Member {@code k}'s plan (step 3 of {@link #planCrowd}): {@link #plan}'s, bit for bit; unless {@code make},
         * {@link #DECIDED} stands for a plan that {@code decide} would make.
         */
        LiquidationPlan memberPlan(int k, boolean make) {
            GroupPlanning g = groupOf(k);
            if (g == null || g.passedOver) {
                return null;
            }
            long block = crowd.block();
            // With no seller, only a member that may hold can plan.
            if (g.noSeller && !(crowd.room(k) > 0)) {
                return null;
            }
            if (block < o.detectedBlock() + crowd.latency(k)) {
                return null;
            }
            double memberCap = g.flash ? repayable : Math.min(repayable, g.capital[k]);
            if (!(memberCap > 0)) {
                return null;
            }
            if (memberCap == g.cap && g.nobodyAtCap) {
                return null;
            }
            if (memberCap != g.cap) {
                return plan(crowd.ledger(k), o, pair.market, pair.prices, crowd.baseFeeGwei(), block).orElse(null);
            }
            double gasNative = o.gasUnits() * (crowd.baseFeeGwei() + crowd.priorityFee(k)) * 1e-9;
            if (gasNative > crowd.gasLeft(k)) {
                return null;
            }
            double gasUsd = gasNative * crowd.nativeUsd();
            if (cannotPay(crowd.minProfit(k), crowd.room(k), o, pair.rateBound, g.flash, g.cap, pair.debtUsd,
                    pair.collUsd, gasUsd)) {
                return null;
            }
            return decide(crowd.id(k), crowd.priorityFee(k), crowd.minProfit(k), crowd.slippageShare(k),
                    crowd.room(k), o, g.flash, g.cap, g.sale, pair.debtUsd, pair.collUsd, gasUsd, gasNative, make);
        }
    }

    /**
     * A group's verdict on one position: passed over as a whole, or the sale sized for its cap and whether any member
     * with that cap can make or hold it ({@code capital}: the members' capital in the debt asset, own-capital groups).
     */
    private record GroupPlanning(LiquidatorCrowd.Group group, boolean flash, double cap, boolean passedOver,
                                 boolean noSeller, boolean nobodyAtCap, Sale sale, double[] capital) {
    }

    /**
     * The most a group ({@code view}; null for none) may repay of a position ({@code repayable}, first seen in
     * {@code detectedBlock}), the largest cap of any member (for a group funded by its own capital, the largest
     * capital any member holds in the debt asset); 0 when there is no group, when it is empty, when
     * even its shortest latency has not passed, or when nothing can be repaid.
     */
    private static double groupCap(LiquidatorCrowd crowd, CrowdPair.GroupView view, boolean flash, double repayable,
                                   long detectedBlock) {
        if (view == null || view.group.isEmpty() || crowd.block() < detectedBlock + view.group.minLatencyBlocks()) {
            return 0;
        }
        double cap = flash ? repayable : Math.min(repayable, view.maxCapital);
        return cap > 0 ? cap : 0;
    }

    /**
     * {@link #cannotPay}'s sale bound for a whole group at its extremes — the largest cap, against the least cost
     * of a liquidation among the members ({@code cost}: gas plus minimum profit) — with twice its slack: a member's
     * own bound is under its minimum profit whenever this one is under the least cost, rounding included.
     */
    private static boolean sellExcluded(double cpd, double rateBound, double cap, double debtUsd, double collUsd,
                                        double cost) {
        double slackShare = 2 * BOUND_SLACK;
        double rate = rateBound * (1 + slackShare);
        // A member's bound subtracts its gas less its share of the slack: at least (1 - slack) of its cost.
        return cap * Math.max(0, cpd * rate - 1) * debtUsd + groupSlack(cpd, rate, cap, debtUsd, collUsd)
                < cost * (1 - slackShare);
    }

    /**
     * True only when no member of the group can hold the collateral at a profit: {@link #cannotPay}'s hold bound at
     * the largest room and cap against the least cost (as {@link #sellExcluded}); or, member by member, a hold is
     * worth at most its room times the bonus's share of the collateral's value, {@code β = (k·collUsd − debtUsd) /
     * (k·collUsd)}, and that stays under every member's own cost when β (widened by 1e-6 of itself and 1e-9)
     * times the largest room-to-cost ratio stays under {@code 1 − 1e-9}: a margin far above the rounding of a
     * member's hold, of its room or of its cost.
     */
    private static boolean holdExcluded(LiquidatorCrowd.Group g, double cpd, double rateBound, double cap,
                                        double debtUsd, double collUsd, double cost, double maxRoomPerCost) {
        double room = g.maxRoomUsd();
        if (!(room > 0)) {
            return true;
        }
        double worth = cpd * collUsd;
        double bonusShare = Math.max(0, worth - debtUsd) / Math.max(worth, 1e-300) * (1 + 1e-6) + 1e-9;
        if (bonusShare * maxRoomPerCost < 1 - 1e-9) {
            return true;
        }
        double slackShare = 2 * BOUND_SLACK;
        double hold = Math.min(cap, room / Math.max(cpd * collUsd, 1e-300) * (1 + slackShare));
        return hold * Math.max(0, cpd * collUsd - debtUsd)
                + groupSlack(cpd, rateBound * (1 + slackShare), cap, debtUsd, collUsd) < cost * (1 - slackShare);
    }

    private static double groupSlack(double cpd, double rate, double cap, double debtUsd, double collUsd) {
        double slackShare = 2 * BOUND_SLACK;
        return slackShare * (cap * cpd * (collUsd + rate * debtUsd) + cap * debtUsd) + slackShare;
    }

    /**
     * True only when no plan could reach the liquidator's minimum profit, so sizing can be skipped: selling cannot
     * return more than the quotes' rate bound per unit, so a sale's profit is at most
     * {@code cap × (collateralPerDebt × bound − 1) × debtUsd − gas}, and holding's at most
     * {@code h × (collateralPerDebt × collUsd − debtUsd) − gas}, where h, the most it may hold, is the cap or what
     * its inventory room buys, whichever is less (none without room). Both bounds are widened by a relative
     * {@link #BOUND_SLACK} of the amounts involved, far above the rounding of the plan's own arithmetic, so the answer
     * is the one sizing the sale would give. With quotes that know no bound it is always false.
     */
    private static boolean cannotPay(double minProfitUsd, double roomUsd, LiquidationOpportunity o, double rateBound,
                                     boolean flash, double cap, double debtUsd, double collUsd, double gasUsd) {
        double rate = rateBound * (1 + BOUND_SLACK);
        double cpd = o.collateralPerDebt();
        double slack = BOUND_SLACK * (cap * cpd * (collUsd + rate * debtUsd) + cap * debtUsd + gasUsd) + BOUND_SLACK;
        double sellBound = cap * Math.max(0, cpd * rate - 1) * debtUsd - gasUsd + slack;
        if (!(sellBound < minProfitUsd)) {
            return false;
        }
        if (flash || !(roomUsd > 0)) {
            return true;
        }
        return holdBound(roomUsd, cpd, rateBound, cap, debtUsd, collUsd, gasUsd) < minProfitUsd;
    }

    /**
     * {@link #cannotPay}'s bound on the profit of holding what {@code roomUsd} (above 0) of inventory room buys of a
     * cap {@code cap}, widened by the same slack. It never falls as the room grows (each step of it is a correctly
     * rounded operation that keeps order), so the bound at a group's largest room bounds every member's.
     */
    private static double holdBound(double roomUsd, double cpd, double rateBound, double cap, double debtUsd,
                                    double collUsd, double gasUsd) {
        double rate = rateBound * (1 + BOUND_SLACK);
        double slack = BOUND_SLACK * (cap * cpd * (collUsd + rate * debtUsd) + cap * debtUsd + gasUsd) + BOUND_SLACK;
        double hold = Math.min(cap, roomUsd / Math.max(cpd * collUsd, 1e-300) * (1 + BOUND_SLACK));
        return hold * Math.max(0, cpd * collUsd - debtUsd) - gasUsd + slack;
    }

    /**
     * The repayment whose sale earns most, on the profit before gas (gas is the same for every repayment, so the
     * maximum is where it is after gas, and the size does not depend on who pays the gas). Where selling more stops
     * paying: repaying r seizes k·r collateral (k = collateral per debt) whose sale returns P(k·r) of the debt asset,
     * against (1 + flash fee)·r owed, so profit peaks where P's slope is (1 + fee) / k — where the best split's
     * common marginal rate has fallen to that ({@link SaleQuotes#inputAtMarginalRate}: each venue's closed form or
     * depth, no search). Capped by the protocol; a protocol pays in whole units, so within a
     * hair of the cap is the cap; and since the router's split is the ideal one only within its precision (and only
     * approximates it where it falls back to slices), the cap is kept if it pays at least as much. Quotes that cannot tell the rate are searched ({@link #bestSize}). When the rate is
     * above the one at which every venue sells nothing ({@link SaleQuotes#rateSellingNothing}, with a margin far
     * above rounding), the size is 0 without asking the venues: in a deep cascade, the usual answer for the
     * positions that stay liquidatable because their collateral sells for less than it costs at any size. Where the
     * rate's sale lies beyond the cap, the caller takes that sale's collateral for its bracket ({@link #capBelowRate}).
     * {@code input} is {@link #inputAtBreakEven} of the position: the sizing and its caller read it once.
     */
    private double size(LiquidationOpportunity o, Market market, boolean flash, double cap, double debtUsd,
                        double input) {
        if (input == NOTHING_SOLD) {
            return 0;
        }
        if (Double.isNaN(input)) {
            return bestSize(cap, r -> sellProfit(r, o, market, flash, debtUsd));
        }
        if (capBelowRate(input, o.collateralPerDebt(), cap)) {
            return cap;
        }
        double repay = input / o.collateralPerDebt();
        if (!(repay > 0)) {
            return 0;
        }
        double atRate = sellProfit(repay, o, market, flash, debtUsd);
        // The cap's sale is quoted only when a bound on it does not already lose to the rate's: near the rate that
        // sells nothing the rate's size is a sliver, and the cap (a position's own) would cost a fresh split.
        double capCollateral = cap * o.collateralPerDebt();
        double capOwed = cap + (flash ? cap * o.flashLoan().feeRate() : 0);
        double capBound = quotes.proceedsBound(market, o.collateralAsset(), o.debtAsset(), capCollateral,
                (atRate / debtUsd + capOwed) / (1 + CAP_BOUND_MARGIN));
        if ((capBound * (1 + CAP_BOUND_MARGIN) - capOwed) * debtUsd < atRate) {
            return repay;
        }
        return sellProfit(cap, o, market, flash, debtUsd) >= atRate ? cap : repay;
    }

    /** {@link #inputAtBreakEven}'s answer where every venue sells nothing at the position's break-even rate. */
    private static final double NOTHING_SOLD = -1;

    /**
     * The collateral the pair's legs take where the best split's common marginal rate has fallen to the position's
     * break-even rate {@code (1 + flash fee) / k} ({@link SaleQuotes#inputAtMarginalRate}; k its collateral per debt);
     * NaN where the quotes cannot tell the rate; {@link #NOTHING_SOLD} where that rate is above the one at which every
     * venue sells nothing ({@link SaleQuotes#rateSellingNothing}, with a margin far above rounding), without asking the
     * venues. ({@link #size}'s first step, apart so that a sizing hands its caller the rate's collateral without an
     * object per sizing: millions of sizings a run in a deep cascade.)
     */
    private double inputAtBreakEven(LiquidationOpportunity o, Market market, boolean flash) {
        double fee = flash ? o.flashLoan().feeRate() : 0;
        double rate = (1 + fee) / o.collateralPerDebt();
        if (rate > quotes.rateSellingNothing(market, o.collateralAsset(), o.debtAsset()) * (1 + NOTHING_MARGIN)) {
            return NOTHING_SOLD;
        }
        return quotes.inputAtMarginalRate(market, o.collateralAsset(), o.debtAsset(), rate);
    }

    /**
     * Whether the sale at the break-even rate, of {@code input} collateral ({@link #inputAtBreakEven}: a number at
     * least 0), repays the cap or within a hair of it ({@code k} the collateral per debt): the sizing is then the cap.
     */
    private static boolean capBelowRate(double input, double k, double cap) {
        return input >= 0 && input / k >= cap * (1 - 1e-9);
    }

    private double sellProfit(double repay, LiquidationOpportunity o, Market market, boolean flash, double debtUsd) {
        double collateral = repay * o.collateralPerDebt();
        double proceeds = proceeds(market, o, collateral);
        double fee = flash ? repay * o.flashLoan().feeRate() : 0;
        return (proceeds - repay - fee) * debtUsd;
    }

    /** Debt asset returned by selling {@code collateral} through the router, swap gas excluded (it is in the plan). */
    private double proceeds(Market market, LiquidationOpportunity o, double collateral) {
        if (collateral <= 0) {
            return 0;
        }
        return quotes.proceeds(market, o.collateralAsset(), o.debtAsset(), collateral);
    }

    /**
     * Golden-section search for the maximum of a unimodal function on (0, cap]; checks the cap itself too. When profit
     * still rises over the last {@link #NEAR_CAP} of the range, the maximum of a unimodal function lies within that
     * sliver of the cap, and the cap is taken at once: the usual case in a crash, where the bonus outgrows slippage
     * up to the protocol's close factor, at two quotes instead of a search's twenty-six.
     */
    private static double bestSize(double cap, java.util.function.DoubleUnaryOperator profit) {
        if (profit.applyAsDouble(cap) >= profit.applyAsDouble(cap * (1 - NEAR_CAP))) {
            return cap;
        }
        double lo = 0;
        double hi = cap;
        double x1 = hi - GOLDEN * (hi - lo);
        double x2 = lo + GOLDEN * (hi - lo);
        double f1 = profit.applyAsDouble(x1);
        double f2 = profit.applyAsDouble(x2);
        for (int i = 0; i < SEARCH_STEPS; i++) {
            if (f1 < f2) {
                lo = x1;
                x1 = x2;
                f1 = f2;
                x2 = lo + GOLDEN * (hi - lo);
                f2 = profit.applyAsDouble(x2);
            } else {
                hi = x2;
                x2 = x1;
                f2 = f1;
                x1 = hi - GOLDEN * (hi - lo);
                f1 = profit.applyAsDouble(x1);
            }
        }
        double best = (lo + hi) / 2;
        // The search closes in on the cap without reaching it; a protocol pays in whole units, so an optimum within
        // a hair of the cap is the cap.
        if (best > cap * (1 - 1e-9) || profit.applyAsDouble(cap) >= profit.applyAsDouble(best)) {
            return cap;
        }
        return best;
    }
}
