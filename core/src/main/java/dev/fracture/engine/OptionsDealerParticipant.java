package dev.fracture.engine;

import dev.fracture.model.AssetId;
import dev.fracture.model.ChainId;
import dev.fracture.model.EcosystemSnapshot;
import dev.fracture.model.ProtocolSpec;
import dev.fracture.protocol.options.AtmPoint;
import dev.fracture.protocol.options.DealerBook;
import dev.fracture.protocol.options.DeltaHedger;
import dev.fracture.protocol.options.HedgePlan;
import dev.fracture.protocol.options.OptionPosition;
import dev.fracture.protocol.options.OptionType;
import dev.fracture.protocol.options.PricingContext;
import dev.fracture.protocol.options.Side;
import dev.fracture.protocol.options.VolSurface;
import dev.fracture.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Options dealers in a run (a {@link ProtocolSpec.OptionsDealer} of the snapshot): in every block of their chain they
 * revalue their book at the underlying's reference price and re-hedge to delta-neutral ({@link DeltaHedger}), trading
 * {@code −(Δ_options(new) − Δ_options(old))} units. A short-gamma book sells into a fall — gamma amplification
 * ({@code dev.fracture.protocol.options.GammaMap}; SqueezeMetrics, "Gamma Exposure (GEX)").
 *
 * <p>Where the trade goes: the share {@code venueShare} is traded on the chain's venues (as {@code spotAsset}
 * against {@code quoteAsset}); a sale counts in full as forced selling of the underlying, which the impact law turns
 * into a lower reference price — the rest of it is the dealers' hedge on centralized exchanges, the reference
 * market. Purchases move only the chain's venues: the engine's impact law knows selling, not buying. The dealers
 * start delta-neutral at the snapshot's price; model time is years after the snapshot, and options past expiry drop
 * out, so their hedge unwinds.
 *
 * <p>Trace columns, per dealer {@code X}: {@code dealerHedgeSold:X} (underlying sold in the block, USD at the
 * reference; negative for purchases) and {@code dealerGamma:X} (the book's gamma at the last spot, units of
 * underlying per USD).
 */
final class OptionsDealerParticipant implements BlockParticipant {
    private final ProtocolSpec.OptionsDealer spec;
    private final DealerBook book;
    private final VolSurface surface;
    private final DeltaHedger hedger;
    private double hedge;
    private double gamma;
    private double soldUsd;

    OptionsDealerParticipant(ProtocolSpec.OptionsDealer spec, EcosystemSnapshot snapshot) {
        this.spec = spec;
        this.book = book(spec);
        this.surface = surface(spec.surface());
        this.hedger = DeltaHedger.withBand(spec.hedgeBand());
        PricingContext start = context(snapshot.asset(spec.underlying()).orElseThrow().referencePriceUsd(), 0);
        this.hedge = -book.delta(start);
        this.gamma = book.gamma(start);
    }

    static DealerBook book(ProtocolSpec.OptionsDealer spec) {
        List<OptionPosition> positions = new ArrayList<>();
        for (ProtocolSpec.OptionsDealer.OptionHolding h : spec.positions()) {
            positions.add(new OptionPosition(h.id(),
                    h.type() == ProtocolSpec.OptionsDealer.OptionKind.CALL ? OptionType.CALL : OptionType.PUT,
                    h.strike(), h.expiryDays() / 365, h.size(),
                    h.side() == ProtocolSpec.OptionsDealer.Side.LONG ? Side.LONG : Side.SHORT));
        }
        return new DealerBook(spec.underlying(), positions);
    }

    static VolSurface surface(ProtocolSpec.OptionsDealer.Surface s) {
        List<AtmPoint> atm = new ArrayList<>();
        s.atm().forEach(p -> atm.add(new AtmPoint(p.expiryDays() / 365, p.vol())));
        return new VolSurface(atm, s.skew(), s.curvature(), s.floor());
    }

    private PricingContext context(double spot, long now) {
        return new PricingContext(spot, now / (double) Scenario.SECONDS_PER_YEAR, spec.rate(), spec.yield(), surface);
    }

    @Override
    public ChainId chain() {
        return spec.chain();
    }

    @Override
    public void act(BlockContext block) {
        double spot = block.prices().usd(spec.underlying());
        PricingContext market = context(spot, block.now());
        gamma = book.gamma(market);
        HedgePlan plan = hedger.plan(book, hedge, market);
        double trade = plan.trade();
        if (trade == 0) {
            return;
        }
        double usd = Math.abs(trade) * spot;
        double onVenues = Math.abs(trade) * spec.venueShare();
        AssetId spotAsset = spec.spotAsset();
        if (trade < 0) {
            if (onVenues > 0) {
                block.sell(spotAsset, spec.quoteAsset(), onVenues);
            }
            block.forcedSale(spec.underlying(), usd);
            soldUsd += usd;
        } else {
            if (onVenues > 0) {
                block.sell(spec.quoteAsset(), spotAsset, onVenues * spot / block.prices().usd(spec.quoteAsset()));
            }
            soldUsd -= usd;
        }
        hedge += trade;
        block.log("dealer-hedge", spec.id().value(), String.format(Locale.ROOT,
                "%s %.6f %s at %.4f (option delta %.6f, gamma %.8f); hedge now %.6f", trade < 0 ? "sold" : "bought",
                Math.abs(trade), spec.underlying(), spot, plan.optionDelta(), gamma, hedge), trade < 0 ? usd : -usd);
    }

    /** Units of underlying the dealers hold as hedge now. */
    double hedge() {
        return hedge;
    }

    @Override
    public List<String> columns() {
        String x = spec.id().value();
        return List.of("dealerHedgeSold:" + x, "dealerGamma:" + x);
    }

    @Override
    public void fill(double[] row, int offset) {
        row[offset] = soldUsd;
        row[offset + 1] = gamma;
        soldUsd = 0;
    }
}
