package dev.fracture.engine;

import dev.fracture.market.LiquidityProfile;
import dev.fracture.market.Market;
import dev.fracture.market.MathMode;
import dev.fracture.market.Quote;
import dev.fracture.market.Venue;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Bridge;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.VenueId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The unified-liquidity counterfactual of a market (the source documents' argument: one pool per asset instead of
 * liquidity split over venues and chains): the two-asset venues of every pair of assets are merged into one pool,
 * an asset counting as one across chains — its bridged copies ({@link Market#family}) and, for a stablecoin, the
 * same coin issued natively on other chains (same symbol and peg, as Circle issues USDC on each chain) — and every
 * bridge has zero latency.
 *
 * <p>The merged pool trades as its members would if an arbitrageur kept them aligned: an order is split so that every
 * member's price moves by the same fraction, found by bisection on the members' own {@link Venue#depth}, so its
 * depth at any move is the sum of theirs (for constant-product members at one price this is exactly the pool with
 * the summed reserves). Each member venue id stays in the market as a view of the merged pool on its own chain with
 * its own tokens, so feeds over a venue, trace columns and liquidity withdrawals keep their names: a liquidation on
 * any chain sells into the whole pool.
 */
final class UnifiedMarket {
    private UnifiedMarket() {
    }

    static Market of(EcosystemSnapshot snapshot) {
        EcosystemSnapshot instant = new EcosystemSnapshot(snapshot.name(), snapshot.asOf(), snapshot.chains(),
                snapshot.assets(), snapshot.bridges().stream().map(b -> new Bridge(b.id(), b.chainA(), b.chainB(), 0,
                b.capacityPerHourUsd(), b.feeBps(), b.status())).toList(), snapshot.venues(), snapshot.oracles(),
                snapshot.protocols());
        Market fragmented = Market.of(instant, MathMode.FAST);
        Map<String, List<Venue>> groups = new LinkedHashMap<>();
        List<Venue> out = new ArrayList<>();
        for (Venue v : fragmented.venues()) {
            if (v.assets().size() != 2 || v.fixedRate()) {
                // A wrapper is a contract, not liquidity: it stays as it is beside the merged pools.
                out.add(v);
                continue;
            }
            AssetId f0 = canonical(fragmented, v.assets().get(0));
            AssetId f1 = canonical(fragmented, v.assets().get(1));
            String key = f0.compareTo(f1) < 0 ? f0 + "/" + f1 : f1 + "/" + f0;
            groups.computeIfAbsent(key, k -> new ArrayList<>()).add(v);
        }
        for (List<Venue> members : groups.values()) {
            if (members.size() == 1) {
                out.add(members.get(0));
                continue;
            }
            Pool pool = new Pool(members, fragmented);
            for (Venue m : members) {
                out.add(new MergedVenue(m.id(), m.chain(), m.assets(), pool));
            }
        }
        return Market.of(instant, out);
    }

    /**
     * The one asset {@code id} counts as across chains: its family's root, or for a stablecoin root the first (by id)
     * stablecoin root of the same symbol and peg.
     */
    static AssetId canonical(Market market, AssetId id) {
        Asset root = market.asset(market.family(id));
        if (!(root.kind() instanceof AssetKind.Stablecoin coin)) {
            return root.id();
        }
        AssetId first = root.id();
        for (Asset a : market.snapshot().assets()) {
            if (a.kind() instanceof AssetKind.Stablecoin other && a.symbol().equals(root.symbol())
                    && other.peg().equals(coin.peg()) && a.id().compareTo(first) < 0) {
                first = a.id();
            }
        }
        return first;
    }

    /** The merged liquidity of one pair of families: its members, addressed by family. */
    static final class Pool {
        private final List<Venue> members;
        private final List<AssetId[]> familyOf;

        Pool(List<Venue> members, Market market) {
            this.members = members;
            this.familyOf = new ArrayList<>();
            for (Venue m : members) {
                familyOf.add(new AssetId[] {canonical(market, m.assets().get(0)), canonical(market, m.assets().get(1))});
            }
        }

        private Pool(List<Venue> members, List<AssetId[]> familyOf) {
            this.members = members;
            this.familyOf = familyOf;
        }

        Pool copy() {
            return new Pool(members.stream().map(Venue::copy).toList(), familyOf);
        }

        /** The sum of the members' versions: a trade through any view changes it; -1 when a member does not count. */
        long version() {
            long sum = 0;
            for (Venue m : members) {
                long v = m.version();
                if (v < 0) {
                    return -1;
                }
                sum += v;
            }
            return sum;
        }

        /** Member k's own token of family {@code f}. */
        private AssetId token(int k, AssetId f) {
            return familyOf.get(k)[0].equals(f) ? members.get(k).assets().get(0) : members.get(k).assets().get(1);
        }

        double depth(AssetId in, AssetId out, double move) {
            double sum = 0;
            for (int k = 0; k < members.size(); k++) {
                sum += members.get(k).depth(token(k, in), token(k, out), move);
            }
            return sum;
        }

        /** The common move at which the members together absorb {@code amount}; 1 when they cannot. */
        private double moveFor(AssetId in, AssetId out, double amount) {
            double hi = Math.nextDown(1.0);
            if (depth(in, out, hi) <= amount) {
                return hi;
            }
            double lo = 0;
            for (int i = 0; i < 200 && hi - lo > 1e-17; i++) {
                double mid = 0.5 * (lo + hi);
                if (depth(in, out, mid) < amount) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return hi;
        }

        /** Sells exactly {@code amount} of family {@code in}: {amount in, amount out, fee}. */
        double[] sell(AssetId in, AssetId out, double amount, boolean commit) {
            double move = moveFor(in, out, amount);
            double[] parts = new double[members.size()];
            double total = 0;
            for (int k = 0; k < members.size(); k++) {
                parts[k] = members.get(k).depth(token(k, in), token(k, out), move);
                total += parts[k];
            }
            double scale = total > amount ? amount / total : 1;
            double[] r = new double[3];
            for (int k = 0; k < members.size(); k++) {
                double part = parts[k] * scale;
                if (part > 0) {
                    Venue m = members.get(k);
                    Quote q = commit ? m.swapExactIn(token(k, in), token(k, out), part)
                            : m.quoteExactIn(token(k, in), token(k, out), part);
                    r[0] += q.amountIn();
                    r[1] += q.amountOut();
                    r[2] += q.feePaid();
                }
            }
            return r;
        }

        /**
         * Spot of family {@code base} in {@code quote}: the members' spots weighted by their depth within 2%; a member
         * with no price (an order book swept empty) has no weight, and with no depth anywhere the first priced
         * member's spot stands.
         */
        double spot(AssetId base, AssetId quote) {
            double w = 0;
            double sum = 0;
            double fallback = Double.NaN;
            for (int k = 0; k < members.size(); k++) {
                Venue m = members.get(k);
                double p = m.spotPrice(token(k, base), token(k, quote));
                if (!(p > 0) || Double.isInfinite(p)) {
                    continue;
                }
                if (Double.isNaN(fallback)) {
                    fallback = p;
                }
                double d = m.depth(token(k, base), token(k, quote), 0.02);
                if (d > 0 && !Double.isInfinite(d)) {
                    sum += d * p;
                    w += d;
                }
            }
            return w > 0 ? sum / w : fallback;
        }

        double marginalRate(AssetId in, AssetId out) {
            double best = 0;
            for (int k = 0; k < members.size(); k++) {
                double r = members.get(k).marginalRate(token(k, in), token(k, out));
                if (r > best && !Double.isInfinite(r)) {
                    best = r;
                }
            }
            return best;
        }

        /** The providers of member {@code id} withdraw their share of its liquidity, the rest of the pool stays. */
        double[] withdraw(VenueId id, double fraction) {
            for (Venue m : members) {
                if (m.id().equals(id)) {
                    return m.withdrawLiquidity(fraction);
                }
            }
            throw new IllegalStateException("merged pool has no member " + id);
        }

        LiquidityProfile profile(AssetId base, AssetId quote, int buckets, double range) {
            double[] amounts = new double[2 * buckets];
            List<LiquidityProfile.Band> first = null;
            for (int k = 0; k < members.size(); k++) {
                List<LiquidityProfile.Band> bands = members.get(k).liquidityProfile(token(k, base), token(k, quote),
                        buckets, range).bands();
                if (first == null) {
                    first = bands;
                }
                for (int i = 0; i < Math.min(bands.size(), amounts.length); i++) {
                    amounts[i] += bands.get(i).baseAmount();
                }
            }
            List<LiquidityProfile.Band> out = new ArrayList<>();
            for (int i = 0; i < first.size(); i++) {
                out.add(new LiquidityProfile.Band(first.get(i).priceLower(), first.get(i).priceUpper(), amounts[i]));
            }
            return new LiquidityProfile(base, quote, spot(base, quote), out);
        }
    }

    /** One member's place in the merged pool: its id, chain and tokens, trading against the whole pool. */
    static final class MergedVenue implements Venue {
        private final VenueId id;
        private final ChainId chain;
        private final List<AssetId> assets;
        private final Pool pool;
        private final AssetId[] families;

        MergedVenue(VenueId id, ChainId chain, List<AssetId> assets, Pool pool) {
            this.id = id;
            this.chain = chain;
            this.assets = List.copyOf(assets);
            this.pool = pool;
            int k = pool.members.stream().map(Venue::id).toList().indexOf(id);
            this.families = pool.familyOf.get(k);
        }

        private AssetId family(AssetId token) {
            int i = assets.indexOf(token);
            if (i < 0) {
                throw new IllegalArgumentException("venue " + id + " does not trade asset " + token + " (trades "
                        + assets + ")");
            }
            return families[i];
        }

        @Override
        public VenueId id() {
            return id;
        }

        @Override
        public ChainId chain() {
            return chain;
        }

        @Override
        public List<AssetId> assets() {
            return assets;
        }

        @Override
        public Quote trade(AssetId tokenIn, AssetId tokenOut, double amount, Exact fixed, boolean commit) {
            AssetId in = family(tokenIn);
            AssetId out = family(tokenOut);
            if (!(amount >= 0) || Double.isInfinite(amount)) {
                throw new IllegalArgumentException("venue " + id + ": amount must be a finite number >= 0, got "
                        + amount);
            }
            double spot = pool.spot(in, out);
            double sellAmount = amount;
            if (fixed == Exact.OUT) {
                double lo = 0;
                double hi = pool.depth(in, out, Math.nextDown(1.0));
                if (pool.sell(in, out, hi, false)[1] < amount) {
                    sellAmount = hi;
                } else {
                    for (int i = 0; i < 200 && hi - lo > 1e-12 * hi; i++) {
                        double mid = 0.5 * (lo + hi);
                        if (pool.sell(in, out, mid, false)[1] < amount) {
                            lo = mid;
                        } else {
                            hi = mid;
                        }
                    }
                    sellAmount = hi;
                }
            }
            double[] r = pool.sell(in, out, sellAmount, commit);
            boolean complete = fixed == Exact.IN ? r[0] >= amount * (1 - 1e-12) : r[1] >= amount * (1 - 1e-12);
            return new Quote(id, tokenIn, tokenOut, r[0], r[1], r[2], spot, commit ? pool.spot(in, out) : spot,
                    complete);
        }

        @Override
        public double spotPrice(AssetId base, AssetId quote) {
            return pool.spot(family(base), family(quote));
        }

        @Override
        public double marginalRate(AssetId tokenIn, AssetId tokenOut) {
            return pool.marginalRate(family(tokenIn), family(tokenOut));
        }

        @Override
        public double depth(AssetId tokenIn, AssetId tokenOut, double priceMoveFraction) {
            return pool.depth(family(tokenIn), family(tokenOut), priceMoveFraction);
        }

        @Override
        public LiquidityProfile liquidityProfile(AssetId base, AssetId quote, int buckets, double rangeFraction) {
            LiquidityProfile p = pool.profile(family(base), family(quote), buckets, rangeFraction);
            return new LiquidityProfile(base, quote, p.spot(), p.bands());
        }

        /**
         * The providers of this member venue take their share out of its part of the merged pool (the other
         * members' providers decide for themselves), so a withdrawal counts once however many views the pool has.
         */
        @Override
        public double[] withdrawLiquidity(double fraction) {
            return pool.withdraw(id, fraction);
        }

        @Override
        public Venue copy() {
            return new MergedVenue(id, chain, assets, pool.copy());
        }

        @Override
        public long version() {
            return pool.version();
        }
    }
}
