package dev.fracture.io;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.fracture.model.ProtocolSpec.OptionsDealer;
import dev.fracture.model.ProtocolSpec.PerpExchange;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Locale;

/** Writes the fields of the {@code perp-exchange} and {@code options-dealer} protocol types, in record order. */
final class DerivativesWriter {
    private final JsonGenerator g;

    DerivativesWriter(JsonGenerator g) {
        this.g = g;
    }

    void perpExchange(PerpExchange p) throws IOException {
        g.writeStringField("settlementAsset", p.settlementAsset().value());
        decimal("insuranceFund", p.insuranceFund());
        g.writeObjectFieldStart("vault");
        decimal("equity", p.vault().equity());
        SnapshotWriter.number(g, "maxLeverage", p.vault().maxLeverage());
        g.writeEndObject();
        g.writeArrayFieldStart("markets");
        for (PerpExchange.PerpMarket m : p.markets()) {
            market(m);
        }
        g.writeEndArray();
        g.writeArrayFieldStart("accounts");
        for (PerpExchange.PerpAccount a : p.accounts()) {
            g.writeStartObject();
            g.writeStringField("id", a.id().value());
            decimal("crossCollateral", a.crossCollateral());
            g.writeArrayFieldStart("positions");
            for (PerpExchange.PerpPosition q : a.positions()) {
                g.writeStartObject();
                g.writeStringField("market", q.market());
                SnapshotWriter.number(g, "size", q.size());
                SnapshotWriter.number(g, "entryPrice", q.entryPrice());
                g.writeStringField("mode", q.mode().name().toLowerCase(Locale.ROOT));
                decimal("isolatedMargin", q.isolatedMargin());
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void market(PerpExchange.PerpMarket m) throws IOException {
        g.writeStartObject();
        g.writeStringField("id", m.id());
        g.writeStringField("asset", m.asset().value());
        if (m.oracle() != null) {
            g.writeStringField("oracle", m.oracle().value());
        }
        if (m.spotAsset() != null) {
            g.writeStringField("spotAsset", m.spotAsset().value());
        }
        g.writeArrayFieldStart("tiers");
        for (PerpExchange.Tier t : m.tiers()) {
            g.writeStartObject();
            SnapshotWriter.number(g, "lowerBound", t.lowerBound());
            SnapshotWriter.number(g, "maxLeverage", t.maxLeverage());
            g.writeEndObject();
        }
        g.writeEndArray();
        SnapshotWriter.number(g, "partialLiquidationNotional", m.partialLiquidationNotional());
        SnapshotWriter.number(g, "partialLiquidationFraction", m.partialLiquidationFraction());
        SnapshotWriter.number(g, "backstopFraction", m.backstopFraction());
        PerpExchange.Funding f = m.funding();
        g.writeObjectFieldStart("funding");
        SnapshotWriter.number(g, "intervalHours", f.intervalHours());
        SnapshotWriter.number(g, "basisHours", f.basisHours());
        SnapshotWriter.number(g, "interestRate", f.interestRate());
        SnapshotWriter.number(g, "premiumClamp", f.premiumClamp());
        SnapshotWriter.number(g, "capPerInterval", f.capPerInterval());
        SnapshotWriter.number(g, "impactNotional", f.impactNotional());
        g.writeEndObject();
        PerpExchange.Book b = m.book();
        g.writeObjectFieldStart("book");
        g.writeNumberField("levels", b.levels());
        SnapshotWriter.number(g, "levelSpacingBps", b.levelSpacingBps());
        SnapshotWriter.number(g, "levelNotionalUsd", b.levelNotionalUsd());
        g.writeNumberField("takerFeePips", b.takerFeePips());
        SnapshotWriter.number(g, "makerHedgeFraction", b.makerHedgeFraction());
        g.writeEndObject();
        g.writeEndObject();
    }

    void optionsDealer(OptionsDealer d) throws IOException {
        g.writeStringField("underlying", d.underlying().value());
        if (d.spotAsset() != null) {
            g.writeStringField("spotAsset", d.spotAsset().value());
        }
        if (d.quoteAsset() != null) {
            g.writeStringField("quoteAsset", d.quoteAsset().value());
        }
        SnapshotWriter.number(g, "venueShare", d.venueShare());
        SnapshotWriter.number(g, "hedgeBand", d.hedgeBand());
        SnapshotWriter.number(g, "rate", d.rate());
        SnapshotWriter.number(g, "yield", d.yield());
        g.writeObjectFieldStart("surface");
        g.writeArrayFieldStart("atm");
        for (OptionsDealer.AtmVol a : d.surface().atm()) {
            g.writeStartObject();
            SnapshotWriter.number(g, "expiryDays", a.expiryDays());
            SnapshotWriter.number(g, "vol", a.vol());
            g.writeEndObject();
        }
        g.writeEndArray();
        SnapshotWriter.number(g, "skew", d.surface().skew());
        SnapshotWriter.number(g, "curvature", d.surface().curvature());
        SnapshotWriter.number(g, "floor", d.surface().floor());
        g.writeEndObject();
        g.writeArrayFieldStart("positions");
        for (OptionsDealer.OptionHolding h : d.positions()) {
            g.writeStartObject();
            g.writeStringField("id", h.id());
            g.writeStringField("type", h.type().name().toLowerCase(Locale.ROOT));
            SnapshotWriter.number(g, "strike", h.strike());
            SnapshotWriter.number(g, "expiryDays", h.expiryDays());
            SnapshotWriter.number(g, "size", h.size());
            g.writeStringField("side", h.side().name().toLowerCase(Locale.ROOT));
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private void decimal(String name, BigDecimal value) throws IOException {
        g.writeFieldName(name);
        g.writeNumber(value);
    }
}
