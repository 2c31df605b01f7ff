package dev.fracture.engine;

import dev.fracture.market.GasSchedule;
import dev.fracture.market.LegFill;
import dev.fracture.market.RouteRequest;
import dev.fracture.market.Router;
import dev.fracture.market.Venue;
import dev.fracture.mitigation.BlockView;
import dev.fracture.mitigation.MitigationSet;
import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.VenueId;

/** A block as the mitigations see it: the engine's {@link BlockContext}, with trading halts respected. */
final class MitigationView implements BlockView {
    private final BlockContext block;
    private final MitigationSet set;

    MitigationView(BlockContext block, MitigationSet set) {
        this.block = block;
        this.set = set;
    }

    @Override
    public long now() {
        return block.now();
    }

    @Override
    public ChainId chain() {
        return block.chain().id();
    }

    @Override
    public long number() {
        return block.number();
    }

    @Override
    public double referenceUsd(AssetId asset) {
        return block.prices().usd(asset);
    }

    @Override
    public double marketUsd(AssetId asset) {
        double sum = 0;
        int n = 0;
        for (Venue v : block.market().venues()) {
            if (v.chain().equals(chain()) && v.assets().size() == 2 && v.assets().contains(asset) && !v.fixedRate()) {
                AssetId other = v.assets().get(0).equals(asset) ? v.assets().get(1) : v.assets().get(0);
                sum += v.spotPrice(asset, other) * block.prices().usd(other);
                n++;
            }
        }
        return n == 0 ? referenceUsd(asset) : sum / n;
    }

    @Override
    public double quoteSell(AssetId in, AssetId out, double amount) {
        double received = 0;
        for (LegFill f : Router.DEFAULT.routeOnly(block.market(), RouteRequest.of(in, out, amount).withMaxLatency(0)
                .withGas(GasSchedule.FREE)).fills()) {
            if (f.toBuyer()) {
                received += f.delivered();
            }
        }
        return received;
    }

    @Override
    public double depthUsd(VenueId venue, AssetId asset, AssetId other, double band) {
        return block.market().venue(venue).filter(v -> v.chain().equals(chain()))
                .map(v -> v.depth(asset, other, band) * referenceUsd(asset)).orElse(0.0);
    }

    @Override
    public double sell(AssetId in, AssetId out, double amount) {
        if (set.tradingHalted(in, chain(), now()) || set.tradingHalted(out, chain(), now())) {
            return 0;
        }
        double proceeds = block.sell(in, out, amount);
        block.forcedSale(in, amount * referenceUsd(in));
        return proceeds;
    }

    @Override
    public void log(String kind, String subject, String detail, double usd) {
        block.log(kind, subject, detail, usd);
    }
}
