package dev.fracture.engine;

import dev.fracture.agent.LiquidatorLedger;
import dev.fracture.agent.LiquidatorProfile;
import dev.fracture.agent.SaleQuotes;
import dev.fracture.market.Router;
import dev.fracture.model.AccountId;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.ShortestDecimal;
import dev.fracture.protocol.cdp.CdpRevertException;
import dev.fracture.protocol.cdp.DssMath;
import dev.fracture.protocol.cdp.FlipBid;
import dev.fracture.protocol.cdp.FlipMove;
import dev.fracture.protocol.cdp.Flipper;
import dev.fracture.protocol.cdp.FlipperState;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the run's liquidators bid in one ilk's Flipper auctions (flip.sol), block by block, and the DAI each has standing
 * in bids.
 *
 * <p><b>Who can bid.</b> A keeper bids on an auction from {@code reactionLatencyBlocks} after the block it was kicked
 * in; a bid costs {@link #BID_GAS} at the block's base fee plus the keeper's priority fee and lands only while that
 * fits what is left of the keeper's per-block gas budget — a keeper whose software sends bids at a fixed gas price
 * (Maker's {@code auction-keeper} of March 2020 sent each bid at the gas price its model gave and did not raise it
 * while it was pending: makerdao/auction-keeper {@code auction_keeper/gas.py}, {@code UpdatableGasPrice}, commit
 * db35435 of 10 March 2020; rising gas prices came in April 2020, "Geometrically increasing gas", #57) is one whose
 * budget is {@code BID_GAS ×} that price: above it its bids never land. It bids with DAI it holds and has not left
 * standing in other auctions (a bid locks the DAI until the keeper is outbid, when the next bidder refunds it, or
 * until deal).
 *
 * <p><b>What it bids.</b> A keeper values a lot at what selling it on the chain's venues returns now, less the bid's
 * gas and its minimum profit; in DAI this is its limit. It never bids on an auction it leads.
 * <ul>
 * <li>Tend phase, no bid yet: it bids the smallest bid flip.sol accepts, one unit of RAD — with nobody else bidding
 * this wins after {@code ttl}; this is the zero bid of 12 March 2020.</li>
 * <li>Tend phase, a rival leads: it jumps to its limit (capped by its free DAI), or to the whole tab when its limit
 * reaches it, provided that beats the standing bid by {@code beg}. Keepers who value the lot alike then stop within one
 * {@code beg} of each other, where an English auction among them ends; jumping is what the {@code auction-keeper}'s
 * bidding models did (they answer with the price to bid at: README of the commit above).</li>
 * <li>Dent phase (a rival pays the tab): it asks for the smallest lot whose sale covers the tab, its gas and its
 * minimum profit (the lot's value taken as linear in its size), if that is at most {@code lot / beg}.</li>
 * </ul>
 * Bids are decided on the state at the start of the block and land in priority-fee order, equal fees in the block's
 * seeded order; a bid the contract would refuse by then (outbid in the same block) does not land and costs nothing.
 */
final class FlipKeepers {
    /** Gas of one tend or dent: two Vat moves and the bid's storage, ORDER OF MAGNITUDE. */
    static final long BID_GAS = 100_000;

    private final Flipper flipper;
    private final ChainId chain;
    private final AssetId collateral;
    private final AssetId dai;
    private final SaleQuotes quotes = SaleQuotes.routing(Router.DEFAULT);
    /** RAD standing in bids, per keeper id. */
    private final Map<String, BigInteger> locked = new HashMap<>();
    /** Block each auction was first offered to the keepers in (its kick block). */
    private final Map<Long, Long> firstSeen = new HashMap<>();
    /** Gas paid for the standing bid of each auction, USD: the winner books it at deal. */
    private final Map<Long, Double> standingGasUsd = new HashMap<>();
    /** Priority fee of the standing bid of each auction, gwei. */
    private final Map<Long, Double> standingTip = new HashMap<>();
    /** Collateral dents gave back to vault owners since {@link #drainReturned} last read it [WAD]. */
    private BigInteger returned = BigInteger.ZERO;

    FlipKeepers(Flipper flipper, ChainId chain, AssetId collateral, AssetId dai) {
        this.flipper = flipper;
        this.chain = chain;
        this.collateral = collateral;
        this.dai = dai;
    }

    /** One keeper's bid as sent: a tend ({@code dent} false) or a dent, with what it costs in gas. */
    private record Intent(LiquidatorLedger keeper, long auction, boolean dent, BigInteger lot, BigInteger bid,
                          double gasNative, double gasUsd) {
        double tip() {
            return keeper.profile().priorityFeeGwei();
        }
    }

    /** Runs the keepers' bids of this block on every open auction; returns the flipper after them. */
    FlipperState bid(FlipperState state, Collection<LiquidatorLedger> keepers, BlockContext block) {
        List<Intent> intents = new ArrayList<>();
        Map<BigInteger, Double> values = new HashMap<>();
        double nativeUsd = block.prices().usd(block.chain().nativeAsset());
        double daiUsd = block.prices().usd(dai);
        // Per keeper, for this block: gas it may still spend, DAI it may still bid, a bid's gas (native, USD).
        List<LiquidatorLedger> ks = List.copyOf(keepers);
        double[] gasLeft = new double[ks.size()];
        double[] free = new double[ks.size()];
        double[] gasNative = new double[ks.size()];
        for (int i = 0; i < ks.size(); i++) {
            LiquidatorProfile p = ks.get(i).profile();
            gasLeft[i] = ks.get(i).gasBudgetLeft(chain, block.number());
            free[i] = ks.get(i).capital(chain, dai) - DssMath.toDouble(locked(p.id()), DssMath.RAD);
            gasNative[i] = BID_GAS * (block.baseFeeGwei() + p.priorityFeeGwei()) * 1e-9;
        }
        for (FlipBid a : state.bids().values()) {
            long seen = firstSeen.computeIfAbsent(a.id(), id -> block.number());
            if (!a.biddable(block.now())) {
                continue;
            }
            Auction view = null;
            for (int i = 0; i < ks.size(); i++) {
                LiquidatorProfile p = ks.get(i).profile();
                if (block.number() < seen + p.reactionLatencyBlocks() || gasNative[i] > gasLeft[i]
                        || a.guy().value().equals(p.id())) {
                    continue;
                }
                if (view == null) {
                    double lot = DssMath.toDouble(a.lot(), DssMath.WAD);
                    view = new Auction(a, lot, DssMath.toDouble(a.tab(), DssMath.RAD),
                            values.computeIfAbsent(a.lot(), l -> quotes.proceeds(block.market(), collateral, dai, lot)));
                }
                double gasUsd = gasNative[i] * nativeUsd;
                Intent intent = decide(view, ks.get(i), (gasUsd + p.minProfitUsd()) / daiUsd, free[i], gasNative[i],
                        gasUsd);
                if (intent != null) {
                    gasLeft[i] -= gasNative[i];
                    free[i] -= DssMath.toDouble(intent.bid(), DssMath.RAD);
                    intents.add(intent);
                }
            }
        }
        return land(state, intents, block);
    }

    /** An open auction as the keepers read it this block: lot and tab in natural units, the lot's sale value in DAI. */
    private record Auction(FlipBid bid, double lot, double tab, double lotValue) {
    }

    /**
     * The bid a keeper sends on auction {@code a}, or null: {@code costDai} is the bid's gas plus the keeper's minimum
     * profit in DAI, {@code free} its DAI not standing in bids.
     */
    private Intent decide(Auction view, LiquidatorLedger k, double costDai, double free, double gasNative,
                          double gasUsd) {
        FlipBid a = view.bid();
        double tab = view.tab();
        double lotValue = view.lotValue();
        if (a.dentPhase()) {
            double lot = view.lot();
            if (free < tab || !(lotValue > 0) || lot <= 0) {
                return null;
            }
            double wanted = (tab + costDai) / (lotValue / lot);
            BigInteger ask = ShortestDecimal.of(wanted).movePointRight(18).setScale(0, RoundingMode.CEILING)
                    .toBigInteger();
            if (ask.signum() <= 0 || ask.compareTo(flipper.maximumDent(a)) > 0) {
                return null;
            }
            return new Intent(k, a.id(), true, ask, a.tab(), gasNative, gasUsd);
        }
        double limit = Math.min(lotValue - costDai, free);
        if (!(limit > 0)) {
            return null;
        }
        BigInteger bid;
        if (!a.hasBid()) {
            bid = flipper.minimumTend(a);
        } else if (limit >= tab) {
            bid = a.tab();
        } else {
            bid = DssMath.fromDouble(limit, DssMath.RAD);
            if (bid.compareTo(flipper.minimumTend(a)) < 0) {
                return null;
            }
        }
        if (DssMath.toDouble(bid, DssMath.RAD) > free) {
            return null;
        }
        return new Intent(k, a.id(), false, a.lot(), bid, gasNative, gasUsd);
    }

    private FlipperState land(FlipperState state, List<Intent> intents, BlockContext block) {
        List<Intent> order = new ArrayList<>(intents);
        for (int i = order.size() - 1; i > 0; i--) {
            int j = block.rng().nextInt(i + 1);
            Intent t = order.get(i);
            order.set(i, order.get(j));
            order.set(j, t);
        }
        order.sort(Comparator.comparingDouble(Intent::tip).reversed());
        for (Intent in : order) {
            AccountId guy = AccountId.of(in.keeper().profile().id());
            FlipMove move;
            try {
                move = in.dent() ? flipper.dent(state, in.auction(), guy, in.lot(), in.bid(), block.now())
                        : flipper.tend(state, in.auction(), guy, in.lot(), in.bid(), block.now());
            } catch (CdpRevertException outbidInThisBlock) {
                continue;
            }
            state = move.state();
            returned = returned.add(move.toUsr());
            locked.computeIfPresent(move.refunded().value(), (id, v) -> v.subtract(move.refund()));
            locked.merge(guy.value(), move.auction().bid(), BigInteger::add);
            standingGasUsd.put(in.auction(), in.gasUsd());
            standingTip.put(in.auction(), in.tip());
        }
        return state;
    }

    /** The winner's DAI leaves its standing bids at deal; returns the gas its winning bid cost, USD. */
    double dealt(FlipBid won) {
        locked.computeIfPresent(won.guy().value(), (id, v) -> v.subtract(won.bid()));
        firstSeen.remove(won.id());
        standingTip.remove(won.id());
        Double gas = standingGasUsd.remove(won.id());
        return gas == null ? 0 : gas;
    }

    /** Collateral given back to vault owners by dents since the last call [WAD]. */
    BigInteger drainReturned() {
        BigInteger out = returned;
        returned = BigInteger.ZERO;
        return out;
    }

    /** Gas paid for the standing bid of {@code auction}, USD. */
    double standingGasUsd(long auction) {
        return standingGasUsd.getOrDefault(auction, 0.0);
    }

    /** Priority fee of the standing bid of {@code auction}, gwei. */
    double standingTip(long auction) {
        return standingTip.getOrDefault(auction, 0.0);
    }

    /** RAD a keeper has standing in bids. */
    BigInteger locked(String keeper) {
        return locked.getOrDefault(keeper, BigInteger.ZERO);
    }
}
