package dev.fracture.engine;

import dev.fracture.agent.LiquidationOpportunity;
import dev.fracture.agent.LiquidatorLedger;
import dev.fracture.agent.SaleQuotes;
import dev.fracture.agent.UsdPrices;
import dev.fracture.model.AccountId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ProtocolId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The fast engine's memory of plans that came to nothing: a liquidator that found no plan for a position in one block
 * finds none in a later block whose every input to its decision is the same. {@code Liquidator.plan} reads
 * <ul>
 *   <li>of the position: the opportunity's terms, and how many blocks ago it was first seen (its reaction latency
 *   counts from then; past the largest latency the age no longer matters);</li>
 *   <li>of the block: the base fee, the prices of the debt, the collateral and the chain's gas asset, and the quotes
 *   for selling the collateral for the debt ({@link SaleQuotes#stateVersion}: the state of the venues they read);</li>
 *   <li>of the liquidator: its profile (fixed), its capital and inventory ({@link LiquidatorLedger#version}), its
 *   inventory's value at the block's prices and its gas budget left on the chain.</li>
 * </ul>
 * It reads nothing else, so skipping it then gives the same bits as running it (the reference simulator always runs
 * it; {@code ReferenceEqualityTest} holds the two equal). A position nobody will liquidate — too small, no venue for
 * its collateral, slippage over every liquidator's limit — then costs its planners once per change of what they read,
 * not once per block.
 *
 * <p>The memory is laid out for the hot path, where thousands of such positions each meet every liquidator every
 * block: the block's and the position's inputs are compared once per position, and each liquidator's once per
 * chain and round, which gives it a stamp (a number that changes whenever any of its inputs does); a verdict is then
 * a stamp per liquidator and position, checked with one array read. Positions no longer liquidatable are forgotten.
 */
final class PlanVerdicts {
    private final List<LiquidatorLedger> ledgers;
    /** Ages past this are all alike: every liquidator's latency has passed. */
    private final long ageCap;
    private final Map<ChainId, LedgerStamps> stamps = new HashMap<>();
    private final Map<ProtocolId, Map<AccountId, Entry>> entries = new HashMap<>();
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
     * order), as the ledgers stand now. The round's verdicts are settled with {@link Round#settle} once the plans are
     * made; nothing else may change the ledgers, the market or the prices in between.
     */
    Round round(ProtocolId protocol, List<LiquidationOpportunity> opportunities, BlockContext block,
                SaleQuotes quotes, UsdPrices usd) {
        Map<AccountId, Entry> before = entries.getOrDefault(protocol, Map.of());
        Map<AccountId, Entry> now = new HashMap<>(Math.max(16, opportunities.size() * 2));
        Entry[] open = new Entry[opportunities.size()];
        long[][] current = new long[opportunities.size()][];
        long[] crowd = new long[opportunities.size()];
        ReferencePrices prices = block.prices();
        Map<ChainId, long[]> stampsNow = new HashMap<>(4);
        for (int i = 0; i < opportunities.size(); i++) {
            LiquidationOpportunity o = opportunities.get(i);
            long quotesVersion = quotes.stateVersion(block.market(), o.collateralAsset(), o.debtAsset());
            if (quotesVersion < 0) {
                continue;
            }
            Entry e = before.get(o.account());
            if (e == null) {
                e = new Entry(ledgers.size());
            }
            e.observe(o, Math.min(block.number() - o.detectedBlock(), ageCap), bits(block.baseFeeGwei()),
                    bits(prices.usd(o.debtAsset())), bits(prices.usd(o.collateralAsset())),
                    bits(prices.usd(block.market().chain(o.chain()).nativeAsset())), quotesVersion);
            now.put(o.account(), e);
            open[i] = e;
            LedgerStamps chainStamps = stamps.computeIfAbsent(o.chain(), x -> new LedgerStamps(ledgers.size()));
            current[i] = stampsNow.computeIfAbsent(o.chain(), c -> chainStamps.refreshed(c, block, usd));
            crowd[i] = chainStamps.crowdStamp;
        }
        entries.put(protocol, now);
        return new Round(open, current, crowd);
    }

    /** The verdicts of one round: per position (by index) and liquidator (by index in the desk's order). */
    static final class Round {
        private final Entry[] open;
        private final long[][] current;
        private final long[] crowd;

        private Round(Entry[] open, long[][] current, long[] crowd) {
            this.open = open;
            this.current = current;
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
        void settleAll(int opportunity, boolean planned) {
            Entry e = open[opportunity];
            if (e != null) {
                e.nobodyAt = planned ? 0 : crowd[opportunity];
            }
        }

        /** True when {@code ledger}'s plan for position {@code opportunity} is known to come to nothing. */
        boolean knownToFail(int opportunity, int ledger) {
            Entry e = open[opportunity];
            return e != null && e.failedAt[ledger] != 0 && e.failedAt[ledger] == current[opportunity][ledger];
        }

        /** Records whether {@code ledger}'s plan for position {@code opportunity} came to something. */
        void settle(int opportunity, int ledger, boolean planned) {
            Entry e = open[opportunity];
            if (e != null) {
                e.failedAt[ledger] = planned ? 0 : current[opportunity][ledger];
            }
        }
    }

    /** One position's inputs as last seen, and the stamp each liquidator had when its plan for it came to nothing. */
    private static final class Entry {
        private LiquidationOpportunity seen;
        private long age;
        private long baseFee;
        private long debtUsd;
        private long collateralUsd;
        private long nativeUsd;
        private long quotesVersion;
        private final long[] failedAt;
        /** The crowd stamp of the round in which nobody planned it, with these inputs (0: none). */
        private long nobodyAt;

        Entry(int ledgers) {
            failedAt = new long[ledgers];
        }

        /** Takes the position's and the block's inputs; forgets every verdict when any differs from the last seen. */
        void observe(LiquidationOpportunity o, long age, long baseFee, long debtUsd, long collateralUsd,
                     long nativeUsd, long quotesVersion) {
            boolean same = seen != null && sameTerms(seen, o) && this.age == age && this.baseFee == baseFee
                    && this.debtUsd == debtUsd && this.collateralUsd == collateralUsd && this.nativeUsd == nativeUsd
                    && this.quotesVersion == quotesVersion;
            if (!same) {
                java.util.Arrays.fill(failedAt, 0);
                nobodyAt = 0;
                seen = o;
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
     * Each liquidator's inputs on one chain as last seen (ledger version, inventory value, gas budget left) and the
     * stamp they were given; a liquidator gets a new stamp when any of them changes.
     */
    private final class LedgerStamps {
        private final long[] version;
        private final long[] inventoryUsd;
        private final long[] gasLeft;
        private long[] stamp;
        /** A stamp of the liquidators together: changes whenever any one's does. */
        private long crowdStamp;

        LedgerStamps(int n) {
            version = new long[n];
            inventoryUsd = new long[n];
            gasLeft = new long[n];
            stamp = new long[n];
        }

        /** The stamps as the ledgers stand now; the array returned is never changed afterwards. */
        long[] refreshed(ChainId chain, BlockContext block, UsdPrices usd) {
            long[] next = null;
            for (int k = 0; k < ledgers.size(); k++) {
                LiquidatorLedger l = ledgers.get(k);
                long v = l.version();
                long inv = bits(l.inventoryUsd(usd));
                long gas = bits(l.gasBudgetLeft(chain, block.number()));
                if (stamp[k] == 0 || v != version[k] || inv != inventoryUsd[k] || gas != gasLeft[k]) {
                    if (next == null) {
                        next = stamp.clone();
                    }
                    version[k] = v;
                    inventoryUsd[k] = inv;
                    gasLeft[k] = gas;
                    next[k] = nextStamp++;
                }
            }
            if (next != null) {
                stamp = next;
                crowdStamp = nextStamp++;
            }
            return stamp;
        }
    }

    private static long bits(double x) {
        return Double.doubleToLongBits(x);
    }
}
