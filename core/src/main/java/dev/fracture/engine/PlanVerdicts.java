package dev.fracture.engine;

import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidatorLedger;
import dev.fracture.agent.SaleQuotes;
import dev.fracture.agent.UsdPrices;
import dev.fracture.model.ChainId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast engine's memory of positions nobody planned: a position that no liquidator planned in one block is planned
 * by none in a later block whose every input to their decisions is the same. {@code Liquidator.plan} reads
 * <ul>
 *   <li>of the position: the opportunity's terms, and how many blocks ago it was first seen (its reaction latency
 *   counts from then; past the largest latency the age no longer matters);</li>
 *   <li>of the block: the base fee, the prices of the debt, the collateral and the chain's gas asset, and the quotes
 *   for selling the collateral for the debt ({@link SaleQuotes#stateVersion}: the state of the venues they read);</li>
 *   <li>of each liquidator: its profile (fixed), its capital and inventory ({@link LiquidatorLedger#version}), its
 *   inventory's value at the block's prices and its gas budget left on the chain.</li>
 * </ul>
 * It reads nothing else, so skipping the position then gives the same bits as planning it (the reference simulator
 * always plans; {@code ReferenceEqualityTest} holds the two equal). A position nobody will liquidate — too small, no
 * venue for its collateral, slippage over every liquidator's limit — then costs one comparison of its inputs per
 * block while they stay the same.
 *
 * <p>The liquidators' inputs are compared once per chain and round, which gives the crowd a stamp (a number that
 * changes whenever any liquidator's inputs do); a position's verdict is the crowd stamp of the round nobody planned
 * it in, kept with the desk's record of the position (forgotten when the position is no longer liquidatable).
 */
final class PlanVerdicts {
    private final List<LiquidatorLedger> ledgers;
    /** Ages past this are all alike: every liquidator's latency has passed. */
    private final long ageCap;
    private final Map<ChainId, CrowdStamp> stamps = new HashMap<>();
    /** The next stamp to hand out; 0 means "no verdict", so it starts at 1. */
    private long nextStamp = 1;

    PlanVerdicts(List<LiquidatorLedger> ledgers) {
        this.ledgers = List.copyOf(ledgers);
        long maxLatency = 0;
        for (LiquidatorLedger l : this.ledgers) {
            maxLatency = Math.max(maxLatency, l.profile().reactionLatencyBlocks());
        }
        this.ageCap = maxLatency + 1;
    }

    /**
     * Opens the round of a protocol's plans in a block: the verdicts that still hold for {@code opportunities} (in
     * order; {@code seen} are their positions' records, which keep the verdicts while the positions stay
     * liquidatable), as the ledgers stand now. The round's verdicts are settled with {@link Round#settle} once the
     * plans are made; nothing else may change the ledgers, the market or the prices in between.
     */
    Round round(List<LiquidationOpportunity> opportunities, LiquidationDesk.Seen[] seen, BlockContext block,
                SaleQuotes quotes, UsdPrices usd) {
        Entry[] open = new Entry[opportunities.size()];
        long[] crowd = new long[opportunities.size()];
        ReferencePrices prices = block.prices();
        Map<ChainId, Long> stampsNow = new HashMap<>(4);
        long baseFee = bits(block.baseFeeGwei());
        // Listings run market by market, so consecutive positions mostly share their chain and assets: the block's
        // inputs for them are read once per run of alike positions.
        LiquidationOpportunity alike = null;
        long quotesVersion = 0;
        long debtUsd = 0;
        long collateralUsd = 0;
        long nativeUsd = 0;
        long crowdStamp = 0;
        for (int i = 0; i < opportunities.size(); i++) {
            LiquidationOpportunity o = opportunities.get(i);
            if (alike == null || o.chain() != alike.chain() || o.collateralAsset() != alike.collateralAsset()
                    || o.debtAsset() != alike.debtAsset()) {
                alike = o;
                quotesVersion = quotes.stateVersion(block.market(), o.collateralAsset(), o.debtAsset());
                debtUsd = bits(prices.usd(o.debtAsset()));
                collateralUsd = bits(prices.usd(o.collateralAsset()));
                nativeUsd = bits(prices.usd(block.market().chain(o.chain()).nativeAsset()));
                crowdStamp = stampsNow.computeIfAbsent(o.chain(), c -> stamps.computeIfAbsent(c,
                        x -> new CrowdStamp(ledgers.size())).refreshed(c, block, usd));
            }
            if (quotesVersion < 0) {
                seen[i].verdict = null;
                continue;
            }
            Entry e = seen[i].verdict;
            if (e == null) {
                e = new Entry();
                seen[i].verdict = e;
            }
            e.observe(o, Math.min(block.number() - o.detectedBlock(), ageCap), baseFee, debtUsd, collateralUsd,
                    nativeUsd, quotesVersion);
            open[i] = e;
            crowd[i] = crowdStamp;
        }
        return new Round(open, crowd);
    }

    /** The verdicts of one round, per position (by index). */
    static final class Round {
        private final Entry[] open;
        private final long[] crowd;

        private Round(Entry[] open, long[] crowd) {
            this.open = open;
            this.crowd = crowd;
        }

        /**
         * True when no liquidator planned position {@code opportunity} in an earlier round whose every input (the
         * position's, the block's and every liquidator's) was the same as now, so none will now.
         */
        boolean knownToNobody(int opportunity) {
            Entry e = open[opportunity];
            return e != null && e.nobodyAt != 0 && e.nobodyAt == crowd[opportunity];
        }

        /** Records whether any liquidator planned position {@code opportunity} in this round. */
        void settle(int opportunity, boolean planned) {
            Entry e = open[opportunity];
            if (e != null) {
                e.nobodyAt = planned ? 0 : crowd[opportunity];
            }
        }
    }

    /** One position's inputs as last seen, and the crowd stamp of the round in which nobody planned it. */
    static final class Entry {
        private LiquidationOpportunity seenAs;
        private long age;
        private long baseFee;
        private long debtUsd;
        private long collateralUsd;
        private long nativeUsd;
        private long quotesVersion;
        /** The crowd stamp of the round in which nobody planned it, with these inputs (0: none). */
        private long nobodyAt;

        /** Takes the position's and the block's inputs; forgets the verdict when any differs from the last seen. */
        void observe(LiquidationOpportunity o, long age, long baseFee, long debtUsd, long collateralUsd,
                     long nativeUsd, long quotesVersion) {
            boolean same = seenAs != null && (seenAs == o || sameTerms(seenAs, o)) && this.age == age && this.baseFee == baseFee
                    && this.debtUsd == debtUsd && this.collateralUsd == collateralUsd && this.nativeUsd == nativeUsd
                    && this.quotesVersion == quotesVersion;
            if (!same) {
                nobodyAt = 0;
                seenAs = o;
                this.age = age;
                this.baseFee = baseFee;
                this.debtUsd = debtUsd;
                this.collateralUsd = collateralUsd;
                this.nativeUsd = nativeUsd;
                this.quotesVersion = quotesVersion;
            }
        }

        /** The same terms but perhaps for the block the position was first seen in (the age covers that). */
        private static boolean sameTerms(LiquidationOpportunity a, LiquidationOpportunity b) {
            return a.protocol().equals(b.protocol()) && a.account().equals(b.account()) && a.chain().equals(b.chain())
                    && a.debtAsset().equals(b.debtAsset()) && a.collateralAsset().equals(b.collateralAsset())
                    && bits(a.maxRepay()) == bits(b.maxRepay())
                    && bits(a.collateralPerDebt()) == bits(b.collateralPerDebt())
                    && bits(a.collateralAvailable()) == bits(b.collateralAvailable())
                    && a.flashLoan().equals(b.flashLoan()) && a.gasUnits() == b.gasUnits();
        }
    }

    /**
     * Every liquidator's inputs on one chain as last seen (ledger version, inventory value, gas budget left) and the
     * crowd's stamp, renewed when any of them changes.
     */
    private final class CrowdStamp {
        private final long[] version;
        private final long[] inventoryUsd;
        private final long[] gasLeft;
        private long stamp;

        CrowdStamp(int n) {
            version = new long[n];
            inventoryUsd = new long[n];
            gasLeft = new long[n];
        }

        /** The stamp as the ledgers stand now. */
        long refreshed(ChainId chain, BlockContext block, UsdPrices usd) {
            boolean changed = stamp == 0;
            for (int k = 0; k < ledgers.size(); k++) {
                LiquidatorLedger l = ledgers.get(k);
                long v = l.version();
                long inv = bits(l.inventoryUsd(usd));
                long gas = bits(l.gasBudgetLeft(chain, block.number()));
                if (v != version[k] || inv != inventoryUsd[k] || gas != gasLeft[k]) {
                    version[k] = v;
                    inventoryUsd[k] = inv;
                    gasLeft[k] = gas;
                    changed = true;
                }
            }
            if (changed) {
                stamp = nextStamp++;
            }
            return stamp;
        }
    }

    private static long bits(double x) {
        return Double.doubleToLongBits(x);
    }
}
