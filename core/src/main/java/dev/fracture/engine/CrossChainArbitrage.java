package dev.fracture.engine;

import dev.fracture.market.Quote;
import dev.fracture.market.Venue;
import dev.fracture.model.Asset;
import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.Bridge;
import dev.fracture.model.ChainId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Arbitrage of venues that trade a bridged token, which the global market reaches only through bridges (DESIGN.md,
 * "Price formation": limited across chains by bridge latency, capacity and fee, which is how gaps persist).
 *
 * <p>Arbitrageurs hold an inventory of each bridged token on its chain (target {@code bridgedInventoryUsd} at the
 * snapshot price). On a venue of that chain they trade toward the reference prices as {@link Arbitrageur} does,
 * within the same capital per block, but a bridged token they sell into the venue must come out of the inventory, and
 * a bridged token they buy must fit in it: up to the target plus what the bridge home can still carry this hour; and
 * they value a bridged token net of the bridges' fees it will pay (see {@link #pull}). A token of the chain's own
 * (native, or issued there) is bought or sold on the global market at once.
 *
 * <p>Each block of the chain, inventory above the target is shipped home (to the token's origin, through every bridge
 * it was minted by) and sold there at the reference price on arrival; inventory below the target plus what the venues
 * asked for and could not get is bought at home and shipped over. A shipment takes the bridges' summed latency, pays
 * each bridge's fee on arrival, counts against each bridge's capacity per hour in its direction (over the trailing
 * hour), and neither leaves nor lands while a bridge on its way is halted ({@link BridgeSchedule}) — so during a
 * halt the arbitrageurs trade only what they already hold, and the gap stays.
 */
final class CrossChainArbitrage {
    private static final long HOUR = 3600;

    /** One leg of the way home: a bridge crossed from one chain to another. */
    private record Hop(Bridge bridge, ChainId from, ChainId to) {
    }

    /** Bridged tokens in flight: {@code toChain} true when headed to the token's chain, false when headed home. */
    private static final class Shipment {
        final AssetId asset;
        final boolean toChain;
        final double amount;
        final long arrives;

        Shipment(AssetId asset, boolean toChain, double amount, long arrives) {
            this.asset = asset;
            this.toChain = toChain;
            this.amount = amount;
            this.arrives = arrives;
        }
    }

    /** Arbitrageurs' holding of one bridged token on its chain. */
    private static final class Holding {
        final Asset asset;
        final List<Hop> home;
        final double target;
        double inventory;
        double wanted;

        Holding(Asset asset, List<Hop> home, double target) {
            this.asset = asset;
            this.home = home;
            this.target = target;
            this.inventory = target;
        }
    }

    private final BridgeSchedule bridges;
    private final double capitalUsd;
    private final Map<AssetId, Holding> holdings = new TreeMap<>();
    private final List<Shipment> inFlight = new ArrayList<>();
    /**
     * No shipment in flight arrives before this time ({@code Long.MAX_VALUE}: none in flight): a chain's blocks come
     * every few seconds and a bridge takes minutes, so most settlements find nothing arrived without reading the
     * shipments.
     */
    private long earliestArrival = Long.MAX_VALUE;
    /** Per bridge and direction ("bridge>toChain"): {time, usd} of shipments over the trailing hour. */
    private final Map<String, ArrayDeque<double[]>> used = new HashMap<>();

    CrossChainArbitrage(List<Asset> assets, BridgeSchedule bridges, double capitalUsd, double inventoryUsd) {
        this.bridges = bridges;
        this.capitalUsd = capitalUsd;
        Map<AssetId, Asset> byId = new HashMap<>();
        assets.forEach(a -> byId.put(a.id(), a));
        for (Asset a : assets) {
            if (a.kind() instanceof AssetKind.Bridged) {
                List<Hop> home = new ArrayList<>();
                Asset x = a;
                while (x.kind() instanceof AssetKind.Bridged b) {
                    Asset origin = byId.get(b.origin());
                    Bridge bridge = bridges.bridge(b.bridge());
                    if (bridge == null) {
                        home = null;
                        break;
                    }
                    home.add(new Hop(bridge, x.chain(), origin.chain()));
                    x = origin;
                }
                holdings.put(a.id(), new Holding(a, home == null ? List.of() : home,
                        inventoryUsd / a.referencePriceUsd()));
            }
        }
    }

    /** Whether a venue trades a bridged token and so is arbitraged here rather than by {@link Arbitrageur}. */
    boolean handles(Venue venue) {
        return venue.assets().stream().anyMatch(holdings::containsKey);
    }

    /** Lands what has arrived, then ships for the holdings of {@code chain}. */
    void settle(ChainId chain, long now, OracleBank.ReferenceView reference, ExternalFlows flows) {
        if (now >= earliestArrival) {
            land(now, flows);
        }
        for (Holding h : holdings.values()) {
            if (!h.asset.chain().equals(chain) || !open(h, now)) {
                h.wanted = 0;
                continue;
            }
            double usd = reference.usd(h.asset.id());
            double excess = h.inventory - h.target;
            if (excess > 0) {
                double amount = Math.min(excess, room(h, false, now) / usd);
                ship(h, false, amount, usd, now);
                h.inventory -= amount;
            }
            double coming = 0;
            for (Shipment s : inFlight) {
                if (s.toChain && s.asset.equals(h.asset.id())) {
                    coming += s.amount;
                }
            }
            double need = h.target + h.wanted - h.inventory - coming;
            if (need > 0) {
                double amount = Math.min(need, room(h, true, now) / usd);
                flows.in(h.asset.id(), amount);
                ship(h, true, amount, usd, now);
            }
            h.wanted = 0;
        }
    }

    /** Lands, in the order shipped, every shipment that has arrived over an open bridge; the rest stay in flight. */
    private void land(long now, ExternalFlows flows) {
        long earliest = Long.MAX_VALUE;
        for (int i = 0; i < inFlight.size(); i++) {
            Shipment s = inFlight.get(i);
            Holding h = holdings.get(s.asset);
            if (s.arrives > now || !open(h, now)) {
                earliest = Math.min(earliest, s.arrives);
                continue;
            }
            inFlight.remove(i--);
            double landed = s.amount * keptAfterFees(h);
            flows.out(s.asset, s.amount - landed);
            if (s.toChain) {
                h.inventory += landed;
            } else {
                flows.out(s.asset, landed);
            }
        }
        earliestArrival = earliest;
    }

    /**
     * Pulls the venue toward the reference within capital and inventories; returns the USD value sold into it. A
     * bridged token is worth its reference price less the bridges' fees to the arbitrageur who buys it (it must go
     * home) and costs its reference price grossed up by them to one who sells it (it must be restocked), so a gap
     * within the fees stays.
     */
    double pull(Venue venue, long now, OracleBank.ReferenceView reference, ExternalFlows flows) {
        if (venue.assets().size() != 2 || capitalUsd <= 0) {
            return 0;
        }
        AssetId a = venue.assets().get(0);
        AssetId b = venue.assets().get(1);
        double usdA = reference.usd(a);
        double usdB = reference.usd(b);
        double keepA = kept(a);
        double keepB = kept(b);
        double sellATarget = (usdA / keepA) / (usdB * keepB);
        double sellA = venue.marginalRate(a, b);
        if (sellA > sellATarget * (1 + 1e-9)) {
            return trade(venue, a, b, 1 - sellATarget / sellA, capitalUsd / usdA, now, reference, flows) * usdA;
        }
        double sellBTarget = (usdB / keepB) / (usdA * keepA);
        double sellB = venue.marginalRate(b, a);
        if (sellB > sellBTarget * (1 + 1e-9)) {
            return trade(venue, b, a, 1 - sellBTarget / sellB, capitalUsd / usdB, now, reference, flows) * usdB;
        }
        return 0;
    }

    /** The share of a token that survives the bridges' fees on its way home or back: 1 for a chain's own token. */
    private double kept(AssetId token) {
        Holding h = holdings.get(token);
        return h == null ? 1 : keptAfterFees(h);
    }

    private double trade(Venue venue, AssetId in, AssetId out, double move, double maxAmount, long now,
                         OracleBank.ReferenceView reference, ExternalFlows flows) {
        if (!(move > 0)) {
            return 0;
        }
        // 1 − target/rate rounds to exactly 1 once the venue is more than about 10^16 away from the reference (a pool
        // drained to dust on one side); the venue must still be pulled back, as far as the capital allows.
        move = Math.min(move, Arbitrageur.MAX_MOVE);
        double wanted = Math.min(venue.depth(in, out, move), maxAmount);
        double amount = wanted;
        Holding sold = holdings.get(in);
        if (sold != null) {
            amount = Math.min(amount, sold.inventory);
            sold.wanted += wanted - amount;
        }
        Holding bought = holdings.get(out);
        if (bought != null && amount > 0) {
            double room = bought.target - bought.inventory
                    + (open(bought, now) ? room(bought, false, now) / reference.usd(out) : 0);
            if (room <= 0) {
                return 0;
            }
            if (venue.quoteExactIn(in, out, amount).amountOut() > room) {
                amount = venue.quoteExactOut(in, out, room).amountIn();
            }
        }
        if (!(amount > 0) || Double.isInfinite(amount)) {
            return 0;
        }
        Quote q = venue.swapExactIn(in, out, amount);
        if (sold != null) {
            sold.inventory -= q.amountIn();
        } else {
            flows.in(in, q.amountIn());
        }
        if (bought != null) {
            bought.inventory += q.amountOut();
        } else {
            flows.out(out, q.amountOut());
        }
        return q.amountIn();
    }

    private boolean open(Holding h, long now) {
        if (h.home.isEmpty()) {
            return false;
        }
        for (Hop hop : h.home) {
            if (!bridges.open(hop.bridge().id(), now)) {
                return false;
            }
        }
        return true;
    }

    private static double keptAfterFees(Holding h) {
        double kept = 1;
        for (Hop hop : h.home) {
            kept *= 1 - hop.bridge().feeFraction();
        }
        return kept;
    }

    private static long latency(Holding h) {
        double sum = 0;
        for (Hop hop : h.home) {
            sum += hop.bridge().latencySeconds();
        }
        return (long) Math.ceil(sum);
    }

    private static String direction(Hop hop, boolean toChain) {
        return hop.bridge().id().value() + ">" + (toChain ? hop.from() : hop.to()).value();
    }

    /** USD the bridges on the way can still carry in this direction within the trailing hour. */
    private double room(Holding h, boolean toChain, long now) {
        double room = Double.POSITIVE_INFINITY;
        for (Hop hop : h.home) {
            ArrayDeque<double[]> q = used.computeIfAbsent(direction(hop, toChain), k -> new ArrayDeque<>());
            while (!q.isEmpty() && q.peekFirst()[0] <= now - HOUR) {
                q.removeFirst();
            }
            double sum = 0;
            for (double[] x : q) {
                sum += x[1];
            }
            room = Math.min(room, Math.max(0, hop.bridge().capacityPerHourUsd() - sum));
        }
        return room;
    }

    private void ship(Holding h, boolean toChain, double amount, double usd, long now) {
        if (!(amount > 0)) {
            return;
        }
        for (Hop hop : h.home) {
            used.computeIfAbsent(direction(hop, toChain), k -> new ArrayDeque<>()).addLast(new double[] {now,
                    amount * usd});
        }
        long arrives = now + latency(h);
        inFlight.add(new Shipment(h.asset.id(), toChain, amount, arrives));
        earliestArrival = Math.min(earliestArrival, arrives);
    }

    /** Arbitrageurs' inventory of each bridged token on its chain, token units. */
    Map<AssetId, Double> inventory() {
        Map<AssetId, Double> out = new TreeMap<>();
        holdings.forEach((id, h) -> out.put(id, h.inventory));
        return out;
    }

    /** Tokens in flight on bridges, by bridged token, token units (before fees). */
    Map<AssetId, Double> inFlight() {
        Map<AssetId, Double> out = new TreeMap<>();
        for (Shipment s : inFlight) {
            out.merge(s.asset, s.amount, Double::sum);
        }
        return out;
    }
}
