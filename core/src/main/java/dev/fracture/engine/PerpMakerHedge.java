package dev.fracture.engine;

import dev.fracture.model.AssetId;
import dev.fracture.protocol.perp.BookFill;
import java.util.List;

/**
 * Where a perp liquidation's selling goes beyond the perp book. A liquidated long is closed by selling the contract
 * into the makers' bids; the makers, now longer, hedge by selling the underlying — Hyperliquid's market makers and its
 * HLP market-making strategy quote the book and hedge on other venues (Hyperliquid docs "Hyperliquidity Provider
 * (HLP)"; the 10 October 2025 cascade showed as selling on centralized spot and perp markets at once). The share
 * {@code makerHedgeFraction} of the units the makers absorb is hedged in the same block; the rest stays on their books.
 *
 * <p>The hedge is booked, per market and block, as the net units the makers bought: net buying of the contract is sold
 * on the exchange chain's venues as the market's {@code spotAsset} (when it has one) and counts in full as forced
 * selling of the underlying on the reference market, as a liquidator's sale of seized collateral does; net selling of
 * the contract (liquidated shorts) is bought on the chain's venues only — the engine's impact law knows selling, not
 * buying, so it does not lift the reference price.
 */
final class PerpMakerHedge {
    private final List<PerpMarketLive> markets;
    private final AssetId settlement;
    private final double[] makersBought;
    private double soldUsdThisBlock;

    PerpMakerHedge(List<PerpMarketLive> markets, AssetId settlement) {
        this.markets = List.copyOf(markets);
        this.settlement = settlement;
        this.makersBought = new double[markets.size()];
    }

    /** The makers took the other side of this fill: the trader's size, negated. */
    void absorb(int market, BookFill fill) {
        makersBought[market] -= fill.size();
    }

    /** Puts the block's hedges through the chain's venues and the reference market; clears them. */
    void execute(BlockContext block) {
        for (int m = 0; m < markets.size(); m++) {
            PerpMarketLive live = markets.get(m);
            double units = makersBought[m] * live.spec().book().makerHedgeFraction();
            makersBought[m] = 0;
            if (units == 0) {
                continue;
            }
            AssetId spot = live.spec().spotAsset();
            double usd = Math.abs(units) * live.reference();
            if (units > 0) {
                if (spot != null) {
                    block.sell(spot, settlement, units);
                }
                block.forcedSale(live.asset(), usd);
                soldUsdThisBlock += usd;
            } else if (spot != null) {
                block.sell(settlement, spot, usd / block.prices().usd(settlement));
            }
            block.log("perp-maker-hedge", live.id(), (units > 0 ? "makers sell " : "makers buy ") + Math.abs(units)
                    + " " + live.asset() + (spot == null ? " on the reference market" : " on " + block.chain().id()
                    + " venues as " + spot + (units > 0 ? " and on the reference market" : "")), units > 0 ? usd
                    : -usd);
        }
    }

    /** USD of underlying the makers' hedges sold since the last call. */
    double takeSoldUsd() {
        double s = soldUsdThisBlock;
        soldUsdThisBlock = 0;
        return s;
    }
}
