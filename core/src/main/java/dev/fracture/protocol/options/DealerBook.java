package dev.fracture.protocol.options;

import dev.fracture.model.AssetId;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * The option positions market makers hold on one underlying, all of them as the dealers see them (long = the
 * dealers bought). Options at or past their expiry are settled and drop out of every aggregate, so the hedge of an
 * expiring series unwinds on the next step; cash settlement itself is not modelled here.
 *
 * @param underlying the asset the options are written on, and the asset the dealers hedge with
 * @param positions  the dealers' positions
 */
public record DealerBook(AssetId underlying, List<OptionPosition> positions) {
    public DealerBook {
        Checks.present(underlying, "underlying");
        Checks.present(positions, "positions");
        positions = List.copyOf(positions);
    }

    /** The dealers' book after buying every option in {@code vaultSales} (each a vault's short position). */
    public static DealerBook buyingFrom(AssetId underlying, List<OptionPosition> vaultSales) {
        List<OptionPosition> bought = new ArrayList<>();
        for (OptionPosition sale : vaultSales) {
            bought.add(sale.mirror("dealers<-" + sale.id()));
        }
        return new DealerBook(underlying, bought);
    }

    /** The book with one more position. */
    public DealerBook with(OptionPosition position) {
        List<OptionPosition> more = new ArrayList<>(positions);
        more.add(Checks.present(position, "position"));
        return new DealerBook(underlying, more);
    }

    /** Positions not yet expired at {@code time}. */
    public List<OptionPosition> live(double time) {
        return positions.stream().filter(p -> !p.expiredAt(time)).toList();
    }

    /** Σ signed size × Δ of live positions: the dealers' option delta in units of underlying. */
    public double delta(PricingContext market) {
        double sum = 0;
        for (OptionPosition p : live(market.time())) {
            sum += p.signedSize() * market.greeks(p.type(), p.strike(), p.expiry()).delta();
        }
        return sum;
    }

    /** Σ signed size × Γ of live positions. */
    public double gamma(PricingContext market) {
        return gammaMap(market).total();
    }

    /** Σ signed size × premium of live positions: the book's mark-to-model value, quote units. */
    public double value(PricingContext market) {
        double sum = 0;
        for (OptionPosition p : live(market.time())) {
            sum += p.signedSize() * market.greeks(p.type(), p.strike(), p.expiry()).price();
        }
        return sum;
    }

    /** Dealer gamma by strike and in total, see {@link GammaMap} for the sign conventions. */
    public GammaMap gammaMap(PricingContext market) {
        TreeMap<Double, double[]> byStrike = new TreeMap<>();
        double total = 0;
        for (OptionPosition p : live(market.time())) {
            double g = p.signedSize() * market.greeks(p.type(), p.strike(), p.expiry()).gamma();
            byStrike.computeIfAbsent(p.strike(), k -> new double[1])[0] += g;
            total += g;
        }
        List<StrikeGamma> rows = new ArrayList<>();
        byStrike.forEach((k, g) -> rows.add(new StrikeGamma(k, g[0])));
        return new GammaMap(market.spot(), rows, total);
    }
}
