package dev.fracture.measure;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The Herfindahl–Hirschman index (Herfindahl 1950; Hirschman 1964; as the US merger guidelines use it, on shares as
 * fractions) of an asset's use as collateral. Counts the seizable collateral in the asset and in what moves with it
 * (wstETH held as collateral is exposure to ETH), valued at reference prices.
 */
public final class ConcentrationCalculator {
    public static final ConcentrationCalculator DEFAULT = new ConcentrationCalculator();

    private ConcentrationCalculator() {
    }

    public Concentration concentration(ShockProjection projection) {
        Map<String, Double> byProtocol = new TreeMap<>();
        List<Concentration.Share> accounts = new ArrayList<>();
        double total = 0;
        for (int i = 0; i < projection.size(); i++) {
            double c = projection.movedCollateralReferenceUsd(i);
            if (c > 0) {
                total += c;
                byProtocol.merge(projection.position(i).protocol().value(), c, Double::sum);
                accounts.add(new Concentration.Share(projection.position(i).label(), c, 0));
            }
        }
        List<Concentration.Share> protocols = new ArrayList<>();
        double hhiProtocols = 0;
        for (Map.Entry<String, Double> e : byProtocol.entrySet()) {
            double s = total > 0 ? e.getValue() / total : 0;
            hhiProtocols += s * s;
            protocols.add(new Concentration.Share(e.getKey(), e.getValue(), s));
        }
        Comparator<Concentration.Share> largest = Comparator.comparingDouble(Concentration.Share::usd).reversed()
                .thenComparing(Concentration.Share::holder);
        protocols.sort(largest);
        accounts.sort(largest);
        double hhiAccounts = 0;
        double top10 = 0;
        List<Concentration.Share> top = new ArrayList<>();
        for (int k = 0; k < accounts.size(); k++) {
            double s = accounts.get(k).usd() / total;
            hhiAccounts += s * s;
            if (k < 10) {
                top10 += s;
                top.add(new Concentration.Share(accounts.get(k).holder(), accounts.get(k).usd(), s));
            }
        }
        return new Concentration(projection.scope().asset(), total, hhiProtocols, hhiAccounts, top10, protocols, top);
    }
}
