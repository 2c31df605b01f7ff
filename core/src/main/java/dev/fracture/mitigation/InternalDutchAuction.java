package dev.fracture.mitigation;

import dev.fracture.model.AssetId;
import dev.fracture.model.ProtocolId;
import dev.fracture.scenario.MitigationSpec;
import java.util.List;
import java.util.Locale;

/**
 * The protocol auctions the collateral its liquidators seize to bidders who committed {@code committedCapitalUsd}
 * in advance, instead of letting the liquidators sell it on venues. Each lot's price falls linearly over
 * {@code durationSeconds} from the reference price × (1 + {@code startPremium}) to the reference price ×
 * (1 − {@code floorDiscount}); the committed bidders value the collateral at what it trades for on the chain's venues
 * ({@link BlockView#marketUsd}) and take the lot at the first price at or below that — at the floor when the venues
 * are lower still, since their capital is committed to absorbing lots. The lot is paid to the liquidator in the
 * debt asset at once (the auction's time to clear is logged), and the bidders hold the collateral: it never reaches a
 * venue and adds no forced selling. What the remaining capital cannot pay for goes to the venues as before.
 *
 * <p>Sources: seed document 002, "internalized liquidation auctions: moving liquidation from an immediate market
 * sell to an internal, Dutch-style auction mechanism that uses pre-committed capital from dedicated liquidators";
 * MakerDAO Liquidations 2.0, the {@code Clipper} Dutch auction ({@code buf} start premium, {@code LinearDecrease}
 * price curve, {@code cusp} floor; <i>Liquidations 2.0 technical documentation</i>, 2021), this repository's
 * {@code dev.fracture.protocol.cdp.Clipper}; Liquity's stability pool, which pre-commits LUSD to absorb liquidated
 * collateral (Liquity whitepaper, 2021).
 */
final class InternalDutchAuction implements Mitigation {
    private final MitigationSpec.InternalDutchAuction spec;
    private final String label;
    private double capitalLeftUsd;
    private double boughtUsd;
    private int lots;

    InternalDutchAuction(MitigationSpec.InternalDutchAuction spec, String label) {
        this.spec = spec;
        this.label = label;
        this.capitalLeftUsd = spec.committedCapitalUsd();
    }

    @Override
    public String label() {
        return label;
    }

    @Override
    public Disposal offer(ProtocolId protocol, AssetId collateral, AssetId debt, double amount, BlockView block) {
        if (!spec.protocol().equals(protocol) || capitalLeftUsd <= 0 || amount <= 0) {
            return Disposal.NONE;
        }
        double price = price(collateral, block);
        double taken = Math.min(amount, capitalLeftUsd / price);
        return new Disposal(taken, taken * price / block.referenceUsd(debt));
    }

    /** Where the auction clears: the market price, kept between the floor and the start price. */
    private double price(AssetId collateral, BlockView block) {
        double reference = block.referenceUsd(collateral);
        double start = reference * (1 + spec.startPremium());
        double floor = reference * (1 - spec.floorDiscount());
        return Math.max(floor, Math.min(start, block.marketUsd(collateral)));
    }

    @Override
    public Disposal dispose(ProtocolId protocol, AssetId collateral, AssetId debt, double amount, BlockView block) {
        if (!spec.protocol().equals(protocol) || capitalLeftUsd <= 0 || amount <= 0) {
            return Disposal.NONE;
        }
        double reference = block.referenceUsd(collateral);
        double start = reference * (1 + spec.startPremium());
        double floor = reference * (1 - spec.floorDiscount());
        double price = price(collateral, block);
        double taken = Math.min(amount, capitalLeftUsd / price);
        double paidUsd = taken * price;
        capitalLeftUsd = Math.max(0, capitalLeftUsd - paidUsd);
        boughtUsd += paidUsd;
        lots++;
        double clearsAfter = start == floor ? 0 : spec.durationSeconds() * (start - price) / (start - floor);
        block.log("auction-lot", protocol.value(), String.format(Locale.ROOT,
                "%s: %.6g %s taken at $%.6g, clearing %.0f s into the auction; $%.2f committed capital left",
                label, taken, collateral.value(), price, clearsAfter, capitalLeftUsd), paidUsd);
        return new Disposal(taken, paidUsd / block.referenceUsd(debt));
    }

    /** The committed capital waits idle for lots: all of it is capital the protocol's users cannot put to work. */
    @Override
    public double capitalCostUsd() {
        return spec.committedCapitalUsd();
    }

    @Override
    public List<String> measures() {
        return List.of("boughtUsd", "lots", "capitalLeftUsd");
    }

    @Override
    public double[] values() {
        return new double[] {boughtUsd, lots, capitalLeftUsd};
    }
}
