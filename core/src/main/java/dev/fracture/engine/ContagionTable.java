package dev.fracture.engine;

import dev.fracture.model.AssetId;
import dev.fracture.model.AssetKind;
import dev.fracture.model.OracleId;
import dev.fracture.model.ProtocolId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the contagion table of a run: every protocol that does not hold the shocked asset itself yet saw
 * liquidations or bad debt, with the channel the damage came through ({@link ContagionChannel}, first match in its
 * order). Asset channels come from the snapshot's exposure graph; the oracle channel from the run's log (a feed that
 * a scenario event corrupted and that another protocol reads too); the collateral channel from liquidations in other
 * protocols that force-sold an asset the protocol holds; the liquidator channel from liquidators active both in it
 * and in a directly exposed protocol.
 */
final class ContagionTable {
    private ContagionTable() {
    }

    static List<ContagionRow> of(ExposureGraph graph, AssetId shocked, List<ProtocolBook> books,
                                 List<LiquidationEvent> events, List<RunEvent> log) {
        Map<ProtocolId, Double> liquidated = new LinkedHashMap<>();
        events.forEach(e -> liquidated.merge(e.protocol(), e.repaidUsd(), Double::sum));
        Set<String> corrupted = new TreeSet<>();
        for (RunEvent e : log) {
            if (e.kind().startsWith("oracle-")) {
                corrupted.add(e.subject());
            }
        }
        List<ContagionRow> rows = new ArrayList<>();
        for (ProtocolBook book : books) {
            ProtocolId p = book.id();
            double liq = liquidated.getOrDefault(p, 0.0);
            double bad = book.badDebtUsd();
            if ((liq <= 0 && bad <= 0) || graph.holdsDirectly(p, shocked)) {
                continue;
            }
            String[] via = new String[1];
            ContagionChannel channel = channel(graph, shocked, p, books, events, corrupted, via);
            rows.add(new ContagionRow(p, book.chain(), liq, bad, channel, via[0]));
        }
        return rows;
    }

    private static ContagionChannel channel(ExposureGraph graph, AssetId shocked, ProtocolId p,
                                            List<ProtocolBook> books, List<LiquidationEvent> events,
                                            Set<String> corrupted, String[] via) {
        for (boolean bridged : new boolean[] {true, false}) {
            for (AssetId a : graph.assets(p)) {
                Optional<List<Class<?>>> steps = graph.standsOn(a, shocked);
                if (steps.isPresent() && !steps.get().isEmpty()
                        && steps.get().contains(AssetKind.Bridged.class) == bridged) {
                    via[0] = a.value();
                    return bridged ? ContagionChannel.BRIDGED_ASSET : ContagionChannel.RECEIPT_TOKEN;
                }
            }
        }
        for (OracleId o : graph.feeds(p)) {
            if (corrupted.contains(o.value()) && books.stream().anyMatch(b -> !b.id().equals(p)
                    && graph.feeds(b.id()).contains(o))) {
                via[0] = o.value();
                return ContagionChannel.SHARED_ORACLE;
            }
        }
        for (AssetId a : graph.assets(p)) {
            boolean soldElsewhere = events.stream().anyMatch(e -> !e.protocol().equals(p)
                    && e.collateralAsset().equals(a) && e.soldUsd() > 0);
            if (soldElsewhere) {
                via[0] = a.value();
                return ContagionChannel.SHARED_COLLATERAL;
            }
        }
        Set<String> here = new TreeSet<>();
        Set<String> exposed = new TreeSet<>();
        for (LiquidationEvent e : events) {
            if (e.protocol().equals(p)) {
                here.add(e.liquidator());
            } else if (graph.holdsDirectly(e.protocol(), shocked)) {
                exposed.add(e.liquidator());
            }
        }
        here.retainAll(exposed);
        if (!here.isEmpty()) {
            via[0] = String.join(", ", here);
            return ContagionChannel.LIQUIDATOR_CAPITAL;
        }
        via[0] = "";
        return ContagionChannel.NONE_FOUND;
    }
}
