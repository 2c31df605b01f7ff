package dev.fracture.io;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.fracture.measure.CascadeCurve;
import dev.fracture.measure.Concentration;
import dev.fracture.measure.ContagionNetwork;
import dev.fracture.measure.Depth;
import dev.fracture.measure.FeedDependency;
import dev.fracture.measure.Fragmentation;
import dev.fracture.measure.LiquidationCurve;
import dev.fracture.measure.Lvar;
import dev.fracture.measure.RiskReport;
import dev.fracture.measure.SolvencyBoundary;
import dev.fracture.measure.TailRisk;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The JSON form of a {@link RiskReport}, version 1 of the standard risk report: the shape the JSON Schema
 * {@value #SCHEMA_RESOURCE} describes and docs/risk-report.md documents field by field. The tree is built explicitly,
 * field by field, so the published shape changes only with the schema. Numbers that are not finite (a depth that
 * never refills, a ratio over no depth) are written as null.
 */
public final class RiskReportJson {
    /** The schema on the classpath. */
    public static final String SCHEMA_RESOURCE = "schema/risk-report-v1.schema.json";
    /** The schema's {@code $id}, which every report names in its {@code $schema} field. */
    public static final String SCHEMA_ID = "https://fracture.dev/schema/risk-report-v1.schema.json";

    private static final JsonNodeFactory F = JsonNodeFactory.instance;
    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private RiskReportJson() {
    }

    /** The report as indented JSON text. */
    public static String write(RiskReport report) {
        try {
            return MAPPER.writeValueAsString(tree(report));
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The report as a JSON tree. */
    public static ObjectNode tree(RiskReport r) {
        ObjectNode o = F.objectNode();
        o.put("$schema", SCHEMA_ID);
        o.put("schemaVersion", r.schemaVersion());
        ObjectNode s = o.putObject("snapshot");
        s.put("ecosystem", r.snapshot().ecosystem());
        s.put("asOf", r.snapshot().asOf().toString());
        s.put("protocols", r.snapshot().protocols());
        s.put("positions", r.snapshot().positions());
        ObjectNode p = o.putObject("parameters");
        ObjectNode grid = p.putObject("shockGrid");
        grid.put("maxDownPercent", r.parameters().maxDownPercent());
        grid.put("maxUpPercent", r.parameters().maxUpPercent());
        grid.put("stepPercent", 1);
        p.put("jumpThreshold", r.parameters().jumpThreshold());
        p.put("boundaryBand", r.parameters().boundaryBand());
        ObjectNode lvar = p.putObject("lvar");
        lvar.put("horizonDays", r.parameters().lvarHorizonDays());
        lvar.put("confidence", r.parameters().lvarConfidence());
        ArrayNode sizes = p.putArray("fragmentationSizesUsd");
        r.parameters().fragmentationSizesUsd().forEach(sizes::add);
        ObjectNode units = o.putObject("units");
        units.put("usd", "US dollars at the snapshot's reference prices (fields ending in Usd)");
        units.put("shock", "fraction of the reference price; -0.3 is a 30% fall (fields named shock, move, band)");
        units.put("share", "fraction of a total, 0 to 1 (shares, HHI, value, weight, debtRank)");
        ArrayNode assets = o.putArray("assets");
        r.assets().forEach(a -> assets.add(asset(a)));
        ArrayNode oracles = o.putArray("oracles");
        r.oracles().forEach(f -> oracles.add(feed(f)));
        o.set("contagion", contagion(r.contagion()));
        return o;
    }

    private static ObjectNode asset(RiskReport.AssetRisk a) {
        ObjectNode o = F.objectNode();
        o.put("asset", a.asset().value());
        o.put("chain", a.chain().value());
        o.put("symbol", a.symbol());
        o.put("referencePriceUsd", a.referencePriceUsd());
        ArrayNode moves = o.putArray("movesWith");
        a.curve().movesWith().forEach(m -> moves.add(m.value()));
        o.set("liquidationCurve", liquidationCurve(a.curve()));
        o.set("cascade", cascade(a.cascade()));
        o.set("depth", depth(a.depth()));
        o.set("solvencyBoundary", boundary(a.boundary()));
        o.set("lvar", lvar(a.dailyVolatility(), a.lvar()));
        o.set("concentration", concentration(a.concentration()));
        o.set("fragmentation", fragmentation(a.fragmentation()));
        o.set("tailRisk", tailRisk(a.tailRisk()));
        return o;
    }

    /** One asset's {@code liquidationCurve} object, as the report holds it ({@code $defs/asset}). */
    public static ObjectNode liquidationCurve(LiquidationCurve c) {
        ObjectNode curve = F.objectNode();
        curve.set("down", points(c.down()));
        curve.set("up", points(c.up()));
        return curve;
    }

    private static ArrayNode points(List<LiquidationCurve.Point> points) {
        ArrayNode out = F.arrayNode();
        for (LiquidationCurve.Point p : points) {
            ObjectNode o = out.addObject();
            o.put("shock", p.shock());
            o.put("priceUsd", p.priceUsd());
            o.put("positions", p.positions());
            o.put("collateralUsd", p.collateralUsd());
            o.put("debtUsd", p.debtUsd());
            ObjectNode bp = o.putObject("byProtocol");
            new java.util.TreeMap<>(p.byProtocol()).forEach((k, v) -> bp.put(k.value(), v));
            ObjectNode bc = o.putObject("byChain");
            new java.util.TreeMap<>(p.byChain()).forEach((k, v) -> bc.put(k.value(), v));
        }
        return out;
    }

    private static ObjectNode cascade(CascadeCurve c) {
        ObjectNode o = F.objectNode();
        ObjectNode impact = o.putObject("impactModel");
        impact.put("name", c.impactModel());
        ObjectNode params = impact.putObject("parameters");
        new java.util.TreeMap<>(c.impactParameters()).forEach((k, v) -> number(params, k, v));
        o.put("jumpThreshold", c.jumpThreshold());
        ArrayNode points = o.putArray("points");
        for (CascadeCurve.Point p : c.points()) {
            ObjectNode n = points.addObject();
            n.put("initialShock", p.initialShock());
            n.put("finalShock", p.finalShock());
            n.put("finalPriceUsd", p.finalPriceUsd());
            n.put("positions", p.positions());
            n.put("forcedSalesUsd", p.forcedSalesUsd());
            n.put("liquidatedCollateralUsd", p.liquidatedCollateralUsd());
            n.put("iterations", p.iterations());
        }
        if (c.critical() == null) {
            o.putNull("criticalShock");
        } else {
            ObjectNode k = o.putObject("criticalShock");
            k.put("shock", c.critical().shock());
            k.put("finalShockAbove", c.critical().finalShockAbove());
            k.put("finalShockBelow", c.critical().finalShockBelow());
            ArrayNode fell = k.putArray("liquidatedBelow");
            c.critical().liquidatedBelow().forEach(fell::add);
        }
        return o;
    }

    private static ObjectNode depth(Depth d) {
        ObjectNode o = F.objectNode();
        o.set("bands", bands(d.bands()));
        ArrayNode chains = o.putArray("chains");
        for (Depth.ChainDepth c : d.chains()) {
            ObjectNode n = chains.addObject();
            n.put("chain", c.chain().value());
            n.set("bands", bands(c.bands()));
            n.put("velocityUsdPerHour", c.velocityUsdPerHour());
        }
        ArrayNode venues = o.putArray("venues");
        for (Depth.VenueDepth v : d.venues()) {
            ObjectNode n = venues.addObject();
            n.put("venue", v.venue().value());
            n.put("chain", v.chain().value());
            n.put("sold", v.sold().value());
            n.put("received", v.received().value());
            n.set("bands", bands(v.bands()));
        }
        o.put("velocityUsdPerHour", d.velocityUsdPerHour());
        number(o, "hoursToRefill2Percent", d.hoursToRefill2Percent());
        return o;
    }

    private static ArrayNode bands(List<Depth.Band> bands) {
        ArrayNode out = F.arrayNode();
        for (Depth.Band b : bands) {
            ObjectNode n = out.addObject();
            n.put("move", b.move());
            n.put("absorbedUsd", b.absorbedUsd());
        }
        return out;
    }

    private static ObjectNode boundary(SolvencyBoundary b) {
        ObjectNode o = F.objectNode();
        o.put("band", b.band());
        o.put("absorbableUsd", b.absorbableUsd());
        number(o, "boundaryShock", b.boundaryShock());
        number(o, "boundaryPriceUsd", b.boundaryPriceUsd());
        ArrayNode points = o.putArray("points");
        for (SolvencyBoundary.Point p : b.points()) {
            ObjectNode n = points.addObject();
            n.put("shock", p.shock());
            n.put("forcedSalesUsd", p.forcedSalesUsd());
            number(n, "ratio", p.ratio());
        }
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode lvar(Double sigma, List<Lvar> lvar) {
        if (sigma == null || lvar.isEmpty()) {
            return F.nullNode();
        }
        ObjectNode o = F.objectNode();
        o.put("dailyVolatility", sigma);
        o.put("horizonDays", lvar.get(0).horizonDays());
        o.put("confidence", lvar.get(0).confidence());
        o.put("z", lvar.get(0).z());
        o.put("variant", "Bangia et al. (1999) with the exogenous spread cost replaced by the cost of selling the "
                + "holding into the aggregated venue depth");
        ArrayNode holdings = o.putArray("holdings");
        for (Lvar l : lvar) {
            ObjectNode n = holdings.addObject();
            n.put("holder", l.holder());
            n.put("positionUsd", l.positionUsd());
            n.put("marketVarUsd", l.marketVarUsd());
            n.put("liquidationCostUsd", l.liquidationCostUsd());
            n.put("lvarUsd", l.lvarUsd());
        }
        return o;
    }

    private static ObjectNode concentration(Concentration c) {
        ObjectNode o = F.objectNode();
        o.put("totalUsd", c.totalUsd());
        o.put("hhiProtocols", c.hhiProtocols());
        o.put("hhiAccounts", c.hhiAccounts());
        o.put("top10Share", c.top10Share());
        o.set("protocols", shares(c.protocols()));
        o.set("topAccounts", shares(c.topAccounts()));
        return o;
    }

    private static ArrayNode shares(List<Concentration.Share> shares) {
        ArrayNode out = F.arrayNode();
        for (Concentration.Share s : shares) {
            ObjectNode n = out.addObject();
            n.put("holder", s.holder());
            n.put("usd", s.usd());
            n.put("share", s.share());
        }
        return out;
    }

    private static com.fasterxml.jackson.databind.JsonNode fragmentation(Fragmentation f) {
        if (f == null) {
            return F.nullNode();
        }
        ObjectNode o = F.objectNode();
        o.put("buy", f.buy().value());
        ArrayNode orders = o.putArray("orders");
        for (Fragmentation.Order r : f.orders()) {
            ObjectNode n = orders.addObject();
            n.put("sizeUsd", r.sizeUsd());
            n.put("amountIn", r.amountIn());
            n.put("routedOut", r.routedOut());
            n.put("bestSingleOut", r.bestSingleOut());
            n.put("unifiedOut", r.unifiedOut());
            n.put("fragmentationCostUsd", r.fragmentationCostUsd());
            n.put("fragmentationCostBps", r.fragmentationCostBps());
            n.put("complete", r.complete());
        }
        return o;
    }

    private static com.fasterxml.jackson.databind.JsonNode tailRisk(TailRisk t) {
        if (t == null) {
            return F.nullNode();
        }
        ObjectNode o = F.objectNode();
        o.put("horizonSeconds", t.horizonSeconds());
        o.put("paths", t.paths());
        o.put("seed", t.seed());
        ArrayNode lar = o.putArray("liquidationsAtRisk");
        quantile(lar, 0.95, t.liquidationsAtRisk95Usd());
        ArrayNode var = o.putArray("badDebtVar");
        quantile(var, 0.95, t.badDebtVar95Usd());
        quantile(var, 0.99, t.badDebtVar99Usd());
        o.put("meanLiquidationsUsd", t.meanLiquidationsUsd());
        o.put("meanBadDebtUsd", t.meanBadDebtUsd());
        return o;
    }

    private static void quantile(ArrayNode into, double confidence, double usd) {
        ObjectNode n = into.addObject();
        n.put("confidence", confidence);
        n.put("usd", usd);
    }

    private static ObjectNode feed(FeedDependency f) {
        ObjectNode o = F.objectNode();
        o.put("oracle", f.oracle().value());
        o.put("type", f.type());
        o.put("asset", f.asset().value());
        ArrayNode readBy = o.putArray("readBy");
        f.readBy().forEach(id -> readBy.add(id.value()));
        ArrayNode protocols = o.putArray("protocols");
        f.protocols().forEach(id -> protocols.add(id.value()));
        o.put("collateralSecuredUsd", f.collateralSecuredUsd());
        o.put("debtSecuredUsd", f.debtSecuredUsd());
        ArrayNode deps = o.putArray("dependents");
        for (FeedDependency.Dependent d : f.dependents()) {
            ObjectNode n = deps.addObject();
            n.put("protocol", d.protocol().value());
            n.put("market", d.market());
            n.put("asset", d.asset().value());
            n.put("via", d.via().value());
            n.put("positions", d.positions());
            n.put("collateralUsd", d.collateralUsd());
            n.put("debtUsd", d.debtUsd());
        }
        return o;
    }

    private static ObjectNode contagion(ContagionNetwork c) {
        ObjectNode o = F.objectNode();
        ArrayNode nodes = o.putArray("nodes");
        for (ContagionNetwork.Node n : c.nodes()) {
            ObjectNode x = nodes.addObject();
            x.put("id", n.id());
            x.put("kind", n.kind().name().toLowerCase(java.util.Locale.ROOT));
            x.put("lentUsd", n.lentUsd());
            x.put("value", n.value());
            x.put("debtRank", n.debtRank());
            ArrayNode hit = x.putArray("distressed");
            n.distressed().forEach(hit::add);
        }
        ArrayNode edges = o.putArray("edges");
        for (ContagionNetwork.Edge e : c.edges()) {
            ObjectNode x = edges.addObject();
            x.put("from", e.from());
            x.put("to", e.to());
            x.put("weight", e.weight());
            x.put("reason", e.reason());
        }
        return o;
    }

    private static void number(ObjectNode o, String field, Double value) {
        if (value == null || !Double.isFinite(value)) {
            o.putNull(field);
        } else {
            o.put(field, value);
        }
    }
}
