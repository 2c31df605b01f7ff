package dev.fracture.engine;

import dev.fracture.market.Venue;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;
import dev.fracture.scenario.ScenarioEvent;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The liquidity providers of one chain's venues. Each block, after the liquidations, they take liquidity out of a
 * venue in two ways: when a scenario's {@link ScenarioEvent.LiquidityWithdrawal} names it (from the first block at or
 * after its time: that share of what is still in), and as the venue's realized volatility rises
 * ({@link LiquidityProviderRule}). What they take out is held by them, off the venues, and counted
 * ({@link #held()}). Neither may take out depth that the run's {@link MarketDynamics.WithdrawalFloor} keeps in
 * (liquidity incentives): the venue's remaining share of its starting liquidity never falls below the floor by a
 * withdrawal. Each withdrawal is logged ({@code lp-withdrawal}) with its value at reference prices.
 *
 * <p>Trace columns: {@code lpKept:VENUE}, the share of the venue's starting liquidity still in it.
 */
final class LiquidityProviders implements BlockParticipant {
    private final ChainId chain;
    private final List<VenueId> venueIds;
    private final LiquidityProviderRule rule;
    private final MarketDynamics.WithdrawalFloor floor;
    private final List<ScenarioEvent.LiquidityWithdrawal> scheduled = new ArrayList<>();
    private final boolean[] done;
    private final double[] kept;
    private final double[] lastSpot;
    private final List<ArrayDeque<double[]>> returns = new ArrayList<>();
    /** Per venue, Σ r² over the window, kept as entries come and go (no rescan per block). */
    private final double[] sumSquares;
    private final Map<AssetId, Double> held = new LinkedHashMap<>();

    LiquidityProviders(ChainId chain, List<VenueId> venueIds, MarketDynamics dynamics) {
        this.chain = chain;
        this.venueIds = List.copyOf(venueIds);
        this.rule = dynamics.providers();
        this.floor = dynamics.floor();
        for (ScenarioEvent e : dynamics.events()) {
            if (e instanceof ScenarioEvent.LiquidityWithdrawal w
                    && w.venues().stream().anyMatch(this.venueIds::contains)) {
                scheduled.add(w);
            }
        }
        this.done = new boolean[scheduled.size()];
        this.kept = new double[venueIds.size()];
        this.lastSpot = new double[venueIds.size()];
        this.sumSquares = new double[venueIds.size()];
        Arrays.fill(kept, 1);
        Arrays.fill(lastSpot, Double.NaN);
        venueIds.forEach(v -> returns.add(new ArrayDeque<>()));
    }

    @Override
    public ChainId chain() {
        return chain;
    }

    @Override
    public void act(BlockContext block) {
        long now = block.now();
        for (int k = 0; k < scheduled.size(); k++) {
            ScenarioEvent.LiquidityWithdrawal w = scheduled.get(k);
            if (!done[k] && now >= w.atSeconds()) {
                done[k] = true;
                for (VenueId id : w.venues()) {
                    int v = venueIds.indexOf(id);
                    if (v >= 0) {
                        withdrawTo(block, v, kept[v] * (1 - w.fraction()), "scenario withdrawal of "
                                + w.fraction() + " of what is in");
                    }
                }
            }
        }
        for (int v = 0; v < venueIds.size(); v++) {
            Venue venue = block.market().venue(venueIds.get(v)).orElseThrow();
            double sigma = realizedVolatility(v, venue, now);
            double share = rule.withdrawnShare(sigma);
            if (1 - share < kept[v]) {
                withdrawTo(block, v, 1 - share, "realized volatility " + sigma + " over " + rule.windowSeconds()
                        + " s");
            }
        }
    }

    /** √(Σ r²) of the venue's spot over the trailing window, r the log change from one block to the next. */
    private double realizedVolatility(int v, Venue venue, long now) {
        double spot = venue.spotPrice(venue.assets().get(0), venue.assets().get(1));
        ArrayDeque<double[]> window = returns.get(v);
        if (lastSpot[v] > 0 && spot > 0) {
            double r = Math.log(spot / lastSpot[v]);
            window.addLast(new double[] {now, r * r});
            sumSquares[v] += r * r;
        }
        lastSpot[v] = spot;
        while (!window.isEmpty() && window.peekFirst()[0] <= now - rule.windowSeconds()) {
            sumSquares[v] -= window.removeFirst()[1];
        }
        if (window.isEmpty()) {
            sumSquares[v] = 0;
        }
        return Math.sqrt(Math.max(0, sumSquares[v]));
    }

    /** Takes the venue down to {@code target} of its starting liquidity, never below the floor. */
    private void withdrawTo(BlockContext block, int v, double target, String why) {
        VenueId id = venueIds.get(v);
        double goal = Math.max(target, Math.min(1, floor.keptFraction(id, block.now())));
        if (!(goal < kept[v])) {
            return;
        }
        // A venue cannot be emptied (it would have no price): "everything" leaves the smallest share a double holds.
        double fraction = Math.min(1 - goal / kept[v], Math.nextDown(1.0));
        Venue venue = block.market().venue(id).orElseThrow();
        double[] out = venue.withdrawLiquidity(fraction);
        double usd = 0;
        for (int i = 0; i < out.length; i++) {
            AssetId a = venue.assets().get(i);
            held.merge(a, out[i], Double::sum);
            usd += out[i] * block.prices().usd(a);
        }
        kept[v] = kept[v] * (1 - fraction);
        block.log("lp-withdrawal", id.value(), why + ": " + String.format(Locale.ROOT, "%.4f", fraction)
                + " of the liquidity withdrawn, " + String.format(Locale.ROOT, "%.4f", kept[v])
                + " of the starting liquidity left", usd);
    }

    /** Tokens the providers took out so far, by asset. */
    Map<AssetId, Double> held() {
        return held;
    }

    @Override
    public List<String> columns() {
        return venueIds.stream().map(v -> "lpKept:" + v).toList();
    }

    @Override
    public void fill(double[] row, int offset) {
        System.arraycopy(kept, 0, row, offset, kept.length);
    }
}
